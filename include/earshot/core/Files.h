// Reading whole files the user names, with a size limit so a wrong path (a disk image,
// /dev/zero) gives an error instead of eating memory; and writing one whole or not at all.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "earshot/core/Result.h"

namespace earshot::core {

Result<std::string> readFile(const std::string& path, std::size_t maxBytes = 64 * 1024 * 1024);

// Writes `target` whole or not at all: `write` fills "<target>.part" beside it (one file system,
// so the rename is atomic), which takes the target's place only when `write` succeeds. On any
// failure the part file is removed and a file already at `target` stays as it was. A folder
// that cannot be written is an error naming it, before `write` runs.
Status replaceFile(const std::filesystem::path& target,
                   const std::function<Status(const std::filesystem::path& part)>& write);

}  // namespace earshot::core
