#include "earshot/bridge/ChangeWatcher.h"

#include <QMetaObject>
#include <QSysInfo>

#include <unistd.h>

#include <algorithm>
#include <random>

#include "earshot/store/Session.h"

namespace earshot::bridge {

namespace {

// More changed conversations than a list refreshes one by one faster than it reloads.
constexpr std::size_t kManyChanges = 1000;
// A desktop away longer than this may have missed what the log kept (two days): it reloads.
constexpr std::chrono::hours kAwayTooLong{24};
constexpr std::chrono::milliseconds kFirstRetry{500};
constexpr std::chrono::milliseconds kLongestRetry{30000};

std::string newDesktopName()
{
    std::random_device random;
    const std::uint64_t tag = (std::uint64_t(random()) << 32) ^ random();
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(tag));
    return QSysInfo::machineHostName().toStdString() + "-" + std::to_string(::getpid()) + "-" + hex;
}

}  // namespace

ChangeWatcher::ChangeWatcher(QObject* parent) : QObject(parent), m_desktop(newDesktopName()) {}

ChangeWatcher::~ChangeWatcher() { stop(); }

Status ChangeWatcher::start(store::Workspace& workspace)
{
    if (m_thread.joinable())
        return fail("already watching the workspace");
    auto session = workspace.reader();
    if (!session)
        return session.error();
    auto position = (*session)->changes().latest();
    if (!position)
        return position.error();
    m_workspace = &workspace;
    m_position = std::move(*position);
    m_lastRead = std::chrono::system_clock::now();
    m_stopping = false;
    m_thread = std::thread([this] { watch(); });
    return Ok{};
}

void ChangeWatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (m_hints)
            m_hints->interrupt();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ChangeWatcher::setPresence(const std::string& agent, std::int64_t conversationId, store::Activity activity)
{
    std::lock_guard lock(m_mutex);
    const store::Presence wanted{m_desktop, agent, conversationId, activity};
    if (wanted == m_presence)
        return;
    m_presence = wanted;
    m_presenceToSay = true;
    if (m_hints)
        m_hints->interrupt();   // say it now, not at the next heartbeat
}

std::vector<store::Presence> ChangeWatcher::othersAt(std::int64_t conversationId) const
{
    std::vector<store::Presence> others;
    for (const store::Presence& presence : m_present)
        if (presence.conversationId == conversationId && presence.desktop != m_desktop)
            others.push_back(presence);
    return others;
}

void ChangeWatcher::report(const std::function<void()>& inGuiThread)
{
    QMetaObject::invokeMethod(this, inGuiThread, Qt::QueuedConnection);
}

bool ChangeWatcher::pauseUnlessStopped(std::chrono::milliseconds pause)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, pause, [this] { return m_stopping; });
}

void ChangeWatcher::watch()
{
    std::unique_ptr<store::Session> session;
    std::chrono::milliseconds retry = kFirstRetry;
    bool lost = false;
    for (;;) {
        const auto readBefore = m_lastRead;
        Status ended = watchConnected(session);
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                break;
        }
        if (m_lastRead != readBefore) {   // it was connected: a new outage starts over
            retry = kFirstRetry;
            lost = false;
        }
        session.reset();
        if (!lost) {
            lost = true;
            report([this, why = QString::fromStdString(ended.message())] {
                m_connected = false;
                emit connectionLost(why);
            });
        }
        if (!pauseUnlessStopped(retry))
            break;
        retry = std::min(retry * 2, kLongestRetry);
        // watchConnected tells of the restored connection once it has read what was missed.
        m_connectedAgain = true;
    }
    // Closing: gone from the others' screens at once. Offline, the row expires by itself, and
    // closing does not wait on a server that does not answer.
    if (session)   // still connected when it stopped
        (void)m_workspace->writer().run(
            [this](store::Session& writing) { return writing.presence().withdraw(m_desktop); });
}

Status ChangeWatcher::watchConnected(std::unique_ptr<store::Session>& session)
{
    auto hints = m_workspace->changeHints();
    if (!hints)
        return hints.error();
    auto opened = m_workspace->reader();
    if (!opened)
        return opened.error();
    session = std::move(*opened);
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return Ok{};
        m_hints = hints->get();
    }
    Status ended = [&]() -> Status {
        for (;;) {
            if (auto read = readChanges(*session); !read)
                return read;
            if (m_connectedAgain) {
                m_connectedAgain = false;
                report([this] {
                    m_connected = true;
                    emit connectionRestored();
                });
            }
            if (auto said = sayPresence(*session); !said)
                return said;
            auto hinted = (*hints)->wait(kLookAnyway);
            if (!hinted)
                return hinted.error();
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return Ok{};
        }
    }();
    std::lock_guard lock(m_mutex);
    m_hints = nullptr;
    return ended;
}

Status ChangeWatcher::readChanges(store::Session& session)
{
    const auto now = std::chrono::system_clock::now();
    if (now - m_lastRead > kAwayTooLong) {
        auto latest = session.changes().latest();
        if (!latest)
            return latest.error();
        m_position = std::move(*latest);
        m_lastRead = now;
        report([this] { emit everythingChanged(); });
        return Ok{};
    }
    auto changes = session.changes().since(m_position);
    if (!changes)
        return changes.error();
    m_position = std::move(changes->next);
    m_lastRead = now;
    if (changes->conversationIds.size() > kManyChanges) {
        report([this] { emit everythingChanged(); });
    } else if (!changes->conversationIds.empty()) {
        QList<qint64> ids(changes->conversationIds.begin(), changes->conversationIds.end());
        report([this, ids = std::move(ids)] { emit conversationsChanged(ids); });
    }
    return Ok{};
}

Status ChangeWatcher::sayPresence(store::Session& session)
{
    const auto now = std::chrono::steady_clock::now();
    store::Presence said;
    bool toSay = false;
    {
        std::lock_guard lock(m_mutex);
        toSay = m_presenceToSay || (!m_presence.agent.empty() && now - m_lastSaid >= kHeartbeat);
        said = m_presence;
        m_presenceToSay = false;
    }
    if (toSay) {
        // Written like every other write of this process, through its one writer.
        Status done = m_workspace->writer().run([&](store::Session& writing) {
            return said.agent.empty() ? writing.presence().withdraw(m_desktop) : writing.presence().announce(said);
        });
        if (done) {
            m_lastSaid = now;
        } else {
            std::lock_guard lock(m_mutex);
            m_presenceToSay = true;   // the next round tries again; reading goes on meanwhile
        }
    }
    auto present = session.presence().present();
    if (!present)
        return present.error();
    if (*present != m_lastPresent) {
        m_lastPresent = *present;
        report([this, present = std::move(*present)] {
            m_present = present;
            emit presenceChanged();
        });
    }
    return Ok{};
}

}  // namespace earshot::bridge
