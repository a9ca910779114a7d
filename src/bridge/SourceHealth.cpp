#include "earshot/bridge/SourceHealth.h"

#include "earshot/domain/Vocabulary.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"

namespace earshot::bridge {

namespace {

QString fromUtf8(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

bool isProblem(domain::SourceState state)
{
    using domain::SourceState;
    return state == SourceState::Failing || state == SourceState::Disabled || state == SourceState::NeedsCredentials;
}

}  // namespace

SourceHealth::SourceHealth(QObject* parent) : QObject(parent) {}

Status SourceHealth::load(store::Session& reader)
{
    auto sources = reader.sources().list();
    if (!sources)
        return sources.error();
    QMap<qint64, SourceProblem> problems;
    for (const store::Source& source : *sources) {
        // A source the user switched off is not a problem, even if it failed before;
        // one the engine gave up on (e.g. 410 Gone) is.
        if ((source.enabled && source.state == domain::SourceState::Failing) ||
            source.state == domain::SourceState::Disabled)
            problems.insert(source.id, {source.id, fromUtf8(source.name), fromUtf8(source.displayState()),
                                        fromUtf8(source.lastError)});
    }
    m_problems = std::move(problems);
    emit changed();
    return Ok{};
}

void SourceHealth::update(qint64 sourceId, const QString& name, const QString& state, const QString& error)
{
    if (isProblem(domain::parseSourceState(state.toStdString()).value_or(domain::SourceState::Ok))) {
        m_problems.insert(sourceId, {sourceId, name, state, error});
    } else if (m_problems.remove(sourceId) == 0) {
        return;   // it was fine and still is: nothing to redraw
    }
    emit changed();
}

}  // namespace earshot::bridge
