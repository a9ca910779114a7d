// `earshot-cli canned ...` (canned replies and their variables) and `earshot-cli check-reply`
// (the checks a reply passes before it is sent), for scripts and for trying templates out.
#include <filesystem>
#include <limits>
#include <iostream>

#include <nlohmann/json.hpp>

#include "Command.h"
#include "Table.h"
#include "earshot/checks/CannedReplyRepository.h"
#include "earshot/checks/Graphemes.h"
#include "earshot/checks/ReplyCheck.h"
#include "earshot/checks/SettingsRepository.h"
#include "earshot/checks/TemplateContextLoader.h"
#include "earshot/core/Text.h"

namespace earshot::cli {

namespace {

constexpr const char* kCannedHelp =
    "usage: earshot-cli canned add NAME --language LANG --text TEXT\n"
    "       earshot-cli canned update NAME --language LANG --text TEXT\n"
    "       earshot-cli canned list [--language LANG] [--json]\n"
    "       earshot-cli canned remove NAME --language LANG\n"
    "       earshot-cli canned render NAME --language LANG [--conversation ID] [--agent NAME]\n"
    "\n"
    "A canned reply is a named reply text, one per language (LANG: nl, en, ...). TEXT may use\n"
    "these variables, filled in for a conversation and the replying agent:\n"
    "  {customer.name} {customer.handle} {agent.first_name} {agent.name}\n"
    "  {conversation.link} {conversation.id} {source.name}\n"
    "'render' prints the text with the variables filled in. When one has no value (or is not a\n"
    "variable Earshot knows) it stays in the text, is listed on stderr and the exit code is 1.\n";

constexpr const char* kCheckHelp =
    "usage: earshot-cli check-reply --text TEXT [--platform NAME] [--agent-first-name NAME]\n"
    "                               [--private] [--limit N] [--signature named|off] [--json]\n"
    "\n"
    "Runs the checks a reply passes before it is sent and prints each finding; the exit code\n"
    "is 1 when there are findings. Checks: email, phone, postcode (public replies only), iban,\n"
    "length (NAME: mastodon 500, bluesky 300, x 280, discourse 32000; --limit overrides),\n"
    "empty, variables, and signature when the team requires named signatures: --signature,\n"
    "else the workspace setting signature.required.\n";

// A reading session of the workspace.
Result<std::unique_ptr<store::Session>> readSession(
    Context& context, store::Workspace::Opening opening = store::Workspace::Opening::CreateOrUpgrade)
{
    auto workspace = context.workspace(opening);
    if (!workspace)
        return workspace.error();
    return (*workspace)->reader();
}

// Runs `change` on the canned replies through the workspace's writer.
Status writeReplies(Context& context, const std::function<Status(checks::CannedReplyRepository&)>& change)
{
    auto workspace = context.workspace();
    if (!workspace)
        return workspace.error();
    return (*workspace)->writer().run([&](store::Session& session) {
        checks::CannedReplyRepository replies(session);
        return change(replies);
    });
}

// The name and the language every command except list needs.
struct ReplyKey {
    std::string name;
    std::string language;
};

Result<ReplyKey> takeKey(Args& args, const std::optional<std::string>& language)
{
    if (auto ok = args.finish(1, 1); !ok)
        return ok.error();
    if (!language)
        return fail("which language? add --language nl (or en, ...)");
    return ReplyKey{args.positionals().front(), *language};
}

int add(Context& context, Args& args, bool update)
{
    const auto language = args.value("--language");
    const auto text = args.value("--text");
    auto key = takeKey(args, language);
    if (!key)
        return reportError(key.message(), kExitUsage);
    if (!text)
        return reportError("what should the reply say? add --text TEXT", kExitUsage);
    auto stored = writeReplies(context, [&](checks::CannedReplyRepository& replies) -> Status {
        if (update)
            return replies.update(key->name, key->language, *text);
        if (auto id = replies.add({0, key->name, key->language, *text}); !id)
            return id.error();
        return Ok{};
    });
    if (!stored)
        return reportError(stored.message());
    if (update) {
        std::cout << "updated canned reply '" << key->name << "' (" << key->language << ")\n";
        return kExitOk;
    }
    std::cout << "added canned reply '" << key->name << "' (" << key->language << ")\n";
    return kExitOk;
}

int list(Context& context, Args& args)
{
    const bool json = args.flag("--json");
    const auto language = args.value("--language");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    auto session = readSession(context);
    if (!session)
        return reportError(session.message());
    auto replies = checks::CannedReplyRepository(**session).list(language);
    if (!replies)
        return reportError(replies.message());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& reply : *replies)
            out.push_back({{"id", reply.id}, {"name", reply.name}, {"language", reply.language}, {"text", reply.body}});
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    if (replies->empty()) {
        std::cout << "no canned replies yet; add one with 'earshot-cli canned add NAME --language nl --text TEXT'\n";
        return kExitOk;
    }
    Table table({"NAME", "LANG", "TEXT"});
    for (const auto& reply : *replies) {
        std::string oneLine = reply.body;
        for (char& c : oneLine) {
            if (c == '\n' || c == '\r' || c == '\t')
                c = ' ';
        }
        table.add({reply.name, reply.language, core::truncateUtf8(oneLine, 70)});
    }
    table.print(std::cout);
    return kExitOk;
}

int remove(Context& context, Args& args)
{
    const auto language = args.value("--language");
    auto key = takeKey(args, language);
    if (!key)
        return reportError(key.message(), kExitUsage);
    if (auto removed = writeReplies(
            context, [&](checks::CannedReplyRepository& replies) { return replies.remove(key->name, key->language); });
        !removed)
        return reportError(removed.message());
    std::cout << "removed canned reply '" << key->name << "' (" << key->language << ")\n";
    return kExitOk;
}

std::string listVariables(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "{" : ", {") + name + "}";
    return out;
}

int render(Context& context, Args& args)
{
    const auto language = args.value("--language");
    const auto conversation = args.value("--conversation");
    const auto agent = args.value("--agent");
    auto key = takeKey(args, language);
    if (!key)
        return reportError(key.message(), kExitUsage);
    std::optional<long long> conversationId;
    if (conversation) {
        auto id = parseInteger(*conversation, "--conversation", 1, std::numeric_limits<long long>::max());
        if (!id)
            return reportError(id.message(), kExitUsage);
        conversationId = *id;
    }
    auto session = readSession(context);
    if (!session)
        return reportError(session.message());
    auto reply = checks::CannedReplyRepository(**session).find(key->name, key->language);
    if (!reply)
        return reportError(reply.message());
    checks::TemplateContext variables;
    if (conversationId) {
        auto loaded = checks::loadTemplateContext(**session, *conversationId, agent.value_or(""));
        if (!loaded)
            return reportError(loaded.message());
        variables = std::move(*loaded);
    } else if (agent) {
        // Without a conversation only the agent's own variables can be filled in.
        variables.set("agent.name", *agent);
    }
    const checks::Rendered rendered = checks::renderTemplate(reply->body, variables);
    std::cout << rendered.text << '\n';
    if (rendered.complete())
        return kExitOk;
    if (!rendered.unknownVariables.empty())
        std::cerr << "earshot-cli: unknown variable(s): " << listVariables(rendered.unknownVariables) << '\n';
    if (!rendered.unresolvedVariables.empty())
        std::cerr << "earshot-cli: no value for " << listVariables(rendered.unresolvedVariables)
                  << (conversationId ? "" : " (name a conversation with --conversation ID)") << '\n';
    return kExitFailed;
}

int checkReply(Context& context, Args& args)
{
    const auto text = args.value("--text");
    const auto platform = args.value("--platform");
    const auto firstName = args.value("--agent-first-name");
    const auto limit = args.value("--limit");
    const auto signature = args.value("--signature");
    const bool isPrivate = args.flag("--private");
    const bool json = args.flag("--json");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    if (!text)
        return reportError("which reply? add --text TEXT", kExitUsage);
    checks::ReplyCheckContext check;
    check.platform = platform.value_or("");
    check.agentFirstName = firstName.value_or("");
    check.publicReply = !isPrivate;
    if (limit) {
        auto parsed = parseInteger(*limit, "--limit", 1, 1000000);
        if (!parsed)
            return reportError(parsed.message(), kExitUsage);
        check.lengthLimit = std::size_t(*parsed);
    }
    if (signature) {
        if (*signature != checks::kSignatureNamed && *signature != checks::kSignatureOff)
            return reportError("--signature is 'named' or 'off'", kExitUsage);
        check.signatureRequired = *signature == checks::kSignatureNamed;
    } else if (!context.isFile() || std::filesystem::exists(context.location)) {
        // A workspace that exists decides; checking a text never creates one.
        auto session = readSession(context, store::Workspace::Opening::Existing);
        if (!session)
            return reportError(session.message());
        auto required = checks::SettingsRepository(**session).signatureRequired();
        if (!required)
            return reportError(required.message());
        check.signatureRequired = *required;
    }

    const std::vector<checks::Finding> findings = checks::checkReply(*text, check);
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& finding : findings) {
            nlohmann::json span;
            if (finding.span) {
                const std::size_t end = finding.span->end();
                span = {{"offset", finding.span->offset},
                        {"length", finding.span->length},
                        {"utf16_offset", checks::utf16Offset(*text, finding.span->offset)},
                        {"utf16_length",
                         checks::utf16Offset(*text, end) - checks::utf16Offset(*text, finding.span->offset)},
                        {"text", text->substr(finding.span->offset, finding.span->length)}};
            }
            out.push_back({{"id", finding.id},
                           {"message", finding.message},
                           {"message_nl", finding.messageNl},
                           {"span", span}});
        }
        std::cout << out.dump(2) << '\n';
    } else if (findings.empty()) {
        std::cout << "no findings\n";
    } else {
        for (const auto& finding : findings) {
            std::cout << finding.id;
            if (finding.span && finding.id != "length" && finding.id != "signature")
                std::cout << " \"" << core::truncateUtf8(text->substr(finding.span->offset, finding.span->length), 60)
                          << '"';
            std::cout << ": " << finding.message << '\n';
        }
    }
    return findings.empty() ? kExitOk : kExitFailed;
}

}  // namespace

Command cannedCommand()
{
    return {"canned", "add, list, remove and render canned replies", kCannedHelp, [](Context& context, Args& args) {
                const std::string sub = args.subcommand();
                if (sub == "add")
                    return add(context, args, false);
                if (sub == "update")
                    return add(context, args, true);
                if (sub == "list")
                    return list(context, args);
                if (sub == "remove")
                    return remove(context, args);
                if (sub == "render")
                    return render(context, args);
                if (sub.empty())
                    return reportError("which canned command? add, update, list, remove or render", kExitUsage);
                return reportError("unknown canned command '" + sub + "' (see earshot-cli canned --help)",
                                   kExitUsage);
            }};
}

Command checkReplyCommand()
{
    return {"check-reply", "check a reply before sending it", kCheckHelp, checkReply};
}

}  // namespace earshot::cli
