// A file compiled into the program (cmake/EmbedFiles.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace earshot::core {

struct EmbeddedFile {
    std::string_view name;      // file name without folders, e.g. "0001_init.sql"
    std::string_view content;
};

}  // namespace earshot::core
