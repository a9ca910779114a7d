#include "PlatformSourceFields.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include "earshot/connectors/Connector.h"

namespace earshot::gui {

namespace {

QString fromUtf8(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }
std::string toUtf8(const QLineEdit* field) { return field->text().trimmed().toStdString(); }

// "instance" -> "platformInstance", the field's object name.
QString objectNameOf(const std::string& name)
{
    QString out = QStringLiteral("platform") + fromUtf8(name);
    out[8] = out[8].toUpper();
    return out;
}

}  // namespace

PlatformSourceFields::PlatformSourceFields(QWidget* parent)
    : QWidget(parent), m_secret(new QLineEdit(parent)), m_secretHint(new QLabel(parent))
{
    hide();  // a holder of the fields, which live in the parent's form
    for (const connectors::FieldInfo& info : connectors::allFields()) {
        const std::string name(info.name);
        auto* field = new QLineEdit(parent);
        field->setObjectName(objectNameOf(name));
        m_fields.emplace(name, field);
        m_order.push_back(name);
    }
    m_secret->setObjectName(QStringLiteral("platformSecret"));
    // Never shown, so never in a screenshot either.
    m_secret->setEchoMode(QLineEdit::Password);
    m_secretHint->setWordWrap(true);
    m_secretHint->setObjectName(QStringLiteral("platformSecretHint"));
    // Room for the whole hint: it says where the secret comes from.
    m_secretHint->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    m_secretHint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
}

QLineEdit* PlatformSourceFields::field(const std::string& name) const
{
    const auto found = m_fields.find(name);
    return found == m_fields.end() ? nullptr : found->second;
}

void PlatformSourceFields::addRowsTo(QFormLayout* form)
{
    m_layout = form;
    // Each row gets its label now (an empty text would make none); arrange() words them for the kind.
    for (const std::string& name : m_order) {
        auto* label = new QLabel(parentWidget());
        label->setBuddy(field(name));
        m_layout->addRow(label, field(name));
    }
    auto* secretLabel = new QLabel(parentWidget());
    secretLabel->setBuddy(m_secret);
    m_layout->addRow(secretLabel, m_secret);
    m_layout->addRow(QString(), m_secretHint);
    const auto& all = connectors::allConnectors();
    startNew(all.empty() ? QString() : fromUtf8(all.front()->kind()));
}

void PlatformSourceFields::setShown(bool shown)
{
    m_shown = shown;
    arrange();
}

void PlatformSourceFields::startNew(const QString& kind)
{
    m_kind = kind;
    for (const auto& [name, field] : m_fields) {
        field->clear();
        field->setReadOnly(false);
    }
    m_secret->clear();
    m_secret->setReadOnly(false);
    m_secret->setPlaceholderText(QString());
    arrange();
}

void PlatformSourceFields::show(const store::Source& source, bool hasSecret)
{
    m_kind = fromUtf8(source.kind);
    const connectors::PlatformSourceSpec given = connectors::specOf(source);
    for (const auto& [name, field] : m_fields) {
        field->setText(fromUtf8(given.value(name)));
        field->setReadOnly(true);
    }
    m_secret->clear();
    m_secret->setReadOnly(false);
    m_secret->setPlaceholderText(hasSecret ? tr("stored in the system keychain; type to replace it")
                                           : tr("none stored"));
    arrange();
}

void PlatformSourceFields::arrange()
{
    if (!m_layout)
        return;
    const connectors::Connector* connector = m_shown ? connectors::connectorFor(m_kind.toStdString()) : nullptr;
    for (const auto& [name, field] : m_fields)
        m_layout->setRowVisible(field, false);
    for (const connectors::FieldInfo& info : connector ? connector->kindInfo().fields : std::vector<connectors::FieldInfo>{}) {
        QLineEdit* row = field(std::string(info.name));
        m_layout->setRowVisible(row, true);
        // The connectors' words, looked up among this class's translations.
        if (auto* label = qobject_cast<QLabel*>(m_layout->labelForField(row)))
            label->setText(tr(info.label.data()));
        row->setPlaceholderText(tr(info.example.data()));
    }
    if (auto* label = qobject_cast<QLabel*>(m_layout->labelForField(m_secret)))
        label->setText(tr("&Secret:"));
    const auto& secret = connector ? connector->platformInfo().secret : std::nullopt;
    m_layout->setRowVisible(m_secret, secret.has_value());
    m_layout->setRowVisible(m_secretHint, secret.has_value());
    if (secret)
        m_secretHint->setText(tr(secret->hint.data()));
}

connectors::PlatformSourceSpec PlatformSourceFields::spec() const
{
    connectors::PlatformSourceSpec spec{.kind = m_kind.toStdString()};
    if (const connectors::Connector* connector = connectors::connectorFor(spec.kind))
        for (const connectors::FieldInfo& info : connector->kindInfo().fields)
            spec.set(info.name, toUtf8(field(std::string(info.name))));
    return spec;
}

QString PlatformSourceFields::secret() const
{
    return m_secret->text();
}

void PlatformSourceFields::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        arrange();
    QWidget::changeEvent(event);
}

}  // namespace earshot::gui
