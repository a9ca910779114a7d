#include "earshot/bridge/MentionListModel.h"

#include <QDateTime>
#include <QUrl>

#include <algorithm>

namespace earshot::bridge {

namespace {

// How far back refreshNewest() looks behind the newest row shown. Mentions are stamped
// when their feed was fetched but become visible when the writer commits, so a row can
// turn up slightly older than one already shown; the margin catches those.
constexpr std::int64_t kLateArrivalSeconds = 120;

// The list shows one line per mention; the view elides, this only bounds memory.
constexpr qsizetype kSnippetLength = 300;

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

// Sources added by URL alone are named by it, and a column of "https://www.…" says
// little; the host and path (or a local file's name) tell them apart.
QString shortSourceName(const QString& name)
{
    if (!name.contains(QLatin1String("://")))
        return name;
    const QUrl url(name);
    if (!url.isValid())
        return name;
    if (url.isLocalFile())
        return url.fileName();
    QString shown = url.host() + url.path();
    while (shown.endsWith(QLatin1Char('/')))
        shown.chop(1);
    return shown.isEmpty() ? name : shown;
}

}  // namespace

MentionListModel::MentionListModel(std::unique_ptr<store::Session> reader, QObject* parent, int pageSize)
    : QAbstractTableModel(parent), m_reader(std::move(reader)), m_pageSize(std::max(pageSize, 1))
{
    reload();
}

int MentionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MentionListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const MentionListModel::Row& MentionListModel::rowAt(int row) const
{
    return m_rows[std::size_t(row)];
}

QVariant MentionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IngestedColumn: return row.ingested;
        case SourceColumn: return row.source;
        case AuthorColumn: return row.author;
        case MentionColumn: return row.snippet;
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SourceColumn: return row.sourceName;
        case MentionColumn: return row.snippet;
        default: return {};
        }
    case MentionIdRole: return qint64(row.id);
    case IngestedAtRole: return qint64(row.ingestedAt);
    case LinkRole: return row.link;
    default: return {};
    }
}

QVariant MentionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IngestedColumn: return tr("Ingested");
    case SourceColumn: return tr("Source");
    case AuthorColumn: return tr("Author");
    case MentionColumn: return tr("Mention");
    default: return {};
    }
}

bool MentionListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void MentionListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd || m_changing)
        return;
    appendRows(readOlderPage());
}

void MentionListModel::setSearch(const QString& search)
{
    const QString trimmed = search.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    reload();
}

void MentionListModel::reload()
{
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_sequenceById.clear();
    m_firstSequence = 0;
    m_oldest.reset();
    m_newestIngestedAt = 0;
    m_largestId = 0;
    m_atEnd = false;
    m_sourceLabels.clear();   // a source may have been renamed since
    for (Row& row : readOlderPage()) {
        m_sequenceById.insert(row.id, std::int64_t(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endResetModel();
    m_changing = false;
}

std::vector<MentionListModel::Row> MentionListModel::readOlderPage()
{
    store::MentionQuery query;
    query.search = m_search.toStdString();
    query.limit = m_pageSize;
    query.before = m_oldest;
    auto page = m_reader->mentions().list(query);
    if (!page) {
        // Stop asking: a view would otherwise call fetchMore again on every scroll.
        m_atEnd = true;
        reportFailure(page.message());
        return {};
    }
    clearFailure();
    if (int(page->size()) < m_pageSize)
        m_atEnd = true;
    std::vector<Row> rows;
    rows.reserve(page->size());
    for (const store::MentionRow& mention : *page) {
        m_oldest = std::make_pair(mention.ingestedAt, mention.id);
        m_newestIngestedAt = std::max(m_newestIngestedAt, mention.ingestedAt);
        m_largestId = std::max(m_largestId, mention.id);
        // A mention that came in live can sort below the cursor; it is shown already.
        if (!m_sequenceById.contains(mention.id))
            rows.push_back(makeRow(mention));
    }
    return rows;
}

void MentionListModel::appendRows(std::vector<Row> rows)
{
    if (rows.empty())
        return;
    const int first = int(m_rows.size());
    m_changing = true;
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (Row& row : rows) {
        m_sequenceById.insert(row.id, m_firstSequence + std::int64_t(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
    m_changing = false;
}

int MentionListModel::refreshNewest()
{
    if (m_rows.empty()) {
        // A search that cannot run will not run any better with more mentions stored.
        if (!m_lastError.isEmpty())
            return 0;
        // Nothing shown yet: start over from the top, one page, as on opening.
        reload();
        return rowCount();
    }
    store::MentionQuery query;
    query.search = m_search.toStdString();
    query.limit = m_pageSize;
    query.since = std::max<std::int64_t>(0, m_newestIngestedAt - kLateArrivalSeconds);
    std::vector<Row> fresh;   // newest first
    for (;;) {
        auto page = m_reader->mentions().list(query);
        if (!page) {
            reportFailure(page.message());
            return 0;
        }
        for (const store::MentionRow& mention : *page) {
            // The window also holds older rows that are simply not paged in yet.
            if (mention.id > m_largestId && !m_sequenceById.contains(mention.id))
                fresh.push_back(makeRow(mention));
        }
        if (int(page->size()) < m_pageSize)
            break;
        query.before = std::make_pair(page->back().ingestedAt, page->back().id);
    }
    clearFailure();
    if (fresh.empty())
        return 0;
    for (const Row& row : fresh) {
        m_newestIngestedAt = std::max(m_newestIngestedAt, row.ingestedAt);
        m_largestId = std::max(m_largestId, row.id);
    }
    m_changing = true;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    for (auto it = fresh.rbegin(); it != fresh.rend(); ++it) {
        --m_firstSequence;
        m_sequenceById.insert(it->id, m_firstSequence);
        m_rows.push_front(std::move(*it));
    }
    endInsertRows();
    m_changing = false;
    return int(fresh.size());
}

int MentionListModel::rowOfMention(std::int64_t mentionId) const
{
    const auto found = m_sequenceById.constFind(mentionId);
    return found == m_sequenceById.constEnd() ? -1 : int(*found - m_firstSequence);
}

std::int64_t MentionListModel::mentionIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? rowAt(row).id : 0;
}

Result<store::MentionRow> MentionListModel::mentionAt(int row)
{
    if (row < 0 || row >= rowCount())
        return fail("no mention in row " + std::to_string(row));
    const Row& shown = rowAt(row);
    // The keyset cursor just above (ingestedAt, id) makes that mention the first row.
    store::MentionQuery query;
    query.limit = 1;
    query.since = shown.ingestedAt;
    query.before = std::make_pair(shown.ingestedAt, shown.id + 1);
    auto found = m_reader->mentions().list(query);
    if (!found)
        return found.error();
    if (found->empty() || found->front().id != shown.id)
        return fail("mention " + std::to_string(shown.id) + " is no longer stored");
    return std::move(found->front());
}

MentionListModel::Row MentionListModel::makeRow(const store::MentionRow& mention)
{
    Row row;
    row.id = mention.id;
    row.ingestedAt = mention.ingestedAt;
    row.ingested = QDateTime::fromSecsSinceEpoch(mention.ingestedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    auto source = m_sourceLabels.find(mention.sourceId);
    if (source == m_sourceLabels.end()) {
        const QString full = fromUtf8(mention.sourceName);
        source = m_sourceLabels.insert(mention.sourceId, {shortSourceName(full), full});
    }
    row.source = source->shown;
    row.sourceName = source->full;
    row.author = fromUtf8(mention.author);
    QString snippet = fromUtf8(mention.title.empty() ? mention.body : mention.title).simplified();
    if (snippet.size() > kSnippetLength)
        snippet = snippet.left(kSnippetLength - 1) + QChar(0x2026);
    row.snippet = snippet;
    row.link = fromUtf8(mention.link);
    return row;
}

void MentionListModel::reportFailure(const std::string& message)
{
    m_lastError = fromUtf8(message);
    emit queryFailed(m_lastError);
}

void MentionListModel::clearFailure() { m_lastError.clear(); }

}  // namespace earshot::bridge
