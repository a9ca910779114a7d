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

CannedReply readRow(const store::Statement& row)
{
    return {row.integer(0), row.text(1), row.text(2), row.text(3)};
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
    if (auto existing = find(reply.name, reply.language); existing)
        return fail(describe(reply.name, reply.language) + " already exists; remove it first or update it");
    auto insert = m_db.cached("INSERT INTO canned_replies(name, language, body) VALUES (?, ?, ?)");
    if (!insert)
        return insert.error();
    (*insert)->bind(1, reply.name).bind(2, reply.language).bind(3, reply.body);
    if (auto ran = (*insert)->run(); !ran)
        return fail("cannot store " + describe(reply.name, reply.language) + ": " + ran.message());
    return m_db.lastInsertId();
}

Status CannedReplyRepository::update(const std::string& name, const std::string& language, const std::string& body)
{
    if (auto valid = validateCannedReply({0, name, language, body}); !valid)
        return valid;
    auto statement = m_db.cached("UPDATE canned_replies SET body = ? WHERE name = ? AND language = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, body).bind(2, name).bind(3, language);
    if (auto ran = (*statement)->run(); !ran)
        return ran;
    if (m_db.changes() == 0)
        return fail("there is no " + describe(name, language));
    return Ok{};
}

Result<std::vector<CannedReply>> CannedReplyRepository::list(const std::optional<std::string>& language)
{
    auto statement = m_db.cached(
        "SELECT id, name, language, body FROM canned_replies WHERE ?1 IS NULL OR language = ?1"
        " ORDER BY name COLLATE NOCASE, name, language");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, language);
    std::vector<CannedReply> replies;
    while (true) {
        auto row = (*statement)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        replies.push_back(readRow(**statement));
    }
    (*statement)->reset();
    return replies;
}

Result<CannedReply> CannedReplyRepository::find(const std::string& name, const std::string& language)
{
    auto statement = m_db.cached("SELECT id, name, language, body FROM canned_replies WHERE name = ? AND language = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, name).bind(2, language);
    auto row = (*statement)->step();
    if (!row)
        return row.error();
    if (!*row)
        return fail("there is no " + describe(name, language));
    CannedReply reply = readRow(**statement);
    (*statement)->reset();
    return reply;
}

Status CannedReplyRepository::remove(const std::string& name, const std::string& language)
{
    auto statement = m_db.cached("DELETE FROM canned_replies WHERE name = ? AND language = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, name).bind(2, language);
    if (auto ran = (*statement)->run(); !ran)
        return ran;
    if (m_db.changes() == 0)
        return fail("there is no " + describe(name, language));
    return Ok{};
}

}  // namespace earshot::checks
