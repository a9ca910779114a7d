#include "SourceArgs.h"

#include "earshot/store/SourceStore.h"

namespace earshot::cli {

Result<std::vector<std::int64_t>> findSourceIds(store::Session& session, const std::vector<std::string>& given)
{
    std::vector<std::int64_t> ids;
    for (const std::string& source : given) {
        auto found = session.sources().find(source);
        if (!found)
            return found.error();
        ids.push_back(found->id);
    }
    return ids;
}

}  // namespace earshot::cli
