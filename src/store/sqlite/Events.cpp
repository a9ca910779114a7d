#include "store/sqlite/Events.h"

#include <ctime>

namespace earshot::store {

Status appendEvent(Database& db, const Event& e)
{
    auto insert = db.cached("INSERT INTO events(at, actor, kind, conversation_id, source_id, from_value, to_value, detail)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    return (*insert)->bind(1, e.at ? e.at : std::int64_t(std::time(nullptr)))
        .bind(2, e.actor)
        .bind(3, domain::eventKindName(e.kind))
        .bind(4, e.conversationId)
        .bind(5, e.sourceId)
        .bind(6, e.fromValue)
        .bind(7, e.toValue)
        .bind(8, e.detail)
        .run();
}

}  // namespace earshot::store
