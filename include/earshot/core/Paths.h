// Where Earshot keeps its data on this machine (XDG base directories).
#pragma once

#include <filesystem>

namespace earshot::core {

// $XDG_DATA_HOME/earshot, else ~/.local/share/earshot.
std::filesystem::path dataDirectory();

// dataDirectory()/earshot.db
std::filesystem::path defaultDatabasePath();

// The log file for a database: earshot.log beside it, so each workspace keeps its own.
std::filesystem::path logFileFor(const std::filesystem::path& databasePath);

}  // namespace earshot::core
