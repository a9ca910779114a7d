#include "earshot/core/Logging.h"

#include <memory>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace earshot::core {

void initLogging(const std::filesystem::path& logFile, spdlog::level::level_enum stderrLevel)
{
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(stderrLevel);
    console->set_pattern("earshot: %^%l%$: %v");
    sinks.push_back(console);
    try {
        std::error_code ignored;
        std::filesystem::create_directories(logFile.parent_path(), ignored);
        auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(logFile.string(), 5 * 1024 * 1024, 5);
        file->set_level(spdlog::level::debug);
        sinks.push_back(file);
    } catch (const spdlog::spdlog_ex& e) {
        console->log(spdlog::details::log_msg("earshot", spdlog::level::warn,
                                              std::string("cannot write the log file: ") + e.what()));
    }
    auto logger = std::make_shared<spdlog::logger>("earshot", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
}

}  // namespace earshot::core
