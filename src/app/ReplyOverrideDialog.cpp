#include "ReplyOverrideDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

#include "ConversationFormat.h"

namespace earshot::gui {

using conversation::fromUtf8;

ReplyOverrideDialog::ReplyOverrideDialog(const std::vector<checks::Finding>& findings, bool dutch, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Send despite warnings?"));
    setObjectName(QStringLiteral("replyOverrideDialog"));

    auto* intro = new QLabel(tr("The reply checks found something. Say for each why this reply should go out "
                                "as it is; the reason is kept with the reply."),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->setVerticalSpacing(10);
    for (const auto& finding : findings) {
        const QString id = fromUtf8(finding.id);
        auto known = std::find_if(m_reasons.begin(), m_reasons.end(), [&](const auto& r) { return r.first == id; });
        if (known != m_reasons.end())
            continue;
        auto* message = new QLabel(fromUtf8(dutch && !finding.messageNl.empty() ? finding.messageNl : finding.message),
                                   this);
        message->setWordWrap(true);
        message->setTextFormat(Qt::PlainText);
        auto* reason = new QLineEdit(this);
        reason->setPlaceholderText(tr("Why send it anyway?"));
        reason->setObjectName(QStringLiteral("overrideReason_") + id);
        connect(reason, &QLineEdit::textChanged, this, &ReplyOverrideDialog::updateButton);
        form->addRow(message, reason);
        m_reasons.append({id, reason});
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_sendButton = buttons->addButton(tr("Send anyway"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    updateButton();
}

QList<QPair<QString, QString>> ReplyOverrideDialog::overrides() const
{
    QList<QPair<QString, QString>> out;
    for (const auto& [id, field] : m_reasons)
        out.append({id, field->text().trimmed()});
    return out;
}

QList<QLineEdit*> ReplyOverrideDialog::reasonFields() const
{
    QList<QLineEdit*> out;
    for (const auto& reason : m_reasons)
        out.append(reason.second);
    return out;
}

void ReplyOverrideDialog::updateButton()
{
    const bool complete = std::all_of(m_reasons.begin(), m_reasons.end(),
                                      [](const auto& reason) { return !reason.second->text().trimmed().isEmpty(); });
    m_sendButton->setEnabled(complete);
}

}  // namespace earshot::gui
