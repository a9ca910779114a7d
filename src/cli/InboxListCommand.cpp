// `earshot-cli inbox list` and `inbox show`: the inbox's conversation lists and one
// conversation, read-only, for people at a terminal (tables) and scripts (--json).
#include "InboxList.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

#include "Table.h"
#include "earshot/core/Text.h"
#include "earshot/store/ConversationQuery.h"
#include "store/sqlite/Schema.h"

namespace earshot::cli {

namespace {

constexpr int kDefaultLimit = 50;

// conversations.priority 0..3, named as `inbox priority --set` takes them.
std::string priorityName(int priority)
{
    static constexpr std::array<const char*, 4> names{"low", "normal", "high", "urgent"};
    return names[std::size_t(std::clamp(priority, 0, 3))];
}

// "12 min", "3 h", "2 d": how long the customer has waited, as the console shows it.
std::string waitingLabel(std::int64_t seconds)
{
    if (seconds < 60)
        return "<1 min";
    if (seconds < 3600)
        return std::to_string(seconds / 60) + " min";
    if (seconds < 86400)
        return std::to_string(seconds / 3600) + " h";
    return std::to_string(seconds / 86400) + " d";
}

std::string customerOf(const store::ConversationRow& row)
{
    return row.customerName.empty() ? row.customerHandle : row.customerName;
}

nlohmann::json optionalTime(const std::optional<std::int64_t>& at)
{
    return at ? nlohmann::json(core::formatUtc(*at)) : nlohmann::json();
}

nlohmann::json rowJson(const store::ConversationRow& row, std::int64_t now)
{
    return {{"id", row.id},
            {"status", row.status},
            {"priority", priorityName(row.priority)},
            {"assignee", row.assignee.empty() ? nlohmann::json() : nlohmann::json(row.assignee)},
            {"customer", customerOf(row)},
            {"customer_handle", row.customerHandle},
            {"source_id", row.sourceId},
            {"source", row.sourceName},
            {"snippet", row.snippet},
            {"waiting_seconds", std::max<std::int64_t>(0, now - row.lastCustomerAt)},
            {"last_customer_at", core::formatUtc(row.lastCustomerAt)},
            {"created_at", core::formatUtc(row.createdAt)},
            {"first_response_at", optionalTime(row.firstResponseAt)},
            {"resolved_at", optionalTime(row.resolvedAt)},
            {"message_count", row.messageCount},
            {"tags", row.tags}};
}

Result<store::ConversationFilter> readFilter(Args& args)
{
    store::ConversationFilter filter;
    const auto status = args.value("--status");
    const bool mine = args.flag("--mine");
    filter.agent = args.value("--agent").value_or("");
    const auto source = args.value("--source");
    filter.tag = args.value("--tag").value_or("");
    filter.search = args.value("--search").value_or("");
    const auto sort = args.value("--sort");
    if (mine) {
        if (status)
            return fail("--mine lists your open and pending conversations; leave out --status");
        if (filter.agent.empty())
            return fail("whose conversations? Add --agent NAME to --mine");
        filter.view = store::ConversationView::Mine;
    } else if (status) {
        auto view = store::parseView(*status);
        if (!view || *view == store::ConversationView::Mine)
            return fail("--status is new, open, pending, resolved, spam or all, not '" + *status + "'");
        filter.view = *view;
    }
    if (source) {
        auto id = parseInteger(*source, "--source", 1, INT64_MAX);
        if (!id)
            return id.error();
        filter.sourceId = *id;
    }
    if (sort) {
        if (*sort == "waiting")
            filter.sort = store::ConversationSort::Waiting;
        else if (*sort == "priority")
            filter.sort = store::ConversationSort::Priority;
        else
            return fail("--sort is waiting or priority, not '" + *sort + "'");
    }
    return filter;
}

}  // namespace

int inboxList(Context& context, Args& args)
{
    auto filter = readFilter(args);
    const auto limit = args.value("--limit");
    const bool json = args.flag("--json");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    if (!filter)
        return reportError(filter.message(), kExitUsage);
    int count = kDefaultLimit;
    if (limit) {
        auto n = parseInteger(*limit, "--limit", 1, 10000);
        if (!n)
            return reportError(n.message(), kExitUsage);
        count = int(*n);
    }
    auto db = store::openReader(context.databasePath);
    if (!db)
        return reportError(db.message());
    auto page = store::listConversations(*db, *filter, count);
    if (!page)
        return reportError(page.message());

    const auto now = std::int64_t(std::time(nullptr));
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& row : page->rows)
            out.push_back(rowJson(row, now));
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    Table table({"ID", "WAITING", "STATUS", "PRIORITY", "ASSIGNEE", "CUSTOMER", "SOURCE", "SNIPPET"});
    for (const auto& row : page->rows)
        table.add({std::to_string(row.id), waitingLabel(std::max<std::int64_t>(0, now - row.lastCustomerAt)),
                   row.status, priorityName(row.priority), row.assignee.empty() ? "-" : row.assignee,
                   core::truncateUtf8(customerOf(row), 20), core::truncateUtf8(row.sourceName, 20),
                   core::truncateUtf8(row.snippet, 60)});
    table.print(std::cout);
    if (page->nextCursor)
        std::cout << "(first " << page->rows.size() << "; --limit N shows more)\n";
    return kExitOk;
}

namespace {

struct Message {
    std::int64_t id = 0;
    std::string author;
    std::string title;
    std::string body;
    std::string link;
    std::int64_t at = 0;
};

// The rows of one small query about the conversation, oldest first; `read` maps a row.
template <class T, class Read>
Result<std::vector<T>> readAll(store::Database& db, const std::string& sql, std::int64_t conversationId, Read read)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, conversationId);
    std::vector<T> rows;
    for (;;) {
        auto row = statement->step();
        if (!row)
            return row.error();
        if (!*row)
            return rows;
        rows.push_back(read(*statement));
    }
}

}  // namespace

int inboxShow(Context& context, Args& args)
{
    const bool json = args.flag("--json");
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    auto id = parseInteger(args.positionals().front(), "the conversation ID", 1, INT64_MAX);
    if (!id)
        return reportError(id.message(), kExitUsage);
    auto db = store::openReader(context.databasePath);
    if (!db)
        return reportError(db.message());
    store::ConversationFilter any;
    any.view = store::ConversationView::All;
    auto found = store::readConversations(*db, any, {*id});
    if (!found)
        return reportError(found.message());
    if (found->empty())
        return reportError("no conversation " + std::to_string(*id) + " (see 'earshot-cli inbox list')");
    const store::ConversationRow& conversation = found->front().row;

    auto mentions = readAll<Message>(
        *db,
        "SELECT m.id, coalesce(nullif(a.display_name, ''), a.handle, ''), m.title, m.body, m.link, m.ingested_at"
        " FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.conversation_id = ?"
        " ORDER BY m.ingested_at, m.id",
        *id, [](store::Statement& s) {
            return Message{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.integer(5)};
        });
    auto replies = readAll<Message>(
        *db, "SELECT id, agent, '', body, channel, sent_at FROM replies WHERE conversation_id = ? ORDER BY sent_at, id",
        *id, [](store::Statement& s) {
            return Message{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.integer(5)};
        });
    auto notes = readAll<Message>(
        *db, "SELECT id, agent, '', body, '', created_at FROM notes WHERE conversation_id = ? ORDER BY created_at, id",
        *id, [](store::Statement& s) {
            return Message{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.integer(5)};
        });
    for (const auto* part : {&mentions, &replies, &notes})
        if (!*part)
            return reportError(part->message());

    const auto now = std::int64_t(std::time(nullptr));
    if (json) {
        nlohmann::json out = rowJson(conversation, now);
        out["mentions"] = nlohmann::json::array();
        for (const auto& m : *mentions)
            out["mentions"].push_back({{"id", m.id}, {"author", m.author}, {"title", m.title}, {"body", m.body},
                                       {"link", m.link}, {"ingested_at", core::formatUtc(m.at)}});
        out["replies"] = nlohmann::json::array();
        for (const auto& r : *replies)
            out["replies"].push_back({{"id", r.id}, {"agent", r.author}, {"body", r.body}, {"channel", r.link},
                                      {"sent_at", core::formatUtc(r.at)}});
        out["notes"] = nlohmann::json::array();
        for (const auto& n : *notes)
            out["notes"].push_back(
                {{"id", n.id}, {"agent", n.author}, {"body", n.body}, {"created_at", core::formatUtc(n.at)}});
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }

    std::string tags;
    for (const auto& tag : conversation.tags)
        tags += (tags.empty() ? "" : ", ") + tag;
    std::cout << "conversation " << conversation.id << " · " << conversation.status << " · "
              << priorityName(conversation.priority) << " · "
              << (conversation.assignee.empty() ? std::string("nobody holds it") : "held by " + conversation.assignee)
              << '\n'
              << "customer: " << customerOf(conversation)
              << (conversation.customerHandle.empty() ? "" : " (" + conversation.customerHandle + ")") << '\n'
              << "source: " << conversation.sourceName << '\n'
              << "waiting: " << waitingLabel(std::max<std::int64_t>(0, now - conversation.lastCustomerAt))
              << " (customer last wrote " << core::formatUtc(conversation.lastCustomerAt) << ")\n";
    if (!tags.empty())
        std::cout << "tags: " << tags << '\n';
    std::cout << "\nmentions (" << mentions->size() << "):\n";
    for (const auto& m : *mentions) {
        std::cout << "  " << core::formatUtc(m.at) << "  " << m.author << '\n';
        if (!m.title.empty())
            std::cout << "    " << m.title << '\n';
        if (!m.body.empty())
            std::cout << "    " << m.body << '\n';
        if (!m.link.empty())
            std::cout << "    " << m.link << '\n';
    }
    if (!replies->empty()) {
        std::cout << "\nreplies (" << replies->size() << "):\n";
        for (const auto& r : *replies)
            std::cout << "  " << core::formatUtc(r.at) << "  " << r.author << " (" << r.link << ")\n    " << r.body
                      << '\n';
    }
    if (!notes->empty()) {
        std::cout << "\nnotes (" << notes->size() << "):\n";
        for (const auto& n : *notes)
            std::cout << "  " << core::formatUtc(n.at) << "  " << n.author << "\n    " << n.body << '\n';
    }
    return kExitOk;
}

}  // namespace earshot::cli
