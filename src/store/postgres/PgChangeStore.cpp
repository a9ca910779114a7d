#include "store/postgres/PgChangeStore.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unordered_set>

namespace earshot::store::postgres {

namespace {

constexpr const char* kChannel = "earshot_changes";

// Transaction ids (xid8) are below 2^63 for as long as any server will run.
std::int64_t transactionId(const std::string& text) { return std::int64_t(std::stoull(text)); }

}  // namespace

// Each read takes the oldest transaction still running in the same snapshot as the rows it
// reads: whatever that snapshot missed commits later, under a transaction at or after it.
Result<ChangePosition> PgChangeStore::latest()
{
    auto rows = m_db.query(
        "SELECT x.xmin::text, c.seq FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) x"
        " LEFT JOIN changes c ON c.xid >= x.xmin");
    if (!rows)
        return rows.error();
    ChangePosition position{transactionId(rows->text(0, 0)), {}};
    for (int row = 0; row < rows->size(); ++row)
        if (!rows->isNull(row, 1))
            position.seen.push_back(rows->integer(row, 1));
    return position;
}

Result<Changes> PgChangeStore::since(const ChangePosition& from)
{
    auto rows = m_db.query(
        "SELECT x.xmin::text, c.seq, c.xid::text, c.conversation_id"
        " FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) x"
        " LEFT JOIN changes c ON c.xid >= $1::text::xid8",
        {std::to_string(from.position)});
    if (!rows)
        return rows.error();
    const std::unordered_set<std::int64_t> seen(from.seen.begin(), from.seen.end());
    Changes changes;
    changes.next.position = std::max(from.position, transactionId(rows->text(0, 0)));
    for (int row = 0; row < rows->size(); ++row) {
        if (rows->isNull(row, 1))
            continue;
        const std::int64_t seq = rows->integer(row, 1);
        if (transactionId(rows->text(row, 2)) >= changes.next.position)
            changes.next.seen.push_back(seq);
        if (!seen.count(seq))
            changes.conversationIds.push_back(rows->integer(row, 3));
    }
    std::sort(changes.conversationIds.begin(), changes.conversationIds.end());
    changes.conversationIds.erase(std::unique(changes.conversationIds.begin(), changes.conversationIds.end()),
                                  changes.conversationIds.end());
    return changes;
}

Status PgPresenceStore::announce(const Presence& presence)
{
    // What crashed desktops said long ago (the same hour as on SQLite).
    if (auto cleared = m_db.run("DELETE FROM presence WHERE expires_at < now() - interval '1 hour'"); !cleared)
        return cleared;
    return m_db.run(
        "INSERT INTO presence(desktop, agent, conversation_id, activity, expires_at)"
        " VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))"
        " ON CONFLICT (desktop) DO UPDATE SET agent = excluded.agent, conversation_id = excluded.conversation_id,"
        " activity = excluded.activity, expires_at = excluded.expires_at",
        {presence.desktop, presence.agent, presence.conversationId, activityName(presence.activity),
         kPresenceLifeSeconds});
}

Status PgPresenceStore::withdraw(const std::string& desktop)
{
    return m_db.run("DELETE FROM presence WHERE desktop = $1", {desktop});
}

Result<std::vector<Presence>> PgPresenceStore::present()
{
    auto rows = m_db.query(
        "SELECT desktop, agent, conversation_id, activity FROM presence WHERE expires_at > now()"
        " ORDER BY agent, desktop");
    if (!rows)
        return rows.error();
    std::vector<Presence> present;
    for (int row = 0; row < rows->size(); ++row)
        present.push_back({rows->text(row, 0), rows->text(row, 1), rows->integer(row, 2),
                           activityNamed(rows->text(row, 3))});
    return present;
}

Result<std::unique_ptr<ChangeHints>> PgChangeHints::listen(Connection db)
{
    if (auto listening = db.exec(std::string("LISTEN ") + kChannel); !listening)
        return listening.error();
    const int wakeUp = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wakeUp < 0)
        return fail(std::string("cannot wait for changes: ") + std::strerror(errno));
    return std::unique_ptr<ChangeHints>(new PgChangeHints(std::move(db), wakeUp));
}

PgChangeHints::~PgChangeHints() { ::close(m_wakeUp); }

Result<bool> PgChangeHints::wait(std::chrono::milliseconds timeout)
{
    auto arrived = m_db.notified();   // what came while nobody waited
    if (!arrived || *arrived)
        return arrived;
    pollfd watched[] = {{m_db.socket(), POLLIN, 0}, {m_wakeUp, POLLIN, 0}};
    const int ready = ::poll(watched, 2, int(timeout.count()));
    if (ready < 0)
        return errno == EINTR ? Result<bool>(false) : fail(std::string("cannot wait for changes: ") + std::strerror(errno));
    if (watched[1].revents != 0) {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto drained = ::read(m_wakeUp, &count, sizeof count);
        return false;
    }
    if (ready == 0)
        return false;
    return m_db.notified();
}

void PgChangeHints::interrupt()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeUp, &one, sizeof one);
}

}  // namespace earshot::store::postgres
