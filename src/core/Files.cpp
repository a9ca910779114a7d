#include "earshot/core/Files.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace earshot::core {

Result<std::string> readFile(const std::string& path, std::size_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail("cannot read " + path + ": " + std::strerror(errno));
    std::string content;
    char buffer[64 * 1024];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        content.append(buffer, std::size_t(in.gcount()));
        if (content.size() > maxBytes)
            return fail(path + " is larger than " + std::to_string(maxBytes / (1024 * 1024)) + " MiB");
    }
    if (in.bad())
        return fail("cannot read " + path + ": " + std::strerror(errno));
    return content;
}

Status replaceFile(const std::filesystem::path& target,
                   const std::function<Status(const std::filesystem::path& part)>& write)
{
    std::error_code ignored;
    if (std::filesystem::is_directory(target, ignored))
        return fail(target.string() + " is a folder; choose a file name");
    std::filesystem::path part = target;
    part += ".part";
    if (!std::ofstream(part, std::ios::binary | std::ios::trunc)) {
        const std::string reason = std::strerror(errno);
        const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
        return fail("cannot write in the folder " + folder.string() + " (" + reason +
                    "); choose a folder you may write to");
    }
    Status written = write(part);
    if (written) {
        std::error_code error;
        std::filesystem::rename(part, target, error);
        if (!error)
            return Ok{};
        written = fail("cannot put " + target.string() + " in place: " + error.message());
    }
    std::filesystem::remove(part, ignored);
    return written;
}

}  // namespace earshot::core
