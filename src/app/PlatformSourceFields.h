// The Sources dialog's fields for a platform source: what to listen to (a server and a
// hashtag, an account, a forum, a search) and the secret to use, with the rows each kind
// needs and a hint of where its secret comes from.
#pragma once

#include <QWidget>

#include "earshot/connectors/PlatformSource.h"
#include "earshot/store/Sources.h"

class QFormLayout;
class QLabel;
class QLineEdit;

namespace earshot::gui {

class PlatformSourceFields : public QWidget {
    Q_OBJECT
public:
    // The fields are children of `parent`; addRowsTo puts them into its form, so their labels
    // line up with the form's own.
    explicit PlatformSourceFields(QWidget* parent = nullptr);

    void addRowsTo(QFormLayout* form);
    // Shows the rows the kind needs, or none (a feed).
    void setShown(bool shown);

    // Shows the rows `kind` needs, empty and editable, for a new source.
    void startNew(const QString& kind);
    // Shows what an existing source listens to (not editable: it is who the source is) and
    // whether a secret is stored for it.
    void show(const store::Source& source, bool hasSecret);

    connectors::PlatformSourceSpec spec() const;
    // What was typed into the secret field; empty: keep what is stored.
    QString secret() const;

    QLineEdit* addressField() const { return m_address; }
    QLineEdit* tagField() const { return m_tag; }
    QLineEdit* actorField() const { return m_actor; }
    QLineEdit* queryField() const { return m_query; }
    QLineEdit* siteField() const { return m_site; }
    QLineEdit* secretField() const { return m_secret; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void arrange();

    QString m_kind;
    bool m_shown = true;
    QFormLayout* m_layout = nullptr;
    QLabel* m_addressLabel;
    QLineEdit* m_address;
    QLineEdit* m_tag;
    QLineEdit* m_actor;
    QLineEdit* m_query;
    QLineEdit* m_site;
    QLineEdit* m_secret;
    QLabel* m_secretHint;
};

}  // namespace earshot::gui
