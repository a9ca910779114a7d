#include "Console.h"

#include <QString>

#include "MainWindow.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/bridge/MentionListModel.h"
#include "earshot/bridge/SourceHealth.h"
#include "earshot/store/Schema.h"

namespace earshot::gui {

Result<std::unique_ptr<Console>> Console::open(const std::string& databasePath, engine::EngineOptions options)
{
    // Migrate first, on a connection of our own, so a database that is unreadable or too
    // new is reported before anything else starts.
    if (auto workspace = store::openWorkspace(databasePath); !workspace)
        return workspace.error();
    auto listReader = store::openReader(databasePath);
    if (!listReader)
        return listReader.error();
    auto healthReader = store::openReader(databasePath);
    if (!healthReader)
        return healthReader.error();

    std::unique_ptr<Console> console(new Console);
    console->m_mentions = std::make_unique<bridge::MentionListModel>(std::move(*listReader));
    if (!console->m_mentions->lastError().isEmpty())
        return fail(console->m_mentions->lastError().toStdString());
    console->m_health = std::make_unique<bridge::SourceHealth>();
    if (auto loaded = console->m_health->load(*healthReader); !loaded)
        return loaded.error();
    console->m_engine = std::make_unique<bridge::EngineBridge>();
    console->m_window = std::make_unique<MainWindow>(*console->m_mentions, *console->m_engine, *console->m_health,
                                                     QString::fromStdString(databasePath));
    // Last: its first reports are queued for the event loop, and by then all is connected.
    if (auto started = console->m_engine->start(databasePath, std::move(options)); !started)
        return started.error();
    return console;
}

Console::~Console() = default;

}  // namespace earshot::gui
