// Canned replies as stored: one body per name and language. It only executes; what makes a
// canned reply valid (a language code, known template variables) and the messages a person
// reads are checks::CannedReplyRepository's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::store {

struct CannedReply {
    std::int64_t id = 0;
    std::string name;
    std::string language;   // lower-case ISO 639-1 code: "nl", "en"
    std::string body;
};

class CannedReplyStore {
public:
    virtual ~CannedReplyStore() = default;

    // The new id; fails when the name and language are taken.
    virtual Result<std::int64_t> insert(const CannedReply& reply) = 0;
    // false: no reply with this name and language.
    virtual Result<bool> updateBody(const std::string& name, const std::string& language, const std::string& body) = 0;
    // By name (case-insensitive), then language; only one language when `language` is given.
    virtual Result<std::vector<CannedReply>> list(const std::optional<std::string>& language) = 0;
    virtual Result<std::optional<CannedReply>> find(const std::string& name, const std::string& language) = 0;
    // false: there was none.
    virtual Result<bool> remove(const std::string& name, const std::string& language) = 0;

protected:
    CannedReplyStore() = default;
};

}  // namespace earshot::store
