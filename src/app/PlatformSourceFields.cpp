#include "PlatformSourceFields.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include <nlohmann/json.hpp>

namespace earshot::gui {

namespace {

QString fromUtf8(const std::string& text) { return QString::fromStdString(text); }
std::string toUtf8(const QLineEdit* field) { return field->text().trimmed().toStdString(); }

QString setting(const store::Source& source, const char* key)
{
    const auto settings = nlohmann::json::parse(source.settings, nullptr, false);
    return settings.is_object() && settings.contains(key) && settings[key].is_string()
               ? fromUtf8(settings[key].get<std::string>())
               : QString();
}

}  // namespace

PlatformSourceFields::PlatformSourceFields(QWidget* parent)
    : QWidget(parent),
      m_addressLabel(new QLabel(parent)),
      m_address(new QLineEdit(parent)),
      m_tag(new QLineEdit(parent)),
      m_actor(new QLineEdit(parent)),
      m_query(new QLineEdit(parent)),
      m_site(new QLineEdit(parent)),
      m_secret(new QLineEdit(parent)),
      m_secretHint(new QLabel(parent))
{
    hide();  // a holder of the fields, which live in the parent's form
    m_address->setObjectName(QStringLiteral("platformAddress"));
    m_tag->setObjectName(QStringLiteral("platformTag"));
    m_actor->setObjectName(QStringLiteral("platformActor"));
    m_query->setObjectName(QStringLiteral("platformQuery"));
    m_site->setObjectName(QStringLiteral("platformSite"));
    m_secret->setObjectName(QStringLiteral("platformSecret"));
    // Never shown, so never in a screenshot either.
    m_secret->setEchoMode(QLineEdit::Password);
    m_secretHint->setWordWrap(true);
    m_secretHint->setObjectName(QStringLiteral("platformSecretHint"));
    m_addressLabel->setBuddy(m_address);
    // Room for the whole hint: it says where the secret comes from.
    m_secretHint->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    m_secretHint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
}

void PlatformSourceFields::addRowsTo(QFormLayout* form)
{
    m_layout = form;
    m_layout->addRow(m_addressLabel, m_address);
    // Each row gets its label now (an empty text would make none); retranslate() words them.
    for (QLineEdit* field : {m_tag, m_actor, m_query, m_site, m_secret}) {
        auto* label = new QLabel(parentWidget());
        label->setBuddy(field);
        m_layout->addRow(label, field);
    }
    m_layout->addRow(QString(), m_secretHint);
    retranslate();
    startNew(QStringLiteral("mastodon-tag"));
}

void PlatformSourceFields::setShown(bool shown)
{
    m_shown = shown;
    arrange();
}

void PlatformSourceFields::retranslate()
{
    if (!m_layout)
        return;
    auto label = [this](QWidget* field, const QString& text) {
        if (auto* row = qobject_cast<QLabel*>(m_layout->labelForField(field)))
            row->setText(text);
    };
    label(m_tag, tr("&Hashtag:"));
    label(m_actor, tr("A&ccount:"));
    label(m_query, tr("Se&arch for:"));
    label(m_site, tr("S&ite:"));
    label(m_secret, tr("&Secret:"));
    m_tag->setPlaceholderText(tr("vondelfiets (without #)"));
    m_actor->setPlaceholderText(tr("the brand's handle, e.g. vondelfiets.nl"));
    m_query->setPlaceholderText(tr("words to search for, e.g. vondelfiets"));
    m_site->setPlaceholderText(tr("stackoverflow, superuser, bicycles, …"));
    arrange();
}

void PlatformSourceFields::startNew(const QString& kind)
{
    m_kind = kind;
    for (QLineEdit* field : {m_address, m_tag, m_actor, m_query, m_site, m_secret}) {
        field->clear();
        field->setReadOnly(false);
    }
    m_secret->setPlaceholderText(QString());
    arrange();
}

void PlatformSourceFields::show(const store::Source& source, bool hasSecret)
{
    m_kind = fromUtf8(source.kind);
    m_address->setText(setting(source, "instance").isEmpty() ? setting(source, "forum") : setting(source, "instance"));
    m_tag->setText(setting(source, "tag"));
    m_actor->setText(setting(source, "actor").isEmpty() ? setting(source, "account") : setting(source, "actor"));
    m_query->setText(setting(source, "query"));
    m_site->setText(setting(source, "site"));
    for (QLineEdit* field : {m_address, m_tag, m_actor, m_query, m_site})
        field->setReadOnly(true);
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
    if (!m_shown) {
        for (QWidget* field : std::initializer_list<QWidget*>{m_address, m_tag, m_actor, m_query, m_site, m_secret,
                                                              m_secretHint})
            m_layout->setRowVisible(field, false);
        return;
    }
    const bool mastodon = m_kind.startsWith(QLatin1String("mastodon-"));
    const bool bluesky = m_kind.startsWith(QLatin1String("bluesky-"));
    const bool discourse = m_kind.startsWith(QLatin1String("discourse-"));
    const bool search = m_kind.endsWith(QLatin1String("-search"));
    const bool stackExchange = m_kind == QLatin1String("stackexchange-search");
    m_layout->setRowVisible(m_address, mastodon || discourse);
    m_addressLabel->setText(mastodon ? tr("Ser&ver:") : tr("&Forum:"));
    m_address->setPlaceholderText(mastodon ? tr("mastodon.social") : tr("https://community.example"));
    m_layout->setRowVisible(m_tag, m_kind == QLatin1String("mastodon-tag"));
    m_layout->setRowVisible(m_actor, bluesky || m_kind == QLatin1String("mastodon-account"));
    m_layout->setRowVisible(m_query, search);
    m_layout->setRowVisible(m_site, stackExchange);
    const bool takesSecret = mastodon || bluesky || discourse || stackExchange;
    m_layout->setRowVisible(m_secret, takesSecret);
    m_layout->setRowVisible(m_secretHint, takesSecret);
    if (mastodon)
        m_secretHint->setText(tr("The brand account's access token: Preferences → Development → New application "
                                 "(scopes read, write:statuses). For replies, searches, mentions, and servers "
                                 "that show timelines to members only."));
    else if (bluesky)
        m_secretHint->setText(tr("An app password of this account (bsky.app → Settings → Privacy and security → "
                                 "App passwords). Needed to reply and to search; reading an account needs none."));
    else if (discourse)
        m_secretHint->setText(tr("A user API key of the brand's forum account. Needed to reply, and on forums for "
                                 "members only."));
    else if (stackExchange)
        m_secretHint->setText(tr("An app key from stackapps.com raises the daily quota from 300 to 10,000 "
                                 "requests. Optional."));
}

connectors::PlatformSourceSpec PlatformSourceFields::spec() const
{
    return {.kind = m_kind.toStdString(),
            .instance = toUtf8(m_address),
            .tag = toUtf8(m_tag),
            .actor = toUtf8(m_actor),
            .query = toUtf8(m_query),
            .site = toUtf8(m_site)};
}

QString PlatformSourceFields::secret() const
{
    return m_secret->text();
}

void PlatformSourceFields::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace earshot::gui
