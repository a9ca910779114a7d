#include "earshot/checks/CannedReplyRepository.h"

#include "earshot/checks/Template.h"

namespace earshot::checks {

namespace {

bool isBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

bool isLanguageCode(const std::string& language)
{
    if (language.size() < 2 || language.size() > 3)
        return false;
    for (char c : language) {
        if (c < 'a' || c > 'z')
            return false;
    }
    return true;
}

std::string describe(const std::string& name, const std::string& language)
{
    return "canned reply '" + name + "' (" + language + ")";
}

}  // namespace

Status validateCannedReply(const CannedReply& reply)
{
    if (isBlank(reply.name))
        return fail("a canned reply needs a name");
    if (!isLanguageCode(reply.language))
        return fail("language '" + reply.language + "' is not a language code; use e.g. nl or en");
    if (isBlank(reply.body))
        return fail(describe(reply.name, reply.language) + " needs a text");
    std::string unknown;
    for (const TemplateVariable& variable : findTemplateVariables(reply.body)) {
        if (!isKnownTemplateVariable(variable.name))
            unknown += (unknown.empty() ? "{" : ", {") + variable.name + "}";
    }
    if (!unknown.empty()) {
        std::string known;
        for (const std::string& name : knownTemplateVariables())
            known += (known.empty() ? "{" : ", {") + name + "}";
        return fail("unknown variable " + unknown + " in " + describe(reply.name, reply.language) +
                    "; known variables are " + known);
    }
    return Ok{};
}

Result<std::int64_t> CannedReplyRepository::add(const CannedReply& reply)
{
    if (auto valid = validateCannedReply(reply); !valid)
        return valid.error();
    if (auto existing = m_store.find(reply.name, reply.language); !existing)
        return existing.error();
    else if (*existing)
        return fail(describe(reply.name, reply.language) + " already exists; remove it first or update it");
    auto id = m_store.insert(reply);
    if (!id)
        return fail("cannot store " + describe(reply.name, reply.language) + ": " + id.message());
    return *id;
}

Status CannedReplyRepository::update(const std::string& name, const std::string& language, const std::string& body)
{
    if (auto valid = validateCannedReply({0, name, language, body}); !valid)
        return valid;
    auto updated = m_store.updateBody(name, language, body);
    if (!updated)
        return updated.error();
    if (!*updated)
        return fail("there is no " + describe(name, language));
    return Ok{};
}

Result<std::vector<CannedReply>> CannedReplyRepository::list(const std::optional<std::string>& language)
{
    return m_store.list(language);
}

Result<CannedReply> CannedReplyRepository::find(const std::string& name, const std::string& language)
{
    auto found = m_store.find(name, language);
    if (!found)
        return found.error();
    if (!*found)
        return fail("there is no " + describe(name, language));
    return std::move(**found);
}

Status CannedReplyRepository::remove(const std::string& name, const std::string& language)
{
    auto removed = m_store.remove(name, language);
    if (!removed)
        return removed.error();
    if (!*removed)
        return fail("there is no " + describe(name, language));
    return Ok{};
}

}  // namespace earshot::checks
