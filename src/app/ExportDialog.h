// Exporting conversations, response cycles, mentions or events to a CSV or JSON Lines
// file for analysts, with the filters of `earshot-cli export` and the same output byte for
// byte. The export runs on a thread of its own with its own connection to the workspace (a
// SQLite connection is never shared between threads), counts the rows first so the progress
// bar knows its end, and can be cancelled; the file appears only when complete
// (exports::exportToFile), so a cancelled or failed export leaves no file and an older file
// of the same name as it was. The folder last exported to is remembered in QSettings under
// "exports/folder".
#pragma once

#include <QDialog>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>

#include "earshot/core/Result.h"
#include "earshot/exports/Exporter.h"
#include "earshot/store/Workspace.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace earshot::gui {

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr const char* kFolderKey = "exports/folder";

    // What a person chose, ready for the worker: the core's options (without progress) and
    // whether customers are to be pseudonymised with the workspace's key.
    struct Request {
        exports::ExportOptions options;
        bool pseudonymise = false;
    };

    // Lists the workspace's sources for the source filter; each export reads with a session of
    // its own on a worker thread. The workspace must outlive the dialog.
    explicit ExportDialog(store::Workspace& workspace, QWidget* parent = nullptr);
    // Cancels an export in flight and waits for its thread, which stops at its next progress
    // report (every few thousand rows).
    ~ExportDialog() override;

    // Asks where to save, starting from `suggestedPath`; empty when the person cancels.
    // Tests answer without a native file dialog.
    using ChooseFile = std::function<QString(const QString& suggestedPath, const QString& filter)>;
    void setChooseFile(ChooseFile choose) { m_chooseFile = std::move(choose); }

    // "earshot-conversations-2026-12-01.csv": the kind, today's date and the format's extension.
    QString suggestedFileName() const;
    // The fields as options, or what is wrong with them (a tag that cannot be one, a period
    // that ends before it starts), in words for the person.
    Result<Request> request() const;

    bool isRunning() const { return m_running; }
    // Stops the export in flight; the dialog reports "cancelled" when the thread has stopped.
    void cancel();
    void reject() override;

    QComboBox* kindCombo() const { return m_kind; }
    QRadioButton* csvButton() const { return m_csv; }
    QRadioButton* jsonLinesButton() const { return m_jsonLines; }
    QCheckBox* fromCheck() const { return m_fromEnabled; }
    QDateEdit* fromDate() const { return m_from; }
    QCheckBox* throughCheck() const { return m_throughEnabled; }
    QDateEdit* throughDate() const { return m_through; }
    QComboBox* sourceCombo() const { return m_source; }
    QComboBox* statusCombo() const { return m_status; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QCheckBox* pseudonymiseCheck() const { return m_pseudonymise; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* messageLabel() const { return m_message; }

signals:
    // After each export: the file is complete (true), or it failed or was cancelled (false).
    void finished(bool succeeded);

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Tone { Hint, Normal, Error };
    // What the worker shares with the dialog; outlives neither (the destructor joins).
    struct Job {
        std::atomic<bool> cancelled = false;
    };

    void loadSources();
    void updateHints();
    void chooseFileAndStart();
    void start(const QString& path, Request request);
    void showTotal(std::int64_t total);
    void showProgress(std::int64_t rows);
    void showResult(const QString& path, Result<std::int64_t> rows);
    void setRunning(bool running);
    void setMessage(const QString& text, Tone tone);
    void updateMessageColour();

    store::Workspace& m_workspace;
    ChooseFile m_chooseFile;
    std::thread m_worker;
    std::shared_ptr<Job> m_job;
    bool m_running = false;
    bool m_closeWhenStopped = false;
    bool m_inPaletteUpdate = false;
    std::int64_t m_total = -1;   // -1: still counting
    QString m_lastFolder;        // of the last completed export, for "Open Folder"
    Tone m_tone = Tone::Hint;

    QComboBox* m_kind;
    QLabel* m_kindHint;
    QRadioButton* m_csv;
    QRadioButton* m_jsonLines;
    QCheckBox* m_fromEnabled;
    QDateEdit* m_from;
    QCheckBox* m_throughEnabled;
    QDateEdit* m_through;
    QLabel* m_periodHint;
    QComboBox* m_source;
    QComboBox* m_status;
    QLineEdit* m_tags;
    QCheckBox* m_pseudonymise;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_message;
    QPushButton* m_openFolder;
    QPushButton* m_export;
    QPushButton* m_close;
};

}  // namespace earshot::gui
