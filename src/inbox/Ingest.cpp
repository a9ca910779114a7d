#include "earshot/inbox/Ingest.h"

namespace earshot::inbox {

Result<store::IngestResult> ingestMentions(store::Session& session, std::int64_t sourceId,
                                           const std::vector<store::NewMention>& mentions, std::int64_t now)
{
    return session.mentions().ingest(sourceId, mentions, now);
}

}  // namespace earshot::inbox
