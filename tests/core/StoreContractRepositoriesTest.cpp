// The store's contract for what the workspace keeps beside the conversations, once per engine:
// settings, canned replies per language and the template variables a conversation gives them,
// agents with unique names, and sources whose priority and removal the conversations follow.
#include <gtest/gtest.h>

#include "StoreContractFixture.h"
#include "WorkspaceReads.h"
#include "earshot/checks/CannedReplyRepository.h"
#include "earshot/checks/SettingsRepository.h"
#include "earshot/checks/TemplateContextLoader.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/store/CannedReplyStore.h"
#include "earshot/store/SettingsStore.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;
using namespace earshot::store;
using namespace earshot::checks;
using test::contractMention;

namespace {

class StoreContractRepositories : public test::StoreContractFixture {
protected:
    // Runs `test` with the workspace's writing session, as the CLI and the console write.
    void inWriter(const std::function<void(Session&)>& test)
    {
        write([&](Session& session) {
            test(session);
            return Status(Ok{});
        });
    }

    // One conversation of two mentions by `author` on a source of its own; returns its id.
    std::int64_t conversation(const AuthorInfo& author, const std::string& firstLink = "https://x.example/1")
    {
        ++m_sources;
        const std::int64_t sourceId = test::addSource(
            workspace(), {.name = "Forum " + std::to_string(m_sources),
                          .url = "https://x.example/feed-" + std::to_string(m_sources)});
        NewMention first{.externalId = "1", .title = "Help", .body = "Mijn pakket", .link = firstLink, .author = author};
        NewMention reply{.externalId = "2", .title = "Re: Help", .body = "Nog steeds niet",
                         .link = "https://x.example/2", .replyTo = "1", .author = author};
        auto stored = ingest({first, reply}, 1000, sourceId);
        EXPECT_TRUE(stored) << stored.message();
        return stored && !stored->conversationsCreated.empty() ? stored->conversationsCreated.front() : 0;
    }

    int m_sources = 0;
};

}  // namespace

// --- settings -----------------------------------------------------------------------------------

TEST_P(StoreContractRepositories, SettingsAreSetReplacedAndRemovedByKey)
{
    inWriter([](Session& session) {
        SettingsStore& settings = session.settings();
        EXPECT_FALSE(settings.get("team.calendar").value().has_value());
        ASSERT_TRUE(settings.set("team.calendar", "{\"zone\":\"Europe/Amsterdam\"}"));
        ASSERT_TRUE(settings.set("export.key", "k1"));
        EXPECT_EQ(settings.get("team.calendar").value(), std::optional<std::string>("{\"zone\":\"Europe/Amsterdam\"}"));
        ASSERT_TRUE(settings.set("export.key", "k2"));
        EXPECT_EQ(settings.get("export.key").value(), std::optional<std::string>("k2"));
        ASSERT_TRUE(settings.remove("export.key"));
        EXPECT_FALSE(settings.get("export.key").value().has_value());
        EXPECT_TRUE(settings.remove("export.key")) << "removing a key that is not there is no failure";
        EXPECT_TRUE(settings.get("team.calendar").value().has_value()) << "other keys stay";
    });
    // A reader sees what the writer committed.
    EXPECT_EQ(reader()->settings().get("team.calendar").value(), std::optional<std::string>("{\"zone\":\"Europe/Amsterdam\"}"));
}

TEST_P(StoreContractRepositories, SettingsRoundTrip)
{
    inWriter([](Session& session) {
        SettingsRepository settings(session);
        EXPECT_FALSE(settings.get("signature.required").value());
        EXPECT_EQ(settings.get("signature.required", "off").value(), "off");
        EXPECT_FALSE(settings.signatureRequired().value());

        ASSERT_TRUE(settings.set(kSignatureRequiredKey, kSignatureNamed));
        EXPECT_EQ(settings.get("signature.required").value(), std::optional<std::string>("named"));
        EXPECT_TRUE(settings.signatureRequired().value());

        ASSERT_TRUE(settings.set(kSignatureRequiredKey, "off"));
        EXPECT_FALSE(settings.signatureRequired().value());
        ASSERT_TRUE(settings.remove(kSignatureRequiredKey));
        EXPECT_FALSE(settings.get("signature.required").value());
        EXPECT_FALSE(settings.set("", "x"));
    });
}

// --- canned replies -----------------------------------------------------------------------------

TEST_P(StoreContractRepositories, CannedRepliesAreAddedListedFoundUpdatedAndRemovedPerLanguage)
{
    inWriter([](Session& session) {
        CannedReplyRepository replies(session);
        ASSERT_TRUE(replies.add({0, "bedankt", "nl", "Dank je, {customer.name}! Groet, {agent.first_name}"}));
        ASSERT_TRUE(replies.add({0, "bedankt", "en", "Thanks, {customer.name}! {agent.first_name}"}));
        ASSERT_TRUE(replies.add({0, "Afsluiten", "nl", "Fijne dag!"}));

        auto all = replies.list();
        ASSERT_TRUE(all) << all.message();
        ASSERT_EQ(all->size(), 3u);
        EXPECT_EQ((*all)[0].name, "Afsluiten") << "by name, case-insensitive";
        EXPECT_EQ((*all)[1].name + "/" + (*all)[1].language, "bedankt/en");
        EXPECT_EQ((*all)[2].name + "/" + (*all)[2].language, "bedankt/nl");
        auto english = replies.list("en");
        ASSERT_TRUE(english);
        ASSERT_EQ(english->size(), 1u);
        EXPECT_EQ(english->front().body, "Thanks, {customer.name}! {agent.first_name}");
        EXPECT_EQ(replies.list("nl")->size(), 2u);
        EXPECT_TRUE(replies.list("de")->empty());

        auto found = replies.find("bedankt", "nl");
        ASSERT_TRUE(found) << found.message();
        EXPECT_EQ(found->body, "Dank je, {customer.name}! Groet, {agent.first_name}");
        EXPECT_GT(found->id, 0);
        EXPECT_NE(found->id, replies.find("bedankt", "en")->id);

        ASSERT_TRUE(replies.update("bedankt", "nl", "Bedankt {customer.name}!"));
        EXPECT_EQ(replies.find("bedankt", "nl")->body, "Bedankt {customer.name}!");
        EXPECT_EQ(replies.find("bedankt", "en")->body, "Thanks, {customer.name}! {agent.first_name}")
            << "only the one language changes";

        ASSERT_TRUE(replies.remove("bedankt", "nl"));
        EXPECT_FALSE(replies.find("bedankt", "nl"));
        EXPECT_TRUE(replies.find("bedankt", "en"));
        EXPECT_EQ(replies.find("bedankt", "nl").message(), "there is no canned reply 'bedankt' (nl)");
    });
    auto listed = reader()->cannedReplies().list(std::nullopt);
    ASSERT_TRUE(listed) << listed.message();
    EXPECT_EQ(listed->size(), 2u);
}

TEST_P(StoreContractRepositories, CannedRepliesRefuseDuplicatesUnknownVariablesAndBadInput)
{
    inWriter([](Session& session) {
        CannedReplyRepository replies(session);
        ASSERT_TRUE(replies.add({0, "bedankt", "nl", "Dank je!"}));
        auto duplicate = replies.add({0, "bedankt", "nl", "Nogmaals dank"});
        ASSERT_FALSE(duplicate);
        EXPECT_NE(duplicate.message().find("already exists"), std::string::npos) << duplicate.message();

        auto unknown = replies.add({0, "hoi", "nl", "Hoi {klant.naam}"});
        ASSERT_FALSE(unknown);
        EXPECT_NE(unknown.message().find("{klant.naam}"), std::string::npos);
        EXPECT_NE(unknown.message().find("{customer.name}"), std::string::npos);   // says what would work

        EXPECT_FALSE(replies.add({0, " ", "nl", "tekst"}));
        EXPECT_FALSE(replies.add({0, "x", "NL", "tekst"}));
        EXPECT_FALSE(replies.add({0, "x", "dutch", "tekst"}));
        EXPECT_FALSE(replies.add({0, "x", "nl", "  \n"}));
        EXPECT_FALSE(replies.update("bedankt", "nl", "{oops}"));
        EXPECT_FALSE(replies.update("bestaat-niet", "nl", "tekst"));
        EXPECT_FALSE(replies.remove("bestaat-niet", "nl"));
        EXPECT_EQ(replies.list()->size(), 1u);
        EXPECT_EQ(replies.find("bedankt", "nl")->body, "Dank je!");
    });
}

TEST_P(StoreContractRepositories, TemplateVariablesComeFromTheConversationAndTheAgent)
{
    write([](Session& session) -> Status {
        auto added = inbox::AgentRepository(session).add({.name = "Sanne Visser", .firstName = "Sanne"});
        return added ? Status(Ok{}) : Status(added.error());
    });
    const std::int64_t id = conversation({.platform = "feed:x.example", .handle = "anna", .displayName = "Anna"});
    auto context = loadTemplateContext(*reader(), id, "Sanne Visser");
    ASSERT_TRUE(context) << context.message();
    EXPECT_EQ(context->value("customer.name"), "Anna");
    EXPECT_EQ(context->value("customer.handle"), "anna");
    EXPECT_EQ(context->value("agent.first_name"), "Sanne");
    EXPECT_EQ(context->value("agent.name"), "Sanne Visser");
    EXPECT_EQ(context->value("conversation.link"), "https://x.example/1");
    EXPECT_EQ(context->value("conversation.id"), std::to_string(id));
    EXPECT_EQ(context->value("source.name"), "Forum 1");

    const Rendered rendered = renderTemplate("Hoi {customer.name}, groet {agent.first_name}", *context);
    EXPECT_EQ(rendered.text, "Hoi Anna, groet Sanne");
}

TEST_P(StoreContractRepositories, MissingTemplateValuesStayUnresolved)
{
    const std::int64_t id = conversation({.platform = "feed:x.example", .handle = "anna"}, "");
    auto context = loadTemplateContext(*reader(), id, "Onbekend");
    ASSERT_TRUE(context) << context.message();
    EXPECT_FALSE(context->value("customer.name"));                  // no display name
    EXPECT_FALSE(context->value("agent.first_name"));               // no agent profile
    EXPECT_EQ(context->value("agent.name"), "Onbekend");
    EXPECT_EQ(context->value("conversation.link"), "https://x.example/2");  // the first mention with a link

    const Rendered rendered = renderTemplate("Hoi {customer.name} ({customer.handle}), {agent.first_name}", *context);
    EXPECT_EQ(rendered.unresolvedVariables, (std::vector<std::string>{"customer.name", "agent.first_name"}));

    auto missing = loadTemplateContext(*reader(), 9999, "Sanne");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.message(), "there is no conversation 9999");
}

// --- agents -------------------------------------------------------------------------------------

TEST_P(StoreContractRepositories, AgentProfilesHaveUniqueNamesAndKeepTheirLists)
{
    inWriter([](Session& session) {
        inbox::AgentRepository agents(session);
        ASSERT_TRUE(agents.add({.name = "Eva de Graaf", .firstName = "Eva", .languages = {"nl", "en"}, .teams = {"care"}}));
        ASSERT_TRUE(agents.add({.name = "Daan Visser", .firstName = "Daan"}));
        auto twice = agents.add({.name = "  Eva de Graaf "});
        ASSERT_FALSE(twice);
        EXPECT_NE(twice.message().find("already an agent named 'Eva de Graaf'"), std::string::npos) << twice.message();
        EXPECT_FALSE(agents.add({.name = "   "}));
        auto id = agents.add({.name = "Sophie Williams", .languages = {"en"}});
        ASSERT_TRUE(id) << id.message();
        EXPECT_GT(*id, 0);
    });

    auto session = reader();
    inbox::AgentRepository agents(*session);
    auto eva = agents.find("Eva de Graaf");
    ASSERT_TRUE(eva) << eva.message();
    EXPECT_EQ(eva->firstName, "Eva");
    EXPECT_EQ(eva->languages, (std::vector<std::string>{"nl", "en"}));
    EXPECT_EQ(eva->teams, std::vector<std::string>{"care"});
    EXPECT_TRUE(eva->inTeam("care"));
    EXPECT_FALSE(eva->inTeam("leads"));
    EXPECT_EQ(agents.find("Sophie Williams").value().firstName, "Sophie") << "the name's first word";
    EXPECT_EQ(agents.find("Sophie Williams").value().languages, std::vector<std::string>{"en"});

    auto all = agents.list();
    ASSERT_TRUE(all) << all.message();
    std::vector<std::string> names;
    for (const auto& a : *all)
        names.push_back(a.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Daan Visser", "Eva de Graaf", "Sophie Williams"}));
    auto missing = agents.find("Nobody");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find("no agent named 'Nobody'"), std::string::npos) << missing.message();
    EXPECT_FALSE(session->agents().find("eva de graaf").value().has_value()) << "the name is exact";
    EXPECT_FALSE(session->agents().insert({.name = "Daan Visser"})) << "the store refuses a taken name too";
}

// --- sources ------------------------------------------------------------------------------------

TEST_P(StoreContractRepositories, NewConversationsStartAtTheirSourcesPriority)
{
    const auto before = startConversation("before", "normal question", 1000);
    Source source = reader()->sources().byId(m_sourceId).value();
    EXPECT_EQ(source.defaultPriority, 1);
    source.defaultPriority = 3;
    write([&](Session& session) { return session.sources().update(source); });
    EXPECT_EQ(reader()->sources().byId(m_sourceId).value().defaultPriority, 3);
    const auto after = startConversation("after", "outage", 1100);
    ASSERT_TRUE(ingest({contractMention("reply", "still down", "before")}, 1200));   // joins an existing one
    EXPECT_EQ(test::conversationOfMention(workspace(), "reply"), before);
    EXPECT_EQ(detail(before).priority, domain::Priority::Normal);
    EXPECT_EQ(detail(after).priority, domain::Priority::Urgent);

    source.defaultPriority = 7;
    Status refused = m_workspace->writer().run([&](Session& session) { return session.sources().update(source); });
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("low, normal, high or urgent"), std::string::npos) << refused.message();
}

TEST_P(StoreContractRepositories, RemovingASourceKeepsItsMentionsAndAddingItAgainKnowsThem)
{
    const auto conversation = startConversation("a", "history", 1000);
    write([&](Session& session) { return session.sources().remove(m_sourceId); });
    EXPECT_TRUE(reader()->sources().list().value().empty());
    EXPECT_EQ(detail(conversation).messageCount, 1) << "its mentions stay";
    EXPECT_EQ(reader()->sources().byId(m_sourceId).value().name, "Example") << "removed sources are still read by id";

    std::optional<Result<std::optional<std::int64_t>>> unknown, restored, twice;
    std::optional<Result<std::int64_t>> added;
    write([&](Session& session) -> Status {
        unknown.emplace(session.sources().restore({.url = "https://elsewhere.example/feed.xml"}));
        restored.emplace(session.sources().restore({.url = "https://example.org/feed.xml"}));
        twice.emplace(session.sources().restore({.url = "https://example.org/feed.xml"}));
        added.emplace(session.sources().add({.url = "https://example.org/feed.xml"}));
        return Ok{};
    });
    ASSERT_TRUE(*unknown);
    EXPECT_FALSE(**unknown) << "no removed source had that URL";
    ASSERT_TRUE(*restored);
    ASSERT_TRUE(**restored) << "the URL is free again after removal";
    EXPECT_EQ(***restored, m_sourceId) << "restored, it is the same source";
    ASSERT_TRUE(*twice);
    EXPECT_FALSE(**twice) << "a source listens to the URL now";
    ASSERT_FALSE(*added);
    EXPECT_NE(added->message().find("already exists"), std::string::npos) << added->message();
    EXPECT_EQ(reader()->sources().byId(m_sourceId).value().state, domain::SourceState::New);
    auto repeat = ingest({contractMention("a", "history")}, 2000);
    ASSERT_TRUE(repeat) << repeat.message();
    EXPECT_EQ(repeat->duplicates, 1) << "what it stored before is not stored twice";
    EXPECT_EQ(test::exportCount(workspace(), ExportKind::Mentions), 1);
    EXPECT_EQ(reader()->conversations().count().value().all, 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContractRepositories, ::testing::ValuesIn(test::workspaceFactories()),
                         test::engineName);
