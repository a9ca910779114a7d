#include "PollStatus.h"

#include <QLabel>
#include <QStatusBar>

#include "earshot/bridge/EngineBridge.h"
#include "earshot/bridge/SourceHealth.h"

namespace earshot::gui {

PollStatus::PollStatus(bridge::EngineBridge& engine, bridge::SourceHealth& health, QStatusBar& bar)
    : QObject(&bar), m_health(health), m_progress(new QLabel(&bar)), m_problems(new QLabel(&bar))
{
    m_progress->setObjectName(QStringLiteral("progressLabel"));
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    bar.addWidget(m_progress, 1);
    bar.addPermanentWidget(m_problems);
    connect(&engine, &bridge::EngineBridge::pollProgressUpdated, this,
            [this](int finished, int total, int) { showProgress(finished, total); });
    connect(&health, &bridge::SourceHealth::changed, this, &PollStatus::showProblems);
    showProgress(0, 0);
    showProblems();
}

QString PollStatus::progressText() const { return m_progress->text(); }
QString PollStatus::problemText() const { return m_problems->isVisible() ? m_problems->text() : QString(); }

void PollStatus::showProgress(int finished, int total)
{
    if (total > 0) {
        m_polling = true;
        m_progress->setText(tr("Polling sources: %1 of %2 done").arg(finished).arg(total));
        return;
    }
    if (m_polling) {
        m_polling = false;
        m_lastPollFinished = QTime::currentTime();
        emit roundFinished();
    }
    if (m_lastPollFinished.isValid())
        m_progress->setText(
            tr("Up to date — last poll finished at %1").arg(m_lastPollFinished.toString(QStringLiteral("HH:mm"))));
    else
        m_progress->setText(tr("Waiting for sources to fall due"));
}

void PollStatus::showProblems()
{
    const int count = m_health.problemCount();
    if (count == 0) {
        m_problems->clear();
        m_problems->setToolTip({});
        m_problems->hide();
        return;
    }
    // Two strings rather than %n: without a loaded translation %n would read "source(s)".
    m_problems->setText(count == 1 ? tr("⚠ 1 source failing") : tr("⚠ %1 sources failing").arg(count));
    QStringList lines;
    for (const bridge::SourceProblem& problem : m_health.problems())
        lines << tr("%1 (%2): %3").arg(problem.name, problem.state, problem.error);
    m_problems->setToolTip(lines.join(QLatin1Char('\n')));
    m_problems->show();
}

}  // namespace earshot::gui
