// Canned replies: named reply templates, one per name and language ("bedankt" in nl and in
// en), stored in the canned_replies table. Bodies may use the variables of Template.h; a
// body with an unknown variable is refused, since it could never be sent as written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "store/sqlite/Database.h"

namespace earshot::checks {

struct CannedReply {
    std::int64_t id = 0;
    std::string name;
    std::string language;   // lower-case ISO 639-1 code: "nl", "en"
    std::string body;
};

class CannedReplyRepository {
public:
    explicit CannedReplyRepository(store::Database& db) : m_db(db) {}

    // Fails when the name already exists in that language, or the reply is not valid.
    Result<std::int64_t> add(const CannedReply& reply);
    // Replaces the body of the reply with this name and language.
    Status update(const std::string& name, const std::string& language, const std::string& body);
    // By name, then language; only one language when `language` is given.
    Result<std::vector<CannedReply>> list(const std::optional<std::string>& language = std::nullopt);
    Result<CannedReply> find(const std::string& name, const std::string& language);
    Status remove(const std::string& name, const std::string& language);

private:
    store::Database& m_db;
};

// Why a canned reply cannot be stored as it is, or Ok: a name, a two- or three-letter
// language code, a non-empty body without unknown variables.
Status validateCannedReply(const CannedReply& reply);

}  // namespace earshot::checks
