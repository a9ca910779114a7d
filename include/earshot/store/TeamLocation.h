// A team workspace's location (a PostgreSQL connection) in parts, for the console's Open Team
// Workspace dialog, and with a password for opening it. A password is never part of a location
// that is shown, logged or remembered: Workspace::location() leaves it out.
#pragma once

#include <string>

#include "earshot/core/Result.h"

namespace earshot::store {

struct TeamLocationParts {
    std::string host;          // a name, an address, or a Unix socket's folder
    std::string port;          // "" for libpq's default, 5432
    std::string database;
    std::string user;
    std::string sslMode;       // "verify-full", "require", "prefer", "disable"; "" for libpq's default
    std::string sslRootCert;   // the CA file that signed the server's certificate
    std::string others;        // any other libpq keywords given (sslcert, options, …), as keywords
};

// The parts of a postgresql:// URI or of libpq keywords; fails for what libpq cannot read.
Result<TeamLocationParts> parseTeamLocation(const std::string& location);
// libpq keywords for the parts given, each quoted where it needs to be.
std::string teamLocation(const TeamLocationParts& parts);
// The location with libpq's password keyword, to open it with.
Result<std::string> withPassword(const std::string& location, const std::string& password);
// A team's location as libpq keywords in libpq's order, without a password: one text for one
// workspace however it was written (a URI, keywords), to remember it and its password by. A
// SQLite path, or a location libpq cannot read, is returned as it is.
std::string canonicalLocation(const std::string& location);
// What may be shown or logged of a location: it without a password.
std::string shownLocation(const std::string& location);

}  // namespace earshot::store
