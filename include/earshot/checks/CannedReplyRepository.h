// Canned replies: named reply templates, one per name and language ("bedankt" in nl and in
// en), kept by store::CannedReplyStore. Bodies may use the variables of Template.h; a body with
// an unknown variable is refused, since it could never be sent as written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/CannedReplyStore.h"
#include "earshot/store/Session.h"

namespace earshot::checks {

using store::CannedReply;

class CannedReplyRepository {
public:
    explicit CannedReplyRepository(store::Session& session) : m_store(session.cannedReplies()) {}
    explicit CannedReplyRepository(store::CannedReplyStore& store) : m_store(store) {}

    // Fails when the name already exists in that language, or the reply is not valid.
    Result<std::int64_t> add(const CannedReply& reply);
    // Replaces the body of the reply with this name and language.
    Status update(const std::string& name, const std::string& language, const std::string& body);
    // By name, then language; only one language when `language` is given.
    Result<std::vector<CannedReply>> list(const std::optional<std::string>& language = std::nullopt);
    Result<CannedReply> find(const std::string& name, const std::string& language);
    Status remove(const std::string& name, const std::string& language);

private:
    store::CannedReplyStore& m_store;
};

// Why a canned reply cannot be stored as it is, or Ok: a name, a two- or three-letter
// language code, a non-empty body without unknown variables.
Status validateCannedReply(const CannedReply& reply);

}  // namespace earshot::checks
