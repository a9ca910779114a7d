// spdlog setup shared by the CLI and the console: a rotating file plus stderr.
#pragma once

#include <filesystem>

#include <spdlog/common.h>

namespace earshot::core {

// Logs to a rotating file (5 x 5 MiB) at debug level and to stderr at stderrLevel.
// A log file that cannot be opened is reported on stderr and otherwise ignored:
// logging must never stop the program.
void initLogging(const std::filesystem::path& logFile, spdlog::level::level_enum stderrLevel);

}  // namespace earshot::core
