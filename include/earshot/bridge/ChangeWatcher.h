// Keeps a desktop up to date with what the others do in the same workspace: which
// conversations they changed (claims, replies, notes, status, new mentions) and who is at
// which conversation. A thread of its own waits for the workspace's hints, reads the change
// log from where it last stood, and says this desktop's own presence again every heartbeat.
// A lost connection is retried with growing pauses; once back, it reads everything it missed.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/ChangeStore.h"
#include "earshot/store/PresenceStore.h"
#include "earshot/store/Workspace.h"

namespace earshot::bridge {

// How often a desktop says again where its agent is (what it said lasts
// store::kPresenceLifeSeconds), and reads the log even without a hint.
constexpr std::chrono::seconds kHeartbeat{15};
constexpr std::chrono::seconds kLookAnyway{5};

class ChangeWatcher : public QObject {
    Q_OBJECT

public:
    explicit ChangeWatcher(QObject* parent = nullptr);
    ~ChangeWatcher() override;   // stops, withdrawing this desktop's presence

    // Takes the log's position now, so whatever is read after this call misses nothing, then
    // watches. The workspace must outlive the watcher.
    Status start(store::Workspace& workspace);
    void stop();

    // This desktop, as its presence rows name it: unique per running console.
    const std::string& desktop() const { return m_desktop; }
    // Where this desktop's agent is now (conversation 0: at none); said at once, then every
    // heartbeat. An empty agent says nothing.
    void setPresence(const std::string& agent, std::int64_t conversationId, store::Activity activity);

    // Who else is at the conversation now: other desktops' agents, viewing or replying.
    std::vector<store::Presence> othersAt(std::int64_t conversationId) const;
    // Every desktop's presence as last read (this one's included).
    const std::vector<store::Presence>& present() const { return m_present; }
    bool connected() const { return m_connected; }

signals:
    void conversationsChanged(const QList<qint64>& conversationIds);
    // Too much changed, or the desktop was away too long to tell: reload whole lists.
    void everythingChanged();
    void presenceChanged();
    void connectionLost(const QString& why);
    void connectionRestored();

private:
    void watch();
    // One connection's life: returns when it is lost (with why) or the watcher stops.
    Status watchConnected(std::unique_ptr<store::Session>& session);
    Status readChanges(store::Session& session);
    Status sayPresence(store::Session& session);
    // Sleeps up to `pause` unless stopped meanwhile; false when stopped.
    bool pauseUnlessStopped(std::chrono::milliseconds pause);
    void report(const std::function<void()>& inGuiThread);

    store::Workspace* m_workspace = nullptr;
    std::string m_desktop;
    std::thread m_thread;

    // Watcher thread only.
    store::ChangePosition m_position;
    // The wall clock, which runs on while a laptop sleeps (the steady clock does not).
    std::chrono::system_clock::time_point m_lastRead;
    std::chrono::steady_clock::time_point m_lastSaid;
    std::vector<store::Presence> m_lastPresent;
    bool m_connectedAgain = false;   // after an outage, until the first read succeeds

    // Shared between the GUI thread and the watcher's.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    store::ChangeHints* m_hints = nullptr;   // while connected, to interrupt its wait
    store::Presence m_presence;               // what to say; no agent: nothing
    bool m_presenceToSay = false;

    // GUI thread only.
    std::vector<store::Presence> m_present;
    bool m_connected = true;
};

}  // namespace earshot::bridge
