#include "earshot/bridge/ConversationListModel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <utility>

#include "earshot/metrics/MetricsSettings.h"
#include "earshot/metrics/ResponseCycles.h"
#include "earshot/store/ConversationStore.h"

namespace earshot::bridge {

namespace {

constexpr int kTickMilliseconds = 60'000;

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

std::int64_t systemNow() { return QDateTime::currentSecsSinceEpoch(); }

}  // namespace

ConversationListModel::ConversationListModel(std::unique_ptr<store::Session> reader, store::ConversationFilter filter,
                                             QObject* parent, int pageSize, Clock clock)
    : QAbstractTableModel(parent),
      m_reader(std::move(reader)),
      m_filter(std::move(filter)),
      m_pageSize(std::max(pageSize, 1)),
      m_clock(clock ? std::move(clock) : Clock(systemNow))
{
    m_now = m_clock();
    m_ticker.setInterval(kTickMilliseconds);
    connect(&m_ticker, &QTimer::timeout, this, &ConversationListModel::tick);
    m_ticker.start();
    reload();
}

QString ConversationListModel::waitingText(std::int64_t seconds)
{
    if (seconds < 60)
        return tr("<1 min");
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

QString ConversationListModel::durationText(std::int64_t seconds)
{
    seconds = std::max<std::int64_t>(seconds, 0);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return seconds % 3600 < 60 ? tr("%1 h").arg(seconds / 3600)
                                   : tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return seconds % 86400 < 3600 ? tr("%1 d").arg(seconds / 86400)
                                  : tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

int ConversationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConversationListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WaitingColumn:
            if (row.waitingAt != m_now) {
                row.waiting = waitingText(std::max<std::int64_t>(0, m_now - row.key.lastCustomerAt));
                row.waitingAt = m_now;
            }
            return row.waiting;
        case SlaColumn:
            updateSla(row);
            return row.sla;
        case CustomerColumn: return row.customer;
        case SourceColumn: return row.source;
        case SnippetColumn: return row.snippet;
        case PriorityColumn: return row.priority;
        case AssigneeColumn: {
            const QString present = m_presence.value(row.key.id);
            if (present.isEmpty())
                return row.assignee;
            return row.assignee.isEmpty() ? present : row.assignee + QStringLiteral(" · ") + present;
        }
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CustomerColumn: return row.customerHandle;
        case SnippetColumn: return row.snippet;
        case SlaColumn:
            updateSla(row);
            return row.slaTip;
        default: return {};
        }
    case SlaStateRole:
        updateSla(row);
        return int(row.slaState);
    case ConversationIdRole: return qint64(row.key.id);
    case StatusRole: return row.status;
    case LeftViewRole: return row.leftView;
    case PresenceRole: return m_presence.value(row.key.id);
    case PriorityRole: return row.key.priority;
    case LastCustomerAtRole: return qint64(row.key.lastCustomerAt);
    default: return {};
    }
}

QVariant ConversationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WaitingColumn: return tr("Waiting");
    case SlaColumn: return tr("SLA");
    case CustomerColumn: return tr("Customer");
    case SourceColumn: return tr("Source");
    case SnippetColumn: return tr("Conversation");
    case PriorityColumn: return tr("Priority");
    case AssigneeColumn: return tr("Assignee");
    default: return {};
    }
}

bool ConversationListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void ConversationListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd || m_changing)
        return;
    appendRows(readPage());
}

void ConversationListModel::sort(int column, Qt::SortOrder order)
{
    store::ConversationFilter filter = m_filter;
    if (column == WaitingColumn) {
        filter.sort = store::ConversationSort::Waiting;
        filter.timeOrder = order == Qt::DescendingOrder ? store::TimeOrder::OldestFirst : store::TimeOrder::NewestFirst;
    } else if (column == PriorityColumn) {
        filter.sort = store::ConversationSort::Priority;
        filter.timeOrder = store::TimeOrder::ViewDefault;
    } else {
        return;
    }
    setFilter(filter);
}

void ConversationListModel::setFilter(const store::ConversationFilter& filter)
{
    m_filter = filter;
    reload();
}

void ConversationListModel::reload()
{
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_cursor.reset();
    m_atEnd = false;
    m_kept = 0;
    m_now = m_clock();
    loadSlaSettings();
    for (Row& row : readPage()) {
        m_rowById.insert(row.key.id, int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endResetModel();
    m_changing = false;
}

std::vector<ConversationListModel::Row> ConversationListModel::readPage()
{
    auto page = m_reader->conversations().list(m_filter, m_pageSize, m_cursor);
    if (!page) {
        // Stop asking: a view would otherwise call fetchMore again on every scroll.
        m_atEnd = true;
        reportFailure(page.message());
        return {};
    }
    m_lastError.clear();
    if (page->nextCursor)
        m_cursor = page->nextCursor;
    else
        m_atEnd = true;
    std::vector<Row> rows;
    rows.reserve(page->rows.size());
    for (const store::ConversationRow& conversation : page->rows) {
        // refresh() may have put it in already, ahead of its page.
        if (!m_rowById.contains(conversation.id))
            rows.push_back(makeRow(conversation));
    }
    attachCycles(rows);
    return rows;
}

void ConversationListModel::loadSlaSettings()
{
    std::string stamp = metrics::teamSettingsStamp(*m_reader);
    if (stamp == m_slaStamp)
        return;
    m_slaStamp = std::move(stamp);
    // Unreadable settings leave the column empty rather than the list: the list is the work.
    auto calendar = metrics::loadCalendar(*m_reader);
    m_calendar = calendar ? std::move(*calendar) : metrics::TeamCalendar::alwaysOpen();
    auto policies = metrics::loadSlaPolicies(*m_reader);
    m_sla = policies ? std::move(*policies) : metrics::SlaPolicies();
}

void ConversationListModel::attachCycles(std::vector<Row>& rows)
{
    if (m_sla.targets().empty() || rows.empty())
        return;
    // Closed conversations have no clock running.
    const auto named = [](domain::ConversationStatus status) { return fromUtf8(std::string(domain::statusName(status))); };
    const QString resolved = named(domain::ConversationStatus::Resolved);
    const QString spam = named(domain::ConversationStatus::Spam);
    std::vector<std::int64_t> ids;
    for (const Row& row : rows)
        if (row.status != resolved && row.status != spam)
            ids.push_back(row.key.id);
    auto cycles = metrics::latestCycles(*m_reader, ids);
    if (!cycles)
        return;
    for (Row& row : rows) {
        row.cycleStart.reset();
        row.firstResponseAt.reset();
        const auto found = cycles->find(row.key.id);
        if (found == cycles->end() || found->second.resolvedAt)
            continue;
        row.cycleStart = found->second.startedAt;
        row.firstResponseAt = found->second.firstResponseAt;
    }
}

void ConversationListModel::updateSla(const Row& row) const
{
    if (row.slaAt == m_now)
        return;
    row.slaAt = m_now;
    row.sla.clear();
    row.slaTip.clear();
    row.slaState = metrics::SlaState::None;
    if (!row.cycleStart)
        return;
    const metrics::SlaTarget* target = m_sla.targetFor(row.key.priority, row.sourceId);
    if (!target)
        return;
    // The first response is what the customer waits for; once answered, the resolution.
    const bool awaitingResponse = !row.firstResponseAt && target->firstResponseSeconds;
    const std::optional<std::int64_t> seconds = awaitingResponse ? target->firstResponseSeconds : target->resolutionSeconds;
    if (!seconds)
        return;
    const metrics::SlaStanding standing = metrics::SlaPolicies::standing(
        m_calendar, target->businessHours, *seconds, *row.cycleStart, std::nullopt, m_now);
    row.slaState = standing.state;
    if (standing.deadline == metrics::TeamCalendar::kNever)
        return;   // a calendar that is never open: no deadline to count down to
    const QString due = QLocale().toString(QDateTime::fromSecsSinceEpoch(standing.deadline), QStringLiteral("ddd d MMM HH:mm"));
    const QString clock = target->businessHours ? tr("in opening hours") : tr("around the clock");
    // Whole minutes: the column changes once a minute.
    const auto minutes = [](std::int64_t span) { return span < 60 ? waitingText(span) : durationText(span); };
    switch (standing.state) {
    case metrics::SlaState::Breached: row.sla = tr("%1 over").arg(minutes(m_now - standing.deadline)); break;
    case metrics::SlaState::AtRisk: row.sla = tr("⚠ %1 left").arg(minutes(standing.deadline - m_now)); break;
    default: row.sla = tr("%1 left").arg(minutes(standing.deadline - m_now)); break;
    }
    row.slaTip = (awaitingResponse ? tr("First response due %1 (target %2, %3)")
                                   : tr("Resolution due %1 (target %2, %3)"))
                     .arg(due, durationText(*seconds), clock);
}

ConversationListModel::Row ConversationListModel::makeRow(const store::ConversationRow& conversation) const
{
    static const QString priorities[] = {tr("Low"), tr("Normal"), tr("High"), tr("Urgent")};
    Row row;
    row.key = conversation.key();
    row.status = fromUtf8(std::string(domain::statusName(conversation.status)));
    row.customerHandle = fromUtf8(conversation.customerHandle);
    row.customer = conversation.customerName.empty() ? row.customerHandle : fromUtf8(conversation.customerName);
    row.source = fromUtf8(conversation.sourceName);
    row.snippet = fromUtf8(conversation.snippet).simplified();
    row.priority = priorities[int(conversation.priority)];
    row.assignee = fromUtf8(conversation.assignee);
    row.sourceId = conversation.sourceId;
    return row;
}

void ConversationListModel::appendRows(std::vector<Row> rows)
{
    if (rows.empty())
        return;
    const int first = int(m_rows.size());
    m_changing = true;
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (Row& row : rows) {
        m_rowById.insert(row.key.id, int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
    m_changing = false;
}

int ConversationListModel::insertionPoint(const store::ConversationCursor& key) const
{
    const auto at = std::partition_point(m_rows.begin(), m_rows.end(), [&](const Row& row) {
        return store::sortsBefore(m_filter, row.key, key);
    });
    return int(at - m_rows.begin());
}

bool ConversationListModel::withinLoaded(const store::ConversationCursor& key) const
{
    // Rows after the cursor come with the next page; putting them in now would leave a gap
    // above them of rows not read yet.
    return m_atEnd || !m_cursor || !store::sortsBefore(m_filter, *m_cursor, key);
}

bool ConversationListModel::staysAt(int row, const store::ConversationCursor& key) const
{
    const bool afterPrevious = row == 0 || !store::sortsBefore(m_filter, key, m_rows[std::size_t(row - 1)].key);
    const bool beforeNext = row + 1 == rowCount() || !store::sortsBefore(m_filter, m_rows[std::size_t(row + 1)].key, key);
    return afterPrevious && beforeNext && withinLoaded(key);
}

void ConversationListModel::renumberFrom(int row)
{
    for (int i = row; i < int(m_rows.size()); ++i)
        m_rowById.insert(m_rows[std::size_t(i)].key.id, i);
}

void ConversationListModel::insertRow(Row row)
{
    const int at = insertionPoint(row.key);
    m_changing = true;
    beginInsertRows({}, at, at);
    m_rows.insert(m_rows.begin() + at, std::move(row));
    renumberFrom(at);
    endInsertRows();
    m_changing = false;
}

void ConversationListModel::removeRowAt(int row)
{
    m_changing = true;
    beginRemoveRows({}, row, row);
    m_rowById.remove(m_rows[std::size_t(row)].key.id);
    m_rows.erase(m_rows.begin() + row);
    renumberFrom(row);
    endRemoveRows();
    m_changing = false;
}

void ConversationListModel::setPresence(const QHash<qint64, QString>& byConversation)
{
    QList<qint64> touched;
    for (auto it = byConversation.begin(); it != byConversation.end(); ++it)
        if (m_presence.value(it.key()) != it.value())
            touched.push_back(it.key());
    for (auto it = m_presence.begin(); it != m_presence.end(); ++it)
        if (!byConversation.contains(it.key()))
            touched.push_back(it.key());
    m_presence = byConversation;
    for (const qint64 id : touched)
        if (const int row = rowOfConversation(id); row >= 0)
            emit dataChanged(index(row, AssigneeColumn), index(row, AssigneeColumn), {Qt::DisplayRole, PresenceRole});
}

void ConversationListModel::refresh(const std::vector<std::int64_t>& conversationIds)
{
    if (conversationIds.empty())
        return;
    auto found = m_reader->conversations().read(m_filter, conversationIds);
    if (!found) {
        reportFailure(found.message());
        return;
    }
    m_lastError.clear();
    m_now = m_clock();
    QHash<std::int64_t, const store::ConversationMatch*> byId;
    std::vector<Row> rows;
    for (const auto& match : *found) {
        byId.insert(match.row.id, &match);
        if (match.matches || match.row.id == m_kept) {
            rows.push_back(makeRow(match.row));
            rows.back().leftView = !match.matches;
        }
    }
    attachCycles(rows);
    QHash<std::int64_t, Row*> rowById;
    for (Row& row : rows)
        rowById.insert(row.key.id, &row);

    for (const std::int64_t id : conversationIds) {
        const store::ConversationMatch* match = byId.value(id, nullptr);
        const int shown = rowOfConversation(id);
        const bool keptHere = match && id == m_kept && shown >= 0;
        if ((!match || !match->matches) && !keptHere) {
            // Deleted, or it left this view (claimed from "new", resolved from "mine", …).
            if (shown >= 0)
                removeRowAt(shown);
            continue;
        }
        Row* made = rowById.take(id);
        if (!made)
            continue;   // listed twice: done the first time
        Row row = std::move(*made);
        // The kept row stays where the agent has it. Where its new key would sort elsewhere it
        // keeps the old one, so the rows stay sorted for inserting others (until it goes).
        if (keptHere && !staysAt(shown, row.key))
            row.key = m_rows[std::size_t(shown)].key;
        if (shown >= 0 && (keptHere || staysAt(shown, row.key))) {
            m_rows[std::size_t(shown)] = std::move(row);
            emit dataChanged(index(shown, 0), index(shown, ColumnCount - 1));
            continue;
        }
        // New here, or its place changed (a customer wrote, the priority went up).
        if (shown >= 0)
            removeRowAt(shown);
        if (withinLoaded(row.key))
            insertRow(std::move(row));
    }
}

void ConversationListModel::tick()
{
    m_now = m_clock();
    loadSlaSettings();
    // Answers and resolutions from elsewhere (a colleague's console, the CLI) move the deadlines.
    attachCycles(m_rows);
    for (const Row& row : m_rows)
        row.slaAt = -1;         // the targets may have changed, not only the time
    if (!m_rows.empty())
        emit dataChanged(index(0, WaitingColumn), index(rowCount() - 1, SlaColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole, SlaStateRole});
}

void ConversationListModel::keep(std::int64_t conversationId) { m_kept = conversationId; }

void ConversationListModel::stopKeeping()
{
    const std::int64_t kept = std::exchange(m_kept, 0);
    const int shown = rowOfConversation(kept);
    if (shown >= 0 && m_rows[std::size_t(shown)].leftView)
        removeRowAt(shown);
}

int ConversationListModel::rowOfConversation(std::int64_t conversationId) const
{
    return m_rowById.value(conversationId, -1);
}

std::int64_t ConversationListModel::conversationIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].key.id : 0;
}

void ConversationListModel::reportFailure(const std::string& message)
{
    m_lastError = fromUtf8(message);
    emit queryFailed(m_lastError);
}

}  // namespace earshot::bridge
