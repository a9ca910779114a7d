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

}  // namespace earshot::core
