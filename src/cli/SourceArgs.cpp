#include "SourceArgs.h"

#include "earshot/store/Sources.h"
#include "store/sqlite/SqliteSession.h"

namespace earshot::cli {

Result<std::vector<std::int64_t>> findSourceIds(store::Session& session, const std::vector<std::string>& given)
{
    std::vector<std::int64_t> ids;
    for (const std::string& source : given) {
        // TRANSITIONAL (issue 12): sources are read through the connection until they have a store.
        auto found = store::SourceRepository(store::sqlite::databaseOf(session)).find(source);
        if (!found)
            return found.error();
        ids.push_back(found->id);
    }
    return ids;
}

}  // namespace earshot::cli
