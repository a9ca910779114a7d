#include "earshot/bridge/EngineBridge.h"

#include <QMetaObject>

namespace earshot::bridge {

namespace {

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

}  // namespace

EngineBridge::EngineBridge(QObject* parent) : QObject(parent) {}

EngineBridge::~EngineBridge() { stop(); }

Status EngineBridge::start(store::Workspace& workspace, engine::EngineOptions options)
{
    if (m_engine)
        return fail("the engine is already running");
    auto opened = engine::Engine::open(workspace, this, std::move(options));
    if (!opened)
        return opened.error();
    m_engine = std::move(*opened);
    m_thread = std::thread([engine = m_engine.get()] { engine->run(); });
    return Ok{};
}

void EngineBridge::stop()
{
    if (!m_engine)
        return;
    m_engine->stop();
    if (m_thread.joinable())
        m_thread.join();
    // Destroying the engine drains its writer; reports it makes meanwhile are posted to us
    // and dropped with us if we are being destroyed, which is what we want.
    m_engine.reset();
}

void EngineBridge::pollNow()
{
    if (m_engine)
        m_engine->pollAllNow();
}

// The lambdas below carry copies of the values: the event objects belong to the engine's
// thread and are gone by the time the GUI thread runs them. `this` as context object means
// Qt drops them if the bridge is destroyed first.

void EngineBridge::mentionsStored(const engine::MentionsStored& event)
{
    QList<qint64> ids(event.mentionIds.begin(), event.mentionIds.end());
    QList<qint64> created(event.conversationsCreated.begin(), event.conversationsCreated.end());
    QList<qint64> reopened(event.conversationsReopened.begin(), event.conversationsReopened.end());
    const qint64 sourceId = event.sourceId;
    QMetaObject::invokeMethod(
        this,
        [this, sourceId, ids = std::move(ids), created = std::move(created), reopened = std::move(reopened)] {
            emit newMentionsStored(sourceId, ids);
            emit conversationsUpdated(created, reopened);
        },
        Qt::QueuedConnection);
}

void EngineBridge::sourceStateChanged(const engine::SourceStateChanged& event)
{
    QMetaObject::invokeMethod(
        this,
        [this, sourceId = qint64(event.sourceId), name = fromUtf8(event.name), state = fromUtf8(std::string(domain::sourceStateName(event.state))),
         error = fromUtf8(event.error)] { emit sourceStateUpdated(sourceId, name, state, error); },
        Qt::QueuedConnection);
}

void EngineBridge::pollProgress(const engine::PollProgress& event)
{
    QMetaObject::invokeMethod(
        this,
        [this, finished = event.finished, total = event.total, failing = event.failing] {
            emit pollProgressUpdated(finished, total, failing);
        },
        Qt::QueuedConnection);
}

}  // namespace earshot::bridge
