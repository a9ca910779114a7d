// The Sources dialog's "Test" result: fetches a feed once on a worker thread (the GUI never
// waits on the network) and shows what the engine would store from it and what the keyword
// filter would drop, without storing anything.
#pragma once

#include <QWidget>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/engine/SourcePreview.h"

class QLabel;
class QTreeWidget;

namespace earshot::net {
class Fetcher;
}

namespace earshot::gui {

class SourcesPreviewPanel : public QWidget {
    Q_OBJECT

public:
    explicit SourcesPreviewPanel(QWidget* parent = nullptr);
    // Cancels a test in flight and waits for its thread, which then returns at once.
    ~SourcesPreviewPanel() override;

    // Starts a test; ignored while one runs.
    void start(const QString& url, const std::vector<std::string>& includeWords,
               const std::vector<std::string>& excludeWords);
    bool isRunning() const { return m_running; }
    void clear();

    QString summaryText() const;
    QTreeWidget* itemsView() const { return m_items; }
    int keptCount() const { return m_keptCount; }
    int filteredCount() const { return m_filteredCount; }

signals:
    void finished(bool succeeded);

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Tone { Hint, Normal, Error };
    void setSummary(const QString& text, Tone tone);
    void updateSummaryColour();
    void showResult(Result<engine::SourcePreview> result);
    void addGroup(const QString& title, const std::vector<engine::PreviewItem>& items, bool dimmed);

    // One fetcher for the panel's life, so the destructor can cancel the worker's transfer.
    std::unique_ptr<net::Fetcher> m_fetcher;
    std::thread m_worker;
    bool m_running = false;
    bool m_inPaletteUpdate = false;
    Tone m_tone = Tone::Hint;
    int m_keptCount = 0;
    int m_filteredCount = 0;
    QLabel* m_summary;
    QTreeWidget* m_items;
};

}  // namespace earshot::gui
