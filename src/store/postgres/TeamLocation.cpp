#include "earshot/store/TeamLocation.h"

#include <libpq-fe.h>

#include <memory>
#include <vector>

#include "earshot/store/Workspace.h"
#include "store/postgres/PgWorkspace.h"

namespace earshot::store {

namespace {

// One keyword=value, the value single-quoted with \' and \\ when it is empty or holds a
// space, a quote or a backslash (libpq's own rules).
std::string keyword(const std::string& name, const std::string& value)
{
    if (!value.empty() && value.find_first_of(" \t\n'\\") == std::string::npos)
        return name + "=" + value;
    std::string quoted = name + "='";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

using Options = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

Result<Options> parsed(const std::string& location)
{
    char* error = nullptr;
    Options options(PQconninfoParse(location.c_str(), &error), &PQconninfoFree);
    if (!options) {
        std::string message = error ? error : "out of memory";
        PQfreemem(error);
        while (!message.empty() && message.back() == '\n')
            message.pop_back();
        return fail("cannot read the team workspace's location: " + message);
    }
    return options;
}

}  // namespace

Result<TeamLocationParts> parseTeamLocation(const std::string& location)
{
    auto options = parsed(location);
    if (!options)
        return options.error();
    TeamLocationParts parts;
    for (const PQconninfoOption* option = options->get(); option->keyword; ++option) {
        const std::string value = option->val ? option->val : "";
        const std::string name = option->keyword;
        if (name == "host")
            parts.host = value;
        else if (name == "port")
            parts.port = value;
        else if (name == "dbname")
            parts.database = value;
        else if (name == "user")
            parts.user = value;
        else if (name == "sslmode")
            parts.sslMode = value;
        else if (name == "sslrootcert")
            parts.sslRootCert = value;
        else if (!value.empty() && name != "password")
            parts.others += (parts.others.empty() ? "" : " ") + keyword(name, value);
    }
    return parts;
}

std::string teamLocation(const TeamLocationParts& parts)
{
    std::string location;
    const auto add = [&](const char* name, const std::string& value) {
        if (!value.empty())
            location += (location.empty() ? "" : " ") + keyword(name, value);
    };
    add("host", parts.host);
    add("port", parts.port);
    add("dbname", parts.database);
    add("user", parts.user);
    add("sslmode", parts.sslMode);
    add("sslrootcert", parts.sslRootCert);
    if (!parts.others.empty())
        location += (location.empty() ? "" : " ") + parts.others;
    return location;
}

namespace {

// Every keyword the location gives, as keywords (a URI too), but the password.
Result<std::string> keywordsWithoutPassword(const std::string& location)
{
    auto options = parsed(location);
    if (!options)
        return options.error();
    std::string keywords;
    for (const PQconninfoOption* option = options->get(); option->keyword; ++option)
        if (option->val && std::string(option->keyword) != "password")
            keywords += (keywords.empty() ? "" : " ") + keyword(option->keyword, option->val);
    return keywords;
}

}  // namespace

Result<std::string> withPassword(const std::string& location, const std::string& password)
{
    auto keywords = keywordsWithoutPassword(location);
    if (!keywords)
        return keywords.error();
    return *keywords + " " + keyword("password", password);
}

std::string canonicalLocation(const std::string& location)
{
    if (!isTeamLocation(location))
        return location;
    auto keywords = keywordsWithoutPassword(location);
    return keywords ? *keywords : location;
}

std::string shownLocation(const std::string& location)
{
    return isTeamLocation(location) ? postgres::withoutPassword(location) : location;
}

}  // namespace earshot::store
