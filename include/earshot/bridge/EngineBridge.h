// Runs the monitoring engine on a thread of its own and turns its reports into Qt signals
// in the thread that owns the bridge (the GUI thread), so widgets never touch the engine
// and never wait on it.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <string>
#include <thread>

#include "earshot/core/Result.h"
#include "earshot/engine/Engine.h"
#include "earshot/engine/EngineEvents.h"

namespace earshot::bridge {

class EngineBridge : public QObject, public engine::EngineObserver {
    Q_OBJECT

public:
    explicit EngineBridge(QObject* parent = nullptr);
    // Stops the engine and waits for it: every write already queued is finished.
    ~EngineBridge() override;

    // Opens the engine on the workspace and starts polling sources as they fall due.
    // The workspace must outlive the bridge.
    Status start(store::Workspace& workspace, engine::EngineOptions options = {});
    // Asks the engine to stop and waits for it. Safe to call twice.
    void stop();
    bool isRunning() const { return m_engine != nullptr; }

    // Polls every enabled source now, due or not.
    void pollNow();

signals:
    void newMentionsStored(qint64 sourceId, const QList<qint64>& mentionIds);
    // The same batch as conversations: new ones, and ones a customer's mention reopened.
    void conversationsUpdated(const QList<qint64>& created, const QList<qint64>& reopened);
    // state: a domain::SourceState's text form (sourceStateName); error is empty when ok.
    void sourceStateUpdated(qint64 sourceId, const QString& name, const QString& state, const QString& error);
    // total 0: the engine is idle. Otherwise finished of total sources done this round.
    void pollProgressUpdated(int finished, int total, int failing);

private:
    // EngineObserver: called on the engine's threads; each re-posts into our thread.
    void mentionsStored(const engine::MentionsStored& event) override;
    void sourceStateChanged(const engine::SourceStateChanged& event) override;
    void pollProgress(const engine::PollProgress& event) override;

    std::unique_ptr<engine::Engine> m_engine;
    std::thread m_thread;
};

}  // namespace earshot::bridge
