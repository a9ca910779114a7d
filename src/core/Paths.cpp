#include "earshot/core/Paths.h"

#include <cstdlib>

namespace earshot::core {

std::filesystem::path dataDirectory()
{
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "earshot";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "earshot";
    return std::filesystem::current_path() / ".earshot";
}

std::filesystem::path defaultDatabasePath() { return dataDirectory() / "earshot.db"; }

std::filesystem::path logFileFor(const std::filesystem::path& databasePath)
{
    return databasePath.parent_path() / "earshot.log";
}

}  // namespace earshot::core
