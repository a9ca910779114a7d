// `earshot-cli inbox ...`: the webcare rules of inbox::Inbox from a terminal or a script.
// Every action names the acting agent; "someone else holds it" exits with kExitHeldByOther
// and names the holder, so scripts can tell a lost claim from a failure.
#include <cstdint>
#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

#include "Command.h"
#include "InboxList.h"
#include "Table.h"
#include "TimeArgs.h"
#include "earshot/core/Text.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/inbox/ReplyPublisher.h"
#include "earshot/inbox/ReplyRules.h"
#include "earshot/store/Workspace.h"

namespace earshot::cli {

namespace {

constexpr const char* kHelp =
    "usage: earshot-cli inbox list [--status S] [--mine --agent NAME] [--source ID] [--tag TAG] [--search Q]\n"
    "                              [--sort waiting|priority] [--limit N] [--json]\n"
    "       earshot-cli inbox show ID [--json]\n"
    "       earshot-cli inbox claim ID --agent NAME\n"
    "       earshot-cli inbox release ID --agent NAME\n"
    "       earshot-cli inbox assign ID --agent NAME --to NAME [--note TEXT]\n"
    "       earshot-cli inbox takeover ID --agent NAME\n"
    "       earshot-cli inbox reply ID --agent NAME --text TEXT [--off-platform] [--override CHECK:REASON]...\n"
    "                                   [--visibility public|unlisted|private|direct]\n"
    "       earshot-cli inbox resend REPLY-ID --agent NAME\n"
    "       earshot-cli inbox note ID --agent NAME --text TEXT\n"
    "       earshot-cli inbox tag ID --agent NAME [--add TAG]... [--remove TAG]...\n"
    "       earshot-cli inbox priority ID --agent NAME --set low|normal|high|urgent\n"
    "       earshot-cli inbox pending|resolve|reopen|spam ID --agent NAME\n"
    "       earshot-cli inbox draft ID --agent NAME [--set TEXT | --clear]\n"
    "       earshot-cli inbox timeline ID [--json]\n"
    "       earshot-cli inbox reopened --agent NAME [--since WHEN] [--json]\n"
    "\n"
    "Conversations go new -> open (claimed) -> pending (waiting for the customer) -> resolved, or to spam.\n"
    "Only the agent who holds a conversation replies to it or changes its status; on a conversation\n"
    "nobody holds, doing so claims it. Someone else's conversation must be taken over first.\n"
    "Notes, tags and priority are open to every agent. Agent names are profiles: see 'earshot-cli agents'.\n"
    "\n"
    "On Mastodon, Bluesky and Discourse sources a reply is posted on the platform, answering the\n"
    "customer's latest post, with the secret from EARSHOT_MASTODON_TOKEN, EARSHOT_BLUESKY_APP_PASSWORD\n"
    "or EARSHOT_DISCOURSE_API_KEY; --visibility is Mastodon's (default: the post's). A reply that could\n"
    "not be posted stays recorded as failed: 'inbox resend' tries again, and the platform sees the same\n"
    "idempotency key, so it is never posted twice. Elsewhere, and with --off-platform, the reply is\n"
    "recorded for the agent to post by hand at the mention's link. A reply runs the same checks as the\n"
    "console and is refused while one objects; --override CHECK:REASON sends it anyway and logs why.\n"
    "--json prints the result (or the timeline) as JSON. WHEN is 2026-11-01, 2026-11-01T08:00:00Z, 30m, 24h\n"
    "or 7d (default 24h).\n"
    "\n"
    "Exit codes: 0 done (or already so), 1 failed or refused, 2 wrong command line,\n"
    "3 someone else holds the conversation (the message names them).\n";

// What every acting subcommand reads first: the conversation and the agent.
struct Target {
    std::int64_t conversationId = 0;
    std::string agent;
    bool json = false;
};

Target readTarget(Args& args)
{
    Target target;
    target.agent = args.value("--agent").value_or("");
    target.json = args.flag("--json");
    return target;
}

// Call after every option is taken: checks the rest and the ID.
Status finishTarget(Args& args, Target& target)
{
    if (auto ok = args.finish(1, 1); !ok)
        return ok;
    if (target.agent.empty())
        return fail("who is acting? Add --agent NAME");
    auto id = parseInteger(args.positionals().front(), "the conversation ID", 1, INT64_MAX);
    if (!id)
        return id.error();
    target.conversationId = *id;
    return Ok{};
}

// The open workspace, acted on through its writer, and a session of our own to read through.
struct Opened {
    store::Workspace* workspace = nullptr;
    std::unique_ptr<store::Session> reader;

    store::Writer& writer() { return workspace->writer(); }
};

Result<Opened> openWithReader(Context& context, store::Workspace::Opening opening)
{
    auto workspace = context.workspace(opening);
    if (!workspace)
        return workspace.error();
    auto reader = (*workspace)->reader();
    if (!reader)
        return reader.error();
    return Opened{*workspace, std::move(*reader)};
}

// Opens the workspace and checks the agent, with the way to add one when it is unknown.
Result<Opened> openAs(Context& context, const std::string& agent)
{
    auto opened = openWithReader(context, store::Workspace::Opening::CreateOrUpgrade);
    if (!opened)
        return opened.error();
    if (auto found = inbox::AgentRepository(*opened->reader).find(agent); !found)
        return fail(found.message() + "; add one with: earshot-cli agents add '" + agent + "' --first-name NAME");
    return opened;
}

std::string kindName(inbox::Outcome::Kind kind)
{
    switch (kind) {
    case inbox::Outcome::Kind::Changed: return "changed";
    case inbox::Outcome::Kind::Unchanged: return "unchanged";
    case inbox::Outcome::Kind::HeldByOther: return "held_by_other";
    case inbox::Outcome::Kind::ChangedMeanwhile: return "changed_meanwhile";
    }
    return "changed";
}

nlohmann::json outcomeJson(const inbox::Outcome& outcome, const Target& target)
{
    nlohmann::json out = {{"conversation_id", target.conversationId},
                          {"agent", target.agent},
                          {"result", kindName(outcome.kind)},
                          {"holder", outcome.holder.empty() ? nlohmann::json() : nlohmann::json(outcome.holder)},
                          {"message", outcome.message}};
    if (outcome.id)
        out["id"] = outcome.id;
    return out;
}

int report(const Result<inbox::Outcome>& outcome, const Target& target)
{
    if (!outcome)
        return reportError(outcome.message());
    if (target.json)
        std::cout << outcomeJson(*outcome, target).dump(2) << '\n';
    if (outcome->heldByOther()) {
        const std::string hint = "; to take it over: earshot-cli inbox takeover " +
                                 std::to_string(target.conversationId) + " --agent '" + target.agent + "'";
        return reportError(outcome->message + hint, kExitHeldByOther);
    }
    if (!target.json)
        std::cout << outcome->message << '\n';
    return kExitOk;
}

// The subcommands that only need the conversation and the agent.
using SimpleAction = Result<inbox::Outcome> (inbox::Inbox::*)(std::int64_t, const std::string&);

int simple(Context& context, Args& args, SimpleAction action)
{
    auto target = readTarget(args);
    if (auto ok = finishTarget(args, target); !ok)
        return reportError(ok.message(), kExitUsage);
    auto db = openAs(context, target.agent);
    if (!db)
        return reportError(db.message());
    inbox::Inbox inbox(db->writer());
    return report((inbox.*action)(target.conversationId, target.agent), target);
}

int assign(Context& context, Args& args)
{
    auto target = readTarget(args);
    const auto to = args.value("--to");
    const std::string note = args.value("--note").value_or("");
    if (auto ok = finishTarget(args, target); !ok)
        return reportError(ok.message(), kExitUsage);
    if (!to || to->empty())
        return reportError("assign to whom? Add --to NAME", kExitUsage);
    auto db = openAs(context, target.agent);
    if (!db)
        return reportError(db.message());
    if (auto found = inbox::AgentRepository(*db->reader).find(*to); !found)
        return reportError(found.message() + "; add one with: earshot-cli agents add '" + *to + "' --first-name NAME");
    inbox::Inbox inbox(db->writer());
    return report(inbox.assign(target.conversationId, target.agent, *to, note), target);
}

// Posts a recorded platform reply and says where it went, or why not and how to try again.
int publish(store::Writer& writer, std::int64_t replyId, const Target& target)
{
    inbox::ReplyPublisher publisher(writer, credentialsFromEnvironment());
    auto published = publisher.publish(replyId, target.agent);
    if (target.json) {
        const auto delivery = published ? domain::Delivery::Sent : domain::Delivery::Failed;
        nlohmann::json out = {{"conversation_id", target.conversationId}, {"reply_id", replyId},
                              {"delivery", std::string(domain::deliveryName(delivery))}};
        if (published)
            out.update({{"post_id", published->postId}, {"url", published->url}});
        else
            out["error"] = published.message();
        std::cout << out.dump(2) << '\n';
    }
    if (!published)
        return reportError("reply " + std::to_string(replyId) + " is recorded but was not posted: " +
                           published.message() + "; to try again: earshot-cli inbox resend " +
                           std::to_string(replyId) + " --agent '" + target.agent + "'");
    if (!target.json)
        std::cout << "posted reply " << replyId << " on #" << target.conversationId << ": " << published->url << '\n';
    return kExitOk;
}

int reply(Context& context, Args& args)
{
    auto target = readTarget(args);
    const auto text = args.value("--text");
    const bool offPlatform = args.flag("--off-platform");
    const std::string visibility = args.value("--visibility").value_or("");
    std::vector<inbox::CheckOverride> overrides;
    while (auto given = args.value("--override")) {
        const auto colon = given->find(':');
        if (colon == std::string::npos || colon == 0)
            return reportError("--override takes CHECK:REASON, e.g. --override iban:'our own account number'",
                               kExitUsage);
        overrides.push_back({given->substr(0, colon), given->substr(colon + 1)});
    }
    if (auto ok = finishTarget(args, target); !ok)
        return reportError(ok.message(), kExitUsage);
    if (!text)
        return reportError("what did you answer? Add --text TEXT", kExitUsage);
    auto db = openAs(context, target.agent);
    if (!db)
        return reportError(db.message());
    auto conversation = inbox::readConversation(*db->reader, target.conversationId);
    if (!conversation)
        return reportError(conversation.message());
    // A reply goes on the platform where a connector posts; elsewhere the agent posts it.
    inbox::Channel channel = inbox::Channel::OffPlatform;
    if (!offPlatform && conversation->canPostOnPlatform)
        channel = inbox::Channel::Platform;
    // Inbox::reply refuses what the checks object to as well; here each objection gets its own
    // line and the flag that answers it.
    if (auto checkContext = inbox::replyCheckContext(*db->reader, target.conversationId, target.agent)) {
        const auto unanswered = inbox::unansweredFindings(checks::checkReply(*text, *checkContext), overrides);
        if (!unanswered.empty()) {
            std::cerr << "earshot-cli: not sent: the reply checks object\n";
            for (const auto& finding : unanswered)
                std::cerr << "  " << finding.id << ": " << finding.message << "  (or --override " << finding.id
                          << ":REASON)\n";
            return kExitFailed;
        }
    }
    inbox::Inbox inbox(db->writer());
    auto outcome = inbox.reply(target.conversationId, target.agent, *text, channel, overrides, visibility);
    if (outcome && outcome->changed() && channel == inbox::Channel::Platform)
        return publish(db->writer(), outcome->id, target);
    if (outcome && outcome->changed() && !offPlatform && channel == inbox::Channel::OffPlatform && !target.json) {
        std::cout << "recorded off-platform: Earshot cannot post on '" << conversation->sourceKind
                  << "' sources, so post the text yourself";
        if (!conversation->mentions.empty() && !conversation->mentions.back().link.empty())
            std::cout << " at " << conversation->mentions.back().link;
        std::cout << '\n';
    }
    return report(outcome, target);
}

int resend(Context& context, Args& args)
{
    const std::string agent = args.value("--agent").value_or("");
    const bool json = args.flag("--json");
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    if (agent.empty())
        return reportError("who is sending? Add --agent NAME", kExitUsage);
    auto id = parseInteger(args.positionals().front(), "the reply ID", 1, INT64_MAX);
    if (!id)
        return reportError(id.message(), kExitUsage);
    auto db = openAs(context, agent);
    if (!db)
        return reportError(db.message());
    auto resending = inbox::replyToResend(*db->reader, *id);
    if (!resending)
        return reportError(resending.message());
    return publish(db->writer(), resending->replyId,
                   {.conversationId = resending->conversationId, .agent = agent, .json = json});
}

int note(Context& context, Args& args)
{
    auto target = readTarget(args);
    const auto text = args.value("--text");
    if (auto ok = finishTarget(args, target); !ok)
        return reportError(ok.message(), kExitUsage);
    if (!text)
        return reportError("what is the note? Add --text TEXT", kExitUsage);
    auto db = openAs(context, target.agent);
    if (!db)
        return reportError(db.message());
    inbox::Inbox inbox(db->writer());
    return report(inbox.addNote(target.conversationId, target.agent, *text), target);
}

int tag(Context& context, Args& args)
{
    auto target = readTarget(args);
    std::vector<std::string> added, removed;
    while (auto given = args.value("--add"))
        added.push_back(*given);
    while (auto given = args.value("--remove"))
        removed.push_back(*given);
    if (auto ok = finishTarget(args, target); !ok)
        return reportError(ok.message(), kExitUsage);
    if (added.empty() && removed.empty())
        return reportError("which tags? Add --add TAG or --remove TAG", kExitUsage);
    for (const auto* tags : {&added, &removed})
        for (const std::string& given : *tags)
            if (auto normal = inbox::normaliseTag(given); !normal)
                return reportError(normal.message(), kExitUsage);
    auto db = openAs(context, target.agent);
    if (!db)
        return reportError(db.message());
    inbox::Inbox inbox(db->writer());
    // Each tag is its own change and event; the first failure stops the rest. JSON output
    // is one document: every result and the tags the conversation has afterwards.
    nlohmann::json results = nlohmann::json::array();
    auto apply = [&](const Result<inbox::Outcome>& outcome) {
        if (!outcome || outcome->heldByOther() || !target.json)
            return report(outcome, target);
        results.push_back(outcomeJson(*outcome, target));
        return int(kExitOk);
    };
    for (const std::string& given : added)
        if (int code = apply(inbox.addTag(target.conversationId, target.agent, given)); code != kExitOk)
            return code;
    for (const std::string& given : removed)
        if (int code = apply(inbox.removeTag(target.conversationId, target.agent, given)); code != kExitOk)
            return code;
    if (target.json) {
        auto conversation = inbox::readConversation(*db->reader, target.conversationId);
        if (!conversation)
            return reportError(conversation.message());
        std::cout << nlohmann::json{{"conversation_id", target.conversationId},
                                    {"results", results},
                                    {"tags", conversation->tags}}
                         .dump(2)
                  << '\n';
    }
    return kExitOk;
}

int priority(Context& context, Args& args)
{
    auto target = readTarget(args);
    const auto level = args.value("--set");
    if (auto ok = finishTarget(args, target); !ok)
        return reportError(ok.message(), kExitUsage);
    const auto parsed = inbox::parsePriority(level.value_or(""));
    if (!parsed)
        return reportError("--set takes low, normal, high or urgent", kExitUsage);
    auto db = openAs(context, target.agent);
    if (!db)
        return reportError(db.message());
    inbox::Inbox inbox(db->writer());
    return report(inbox.setPriority(target.conversationId, target.agent, *parsed), target);
}

int draft(Context& context, Args& args)
{
    auto target = readTarget(args);
    const auto text = args.value("--set");
    const bool clear = args.flag("--clear");
    if (auto ok = finishTarget(args, target); !ok)
        return reportError(ok.message(), kExitUsage);
    if (text && clear)
        return reportError("--set and --clear exclude each other", kExitUsage);
    auto db = openAs(context, target.agent);
    if (!db)
        return reportError(db.message());
    inbox::Inbox inbox(db->writer());
    if (text || clear) {
        auto saved = clear ? inbox.clearDraft(target.conversationId, target.agent)
                           : inbox.saveDraft(target.conversationId, target.agent, *text);
        if (!saved)
            return reportError(saved.message());
        if (!target.json)
            std::cout << (clear ? "cleared the draft" : "saved the draft") << '\n';
    }
    auto loaded = inbox::loadDraft(*db->reader, target.conversationId, target.agent);
    if (!loaded)
        return reportError(loaded.message());
    if (target.json) {
        std::cout << nlohmann::json{{"conversation_id", target.conversationId},
                                    {"agent", target.agent},
                                    {"draft", *loaded ? nlohmann::json((*loaded)->body) : nlohmann::json()}}
                         .dump(2)
                  << '\n';
    } else if (!text && !clear) {
        std::cout << (*loaded ? (*loaded)->body : std::string("(no draft)")) << '\n';
    }
    return kExitOk;
}

nlohmann::json optionalJson(const std::optional<std::string>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json();
}

int timeline(Context& context, Args& args)
{
    const bool json = args.flag("--json");
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    auto id = parseInteger(args.positionals().front(), "the conversation ID", 1, INT64_MAX);
    if (!id)
        return reportError(id.message(), kExitUsage);
    auto db = openWithReader(context, store::Workspace::Opening::Existing);
    if (!db)
        return reportError(db.message());
    auto entries = inbox::readTimeline(*db->reader, *id);
    if (!entries)
        return reportError(entries.message());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : *entries)
            out.push_back({{"id", e.id},
                           {"at", core::formatUtc(e.at)},
                           {"actor", e.actor},
                           {"kind", domain::eventKindName(e.kind)},
                           {"from", optionalJson(e.fromValue)},
                           {"to", optionalJson(e.toValue)},
                           {"detail", optionalJson(e.detail)}});
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    Table table({"TIME", "ACTOR", "EVENT", "FROM", "TO", "DETAIL"});
    for (const auto& e : *entries)
        table.add({core::formatUtc(e.at), e.actor, std::string(domain::eventKindName(e.kind)), e.fromValue.value_or(""), e.toValue.value_or(""),
                   core::truncateUtf8(e.detail.value_or(""), 60)});
    table.print(std::cout);
    return kExitOk;
}

int reopened(Context& context, Args& args)
{
    const std::string agent = args.value("--agent").value_or("");
    const std::string since = args.value("--since").value_or("24h");
    const bool json = args.flag("--json");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    if (agent.empty())
        return reportError("whose conversations? Add --agent NAME", kExitUsage);
    auto from = parseSince(since, std::int64_t(std::time(nullptr)));
    if (!from)
        return reportError(from.message(), kExitUsage);
    auto db = openWithReader(context, store::Workspace::Opening::Existing);
    if (!db)
        return reportError(db.message());
    auto rows = inbox::reopenedFor(*db->reader, agent, *from);
    if (!rows)
        return reportError(rows.message());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *rows)
            out.push_back({{"conversation_id", r.conversationId},
                           {"reopened_at", core::formatUtc(r.reopenedAt)},
                           {"from", domain::statusName(r.fromStatus)},
                           {"status", inbox::statusName(r.status)},
                           {"snippet", r.snippet}});
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    if (rows->empty()) {
        std::cout << "no conversation of " << agent << " was reopened since " << core::formatUtc(*from) << '\n';
        return kExitOk;
    }
    Table table({"ID", "REOPENED", "WAS", "NOW", "CUSTOMER WROTE"});
    for (const auto& r : *rows)
        table.add({std::to_string(r.conversationId), core::formatUtc(r.reopenedAt), std::string(domain::statusName(r.fromStatus)),
                   std::string(inbox::statusName(r.status)), core::truncateUtf8(r.snippet, 70)});
    table.print(std::cout);
    return kExitOk;
}

}  // namespace

Command inboxCommand()
{
    return {"inbox", "work conversations: claim, reply, note, tag, resolve, timeline", kHelp,
            [](Context& context, Args& args) {
                const std::string sub = args.subcommand();
                if (sub == "list")
                    return inboxList(context, args);
                if (sub == "show")
                    return inboxShow(context, args);
                if (sub == "claim")
                    return simple(context, args, &inbox::Inbox::claim);
                if (sub == "release")
                    return simple(context, args, &inbox::Inbox::release);
                if (sub == "takeover")
                    return simple(context, args, &inbox::Inbox::takeOver);
                if (sub == "pending")
                    return simple(context, args, &inbox::Inbox::setPending);
                if (sub == "resolve")
                    return simple(context, args, &inbox::Inbox::resolve);
                if (sub == "reopen")
                    return simple(context, args, &inbox::Inbox::reopen);
                if (sub == "spam")
                    return simple(context, args, &inbox::Inbox::markSpam);
                if (sub == "assign")
                    return assign(context, args);
                if (sub == "reply")
                    return reply(context, args);
                if (sub == "resend")
                    return resend(context, args);
                if (sub == "note")
                    return note(context, args);
                if (sub == "tag")
                    return tag(context, args);
                if (sub == "priority")
                    return priority(context, args);
                if (sub == "draft")
                    return draft(context, args);
                if (sub == "timeline")
                    return timeline(context, args);
                if (sub == "reopened")
                    return reopened(context, args);
                if (sub.empty())
                    return reportError("which inbox command? See earshot-cli inbox --help", kExitUsage);
                return reportError("unknown inbox command '" + sub + "' (see earshot-cli inbox --help)", kExitUsage);
            }};
}

}  // namespace earshot::cli
