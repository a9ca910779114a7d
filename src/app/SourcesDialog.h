// Managing what Earshot listens to: every source with its state and last error, adding one
// (or many from OPML), testing a URL and its keywords before saving, changing the interval
// and keywords, switching sources off and on, and removing them (their mentions stay).
// It reads through a session of its own and writes through the workspace's one writer, and
// after a change it asks the engine to poll.
#pragma once

#include <QDialog>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <memory>

#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace earshot::bridge {
class EngineBridge;
class SourceHealth;
}  // namespace earshot::bridge

namespace earshot::gui {

class SourcesPreviewPanel;
class PlatformSourceFields;
class SourceSecrets;

class SourcesDialog : public QDialog {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        UrlColumn,
        StateColumn,
        ErrorsColumn,
        LastErrorColumn,
        NextPollColumn,
        IntervalColumn,
        PriorityColumn,
        IncludeColumn,
        ExcludeColumn,
        ColumnCount
    };

    // The workspace, the engine and the health list must outlive the dialog. `agent` is who
    // adds and removes sources here, as the event log names them. `secrets`, when given,
    // keeps platform sources' secrets in the system keychain.
    SourcesDialog(store::Workspace& workspace, bridge::EngineBridge& engine, bridge::SourceHealth& health,
                  std::string agent, QWidget* parent = nullptr, SourceSecrets* secrets = nullptr);
    ~SourcesDialog() override;

    // Re-reads the sources, keeping the selection.
    void reload();
    // Adds every feed in an OPML file and says how many were added and skipped.
    bool importOpml(const QString& path);
    // Selects the source's row and shows it in the form; 0 starts a new source.
    void selectSource(std::int64_t id);

    QTableWidget* table() const { return m_table; }
    QComboBox* kindField() const { return m_kind; }
    PlatformSourceFields* platformFields() const { return m_platform; }
    QLineEdit* urlField() const { return m_url; }
    QLineEdit* nameField() const { return m_name; }
    QSpinBox* intervalField() const { return m_interval; }
    QLineEdit* includeField() const { return m_include; }
    QComboBox* priorityField() const { return m_priority; }
    QLineEdit* excludeField() const { return m_exclude; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* testButton() const { return m_test; }
    QPushButton* toggleButton() const { return m_toggle; }
    QPushButton* removeButton() const { return m_remove; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* sourceErrorLabel() const { return m_sourceError; }
    SourcesPreviewPanel* previewPanel() const { return m_preview; }
    std::int64_t editingSourceId() const { return m_editingId; }

signals:
    // After anything was written, so others can re-read what they show.
    void sourcesChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Tone { Normal, Error };
    QWidget* createForm();
    void fillRow(int row, const store::Source& source);
    void showSelected();
    void loadForm(const store::Source* source);
    void startNew();
    void save();
    void toggleEnabled();
    void removeSelected();
    void chooseOpmlFile();
    void test();
    void updateButtons();
    void showMessage(const QString& text, Tone tone = Tone::Normal);
    void showSourceError(const store::Source* source);
    // Shows the rows of the kind chosen (a feed's URL, or a platform's fields).
    void showKind();
    // Adds the platform source the form describes; false when it could not.
    bool addPlatformSource(const QString& name);
    // Keeps a typed secret in the keychain; says so when it could not.
    void storeSecret(std::int64_t sourceId);
    // Re-reads, refreshes the status bar's list of failing sources and, when `poll`, asks
    // the engine to poll now so a new or changed source is read at once.
    void afterWrite(bool poll);
    // The URL field as the engine takes it (sources::normaliseFeedAddress, as the CLI reads it).
    std::optional<QString> normalisedUrl(QString* problem) const;
    // Adds `source` with the form's interval, words and priority; its id, or 0 (said why).
    std::int64_t addFromForm(store::Source source);
    // Runs `work` on the workspace's writer and waits for it to be written.
    Status write(const std::function<Status(store::Session&)>& work);
    const store::Source* selectedSource() const;
    const store::Source* sourceById(std::int64_t id) const;

    store::Workspace& m_workspace;
    const std::string m_agent;
    std::unique_ptr<store::Session> m_reader;   // null when the workspace could not be read
    bridge::EngineBridge& m_engine;
    bridge::SourceHealth& m_health;
    std::vector<store::Source> m_sources;
    std::int64_t m_editingId = 0;     // 0: the form adds a new source
    int m_loadedIntervalSeconds = 0;  // kept when the minutes shown were not changed
    bool m_reloading = false;

    QTableWidget* m_table;
    QPushButton* m_new;
    QPushButton* m_import;
    QPushButton* m_toggle;
    QPushButton* m_remove;
    QGroupBox* m_form;
    QFormLayout* m_fields = nullptr;
    QComboBox* m_kind;
    PlatformSourceFields* m_platform;
    SourceSecrets* m_secrets;
    QLineEdit* m_url;
    QLineEdit* m_name;
    QSpinBox* m_interval;
    QLineEdit* m_include;
    QLineEdit* m_exclude;
    QComboBox* m_priority;
    QLabel* m_sourceError;
    QPushButton* m_test;
    QPushButton* m_save;
    QLabel* m_message;
    SourcesPreviewPanel* m_preview;
    QTimer* m_reloadDelay;
};

}  // namespace earshot::gui
