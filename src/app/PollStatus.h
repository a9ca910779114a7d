// The status-bar view of the engine: polling progress, when the last round ended, and a
// warning with every failing source in its tooltip. Shared by the inbox and the mention stream.
#pragma once

#include <QObject>
#include <QTime>

class QLabel;
class QStatusBar;

namespace earshot::bridge {
class EngineBridge;
class SourceHealth;
}  // namespace earshot::bridge

namespace earshot::gui {

class PollStatus : public QObject {
    Q_OBJECT
public:
    PollStatus(bridge::EngineBridge& engine, bridge::SourceHealth& health, QStatusBar& bar);

    QLabel* progressLabel() const { return m_progress; }
    QLabel* problemsLabel() const { return m_problems; }
    QString progressText() const;
    QString problemText() const;

signals:
    // A polling round ended: everything it stored is committed and readable.
    void roundFinished();

private:
    void showProgress(int finished, int total);
    void showProblems();

    bridge::SourceHealth& m_health;
    QLabel* m_progress;
    QLabel* m_problems;
    bool m_polling = false;
    QTime m_lastPollFinished;
};

}  // namespace earshot::gui
