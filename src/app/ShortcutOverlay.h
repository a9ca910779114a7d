// The "?" overlay: every keyboard shortcut of the console on one translucent sheet over
// the window, so agents can learn the keys without leaving their work.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

namespace earshot::gui {

class ShortcutOverlay : public QWidget {
    Q_OBJECT
public:
    struct Entry {
        QString keys;          // as shown, e.g. "J / K"
        QString description;
    };

    explicit ShortcutOverlay(QWidget* parent);

    void setEntries(QList<QPair<QString, QList<Entry>>> groups);   // group title -> entries
    // Shows over the whole parent, or hides when already shown.
    void toggle();
    int entryCount() const;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QList<QPair<QString, QList<Entry>>> m_groups;
};

}  // namespace earshot::gui
