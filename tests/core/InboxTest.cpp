// The webcare rules on a real workspace: who may claim, release, assign, take over,
// change the status, reply, note, tag and prioritise, and which events each change writes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "TempWorkspace.h"
#include "WorkspaceReads.h"
#include "earshot/checks/SettingsRepository.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/inbox/ReplyRules.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;
using namespace earshot::inbox;

namespace {

constexpr const char* kEva = "Eva de Graaf";
constexpr const char* kDaan = "Daan Visser";
constexpr const char* kAnouk = "Anouk Smit";   // a lead

class InboxTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        sourceId = test::addSource(workspace.open(), {.name = "Forum", .url = "https://forum.example/feed.xml"});
        ASSERT_NE(sourceId, 0);
        test::writeWith(workspace.open(), [](store::Session& session) -> Status {
            AgentRepository agents(session);
            for (const Agent& agent : {Agent{.name = kEva, .firstName = "Eva", .teams = {"care"}},
                                       Agent{.name = kDaan, .firstName = "Daan", .teams = {"care"}},
                                       Agent{.name = kAnouk, .firstName = "Anouk", .teams = {"social", "leads"}}})
                if (auto added = agents.add(agent); !added)
                    return added.error();
            return Ok{};
        });
        inbox.emplace(workspace.open().writer(), [this] { return now; });
        conversation = newConversation("first");
    }

    std::int64_t newConversation(const std::string& externalId)
    {
        store::NewMention m;
        m.externalId = externalId;
        m.title = "Where is my order " + externalId + "?";
        m.body = "It was due yesterday.";
        m.link = "https://forum.example/t/" + externalId;
        m.author = {.platform = "feed:forum.example", .handle = "anna", .displayName = "Anna"};
        const store::IngestResult stored = test::ingest(workspace.open(), sourceId, {m}, 1000);
        EXPECT_EQ(stored.conversationsCreated.size(), 1u);
        return stored.conversationsCreated.empty() ? 0 : stored.conversationsCreated.front();
    }

    std::unique_ptr<store::Session> reader() { return test::readerOf(workspace.open()); }
    ConversationDetail read(std::int64_t id) { return test::detailOf(workspace.open(), id); }

    // A field of the conversation as text, "NULL" when it has none.
    std::string column(const std::string& name, std::int64_t id)
    {
        const ConversationDetail c = read(id);
        const auto text = [](std::optional<std::int64_t> value) {
            return value ? std::to_string(*value) : std::string("NULL");
        };
        if (name == "status")
            return std::string(domain::statusName(c.status));
        if (name == "assignee")
            return c.assignee.empty() ? "NULL" : c.assignee;
        if (name == "last_agent")
            return c.lastAgent.empty() ? "NULL" : c.lastAgent;
        if (name == "updated_at")
            return std::to_string(c.updatedAt);
        if (name == "resolved_at")
            return text(c.resolvedAt);
        if (name == "first_response_at")
            return text(c.firstResponseAt);
        if (name == "priority")
            return std::to_string(int(c.priority));
        ADD_FAILURE() << "no column " << name;
        return {};
    }
    std::size_t replyCount() { return read(conversation).replies.size(); }
    std::string status(std::int64_t id) { return column("status", id); }
    std::string assignee(std::int64_t id) { return column("assignee", id); }

    std::vector<TimelineEntry> timeline(std::int64_t id) { return readTimeline(*reader(), id).value(); }
    // "kind from>to" for each event, oldest first; NULL shows as "-".
    std::vector<std::string> events(std::int64_t id)
    {
        std::vector<std::string> out;
        for (const auto& e : timeline(id))
            out.push_back(std::string(domain::eventKindName(e.kind)) + " " + e.fromValue.value_or("-") + ">" + e.toValue.value_or("-"));
        return out;
    }

    test::TempWorkspace workspace;
    std::optional<Inbox> inbox;
    std::int64_t sourceId = 0;
    std::int64_t conversation = 0;
    std::int64_t now = 2000;
};

}  // namespace

TEST_F(InboxTest, ClaimOpensANewConversationAndLogsTheClaimAndTheStatus)
{
    auto claimed = inbox->claim(conversation, kEva);
    ASSERT_TRUE(claimed) << claimed.message();
    EXPECT_TRUE(claimed->changed());
    EXPECT_EQ(status(conversation), "open");
    EXPECT_EQ(assignee(conversation), kEva);
    EXPECT_EQ(column("last_agent", conversation), kEva);
    EXPECT_EQ(column("updated_at", conversation), "2000");
    EXPECT_EQ(events(conversation),
              (std::vector<std::string>{"conversation_created ->-", "claimed ->Eva de Graaf", "status new>open"}));
    for (const auto& e : timeline(conversation))
        if (std::string(domain::eventKindName(e.kind)) != "conversation_created") {
            EXPECT_EQ(e.actor, kEva);
            EXPECT_EQ(e.at, 2000);
        }
}

TEST_F(InboxTest, ClaimingYourOwnConversationChangesNothing)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    auto again = inbox->claim(conversation, kEva);
    ASSERT_TRUE(again) << again.message();
    EXPECT_EQ(again->kind, Outcome::Kind::Unchanged);
    EXPECT_EQ(timeline(conversation).size(), 3u);
}

TEST_F(InboxTest, ClaimingAConversationSomeoneElseHoldsNamesTheHolder)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    auto lost = inbox->claim(conversation, kDaan);
    ASSERT_TRUE(lost) << lost.message();
    EXPECT_TRUE(lost->heldByOther());
    EXPECT_EQ(lost->holder, kEva);
    EXPECT_NE(lost->message.find("Eva de Graaf"), std::string::npos) << lost->message;
    EXPECT_EQ(assignee(conversation), kEva);
    EXPECT_EQ(timeline(conversation).size(), 3u);
}

TEST_F(InboxTest, UnknownAgentsAndConversationsAreRefusedWithAReason)
{
    auto stranger = inbox->claim(conversation, "Nobody");
    ASSERT_FALSE(stranger);
    EXPECT_NE(stranger.message().find("no agent named 'Nobody'"), std::string::npos) << stranger.message();
    auto missing = inbox->claim(999, kEva);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find("no conversation #999"), std::string::npos) << missing.message();
    EXPECT_EQ(status(conversation), "new");
}

TEST_F(InboxTest, OnlyTheHolderReleasesAndAnOpenConversationBecomesNewAgain)
{
    auto nobody = inbox->release(conversation, kEva);
    ASSERT_FALSE(nobody);
    EXPECT_NE(nobody.message().find("nobody holds #"), std::string::npos) << nobody.message();

    ASSERT_TRUE(inbox->claim(conversation, kEva));
    auto notYours = inbox->release(conversation, kDaan);
    ASSERT_TRUE(notYours);
    EXPECT_TRUE(notYours->heldByOther());
    EXPECT_EQ(notYours->holder, kEva);

    now = 2100;
    auto released = inbox->release(conversation, kEva);
    ASSERT_TRUE(released) << released.message();
    EXPECT_TRUE(released->changed());
    EXPECT_EQ(status(conversation), "new");
    EXPECT_EQ(assignee(conversation), "NULL");
    const auto log = events(conversation);
    ASSERT_EQ(log.size(), 5u);
    EXPECT_EQ(log[3], "released Eva de Graaf>-");
    EXPECT_EQ(log[4], "status open>new");
}

TEST_F(InboxTest, ReleasingAPendingConversationKeepsItPending)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    ASSERT_TRUE(inbox->setPending(conversation, kEva));
    ASSERT_TRUE(inbox->release(conversation, kEva));
    EXPECT_EQ(status(conversation), "pending");
    EXPECT_EQ(assignee(conversation), "NULL");
    EXPECT_EQ(events(conversation).back(), "released Eva de Graaf>-");
}

TEST_F(InboxTest, AssigningHandsOverWithTheNoteKeptAsAnInternalNote)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    now = 2500;
    auto assigned = inbox->assign(conversation, kEva, kDaan, "Customer prefers Dutch; order 1234");
    ASSERT_TRUE(assigned) << assigned.message();
    EXPECT_TRUE(assigned->changed());
    EXPECT_EQ(assignee(conversation), kDaan);
    EXPECT_EQ(status(conversation), "open");
    const auto entry = timeline(conversation).back();
    EXPECT_EQ(std::string(domain::eventKindName(entry.kind)), "assigned");
    EXPECT_EQ(entry.actor, kEva);
    EXPECT_EQ(entry.fromValue.value_or(""), kEva);
    EXPECT_EQ(entry.toValue.value_or(""), kDaan);
    EXPECT_EQ(entry.detail.value_or(""), "Customer prefers Dutch; order 1234");
    const auto detail = readConversation(*reader(), conversation).value();
    ASSERT_EQ(detail.notes.size(), 1u);
    EXPECT_EQ(detail.notes[0].agent, kEva);
    EXPECT_EQ(detail.notes[0].body, "Customer prefers Dutch; order 1234");
    EXPECT_EQ(detail.notes[0].createdAt, 2500);

    auto again = inbox->assign(conversation, kEva, kDaan);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->kind, Outcome::Kind::Unchanged);
}

TEST_F(InboxTest, AssigningAnUnclaimedConversationOpensIt)
{
    auto assigned = inbox->assign(conversation, kEva, kDaan);
    ASSERT_TRUE(assigned) << assigned.message();
    EXPECT_EQ(assignee(conversation), kDaan);
    EXPECT_EQ(status(conversation), "open");
    const auto log = events(conversation);
    EXPECT_EQ(log[1], "assigned ->Daan Visser");
    EXPECT_EQ(log[2], "status new>open");
}

TEST_F(InboxTest, OnlyTheHolderOrALeadHandsOnAConversationSomeoneHolds)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    auto refused = inbox->assign(conversation, kDaan, kDaan);
    ASSERT_TRUE(refused) << refused.message();
    EXPECT_TRUE(refused->heldByOther());
    EXPECT_EQ(refused->holder, kEva);
    EXPECT_EQ(assignee(conversation), kEva);

    auto byLead = inbox->assign(conversation, kAnouk, kDaan, "Eva is off today");
    ASSERT_TRUE(byLead) << byLead.message();
    EXPECT_TRUE(byLead->changed());
    EXPECT_EQ(assignee(conversation), kDaan);
    const auto entry = timeline(conversation).back();
    EXPECT_EQ(entry.actor, kAnouk);
    EXPECT_EQ(entry.fromValue.value_or(""), kEva);

    auto unknown = inbox->assign(conversation, kDaan, "Ghost");
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.message().find("no agent named 'Ghost'"), std::string::npos);
}

TEST_F(InboxTest, TakingOverIsExplicitAndLoggedWithFromAndTo)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    auto taken = inbox->takeOver(conversation, kDaan);
    ASSERT_TRUE(taken) << taken.message();
    EXPECT_TRUE(taken->changed());
    EXPECT_EQ(assignee(conversation), kDaan);
    EXPECT_EQ(events(conversation).back(), "taken_over Eva de Graaf>Daan Visser");
    EXPECT_EQ(timeline(conversation).back().actor, kDaan);

    auto again = inbox->takeOver(conversation, kDaan);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->kind, Outcome::Kind::Unchanged);

    const auto other = newConversation("second");
    auto unclaimed = inbox->takeOver(other, kEva);
    ASSERT_TRUE(unclaimed) << unclaimed.message();
    EXPECT_EQ(assignee(other), kEva);
    EXPECT_EQ(events(other)[1], "claimed ->Eva de Graaf");
}

namespace {

// A fresh conversation brought to `from` by Eva (new: nobody holds it).
struct Transition {
    ConversationStatus from;
    ConversationStatus to;
    const char* expected;   // "changed", "unchanged" or "refused"
};

}  // namespace

TEST_F(InboxTest, EveryStatusTransitionIsAllowedOrRefusedAsTheRulesSay)
{
    using S = ConversationStatus;
    const std::vector<Transition> table = {
        {S::New, S::Pending, "refused"},     {S::Open, S::Pending, "changed"},
        {S::Pending, S::Pending, "unchanged"}, {S::Resolved, S::Pending, "refused"},
        {S::Spam, S::Pending, "refused"},

        {S::New, S::Resolved, "changed"},    {S::Open, S::Resolved, "changed"},
        {S::Pending, S::Resolved, "changed"}, {S::Resolved, S::Resolved, "unchanged"},
        {S::Spam, S::Resolved, "refused"},

        {S::New, S::Spam, "changed"},        {S::Open, S::Spam, "changed"},
        {S::Pending, S::Spam, "changed"},    {S::Resolved, S::Spam, "changed"},
        {S::Spam, S::Spam, "unchanged"},

        {S::New, S::Open, "refused"},        {S::Open, S::Open, "unchanged"},
        {S::Pending, S::Open, "changed"},    {S::Resolved, S::Open, "changed"},
        {S::Spam, S::Open, "changed"},
    };
    auto act = [&](std::int64_t id, S to) {
        switch (to) {
        case S::Pending: return inbox->setPending(id, kEva);
        case S::Resolved: return inbox->resolve(id, kEva);
        case S::Spam: return inbox->markSpam(id, kEva);
        case S::Open: return inbox->reopen(id, kEva);
        case S::New: break;
        }
        return Result<Outcome>(fail("not an action"));
    };
    int n = 0;
    for (const Transition& t : table) {
        const std::string name =
            std::string(statusName(t.from)) + " -> " + std::string(statusName(t.to)) + " (" + t.expected + ")";
        SCOPED_TRACE(name);
        const std::int64_t id = newConversation("t" + std::to_string(n++));
        if (t.from != S::New) {
            ASSERT_TRUE(inbox->claim(id, kEva));
            if (t.from == S::Pending) {
                ASSERT_TRUE(inbox->setPending(id, kEva));
            }
            if (t.from == S::Resolved) {
                ASSERT_TRUE(inbox->resolve(id, kEva));
            }
            if (t.from == S::Spam) {
                ASSERT_TRUE(inbox->markSpam(id, kEva));
            }
        }
        ASSERT_EQ(status(id), statusName(t.from));
        const std::size_t before = timeline(id).size();
        now += 10;
        auto result = act(id, t.to);
        const std::string expected = t.expected;
        if (expected == "refused") {
            ASSERT_FALSE(result);
            EXPECT_NE(result.message().find("#" + std::to_string(id)), std::string::npos) << result.message();
            EXPECT_EQ(status(id), statusName(t.from));
            EXPECT_EQ(timeline(id).size(), before);
            continue;
        }
        ASSERT_TRUE(result) << result.message();
        if (expected == "unchanged") {
            EXPECT_EQ(result->kind, Outcome::Kind::Unchanged);
            EXPECT_EQ(timeline(id).size(), before);
            continue;
        }
        EXPECT_TRUE(result->changed());
        EXPECT_EQ(status(id), statusName(t.to));
        EXPECT_EQ(assignee(id), kEva);
        const auto last = timeline(id).back();
        EXPECT_EQ(std::string(domain::eventKindName(last.kind)), "status");
        EXPECT_EQ(last.actor, kEva);
        EXPECT_EQ(last.fromValue.value_or(""), statusName(t.from));
        EXPECT_EQ(last.toValue.value_or(""), statusName(t.to));
        EXPECT_EQ(column("resolved_at", id), t.to == S::Resolved ? std::to_string(now) : "NULL");
    }
}

TEST_F(InboxTest, ResolvingAnUnclaimedConversationMakesItYours)
{
    auto resolved = inbox->resolve(conversation, kEva);
    ASSERT_TRUE(resolved) << resolved.message();
    EXPECT_EQ(assignee(conversation), kEva);
    EXPECT_EQ(status(conversation), "resolved");
    // One claim and one status change straight from new to resolved.
    EXPECT_EQ(events(conversation),
              (std::vector<std::string>{"conversation_created ->-", "claimed ->Eva de Graaf", "status new>resolved"}));
}

TEST_F(InboxTest, NobodyChangesTheStatusOfAConversationSomeoneElseHolds)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    for (auto action : {&Inbox::setPending, &Inbox::resolve, &Inbox::markSpam}) {
        auto refused = ((*inbox).*action)(conversation, kDaan);
        ASSERT_TRUE(refused) << refused.message();
        EXPECT_TRUE(refused->heldByOther());
        EXPECT_EQ(refused->holder, kEva);
        EXPECT_NE(refused->message.find("take it over"), std::string::npos) << refused->message;
    }
    EXPECT_EQ(status(conversation), "open");
    EXPECT_EQ(timeline(conversation).size(), 3u);

    ASSERT_TRUE(inbox->takeOver(conversation, kDaan));
    auto resolved = inbox->resolve(conversation, kDaan);
    ASSERT_TRUE(resolved);
    EXPECT_TRUE(resolved->changed());
}

TEST_F(InboxTest, AReplyIsRecordedClaimsAnUnheldConversationAndSetsTheFirstResponseOnce)
{
    ASSERT_TRUE(inbox->saveDraft(conversation, kEva, "Hi Anna, let me"));
    now = 3000;
    auto first = inbox->reply(conversation, kEva, "Hi Anna, it ships today. Eva", Channel::OffPlatform);
    ASSERT_TRUE(first) << first.message();
    EXPECT_TRUE(first->changed());
    EXPECT_GT(first->id, 0);
    EXPECT_EQ(assignee(conversation), kEva);
    EXPECT_EQ(status(conversation), "open");
    EXPECT_EQ(column("first_response_at", conversation), "3000");
    EXPECT_FALSE(loadDraft(*reader(), conversation, kEva).value().has_value());
    EXPECT_EQ(events(conversation),
              (std::vector<std::string>{"conversation_created ->-", "claimed ->Eva de Graaf", "status new>open",
                                        "replied ->off-platform"}));
    EXPECT_EQ(timeline(conversation).back().detail.value_or(""), std::to_string(first->id));

    now = 4000;
    auto second = inbox->reply(conversation, kEva, "Tracking: 3SABC", Channel::OffPlatform);
    ASSERT_TRUE(second) << second.message();
    EXPECT_EQ(column("first_response_at", conversation), "3000");
    const auto detail = readConversation(*reader(), conversation).value();
    ASSERT_EQ(detail.replies.size(), 2u);
    EXPECT_EQ(detail.replies[0].body, "Hi Anna, it ships today. Eva");
    EXPECT_EQ(detail.replies[0].agent, kEva);
    EXPECT_EQ(detail.replies[0].channel, Channel::OffPlatform);
    EXPECT_EQ(detail.replies[0].sentAt, 3000);
    EXPECT_EQ(detail.replies[1].sentAt, 4000);
}

TEST_F(InboxTest, FeedsCannotBePostedToSoAPlatformReplyIsRefused)
{
    EXPECT_FALSE(canPostOnPlatform("feed"));
    EXPECT_FALSE(canPostOnPlatform("hn-search"));
    EXPECT_FALSE(canPostOnPlatform("stackexchange-search"));
    // The kinds whose connectors post (ReplyPublisherTest posts on each).
    EXPECT_TRUE(canPostOnPlatform("mastodon-tag"));
    EXPECT_TRUE(canPostOnPlatform("bluesky-author"));
    EXPECT_TRUE(canPostOnPlatform("discourse-latest"));
    auto refused = inbox->reply(conversation, kEva, "Hello", Channel::Platform);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("off-platform"), std::string::npos) << refused.message();
    EXPECT_EQ(status(conversation), "new");
    EXPECT_EQ(column("first_response_at", conversation), "NULL");
    EXPECT_EQ(timeline(conversation).size(), 1u);
}

TEST_F(InboxTest, OverriddenChecksAreLoggedWithTheirReasons)
{
    // The length check stays quiet on this text, so a reason given for it is no override.
    auto replied = inbox->reply(conversation, kEva, "Pay to NL91ABNA0417164300", Channel::OffPlatform,
                                {{"iban", "our own refund account"}, {"length", "the customer asked for details"}});
    ASSERT_TRUE(replied) << replied.message();
    std::vector<TimelineEntry> overrides;
    for (const auto& e : timeline(conversation))
        if (e.kind == domain::EventKind::CheckOverridden)
            overrides.push_back(e);
    ASSERT_EQ(overrides.size(), 1u);
    EXPECT_EQ(overrides[0].actor, kEva);
    EXPECT_EQ(overrides[0].toValue.value_or(""), "iban");
    const auto detail = nlohmann::json::parse(overrides[0].detail.value_or("{}"));
    EXPECT_EQ(detail["check"], "iban");
    EXPECT_EQ(detail["reason"], "our own refund account");
    EXPECT_EQ(detail["reply"], replied->id);

    auto noReason = inbox->reply(conversation, kEva, "again", Channel::OffPlatform, {{"iban", "  "}});
    ASSERT_FALSE(noReason);
    EXPECT_NE(noReason.message().find("say why"), std::string::npos);
    auto unknown = inbox->reply(conversation, kEva, "again", Channel::OffPlatform, {{"ibna", "typo"}});
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.message().find("no reply check 'ibna'"), std::string::npos) << unknown.message();
}

TEST_F(InboxTest, AReplyThatFailsACheckIsNotRecordedUnlessTheCheckIsOverridden)
{
    const auto replies = [this] { return replyCount(); };
    auto refused = inbox->reply(conversation, kEva, "Hoi {customer.name}, mail ons op info@example.com",
                                Channel::OffPlatform);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("[variables]"), std::string::npos) << refused.message();
    EXPECT_NE(refused.message().find("[email]"), std::string::npos) << refused.message();
    EXPECT_EQ(replies(), 0u);
    EXPECT_EQ(status(conversation), "new");
    EXPECT_EQ(column("first_response_at", conversation), "NULL");

    // Overriding one of two objections is not enough.
    auto half = inbox->reply(conversation, kEva, "Hoi {customer.name}, mail ons op info@example.com",
                             Channel::OffPlatform, {{"email", "our public support address"}});
    ASSERT_FALSE(half);
    EXPECT_EQ(half.message().find("[email]"), std::string::npos) << half.message();
    EXPECT_EQ(replies(), 0u);

    // The team's signature rule is read from the workspace at the moment of sending.
    test::writeWith(workspace.open(), [](store::Session& session) {
        return checks::SettingsRepository(session).set(checks::kSignatureRequiredKey, checks::kSignatureNamed);
    });
    auto unsigned_ = inbox->reply(conversation, kEva, "We kijken ernaar.", Channel::OffPlatform);
    ASSERT_FALSE(unsigned_);
    EXPECT_NE(unsigned_.message().find("[signature]"), std::string::npos) << unsigned_.message();
    ASSERT_TRUE(inbox->reply(conversation, kEva, "We kijken ernaar. Eva", Channel::OffPlatform));
    EXPECT_EQ(replies(), 1u);
}

TEST_F(InboxTest, RepliesNeedTextAnOpenConversationAndToBeYours)
{
    EXPECT_FALSE(inbox->reply(conversation, kEva, "  \n", Channel::OffPlatform));
    auto latin1 = inbox->reply(conversation, kEva, "Caf\xe9 morgen open", Channel::OffPlatform);
    ASSERT_FALSE(latin1);
    EXPECT_NE(latin1.message().find("not UTF-8"), std::string::npos) << latin1.message();
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    auto notYours = inbox->reply(conversation, kDaan, "Hi", Channel::OffPlatform);
    ASSERT_TRUE(notYours);
    EXPECT_TRUE(notYours->heldByOther());
    ASSERT_TRUE(inbox->resolve(conversation, kEva));
    auto resolved = inbox->reply(conversation, kEva, "Hi", Channel::OffPlatform);
    ASSERT_FALSE(resolved);
    EXPECT_NE(resolved.message().find("reopen it"), std::string::npos) << resolved.message();
    ASSERT_TRUE(inbox->markSpam(conversation, kEva));
    EXPECT_FALSE(inbox->reply(conversation, kEva, "Hi", Channel::OffPlatform));
    EXPECT_EQ(replyCount(), 0u);
}

TEST_F(InboxTest, AnyAgentAddsNotesToAnyConversation)
{
    ASSERT_TRUE(inbox->claim(conversation, kEva));
    auto noted = inbox->addNote(conversation, kDaan, "Same customer as #12 last week");
    ASSERT_TRUE(noted) << noted.message();
    EXPECT_GT(noted->id, 0);
    const auto entry = timeline(conversation).back();
    EXPECT_EQ(std::string(domain::eventKindName(entry.kind)), "note");
    EXPECT_EQ(entry.actor, kDaan);
    EXPECT_EQ(entry.detail.value_or(""), "Same customer as #12 last week");
    EXPECT_EQ(readConversation(*reader(), conversation).value().notes.at(0).body, "Same customer as #12 last week");
    EXPECT_EQ(assignee(conversation), kEva);
    EXPECT_FALSE(inbox->addNote(conversation, kDaan, " "));
}

TEST_F(InboxTest, TagsAreNormalisedAddedOnceAndRemovedWithEvents)
{
    auto tagged = inbox->addTag(conversation, kEva, "  Late   DELIVERY ");
    ASSERT_TRUE(tagged) << tagged.message();
    EXPECT_TRUE(tagged->changed());
    auto twice = inbox->addTag(conversation, kDaan, "late delivery");
    ASSERT_TRUE(twice);
    EXPECT_EQ(twice->kind, Outcome::Kind::Unchanged);
    ASSERT_TRUE(inbox->addTag(conversation, kEva, "Één"));
    EXPECT_EQ(readConversation(*reader(), conversation).value().tags, (std::vector<std::string>{"late delivery", "één"}));

    auto removed = inbox->removeTag(conversation, kEva, "LATE delivery");
    ASSERT_TRUE(removed) << removed.message();
    EXPECT_TRUE(removed->changed());
    auto missing = inbox->removeTag(conversation, kEva, "late delivery");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->kind, Outcome::Kind::Unchanged);
    EXPECT_EQ(readConversation(*reader(), conversation).value().tags, (std::vector<std::string>{"één"}));

    EXPECT_EQ(events(conversation), (std::vector<std::string>{"conversation_created ->-", "tagged ->late delivery",
                                                              "tagged ->één", "untagged late delivery>-"}));
    auto comma = inbox->addTag(conversation, kEva, "a,b");
    ASSERT_FALSE(comma);
    EXPECT_NE(comma.message().find("comma"), std::string::npos);
    EXPECT_FALSE(inbox->addTag(conversation, kEva, "   "));
    EXPECT_FALSE(normaliseTag(std::string(65, 'x')));
}

TEST_F(InboxTest, PriorityChangesAreLoggedWithNames)
{
    auto raised = inbox->setPriority(conversation, kDaan, Priority::Urgent);
    ASSERT_TRUE(raised) << raised.message();
    EXPECT_TRUE(raised->changed());
    EXPECT_EQ(column("priority", conversation), "3");
    EXPECT_EQ(events(conversation).back(), "priority normal>urgent");
    auto same = inbox->setPriority(conversation, kDaan, Priority::Urgent);
    ASSERT_TRUE(same);
    EXPECT_EQ(same->kind, Outcome::Kind::Unchanged);
    ASSERT_TRUE(inbox->setPriority(conversation, kEva, Priority::Low));
    EXPECT_EQ(events(conversation).back(), "priority urgent>low");
    EXPECT_EQ(parsePriority("high"), Priority::High);
    EXPECT_FALSE(parsePriority("HIGH").has_value());
}

// Which post a platform reply answers is the inbox's rule (ReplyRules.h); the store only
// hands over the conversation's posts.
TEST(AnsweredPostTest, TheNewestPostByNeitherTheBrandNorTheFollowedAccount)
{
    store::ReplyCandidates candidates;
    candidates.ourAuthorId = 7;
    candidates.posts = {
        {.mentionId = 1, .authorId = 3, .authorHandle = "anna", .sourceKind = "mastodon-tag", .postedAt = 100},
        {.mentionId = 2, .authorId = 7, .authorHandle = "brand", .sourceKind = "mastodon-tag", .postedAt = 300},
        {.mentionId = 3, .authorId = 4, .authorHandle = "brand@social.example", .sourceKind = "mastodon-account",
         .sourceActor = "brand", .postedAt = 400},
        {.mentionId = 4, .authorId = 3, .authorHandle = "anna", .sourceKind = "mastodon-tag", .postedAt = 200},
        {.mentionId = 5, .authorId = 5, .authorHandle = "bob", .sourceKind = "mastodon-tag", .postedAt = 200},
    };
    // 2 is ours heard back, 3 the followed account's own; of 4 and 5 (one second) the later heard.
    EXPECT_EQ(answeredPost(candidates), 5);
    // An account source follows only its actor: someone else's post on it is answered.
    candidates.posts.push_back({.mentionId = 6, .authorId = 6, .authorHandle = "brandfan", .sourceKind = "mastodon-account",
                                .sourceActor = "brand", .postedAt = 500});
    EXPECT_EQ(answeredPost(candidates), 6);
}

TEST(AnsweredPostTest, TheLastPostHeardWhenEveryPostIsTheBrandsAndNoneWithoutPosts)
{
    store::ReplyCandidates candidates;
    candidates.ourAuthorId = 7;
    candidates.posts = {{.mentionId = 9, .authorId = 7, .sourceKind = "feed", .postedAt = 300},
                        {.mentionId = 8, .authorId = 7, .sourceKind = "feed", .postedAt = 900}};
    EXPECT_EQ(answeredPost(candidates), 9);
    EXPECT_EQ(answeredPost({}), std::nullopt);
}
