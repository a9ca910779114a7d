// The inbox's conversation list as a Qt table: one view (new, mine, all open, …) of
// store::ConversationQuery, sorted by waiting time or priority, a page at a time.
//
// It reads through its own read-only connection and holds only the rows paged in so far,
// each with the strings its columns show, built once; an id → row hash finds rows. The
// waiting and SLA columns are live: tick() (a timer calls it every minute) moves "now" on and
// tells views those columns changed. The SLA column counts down to the deadline of the
// conversation's current response cycle (metrics::latestCycles, read a page at a time) against
// the workspace's SLA policies and calendar, the same definitions the dashboard uses. After a change elsewhere (claimed, resolved, a customer wrote)
// refresh(ids) updates those rows in place, moves them to their new place, drops the ones
// that left the view and inserts the new ones where they sort.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "earshot/metrics/SlaPolicy.h"
#include "earshot/metrics/TeamCalendar.h"
#include "earshot/store/ConversationQuery.h"
#include "earshot/store/Session.h"

namespace earshot::bridge {

class ConversationListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { WaitingColumn, SlaColumn, CustomerColumn, SourceColumn, SnippetColumn, PriorityColumn, AssigneeColumn,
                  ColumnCount };
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,   // qint64
        StatusRole,                              // QString: new, open, pending, resolved, spam
        PriorityRole,                            // int 0 (low) .. 3 (urgent), for colouring
        LastCustomerAtRole,                      // qint64, seconds since the epoch
        SlaStateRole,                            // int: metrics::SlaState (none, within, at risk, breached)
        LeftViewRole,                            // bool: kept while worked on, no longer in this view
        PresenceRole,                            // QString: who else is at it, or empty
    };

    // Unix seconds; tests pass their own so waiting times are exact.
    using Clock = std::function<std::int64_t()>;

    // reader: a connection of its own (Workspace::reader()), so paging never waits on the writer.
    explicit ConversationListModel(std::unique_ptr<store::Session> reader, store::ConversationFilter filter = {},
                                   QObject* parent = nullptr, int pageSize = 200, Clock clock = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // The waiting column: descending is the longest waiting first, ascending the most recent
    // first. The priority column: urgent first (then longest waiting) in either order.
    // Other columns do not sort: the list is sorted in SQL, and only by what it can page.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Another view, source, tag, search or sort: reloads from the top.
    void setFilter(const store::ConversationFilter& filter);
    const store::ConversationFilter& filter() const { return m_filter; }

    // Re-reads these conversations after a change and puts each where it now belongs.
    // Conversations not shown that now match are inserted in their place among the rows
    // paged in so far (those that sort after the last one arrive with fetchMore).
    void refresh(const std::vector<std::int64_t>& conversationIds);

    // The conversation an agent is working on stays listed (updated, marked with
    // LeftViewRole) even when it leaves the view, e.g. claimed from Unassigned, so the
    // selection never jumps to another customer under the agent's hands. stopKeeping(), when
    // the agent moves on, drops it if it no longer belongs. Another filter stops keeping too.
    void keep(std::int64_t conversationId);
    void stopKeeping();
    std::int64_t kept() const { return m_kept; }

    // Who else is at which conversation, as the assignee column shows it beside the holder:
    // "Anouk Smit replying…". Only the rows whose text changed are repainted.
    void setPresence(const QHash<qint64, QString>& byConversation);

    // Moves "now" on and repaints the waiting column; the model's timer calls it every minute.
    void tick();

    // -1 when the conversation is not (yet) in the list.
    int rowOfConversation(std::int64_t conversationId) const;
    std::int64_t conversationIdAt(int row) const;

    // The last query failure (e.g. a malformed search), empty after a successful one.
    QString lastError() const { return m_lastError; }

    // "<1 min", "12 min", "3 h", "2 d".
    static QString waitingText(std::int64_t seconds);
    // Finer, for deadlines and response times: "40 s", "12 min", "1 h 20 min", "2 d 3 h".
    static QString durationText(std::int64_t seconds);

signals:
    void queryFailed(const QString& message);

private:
    // What one row shows: display strings are built once, when the row is read.
    struct Row {
        store::ConversationCursor key;
        QString status;
        QString customer;
        QString customerHandle;
        QString source;
        QString snippet;
        QString priority;
        QString assignee;
        std::int64_t sourceId = 0;
        bool leftView = false;
        // The current response cycle, for the SLA column; no start: no customer message yet,
        // or the conversation is closed (resolved, spam) and no clock runs.
        std::optional<std::int64_t> cycleStart;
        std::optional<std::int64_t> firstResponseAt;
        // The waiting and SLA texts change once a minute at most; built when first asked after a tick.
        mutable QString waiting;
        mutable std::int64_t waitingAt = -1;
        mutable QString sla;
        mutable QString slaTip;
        mutable metrics::SlaState slaState = metrics::SlaState::None;
        mutable std::int64_t slaAt = -1;
    };

    void reload();
    std::vector<Row> readPage();
    // Reads the SLA policies and calendar again (an analyst may change them from the CLI).
    void loadSlaSettings();
    // Gives the rows their current response cycle, in one read.
    void attachCycles(std::vector<Row>& rows);
    // Brings the row's SLA text, tooltip and state up to "now".
    void updateSla(const Row& row) const;
    Row makeRow(const store::ConversationRow& conversation) const;
    void appendRows(std::vector<Row> rows);
    void insertRow(Row row);
    void removeRowAt(int row);
    // Where a row with this key goes among the rows shown (first row that sorts after it).
    int insertionPoint(const store::ConversationCursor& key) const;
    // Whether a row with this key belongs among the rows paged in so far.
    bool withinLoaded(const store::ConversationCursor& key) const;
    // Whether row `row`, its key changed to `key`, still sorts between its neighbours.
    bool staysAt(int row, const store::ConversationCursor& key) const;
    void renumberFrom(int row);
    void reportFailure(const std::string& message);

    std::unique_ptr<store::Session> m_reader;
    store::ConversationFilter m_filter;
    int m_pageSize;
    Clock m_clock;
    std::int64_t m_now = 0;
    QTimer m_ticker;
    // Row order, top first, sorted by the filter's order. Rows move only on refresh(), which
    // touches a few rows, so a vector and renumbering the hash after them is cheap enough.
    std::vector<Row> m_rows;
    QHash<std::int64_t, int> m_rowById;
    // Keyset cursor of the last page read; empty before the first.
    std::optional<store::ConversationCursor> m_cursor;
    bool m_atEnd = false;
    // Between begin…() and end…() of our own changes: testers and views call fetchMore
    // from the signals, which must not start a second change inside the first.
    bool m_changing = false;
    std::int64_t m_kept = 0;
    QHash<qint64, QString> m_presence;
    QString m_lastError;
    metrics::TeamCalendar m_calendar = metrics::TeamCalendar::alwaysOpen();
    metrics::SlaPolicies m_sla;
    std::string m_slaStamp;   // what m_calendar and m_sla were built from
};

}  // namespace earshot::bridge
