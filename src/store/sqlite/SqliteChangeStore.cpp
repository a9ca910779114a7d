#include "store/sqlite/SqliteChangeStore.h"

#include <algorithm>

namespace earshot::store::sqlite {

namespace {

// How long a reader waits before it looks again: changes of another process on this desk
// show within it.
constexpr std::chrono::milliseconds kLookAgain{500};

constexpr const char* kNow = "CAST(strftime('%s', 'now') AS INTEGER)";

}  // namespace

Result<ChangePosition> SqliteChangeStore::latest()
{
    auto last = queryInteger(m_db, "SELECT coalesce(max(seq), 0) FROM changes");
    if (!last)
        return last.error();
    return ChangePosition{*last, {}};
}

Result<Changes> SqliteChangeStore::since(const ChangePosition& from)
{
    auto query = m_db.cached("SELECT seq, conversation_id FROM changes WHERE seq > ? ORDER BY seq");
    if (!query)
        return query.error();
    (*query)->bind(1, from.position);
    Changes changes{{}, from};
    if (auto read = eachRow(**query, [&](Statement& row) {
            changes.next.position = row.integer(0);
            changes.conversationIds.push_back(row.integer(1));
        });
        !read)
        return read.error();
    std::sort(changes.conversationIds.begin(), changes.conversationIds.end());
    changes.conversationIds.erase(std::unique(changes.conversationIds.begin(), changes.conversationIds.end()),
                                  changes.conversationIds.end());
    return changes;
}

Status SqlitePresenceStore::announce(const Presence& presence)
{
    auto upsert = m_db.cached(std::string("INSERT INTO presence(desktop, agent, conversation_id, activity, expires_at)"
                                          " VALUES (?, ?, ?, ?, ") + kNow + " + ?)"
                              " ON CONFLICT (desktop) DO UPDATE SET agent = excluded.agent,"
                              " conversation_id = excluded.conversation_id, activity = excluded.activity,"
                              " expires_at = excluded.expires_at");
    if (!upsert)
        return upsert.error();
    (*upsert)->bind(1, presence.desktop)
        .bind(2, presence.agent)
        .bind(3, presence.conversationId)
        .bind(4, activityName(presence.activity))
        .bind(5, kPresenceLifeSeconds);
    if (auto stored = (*upsert)->run(); !stored)
        return stored;
    // What crashed desktops said long ago.
    return m_db.exec(std::string("DELETE FROM presence WHERE expires_at < ") + kNow + " - 3600");
}

Status SqlitePresenceStore::withdraw(const std::string& desktop)
{
    auto remove = m_db.cached("DELETE FROM presence WHERE desktop = ?");
    if (!remove)
        return remove.error();
    (*remove)->bind(1, desktop);
    return (*remove)->run();
}

Result<std::vector<Presence>> SqlitePresenceStore::present()
{
    auto query = m_db.cached(std::string("SELECT desktop, agent, conversation_id, activity FROM presence"
                                         " WHERE expires_at > ") + kNow + " ORDER BY agent, desktop");
    if (!query)
        return query.error();
    std::vector<Presence> present;
    if (auto read = eachRow(**query, [&](Statement& row) {
            present.push_back({row.text(0), row.text(1), row.integer(2), activityNamed(row.text(3))});
        });
        !read)
        return read.error();
    return present;
}

Result<bool> SqliteChangeHints::wait(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    const bool interrupted =
        m_interrupted.wait_for(lock, std::min(timeout, kLookAgain), [this] { return m_interrupt; });
    m_interrupt = false;
    // Without a server to say so, any wait may have missed a change: always worth a look,
    // unless the reader is being stopped.
    return !interrupted;
}

void SqliteChangeHints::interrupt()
{
    {
        std::lock_guard lock(m_mutex);
        m_interrupt = true;
    }
    m_interrupted.notify_all();
}

}  // namespace earshot::store::sqlite
