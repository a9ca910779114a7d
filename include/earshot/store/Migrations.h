// The schema's history: numbered SQL scripts from resources/migrations, embedded at build time.
#pragma once

#include <string_view>
#include <vector>

namespace earshot::store {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Ordered by version, starting at 1, without gaps.
const std::vector<Migration>& migrations();

}  // namespace earshot::store
