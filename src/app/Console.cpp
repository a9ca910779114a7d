#include "Console.h"

#include <QString>

#include <spdlog/spdlog.h>

#include "InboxWindow.h"
#include "MainWindow.h"
#include "SourceSecrets.h"
#include "earshot/bridge/ChangeWatcher.h"
#include "earshot/bridge/ConversationListModel.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/bridge/MentionListModel.h"
#include "earshot/store/TeamLocation.h"
#include "earshot/bridge/SourceHealth.h"
#include "earshot/store/SourceStore.h"

namespace earshot::gui {

Result<std::unique_ptr<Console>> Console::open(const std::string& location, engine::EngineOptions options)
{
    // Migrate first, on a connection of our own, so a database that is unreadable or too
    // new is reported before anything else starts.
    auto opened = store::Workspace::open(location);
    if (!opened)
        return opened.error();
    auto listReader = (*opened)->reader();
    if (!listReader)
        return listReader.error();

    std::unique_ptr<Console> console(new Console);
    console->m_workspace = std::move(*opened);
    console->m_changes = std::make_unique<bridge::ChangeWatcher>();
    if (auto watching = console->m_changes->start(*console->m_workspace); !watching)
        return watching.error();
    // For what is read once while opening: the sources with secrets, the health list's seed.
    auto opening = console->m_workspace->reader();
    if (!opening)
        return opening.error();
    // Platform sources' secrets come from the system keychain before the engine's first poll.
    console->m_secrets = std::make_unique<SourceSecrets>(
        QStringLiteral("Earshot"), QString::fromStdString(store::canonicalLocation(console->m_workspace->location())));
    if (auto sources = (*opening)->sources().list()) {
        std::vector<std::int64_t> platformSources;
        for (const store::Source& source : *sources)
            if (source.kind != "feed")
                platformSources.push_back(source.id);
        if (!platformSources.empty())
            if (const QString error = console->m_secrets->load(platformSources); !error.isEmpty())
                spdlog::warn("platform secrets not read from the system keychain: {}", error.toStdString());
    }
    if (!options.credentials)
        options.credentials = console->m_secrets->lookup();
    console->m_mentions = std::make_unique<bridge::MentionListModel>(std::move(*listReader));
    if (!console->m_mentions->lastError().isEmpty())
        return fail(console->m_mentions->lastError().toStdString());
    QObject::connect(console->m_changes.get(), &bridge::ChangeWatcher::conversationsChanged,
                     console->m_mentions.get(), [mentions = console->m_mentions.get()] { mentions->refreshNewest(); });
    console->m_health = std::make_unique<bridge::SourceHealth>();
    if (auto loaded = console->m_health->load(**opening); !loaded)
        return loaded.error();
    console->m_engine = std::make_unique<bridge::EngineBridge>();
    console->m_window = std::make_unique<MainWindow>(*console->m_mentions, *console->m_engine, *console->m_health,
                                                     QString::fromStdString(console->m_workspace->location()));
    console->m_window->setSecrets(console->m_secrets.get());
    console->m_window->setWorkspace(console->m_workspace.get());
    // Last: its first reports are queued for the event loop, and by then all is connected.
    if (auto started = console->m_engine->start(*console->m_workspace, std::move(options)); !started)
        return started.error();
    return console;
}

Status Console::openInbox(const inbox::Agent& agent)
{
    if (m_inbox)
        return Ok{};
    auto listReader = m_workspace->reader();
    if (!listReader)
        return listReader.error();
    auto paneReader = m_workspace->reader();
    if (!paneReader)
        return paneReader.error();
    store::ConversationFilter filter;
    filter.view = store::ConversationView::Unassigned;
    filter.agent = agent.name;
    m_paneReader = std::move(*paneReader);
    m_conversations = std::make_unique<bridge::ConversationListModel>(std::move(*listReader), filter);
    if (!m_conversations->lastError().isEmpty())
        return fail(m_conversations->lastError().toStdString());
    m_window->setAgent(agent.name);
    m_inbox = std::make_unique<InboxWindow>(InboxContext{*m_workspace, m_workspace->writer(), *m_paneReader,
                                                         *m_conversations, *m_engine, *m_changes, *m_health, agent,
                                                         m_secrets.get()});
    return Ok{};
}

Console::~Console() = default;

}  // namespace earshot::gui
