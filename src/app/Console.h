// One open workspace in the console: the mention list, the source health, the running
// engine and the main window, created together and torn down in the right order
// (the window first, then the engine, which finishes its writes, then the readers).
#pragma once

#include <memory>
#include <string>

#include "earshot/core/Result.h"
#include "earshot/engine/Engine.h"
#include "earshot/store/Workspace.h"

namespace earshot::bridge {
class ConversationListModel;
class ChangeWatcher;
class EngineBridge;
class MentionListModel;
class SourceHealth;
}  // namespace earshot::bridge

namespace earshot::inbox {
struct Agent;
}

namespace earshot::gui {

class InboxWindow;
class MainWindow;
class SourceSecrets;

class Console {
public:
    // Opens (creating and migrating when needed) the workspace at `location`, a SQLite file or
    // a team's PostgreSQL (whose password may ride in the location: the workspace never shows
    // it), starts the engine and builds the window, which is not shown yet. Errors say what
    // could not be opened.
    static Result<std::unique_ptr<Console>> open(const std::string& location, engine::EngineOptions options = {});
    ~Console();
    Console(const Console&) = delete;
    Console& operator=(const Console&) = delete;

    // Builds the inbox for the agent who is working (once; not shown yet).
    Status openInbox(const inbox::Agent& agent);

    store::Workspace& workspace() { return *m_workspace; }
    MainWindow& window() { return *m_window; }
    InboxWindow* inbox() { return m_inbox.get(); }
    bridge::MentionListModel& mentions() { return *m_mentions; }
    bridge::EngineBridge& engine() { return *m_engine; }
    bridge::ChangeWatcher& changes() { return *m_changes; }
    bridge::SourceHealth& health() { return *m_health; }
    SourceSecrets& secrets() { return *m_secrets; }

private:
    Console() = default;

    // Declared in construction order; members are destroyed in reverse.
    std::unique_ptr<store::Workspace> m_workspace;
    std::unique_ptr<SourceSecrets> m_secrets;
    // Before the lists, so they read nothing it would miss; gone after the windows that use it.
    std::unique_ptr<bridge::ChangeWatcher> m_changes;
    std::unique_ptr<bridge::MentionListModel> m_mentions;
    std::unique_ptr<bridge::SourceHealth> m_health;
    std::unique_ptr<bridge::EngineBridge> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<store::Session> m_paneReader;
    std::unique_ptr<bridge::ConversationListModel> m_conversations;
    std::unique_ptr<InboxWindow> m_inbox;
};

}  // namespace earshot::gui
