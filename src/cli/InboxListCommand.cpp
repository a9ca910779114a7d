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
#include "earshot/inbox/ConversationReader.h"
#include "earshot/store/ConversationStore.h"

namespace earshot::cli {

namespace {

constexpr int kDefaultLimit = 50;

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
            {"status", domain::statusName(row.status)},
            {"priority", domain::priorityName(row.priority)},
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
    auto reader = context.reader();
    if (!reader)
        return reportError(reader.message());
    auto page = (*reader)->conversations().list(*filter, count);
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
                   std::string(domain::statusName(row.status)), std::string(domain::priorityName(row.priority)), row.assignee.empty() ? "-" : row.assignee,
                   core::truncateUtf8(customerOf(row), 20), core::truncateUtf8(row.sourceName, 20),
                   core::truncateUtf8(row.snippet, 60)});
    table.print(std::cout);
    if (page->nextCursor)
        std::cout << "(first " << page->rows.size() << "; --limit N shows more)\n";
    return kExitOk;
}

int inboxShow(Context& context, Args& args)
{
    const bool json = args.flag("--json");
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    auto id = parseInteger(args.positionals().front(), "the conversation ID", 1, INT64_MAX);
    if (!id)
        return reportError(id.message(), kExitUsage);
    auto reader = context.reader();
    if (!reader)
        return reportError(reader.message());
    store::ConversationFilter any;
    any.view = store::ConversationView::All;
    auto found = (*reader)->conversations().read(any, {*id});
    if (!found)
        return reportError(found.message());
    if (found->empty())
        return reportError("no conversation " + std::to_string(*id) + " (see 'earshot-cli inbox list')");
    const store::ConversationRow& conversation = found->front().row;
    // The same reader as the console's conversation pane.
    auto detail = inbox::readConversation(**reader, *id);
    if (!detail)
        return reportError(detail.message());

    const auto now = std::int64_t(std::time(nullptr));
    auto authorOf = [](const inbox::ConversationMention& m) { return m.authorName.empty() ? m.authorHandle : m.authorName; };
    if (json) {
        nlohmann::json out = rowJson(conversation, now);
        out["mentions"] = nlohmann::json::array();
        for (const auto& m : detail->mentions)
            out["mentions"].push_back({{"id", m.id}, {"author", authorOf(m)}, {"title", m.title}, {"body", m.body},
                                       {"link", m.link}, {"ingested_at", core::formatUtc(m.ingestedAt)}});
        out["replies"] = nlohmann::json::array();
        for (const auto& r : detail->replies)
            out["replies"].push_back({{"id", r.id}, {"agent", r.agent}, {"body", r.body},
                                      {"channel", domain::channelName(r.channel)}, {"sent_at", core::formatUtc(r.sentAt)}});
        out["notes"] = nlohmann::json::array();
        for (const auto& n : detail->notes)
            out["notes"].push_back(
                {{"id", n.id}, {"agent", n.agent}, {"body", n.body}, {"created_at", core::formatUtc(n.createdAt)}});
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }

    std::string tags;
    for (const auto& tag : conversation.tags)
        tags += (tags.empty() ? "" : ", ") + tag;
    std::cout << "conversation " << conversation.id << " · " << domain::statusName(conversation.status) << " · "
              << domain::priorityName(conversation.priority) << " · "
              << (conversation.assignee.empty() ? std::string("nobody holds it") : "held by " + conversation.assignee)
              << '\n'
              << "customer: " << customerOf(conversation)
              << (conversation.customerHandle.empty() ? "" : " (" + conversation.customerHandle + ")") << '\n'
              << "source: " << conversation.sourceName << '\n'
              << "waiting: " << waitingLabel(std::max<std::int64_t>(0, now - conversation.lastCustomerAt))
              << " (customer last wrote " << core::formatUtc(conversation.lastCustomerAt) << ")\n";
    if (!tags.empty())
        std::cout << "tags: " << tags << '\n';
    std::cout << "\nmentions (" << detail->mentions.size() << "):\n";
    for (const auto& m : detail->mentions) {
        std::cout << "  " << core::formatUtc(m.ingestedAt) << "  " << authorOf(m) << '\n';
        if (!m.title.empty())
            std::cout << "    " << m.title << '\n';
        if (!m.body.empty())
            std::cout << "    " << m.body << '\n';
        if (!m.link.empty())
            std::cout << "    " << m.link << '\n';
    }
    if (!detail->replies.empty()) {
        std::cout << "\nreplies (" << detail->replies.size() << "):\n";
        for (const auto& r : detail->replies)
            std::cout << "  " << core::formatUtc(r.sentAt) << "  " << r.agent << " (" << domain::channelName(r.channel)
                      << ")\n    " << r.body << '\n';
    }
    if (!detail->notes.empty()) {
        std::cout << "\nnotes (" << detail->notes.size() << "):\n";
        for (const auto& n : detail->notes)
            std::cout << "  " << core::formatUtc(n.createdAt) << "  " << n.agent << "\n    " << n.body << '\n';
    }
    return kExitOk;
}

}  // namespace earshot::cli
