#include "earshot/bridge/SourceHealth.h"

#include "earshot/store/Sources.h"

namespace earshot::bridge {

namespace {

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

}  // namespace

SourceHealth::SourceHealth(QObject* parent) : QObject(parent) {}

Status SourceHealth::load(store::Database& reader)
{
    auto sources = store::SourceRepository(reader).list();
    if (!sources)
        return sources.error();
    QMap<qint64, SourceProblem> problems;
    for (const store::Source& source : *sources) {
        // A source the user switched off is not a problem, even if it failed before;
        // one the engine gave up on (e.g. 410 Gone) is.
        if ((source.enabled && source.state == "failing") || source.state == "disabled")
            problems.insert(source.id, {source.id, fromUtf8(source.name), fromUtf8(source.displayState()),
                                        fromUtf8(source.lastError)});
    }
    m_problems = std::move(problems);
    emit changed();
    return Ok{};
}

void SourceHealth::update(qint64 sourceId, const QString& name, const QString& state, const QString& error)
{
    if (state == QLatin1String("failing") || state == QLatin1String("disabled") ||
        state == QLatin1String("needs credentials")) {
        m_problems.insert(sourceId, {sourceId, name, state, error});
    } else if (m_problems.remove(sourceId) == 0) {
        return;   // it was fine and still is: nothing to redraw
    }
    emit changed();
}

}  // namespace earshot::bridge
