#include "store/sqlite/Migrations.h"

#include <charconv>
#include <stdexcept>
#include <string>

namespace earshot::store {

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all = [] {
        std::vector<Migration> ordered;
        for (const core::EmbeddedFile& file : migrationFiles()) {
            int version = 0;
            std::from_chars(file.name.data(), file.name.data() + file.name.size(), version);
            // A gap or a misnamed file is a packaging mistake, not something to run around.
            if (version != int(ordered.size()) + 1)
                throw std::logic_error("migration " + std::string(file.name) + " is out of sequence");
            ordered.push_back({version, file.name.substr(0, file.name.find('.')), file.content});
        }
        return ordered;
    }();
    return all;
}

}  // namespace earshot::store
