// Which sources are in trouble right now, for the console's status bar: seeded from the
// database when the console opens, then kept current from the engine's SourceStateChanged.
#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include "earshot/core/Result.h"

namespace earshot::store {
class Session;
}

namespace earshot::bridge {

struct SourceProblem {
    qint64 sourceId = 0;
    QString name;
    QString state;   // sourceStateName of Failing, Disabled or NeedsCredentials
    QString error;
};

class SourceHealth : public QObject {
    Q_OBJECT

public:
    explicit SourceHealth(QObject* parent = nullptr);

    // Reads every source's last known state, replacing what was known.
    Status load(store::Session& reader);
    // One source's new state as the engine reports it, in its text form (sourceStateName), as
    // EngineBridge's signal carries it; Ok clears its problem.
    void update(qint64 sourceId, const QString& name, const QString& state, const QString& error);

    int problemCount() const { return int(m_problems.size()); }
    // Ordered by source id, so the list reads the same each time.
    QList<SourceProblem> problems() const { return m_problems.values(); }

signals:
    void changed();

private:
    QMap<qint64, SourceProblem> m_problems;
};

}  // namespace earshot::bridge
