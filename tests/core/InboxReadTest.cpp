// What the conversation pane reads: the conversation with everything around it, the
// timeline, drafts that survive a restart, agent profiles, and the conversations a
// customer's new mention reopened for their agent.
#include <gtest/gtest.h>

#include "store/sqlite/MentionQueries.h"
#include "TempWorkspace.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/store/Mentions.h"
#include "store/sqlite/Schema.h"
#include "earshot/store/Sources.h"

using namespace earshot;
using namespace earshot::inbox;

namespace {

constexpr const char* kEva = "Eva de Graaf";
constexpr const char* kDaan = "Daan Visser";

store::NewMention mention(const std::string& id, const std::string& handle, const std::string& replyTo = "")
{
    store::NewMention m;
    m.externalId = id;
    m.title = "Post " + id;
    m.body = "Text of " + id;
    m.link = "https://forum.example/p/" + id;
    m.replyTo = replyTo;
    m.publishedAt = 900;
    m.author = {.platform = "feed:forum.example",
                .handle = handle,
                .displayName = handle == "anna" ? "Anna de Vries" : "",
                .profileUrl = "https://forum.example/u/" + handle,
                .followers = handle == "anna" ? std::optional<std::int64_t>(321) : std::nullopt};
    return m;
}

class InboxReadTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        openDatabase();
        store::Source source;
        source.url = "https://forum.example/feed.xml";
        source.name = "Forum";
        auto id = store::SourceRepository(*db).add(source);
        ASSERT_TRUE(id) << id.message();
        sourceId = *id;
        AgentRepository agents(*db);
        ASSERT_TRUE(agents.add({.name = kEva, .firstName = "Eva", .languages = {"nl", "en"}, .teams = {"care"}}));
        ASSERT_TRUE(agents.add({.name = kDaan, .firstName = "Daan"}));
        auto stored = ingest({mention("a1", "anna")}, 1000);
        conversation = stored.conversationsCreated.at(0);
    }

    void openDatabase()
    {
        inbox.reset();
        db.reset();
        auto opened = store::openWorkspace(workspace.dbPath());
        ASSERT_TRUE(opened) << opened.message();
        db.emplace(std::move(*opened));
        inbox.emplace(workspace.open().writer(), [this] { return now; });
    }

    store::IngestResult ingest(const std::vector<store::NewMention>& mentions, std::int64_t at)
    {
        std::optional<store::IngestResult> result;
        auto done = db->transaction([&]() -> Status {
            auto stored = store::ingestMentions(*db, sourceId, mentions, at);
            if (!stored)
                return stored.error();
            result = *stored;
            return Ok{};
        });
        EXPECT_TRUE(done) << done.message();
        return result.value_or(store::IngestResult{});
    }

    test::TempWorkspace workspace;
    std::optional<store::Database> db;
    std::optional<Inbox> inbox;
    std::int64_t sourceId = 0;
    std::int64_t conversation = 0;
    std::int64_t now = 2000;
};

}  // namespace

TEST_F(InboxReadTest, ADraftSurvivesClosingAndReopeningTheDatabase)
{
    ASSERT_TRUE(inbox->saveDraft(conversation, kEva, "Hi Anna, we are looking"));
    now = 2100;
    ASSERT_TRUE(inbox->saveDraft(conversation, kEva, "Hi Anna, we are looking into it"));
    ASSERT_TRUE(inbox->saveDraft(conversation, kDaan, "Daan's own words"));

    openDatabase();   // as after a crash or a restart: a new connection to the same file
    auto draft = loadDraft(*db, conversation, kEva);
    ASSERT_TRUE(draft) << draft.message();
    ASSERT_TRUE(draft->has_value());
    EXPECT_EQ((*draft)->body, "Hi Anna, we are looking into it");
    EXPECT_EQ((*draft)->updatedAt, 2100);

    // Sending clears the sender's draft only; drafts are not events.
    ASSERT_TRUE(inbox->reply(conversation, kEva, "Hi Anna, it is on its way", Channel::OffPlatform));
    EXPECT_FALSE(loadDraft(*db, conversation, kEva).value().has_value());
    EXPECT_EQ(loadDraft(*db, conversation, kDaan).value()->body, "Daan's own words");
    ASSERT_TRUE(inbox->saveDraft(conversation, kDaan, ""));
    EXPECT_FALSE(loadDraft(*db, conversation, kDaan).value().has_value());
    // Kept in a variable: a range-for over value() of a temporary Result reads a destroyed object.
    const auto timeline = readTimeline(*db, conversation).value();
    for (const auto& e : timeline)
        EXPECT_NE(std::string(domain::eventKindName(e.kind)), "draft");
    EXPECT_FALSE(inbox->saveDraft(4242, kEva, "no such conversation"));
}

TEST_F(InboxReadTest, TheConversationReadHasEverythingThePaneShows)
{
    ingest({mention("a2", "bob", "a1")}, 1500);
    now = 2000;
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    ASSERT_TRUE(inbox->addTag(conversation, kEva, "delivery"));
    ASSERT_TRUE(inbox->setPriority(conversation, kEva, Priority::High));
    now = 2200;
    ASSERT_TRUE(inbox->reply(conversation, kEva, "On its way", Channel::OffPlatform));
    ASSERT_TRUE(inbox->addNote(conversation, kDaan, "Known courier issue"));

    auto reader = store::openReader(workspace.dbPath());
    ASSERT_TRUE(reader) << reader.message();
    auto read = readConversation(*reader, conversation);
    ASSERT_TRUE(read) << read.message();
    const ConversationDetail& c = *read;
    EXPECT_EQ(c.status, ConversationStatus::Open);
    EXPECT_EQ(c.assignee, kEva);
    EXPECT_EQ(c.lastAgent, kDaan);
    EXPECT_EQ(c.priority, Priority::High);
    EXPECT_EQ(c.tags, std::vector<std::string>{"delivery"});
    EXPECT_EQ(c.createdAt, 1000);
    EXPECT_EQ(c.lastCustomerAt, 1500);
    EXPECT_EQ(c.firstResponseAt, 2200);
    EXPECT_FALSE(c.resolvedAt.has_value());
    EXPECT_EQ(c.messageCount, 2);
    EXPECT_EQ(c.sourceId, sourceId);
    EXPECT_EQ(c.sourceName, "Forum");
    EXPECT_EQ(c.sourceKind, "feed");
    EXPECT_FALSE(c.canPostOnPlatform);
    EXPECT_EQ(c.customerHandle, "anna");
    EXPECT_EQ(c.customerName, "Anna de Vries");
    EXPECT_EQ(c.customerProfileUrl, "https://forum.example/u/anna");
    EXPECT_EQ(c.customerFollowers, 321);
    ASSERT_EQ(c.mentions.size(), 2u);
    EXPECT_EQ(c.mentions[0].externalId, "a1");
    EXPECT_EQ(c.mentions[0].authorName, "Anna de Vries");
    EXPECT_EQ(c.mentions[1].externalId, "a2");
    EXPECT_EQ(c.mentions[1].authorHandle, "bob");
    EXPECT_EQ(c.mentions[1].replyTo, "a1");
    EXPECT_EQ(c.mentions[1].link, "https://forum.example/p/a2");
    ASSERT_EQ(c.replies.size(), 1u);
    EXPECT_EQ(c.replies[0].body, "On its way");
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0].agent, kDaan);

    auto missing = readConversation(*reader, 777);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find("#777"), std::string::npos);
    EXPECT_FALSE(readTimeline(*reader, 777));
}

TEST_F(InboxReadTest, TheTimelineIsOldestFirstWithEveryField)
{
    now = 3000;
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    now = 2500;   // a clock that went back still files the event by its time
    ASSERT_TRUE(inbox->addNote(conversation, kEva, "earlier"));
    now = 4000;
    ASSERT_TRUE(inbox->resolve(conversation, kEva));

    auto entries = readTimeline(*db, conversation);
    ASSERT_TRUE(entries) << entries.message();
    std::vector<std::string> order;
    for (const auto& e : *entries)
        order.push_back(std::to_string(e.at) + " " + e.actor + " " + std::string(domain::eventKindName(e.kind)));
    EXPECT_EQ(order, (std::vector<std::string>{"1000 engine conversation_created", "2500 Eva de Graaf note",
                                               "3000 Eva de Graaf claimed", "3000 Eva de Graaf status",
                                               "4000 Eva de Graaf status"}));
    const auto& opened = (*entries)[3];
    EXPECT_EQ(opened.fromValue.value_or(""), "new");
    EXPECT_EQ(opened.toValue.value_or(""), "open");
    EXPECT_FALSE(opened.detail.has_value());
    EXPECT_LT((*entries)[2].id, (*entries)[3].id);
}

TEST_F(InboxReadTest, ACustomersNewMentionReopensTheConversationAndTellsItsAgent)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    ASSERT_TRUE(inbox->reply(conversation, kEva, "Fixed?", Channel::OffPlatform));
    ASSERT_TRUE(inbox->resolve(conversation, kEva));

    auto later = ingest({mention("a3", "anna", "a1")}, 5000);
    ASSERT_EQ(later.conversationsReopened, std::vector<std::int64_t>{conversation});
    auto detail = readConversation(*db, conversation).value();
    EXPECT_EQ(detail.status, ConversationStatus::Open);
    EXPECT_EQ(detail.assignee, kEva);
    EXPECT_FALSE(detail.resolvedAt.has_value());
    const auto last = readTimeline(*db, conversation).value().back();
    EXPECT_EQ(std::string(domain::eventKindName(last.kind)), "reopened");
    EXPECT_EQ(last.actor, "engine");
    EXPECT_EQ(last.detail.value_or(""), kEva);

    auto reader = store::openReader(workspace.dbPath());
    ASSERT_TRUE(reader);
    auto told = reopenedFor(*reader, kEva, 4000);
    ASSERT_TRUE(told) << told.message();
    ASSERT_EQ(told->size(), 1u);
    EXPECT_EQ((*told)[0].conversationId, conversation);
    EXPECT_EQ((*told)[0].reopenedAt, 5000);
    EXPECT_EQ((*told)[0].fromStatus, ConversationStatus::Resolved);
    EXPECT_EQ((*told)[0].status, ConversationStatus::Open);
    EXPECT_EQ((*told)[0].snippet, "Text of a3");
    EXPECT_TRUE(reopenedFor(*reader, kEva, 5001).value().empty());
    EXPECT_TRUE(reopenedFor(*reader, kDaan, 0).value().empty());

    // Pending reopens too; the agent hears about both, newest first.
    const auto second = ingest({mention("b1", "carl")}, 5100).conversationsCreated.at(0);
    ASSERT_TRUE(inbox->claim(second, kEva));
    ASSERT_TRUE(inbox->setPending(second, kEva));
    ingest({mention("b2", "carl", "b1")}, 6000);
    auto both = reopenedFor(*reader, kEva, 4000).value();
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[0].conversationId, second);
    EXPECT_EQ(both[0].fromStatus, ConversationStatus::Pending);
}

TEST_F(InboxReadTest, AReleasedResolvedConversationReopensAsNewForEveryone)
{
    ASSERT_TRUE(inbox->resolve(conversation, kEva));
    ASSERT_TRUE(inbox->release(conversation, kEva));
    ingest({mention("a4", "anna", "a1")}, 5000);
    const auto detail = readConversation(*db, conversation).value();
    EXPECT_EQ(detail.status, ConversationStatus::New);
    EXPECT_TRUE(detail.assignee.empty());
    EXPECT_FALSE(readTimeline(*db, conversation).value().back().detail.has_value());
    EXPECT_TRUE(reopenedFor(*db, kEva, 0).value().empty());
}

TEST_F(InboxReadTest, AgentProfilesHaveUniqueNamesAndKeepTheirLists)
{
    AgentRepository agents(*db);
    auto eva = agents.find(kEva);
    ASSERT_TRUE(eva) << eva.message();
    EXPECT_EQ(eva->firstName, "Eva");
    EXPECT_EQ(eva->languages, (std::vector<std::string>{"nl", "en"}));
    EXPECT_EQ(eva->teams, std::vector<std::string>{"care"});
    EXPECT_TRUE(eva->inTeam("care"));
    EXPECT_FALSE(eva->inTeam("leads"));

    auto twice = agents.add({.name = "  Eva de Graaf "});
    ASSERT_FALSE(twice);
    EXPECT_NE(twice.message().find("already an agent named 'Eva de Graaf'"), std::string::npos) << twice.message();
    EXPECT_FALSE(agents.add({.name = "   "}));

    auto id = agents.add({.name = "Sophie Williams", .languages = {"en"}});
    ASSERT_TRUE(id) << id.message();
    EXPECT_EQ(agents.find("Sophie Williams").value().firstName, "Sophie");
    auto all = agents.list();
    ASSERT_TRUE(all);
    std::vector<std::string> names;
    for (const auto& a : *all)
        names.push_back(a.name);
    EXPECT_EQ(names, (std::vector<std::string>{kDaan, kEva, "Sophie Williams"}));
    auto missing = agents.find("Nobody");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find("no agent named 'Nobody'"), std::string::npos);
}
