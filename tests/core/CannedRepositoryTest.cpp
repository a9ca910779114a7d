// Canned replies and settings in the workspace database, and the template variables read
// from a conversation.
#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include "store/sqlite/MentionQueries.h"
#include "TempWorkspace.h"
#include "earshot/checks/CannedReplyRepository.h"
#include "earshot/checks/SettingsRepository.h"
#include "earshot/checks/TemplateContextLoader.h"
#include "earshot/store/Mentions.h"
#include "store/sqlite/Schema.h"
#include "earshot/store/Sources.h"

using namespace earshot;
using namespace earshot::checks;

namespace {

class CannedRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = store::openWorkspace(workspace.dbPath());
        ASSERT_TRUE(opened) << opened.message();
        db.emplace(std::move(*opened));
    }

    // A reading session of the workspace, for what reads through the store.
    store::Session& reader()
    {
        if (!m_reader)
            m_reader = workspace.open().reader().value();
        return *m_reader;
    }

    // One conversation with two mentions by `author`; returns its id.
    std::int64_t conversation(const store::AuthorInfo& author, const std::string& firstLink = "https://x.example/1")
    {
        store::Source source;
        source.url = "https://x.example/feed-" + std::to_string(++m_sources);
        source.name = "Forum " + std::to_string(m_sources);
        const std::int64_t sourceId = store::SourceRepository(*db).add(source).value();
        store::NewMention first{.externalId = "1", .title = "Help", .body = "Mijn pakket", .link = firstLink,
                                .author = author};
        store::NewMention reply{.externalId = "2", .title = "Re: Help", .body = "Nog steeds niet",
                                .link = "https://x.example/2", .replyTo = "1", .author = author};
        std::optional<Result<store::IngestResult>> ingested;
        const Status status = db->transaction([&]() -> Status {
            ingested.emplace(store::ingestMentions(*db, sourceId, {first, reply}, 1000));
            return *ingested ? Status(Ok{}) : Status(ingested->error());
        });
        EXPECT_TRUE(status) << status.message();
        return ingested->value().conversationsCreated.front();
    }

    // Runs `test` with the workspace's writing session, as the CLI and the console write.
    void inWriter(const std::function<void(store::Session&)>& test)
    {
        ASSERT_TRUE(workspace.open().writer().run([&](store::Session& session) {
            test(session);
            return Status(Ok{});
        }));
    }

    test::TempWorkspace workspace;
    std::unique_ptr<store::Session> m_reader;
    std::optional<store::Database> db;
    int m_sources = 0;
};

}  // namespace

TEST_F(CannedRepositoryTest, AddsListsFindsUpdatesAndRemoves)
{
    inWriter([](store::Session& session) {
        CannedReplyRepository replies(session);
        ASSERT_TRUE(replies.add({0, "bedankt", "nl", "Dank je, {customer.name}! Groet, {agent.first_name}"}));
        ASSERT_TRUE(replies.add({0, "bedankt", "en", "Thanks, {customer.name}! {agent.first_name}"}));
        ASSERT_TRUE(replies.add({0, "Afsluiten", "nl", "Fijne dag!"}));

        auto all = replies.list();
        ASSERT_TRUE(all) << all.message();
        ASSERT_EQ(all->size(), 3u);
        EXPECT_EQ((*all)[0].name, "Afsluiten");
        EXPECT_EQ((*all)[1].language, "en");
        EXPECT_EQ((*all)[2].language, "nl");
        EXPECT_EQ(replies.list("en")->size(), 1u);

        auto found = replies.find("bedankt", "nl");
        ASSERT_TRUE(found) << found.message();
        EXPECT_EQ(found->body, "Dank je, {customer.name}! Groet, {agent.first_name}");
        EXPECT_GT(found->id, 0);

        ASSERT_TRUE(replies.update("bedankt", "nl", "Bedankt {customer.name}!"));
        EXPECT_EQ(replies.find("bedankt", "nl")->body, "Bedankt {customer.name}!");

        ASSERT_TRUE(replies.remove("bedankt", "nl"));
        EXPECT_FALSE(replies.find("bedankt", "nl"));
        EXPECT_TRUE(replies.find("bedankt", "en"));
        EXPECT_EQ(replies.find("bedankt", "nl").message(), "there is no canned reply 'bedankt' (nl)");
    });
}

TEST_F(CannedRepositoryTest, RefusesDuplicatesUnknownVariablesAndBadInput)
{
    inWriter([](store::Session& session) {
        CannedReplyRepository replies(session);
        ASSERT_TRUE(replies.add({0, "bedankt", "nl", "Dank je!"}));
        auto duplicate = replies.add({0, "bedankt", "nl", "Nogmaals dank"});
        ASSERT_FALSE(duplicate);
        EXPECT_NE(duplicate.message().find("already exists"), std::string::npos);

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
    });
}

TEST_F(CannedRepositoryTest, SettingsRoundTrip)
{
    inWriter([](store::Session& session) {
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

TEST_F(CannedRepositoryTest, LoadsTemplateVariablesForAConversationAndAgent)
{
    ASSERT_TRUE(db->exec("INSERT INTO agents(name, first_name, created_at) VALUES ('Sanne Visser', 'Sanne', 0)"));
    const std::int64_t id = conversation({.platform = "feed:x.example", .handle = "anna", .displayName = "Anna"});
    auto context = loadTemplateContext(reader(), id, "Sanne Visser");
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

TEST_F(CannedRepositoryTest, MissingValuesStayUnresolved)
{
    const std::int64_t id = conversation({.platform = "feed:x.example", .handle = "anna"}, "");
    auto context = loadTemplateContext(reader(), id, "Onbekend");
    ASSERT_TRUE(context) << context.message();
    EXPECT_FALSE(context->value("customer.name"));                  // no display name
    EXPECT_FALSE(context->value("agent.first_name"));               // no agent profile
    EXPECT_EQ(context->value("agent.name"), "Onbekend");
    EXPECT_EQ(context->value("conversation.link"), "https://x.example/2");  // the first mention with a link

    const Rendered rendered = renderTemplate("Hoi {customer.name} ({customer.handle}), {agent.first_name}", *context);
    EXPECT_EQ(rendered.unresolvedVariables, (std::vector<std::string>{"customer.name", "agent.first_name"}));

    auto missing = loadTemplateContext(reader(), 9999, "Sanne");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.message(), "there is no conversation 9999");
}
