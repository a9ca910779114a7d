// Reading --source options: a source named by its id, URL or name, as 'earshot-cli sources
// list' shows it, for the commands that filter or set something per source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Session.h"

namespace earshot::cli {

// The ids of the sources these name; the first one that names none (or several) fails.
Result<std::vector<std::int64_t>> findSourceIds(store::Session& session, const std::vector<std::string>& given);

}  // namespace earshot::cli
