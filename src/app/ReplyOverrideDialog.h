// Asked before a reply with findings goes out: each check that objected, and why the agent
// sends it anyway. The inbox logs every reason, so a reviewer can see what was overridden.
// One reason per check id: two e-mail addresses are one decision, not two.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

#include <vector>

#include "earshot/checks/ReplyCheck.h"

class QLineEdit;
class QPushButton;

namespace earshot::gui {

class ReplyOverrideDialog : public QDialog {
    Q_OBJECT

public:
    ReplyOverrideDialog(const std::vector<checks::Finding>& findings, bool dutch, QWidget* parent = nullptr);

    // (check id, reason) for every check, in the order the checks reported them.
    QList<QPair<QString, QString>> overrides() const;
    // The reason fields, one per check id, for keyboard use and tests.
    QList<QLineEdit*> reasonFields() const;
    QPushButton* sendButton() const { return m_sendButton; }

private:
    void updateButton();

    QList<QPair<QString, QLineEdit*>> m_reasons;
    QPushButton* m_sendButton = nullptr;
};

}  // namespace earshot::gui
