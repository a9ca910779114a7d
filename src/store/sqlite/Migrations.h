// The schema's history: numbered SQL scripts from resources/migrations, embedded at build time.
#pragma once

#include <string_view>
#include <vector>

#include "earshot/core/EmbeddedFile.h"

namespace earshot::store {

struct Migration {
    int version;            // from the file name's leading number: 0002_tags.sql -> 2
    std::string_view name;
    std::string_view sql;
};

// Ordered by version, starting at 1, without gaps.
const std::vector<Migration>& migrations();

// The embedded files behind migrations() (generated).
const std::vector<core::EmbeddedFile>& migrationFiles();

}  // namespace earshot::store
