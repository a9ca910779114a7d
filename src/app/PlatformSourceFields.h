// The Sources dialog's fields for a platform source: what to listen to (a server and a
// hashtag, an account, a forum, a search) and the secret to use. Which rows a kind shows,
// their labels, examples and the secret's hint are what its connector says about itself
// (connectors::KindInfo), so a new platform needs nothing here.
#pragma once

#include <QWidget>

#include <map>
#include <string>

#include "earshot/connectors/PlatformSource.h"
#include "earshot/store/SourceStore.h"

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

    // The field for connectors::FieldInfo `name` ("instance", "tag", …); null when no kind has it.
    QLineEdit* field(const std::string& name) const;
    QLineEdit* addressField() const { return field("instance"); }
    QLineEdit* tagField() const { return field("tag"); }
    QLineEdit* actorField() const { return field("actor"); }
    QLineEdit* queryField() const { return field("query"); }
    QLineEdit* siteField() const { return field("site"); }
    QLineEdit* secretField() const { return m_secret; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void arrange();

    QString m_kind;
    bool m_shown = true;
    QFormLayout* m_layout = nullptr;
    // One per field name any connector uses, in the registry's order.
    std::map<std::string, QLineEdit*> m_fields;
    std::vector<std::string> m_order;
    QLineEdit* m_secret;
    QLabel* m_secretHint;
};

}  // namespace earshot::gui
