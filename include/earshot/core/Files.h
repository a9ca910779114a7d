// Reading whole files the user names, with a size limit so a wrong path (a disk image,
// /dev/zero) gives an error instead of eating memory.
#pragma once

#include <cstddef>
#include <string>

#include "earshot/core/Result.h"

namespace earshot::core {

Result<std::string> readFile(const std::string& path, std::size_t maxBytes = 64 * 1024 * 1024);

}  // namespace earshot::core
