// The stored mentions as a Qt table, newest first, for the console's live list.
//
// It reads through its own read-only connection and never loads the whole table: pages
// come in with keyset queries as the view scrolls (canFetchMore/fetchMore), rows keep
// only what the columns show, and a mention's full text is read when someone asks for it.
// New mentions arrive at the top through refreshNewest(), which the console calls when the
// engine reports MentionsStored.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QString>

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Session.h"
#include "earshot/store/Mentions.h"

namespace earshot::bridge {

class MentionListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { IngestedColumn, SourceColumn, AuthorColumn, MentionColumn, ColumnCount };
    enum Role {
        MentionIdRole = Qt::UserRole + 1,   // qint64
        IngestedAtRole,                     // qint64, seconds since the epoch
        LinkRole,                           // QString
    };

    // reader: a connection of its own (Workspace::reader()), so paging never waits on the writer.
    explicit MentionListModel(std::unique_ptr<store::Session> reader, QObject* parent = nullptr, int pageSize = 200);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // An FTS5 query over title and body; empty shows everything. Reloads from the top.
    void setSearch(const QString& search);
    QString search() const { return m_search; }

    // Reads mentions stored since the newest row shown and puts them at the top.
    // Returns how many rows were added.
    int refreshNewest();

    // -1 when the mention is not (yet) in the list.
    int rowOfMention(std::int64_t mentionId) const;
    std::int64_t mentionIdAt(int row) const;
    // The whole stored mention, read fresh from the database (the list keeps no bodies).
    Result<store::MentionRow> mentionAt(int row);

    // The last query failure (e.g. a malformed search), empty after a successful one.
    QString lastError() const { return m_lastError; }

signals:
    // A query failed; the message says why in words a person can act on.
    void queryFailed(const QString& message);

private:
    // What one row shows: display strings are built once, when the page arrives.
    struct Row {
        std::int64_t id = 0;
        std::int64_t ingestedAt = 0;
        QString ingested;
        QString source;       // short form when the source is named by its URL
        QString sourceName;   // as stored, for the tooltip
        QString author;
        QString snippet;
        QString link;
    };

    void reload();
    // The next page below m_oldest, without rows already shown; empty on failure.
    std::vector<Row> readOlderPage();
    Row makeRow(const store::MentionRow& mention);
    void appendRows(std::vector<Row> rows);
    void reportFailure(const std::string& message);
    void clearFailure();
    const Row& rowAt(int row) const;

    std::unique_ptr<store::Session> m_reader;
    int m_pageSize;
    QString m_search;
    // Row order, top first. A deque rather than a vector: live mentions go in at the front
    // and older pages at the back, both without moving what is already there.
    std::deque<Row> m_rows;
    // Each mention's sequence number; row = sequence - m_firstSequence. Numbers fall as
    // rows are put in at the top, so prepending never has to renumber the map.
    QHash<std::int64_t, std::int64_t> m_sequenceById;
    std::int64_t m_firstSequence = 0;
    // Keyset cursor of the oldest row read so far; empty before the first page.
    std::optional<std::pair<std::int64_t, std::int64_t>> m_oldest;
    std::int64_t m_newestIngestedAt = 0;
    // Ids grow with every insert, so a mention with a larger id than any read so far was
    // stored since; older rows not paged in yet have smaller ones.
    std::int64_t m_largestId = 0;
    bool m_atEnd = false;
    // Between begin…() and end…() of our own changes, including the signals end…() sends:
    // views and testers react to those by calling fetchMore, which must not start a
    // second change inside the first.
    bool m_changing = false;
    // Source names repeat on every row; sharing one QString per source keeps pages small.
    struct SourceLabel {
        QString shown;
        QString full;
    };
    QHash<std::int64_t, SourceLabel> m_sourceLabels;
    QString m_lastError;
};

}  // namespace earshot::bridge
