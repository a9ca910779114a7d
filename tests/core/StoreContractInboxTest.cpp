// The store's contract for the inbox's work, through inbox::Inbox and the store's interfaces
// alone, once per engine: a customer writing again reopens, one claim wins, who may release,
// assign and take over, replies and their delivery, notes, tags, priority and drafts.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "StoreContractFixture.h"
#include "WorkspaceReads.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/store/InboxStore.h"

using namespace earshot;
using namespace earshot::store;
using domain::ConversationStatus;
using domain::EventKind;
using inbox::Outcome;
using test::contractMention;

namespace {

class StoreContractInbox : public test::StoreContractFixture {
protected:
    void SetUp() override
    {
        test::StoreContractFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        addAgents();
    }

    // The conversation's events of one kind, oldest first.
    std::vector<TimelineEntry> eventsOf(std::int64_t conversationId, EventKind kind)
    {
        std::vector<TimelineEntry> found;
        for (const TimelineEntry& entry : timeline(conversationId))
            if (entry.kind == kind)
                found.push_back(entry);
        return found;
    }

    // The conversation's latest event of one kind; an empty one when there is none.
    TimelineEntry lastEvent(std::int64_t conversationId, EventKind kind)
    {
        const auto found = eventsOf(conversationId, kind);
        EXPECT_FALSE(found.empty()) << "no " << domain::eventKindName(kind) << " event";
        return found.empty() ? TimelineEntry{} : found.back();
    }

    static std::string describe(const TimelineEntry& e)
    {
        return std::to_string(e.at) + " " + e.actor + " " + std::string(domain::eventKindName(e.kind)) + " " +
               e.fromValue.value_or("-") + " > " + e.toValue.value_or("-") + " " + e.detail.value_or("-");
    }
};

Outcome::Kind kindOf(const Result<Outcome>& outcome)
{
    EXPECT_TRUE(outcome) << outcome.message();
    return outcome ? outcome->kind : Outcome::Kind::Unchanged;
}

}  // namespace

// --- a customer writing again ------------------------------------------------------------------

TEST_P(StoreContractInbox, ACustomersNewMentionReopensTheConversationAndTellsItsAgent)
{
    const auto conversation = startConversation("a1", "waar blijft mijn pakket", 1000);
    auto inbox = inboxAt(2000);
    ASSERT_TRUE(inbox.claim(conversation, kEva));
    ASSERT_TRUE(inbox.reply(conversation, kEva, "Fixed?", inbox::Channel::OffPlatform));
    ASSERT_TRUE(inbox.resolve(conversation, kEva));
    EXPECT_EQ(detail(conversation).resolvedAt, 2000);

    auto later = ingest({contractMention("a3", "nog steeds niets", "a1")}, 5000);
    ASSERT_TRUE(later) << later.message();
    EXPECT_EQ(later->conversationsReopened, std::vector<std::int64_t>{conversation});
    EXPECT_TRUE(later->conversationsCreated.empty());
    const ConversationDetail reopened = detail(conversation);
    EXPECT_EQ(reopened.status, ConversationStatus::Open) << "back with its agent";
    EXPECT_EQ(reopened.assignee, kEva);
    EXPECT_FALSE(reopened.resolvedAt.has_value());
    EXPECT_EQ(reopened.lastCustomerAt, 5000);
    EXPECT_EQ(reopened.messageCount, 2);
    const TimelineEntry last = timeline(conversation).back();
    EXPECT_EQ(describe(last), "5000 engine reopened resolved > open " + std::string(kEva));

    auto session = reader();
    auto told = inbox::reopenedFor(*session, kEva, 4000);
    ASSERT_TRUE(told) << told.message();
    ASSERT_EQ(told->size(), 1u);
    EXPECT_EQ((*told)[0].conversationId, conversation);
    EXPECT_EQ((*told)[0].reopenedAt, 5000);
    EXPECT_EQ((*told)[0].fromStatus, ConversationStatus::Resolved);
    EXPECT_EQ((*told)[0].status, ConversationStatus::Open);
    EXPECT_EQ((*told)[0].snippet, "nog steeds niets body");
    EXPECT_TRUE(inbox::reopenedFor(*session, kEva, 5001).value().empty());
    EXPECT_TRUE(inbox::reopenedFor(*session, kDaan, 0).value().empty());

    // Pending reopens too; the agent hears about both, newest first.
    const auto second = startConversation("b1", "andere vraag", 5100, "carl");
    ASSERT_TRUE(inbox.claim(second, kEva));
    ASSERT_TRUE(inbox.setPending(second, kEva));
    ASSERT_TRUE(ingest({contractMention("b2", "nog een vraag", "b1", "carl")}, 6000));
    auto both = inbox::reopenedFor(*reader(), kEva, 4000);
    ASSERT_TRUE(both) << both.message();
    ASSERT_EQ(both->size(), 2u);
    EXPECT_EQ((*both)[0].conversationId, second);
    EXPECT_EQ((*both)[0].fromStatus, ConversationStatus::Pending);
    EXPECT_EQ((*both)[1].conversationId, conversation);
    EXPECT_EQ(detail(second).status, ConversationStatus::Open);
}

TEST_P(StoreContractInbox, AReleasedResolvedConversationReopensAsNewForEveryone)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    auto inbox = inboxAt(2000);
    ASSERT_TRUE(inbox.resolve(conversation, kEva));   // resolving claims it for her
    EXPECT_EQ(detail(conversation).assignee, kEva);
    ASSERT_EQ(kindOf(inbox.release(conversation, kEva)), Outcome::Kind::Changed);

    auto later = ingest({contractMention("a4", "weer", "a1")}, 5000);
    ASSERT_TRUE(later) << later.message();
    EXPECT_EQ(later->conversationsReopened, std::vector<std::int64_t>{conversation});
    const ConversationDetail reopened = detail(conversation);
    EXPECT_EQ(reopened.status, ConversationStatus::New);
    EXPECT_TRUE(reopened.assignee.empty());
    EXPECT_EQ(describe(timeline(conversation).back()), "5000 engine reopened resolved > new -");
    EXPECT_TRUE(inbox::reopenedFor(*reader(), kEva, 0).value().empty());
    EXPECT_EQ(reader()->conversations().count().value().unassigned, 1);
}

TEST_P(StoreContractInbox, ACustomerWritingOnAnOpenConversationReopensNothing)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    ASSERT_TRUE(inboxAt(2000).claim(conversation, kEva));
    auto later = ingest({contractMention("a2", "aanvulling", "a1")}, 3000);
    ASSERT_TRUE(later) << later.message();
    EXPECT_TRUE(later->conversationsReopened.empty());
    EXPECT_EQ(later->mentionIds.size(), 1u);
    EXPECT_EQ(detail(conversation).status, ConversationStatus::Open);
    EXPECT_EQ(detail(conversation).lastCustomerAt, 3000);
    EXPECT_TRUE(eventsOf(conversation, EventKind::Reopened).empty());
}

// --- who holds it -------------------------------------------------------------------------------

TEST_P(StoreContractInbox, TheConditionalClaimLetsOnlyTheFirstAgentWin)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    std::optional<bool> evaWon, daanWon;
    write([&](Session& session) -> Status {
        auto eva = session.inbox().claimIfFree(conversation, kEva, 1500, true);
        auto daan = session.inbox().claimIfFree(conversation, kDaan, 1500, true);
        if (!eva || !daan)
            return fail("claimIfFree failed");
        evaWon = *eva;
        daanWon = *daan;
        return Ok{};
    });
    EXPECT_EQ(evaWon, true);
    EXPECT_EQ(daanWon, false);
    const ConversationDetail held = detail(conversation);
    EXPECT_EQ(held.assignee, kEva);
    EXPECT_EQ(held.status, ConversationStatus::Open);

    // Through the inbox: the loser is told who has it, claiming your own changes nothing.
    auto inbox = inboxAt(2000);
    auto lost = inbox.claim(conversation, kDaan);
    ASSERT_EQ(kindOf(lost), Outcome::Kind::HeldByOther);
    EXPECT_EQ(lost->holder, kEva);
    EXPECT_EQ(kindOf(inbox.claim(conversation, kEva)), Outcome::Kind::Unchanged);
    EXPECT_EQ(detail(conversation).assignee, kEva);
    EXPECT_FALSE(inbox.claim(conversation, "Nobody Known")) << "only agents with a profile act";
    EXPECT_FALSE(inbox.claim(conversation + 1000, kEva)) << "no such conversation";
}

TEST_P(StoreContractInbox, OfManySimultaneousClaimsExactlyOneWinsEachConversation)
{
    std::vector<std::int64_t> conversations;
    for (int i = 0; i < 12; ++i)
        conversations.push_back(startConversation("c" + std::to_string(i), "vraag " + std::to_string(i), 1000 + i));
    std::map<std::int64_t, std::vector<std::string>> winners;
    std::mutex mutex;
    std::atomic<int> errors = 0;
    std::vector<std::thread> agents;
    for (const char* agent : {kEva, kDaan, kLea})
        agents.emplace_back([&, agent] {
            auto inbox = inboxAt(2000);
            for (std::int64_t id : conversations) {
                auto claimed = inbox.claim(id, agent);
                if (!claimed) {
                    ++errors;
                    continue;
                }
                if (claimed->changed()) {
                    std::lock_guard lock(mutex);
                    winners[id].push_back(agent);
                }
            }
        });
    for (std::thread& agent : agents)
        agent.join();
    EXPECT_EQ(errors, 0);
    for (std::int64_t id : conversations) {
        ASSERT_EQ(winners[id].size(), 1u) << "#" << id;
        EXPECT_EQ(detail(id).assignee, winners[id].front()) << "#" << id;
        const auto claims = eventsOf(id, EventKind::Claimed);
        ASSERT_EQ(claims.size(), 1u) << "#" << id;
        EXPECT_EQ(claims[0].actor, winners[id].front());
        EXPECT_EQ(claims[0].toValue.value_or(""), winners[id].front());
    }
}

TEST_P(StoreContractInbox, OnlyTheHolderReleasesAndAnOpenConversationIsNewAgain)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    auto inbox = inboxAt(2000);
    EXPECT_FALSE(inbox.release(conversation, kEva)) << "nobody holds it: nothing to release";
    ASSERT_TRUE(inbox.claim(conversation, kEva));
    auto notYours = inbox.release(conversation, kDaan);
    ASSERT_EQ(kindOf(notYours), Outcome::Kind::HeldByOther);
    EXPECT_EQ(notYours->holder, kEva);
    EXPECT_EQ(detail(conversation).assignee, kEva);

    ASSERT_EQ(kindOf(inboxAt(2500).release(conversation, kEva)), Outcome::Kind::Changed);
    const ConversationDetail released = detail(conversation);
    EXPECT_TRUE(released.assignee.empty());
    EXPECT_EQ(released.status, ConversationStatus::New);
    std::vector<std::string> log;
    for (const TimelineEntry& entry : timeline(conversation))
        log.push_back(describe(entry));
    EXPECT_EQ(log, (std::vector<std::string>{
                       "1000 engine conversation_created - > - -",
                       "2000 Eva de Graaf claimed - > Eva de Graaf -",
                       "2000 Eva de Graaf status new > open -",
                       "2500 Eva de Graaf released Eva de Graaf > - -",
                       "2500 Eva de Graaf status open > new -",
                   }));
    EXPECT_EQ(reader()->conversations().count().value().unassigned, 1);
}

TEST_P(StoreContractInbox, TheHolderOrALeadHandsOnAndAnyoneAssignsWhatNobodyHolds)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    auto inbox = inboxAt(2000);
    // Nobody holds it: anyone may assign it, and a new one becomes open.
    ASSERT_EQ(kindOf(inbox.assign(conversation, kDaan, kEva)), Outcome::Kind::Changed);
    EXPECT_EQ(detail(conversation).assignee, kEva);
    EXPECT_EQ(detail(conversation).status, ConversationStatus::Open);
    EXPECT_EQ(describe(lastEvent(conversation, EventKind::Assigned)), "2000 Daan Visser assigned - > Eva de Graaf -");

    // Daan neither holds it nor leads: refused, naming the holder.
    auto refused = inbox.assign(conversation, kDaan, kDaan);
    ASSERT_EQ(kindOf(refused), Outcome::Kind::HeldByOther);
    EXPECT_EQ(refused->holder, kEva);
    EXPECT_EQ(detail(conversation).assignee, kEva);
    EXPECT_EQ(kindOf(inbox.assign(conversation, kEva, kEva)), Outcome::Kind::Unchanged);
    EXPECT_FALSE(inbox.assign(conversation, kEva, "Nobody Known")) << "only to a colleague with a profile";
    EXPECT_FALSE(inbox.assign(conversation, kEva, "  ")) << "to whom?";

    // The holder hands it on with a note; the note is kept as a note and in the event.
    ASSERT_EQ(kindOf(inboxAt(3000).assign(conversation, kEva, kDaan, "klant belt morgen terug")),
              Outcome::Kind::Changed);
    EXPECT_EQ(detail(conversation).assignee, kDaan);
    EXPECT_EQ(describe(lastEvent(conversation, EventKind::Assigned)),
              "3000 Eva de Graaf assigned Eva de Graaf > Daan Visser klant belt morgen terug");
    ASSERT_EQ(detail(conversation).notes.size(), 1u);
    EXPECT_EQ(detail(conversation).notes[0].agent, kEva);
    EXPECT_EQ(detail(conversation).notes[0].body, "klant belt morgen terug");

    // A lead may hand on anyone's conversation.
    ASSERT_EQ(kindOf(inboxAt(4000).assign(conversation, kLea, kEva)), Outcome::Kind::Changed);
    EXPECT_EQ(detail(conversation).assignee, kEva);
    EXPECT_EQ(describe(lastEvent(conversation, EventKind::Assigned)),
              "4000 Lea Jansen assigned Daan Visser > Eva de Graaf -");
}

TEST_P(StoreContractInbox, TakingOverIsExplicitAndLogged)
{
    const auto held = startConversation("a1", "vraag", 1000);
    const auto free = startConversation("b1", "andere vraag", 1100, "bram");
    auto inbox = inboxAt(2000);
    ASSERT_TRUE(inbox.claim(held, kEva));
    // Someone else's conversation is not changed by a colleague's status change or reply.
    auto resolve = inbox.resolve(held, kDaan);
    ASSERT_EQ(kindOf(resolve), Outcome::Kind::HeldByOther);
    EXPECT_EQ(resolve->holder, kEva);
    ASSERT_EQ(kindOf(inbox.reply(held, kDaan, "Ik help je", inbox::Channel::OffPlatform)), Outcome::Kind::HeldByOther);
    EXPECT_TRUE(detail(held).replies.empty());

    ASSERT_EQ(kindOf(inboxAt(2500).takeOver(held, kDaan)), Outcome::Kind::Changed);
    EXPECT_EQ(detail(held).assignee, kDaan);
    EXPECT_EQ(describe(lastEvent(held, EventKind::TakenOver)), "2500 Daan Visser taken_over Eva de Graaf > Daan Visser -");
    EXPECT_EQ(kindOf(inbox.takeOver(held, kDaan)), Outcome::Kind::Unchanged);

    // Taking over what nobody holds claims it.
    ASSERT_EQ(kindOf(inbox.takeOver(free, kEva)), Outcome::Kind::Changed);
    EXPECT_EQ(detail(free).assignee, kEva);
    EXPECT_EQ(detail(free).status, ConversationStatus::Open);
    EXPECT_EQ(eventsOf(free, EventKind::Claimed).size(), 1u);
    EXPECT_TRUE(eventsOf(free, EventKind::TakenOver).empty());
}

TEST_P(StoreContractInbox, StatusChangesFollowTheRulesAndKeepTheResolvedTime)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    // Resolving what nobody holds claims it for the agent.
    ASSERT_EQ(kindOf(inboxAt(2000).resolve(conversation, kEva)), Outcome::Kind::Changed);
    ConversationDetail now = detail(conversation);
    EXPECT_EQ(now.status, ConversationStatus::Resolved);
    EXPECT_EQ(now.assignee, kEva);
    EXPECT_EQ(now.resolvedAt, 2000);
    EXPECT_FALSE(inboxAt(2100).setPending(conversation, kEva)) << "resolved cannot wait for the customer";
    EXPECT_FALSE(inboxAt(2100).reply(conversation, kEva, "nog iets", inbox::Channel::OffPlatform))
        << "a resolved conversation is reopened before replying";

    ASSERT_EQ(kindOf(inboxAt(3000).reopen(conversation, kEva)), Outcome::Kind::Changed);
    now = detail(conversation);
    EXPECT_EQ(now.status, ConversationStatus::Open);
    EXPECT_FALSE(now.resolvedAt.has_value());
    ASSERT_EQ(kindOf(inboxAt(3100).markSpam(conversation, kEva)), Outcome::Kind::Changed);
    EXPECT_EQ(detail(conversation).status, ConversationStatus::Spam);
    EXPECT_EQ(kindOf(inboxAt(3200).markSpam(conversation, kEva)), Outcome::Kind::Unchanged);

    std::vector<std::string> statuses;
    for (const TimelineEntry& entry : eventsOf(conversation, EventKind::StatusChanged))
        statuses.push_back(describe(entry));
    EXPECT_EQ(statuses, (std::vector<std::string>{"2000 Eva de Graaf status new > resolved -",
                                                  "3000 Eva de Graaf status resolved > open -",
                                                  "3100 Eva de Graaf status open > spam -"}));
    const ConversationCounts counts = reader()->conversations().count(kEva).value();
    EXPECT_EQ(counts.spam, 1);
    EXPECT_EQ(counts.mine, 0);
    EXPECT_EQ(counts.allOpen, 0);
}

// --- replies ------------------------------------------------------------------------------------

TEST_P(StoreContractInbox, AnOffPlatformReplyIsRecordedAndItsFirstIsTheFirstResponse)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    ASSERT_TRUE(inboxAt(1500).saveDraft(conversation, kEva, "Hoi Anna"));
    auto first = inboxAt(2200).reply(conversation, kEva, "Hoi Anna, het komt eraan", inbox::Channel::OffPlatform);
    ASSERT_EQ(kindOf(first), Outcome::Kind::Changed);
    EXPECT_GT(first->id, 0);
    auto second = inboxAt(2300).reply(conversation, kEva, "Morgen bezorgd", inbox::Channel::OffPlatform);
    ASSERT_TRUE(second);

    const ConversationDetail answered = detail(conversation);
    EXPECT_EQ(answered.assignee, kEva) << "replying claims it";
    EXPECT_EQ(answered.status, ConversationStatus::Open);
    EXPECT_EQ(answered.firstResponseAt, 2200);
    EXPECT_EQ(answered.lastAgent, kEva);
    ASSERT_EQ(answered.replies.size(), 2u);
    EXPECT_EQ(answered.replies[0].id, first->id);
    EXPECT_EQ(answered.replies[0].agent, kEva);
    EXPECT_EQ(answered.replies[0].body, "Hoi Anna, het komt eraan");
    EXPECT_EQ(answered.replies[0].channel, domain::Channel::OffPlatform);
    EXPECT_EQ(answered.replies[0].delivery, domain::Delivery::Recorded);
    EXPECT_EQ(answered.replies[0].sentAt, 2200);
    EXPECT_EQ(answered.replies[1].id, second->id);
    EXPECT_FALSE(inbox::loadDraft(*reader(), conversation, kEva).value().has_value()) << "sending clears the draft";

    const auto replied = eventsOf(conversation, EventKind::Replied);
    ASSERT_EQ(replied.size(), 2u);
    EXPECT_EQ(describe(replied[0]), "2200 Eva de Graaf replied - > off-platform " + std::to_string(first->id));
    auto session = reader();
    EXPECT_EQ(session->inbox().replyConversation(first->id).value(), conversation);
    EXPECT_FALSE(session->inbox().replyConversation(first->id + 1000).value().has_value());
    EXPECT_EQ(session->inbox().latestReply(conversation, domain::Delivery::Recorded).value(), second->id);
    EXPECT_FALSE(session->inbox().latestReply(conversation, domain::Delivery::Failed).value().has_value());
}

TEST_P(StoreContractInbox, APlatformReplyAnswersTheNewestCustomerPostAndRecordsItsDelivery)
{
    const std::int64_t social = test::addSource(
        workspace(), {.kind = "mastodon-tag", .name = "Social", .url = "https://social.example/tags/fiets",
                      .settings = R"({"instance":"social.example","tag":"fiets"})"});
    ASSERT_NE(social, 0);
    auto post = [](const std::string& id, const std::string& replyTo, const std::string& author) {
        NewMention m = contractMention("https://social.example/@" + author + "/" + id, "post " + id, replyTo, author);
        m.author.platform = "mastodon:social.example";
        m.platformId = id;
        m.platformRef = "{}";
        return m;
    };
    auto stored = ingest({post("1", {}, "anna")}, 1000, social);
    ASSERT_TRUE(stored) << stored.message();
    const std::int64_t conversation = stored->conversationsCreated.at(0);
    ASSERT_TRUE(ingest({post("2", "https://social.example/@anna/1", "bram")}, 1100, social));
    ASSERT_TRUE(ingest({post("3", "https://social.example/@bram/2", "anna")}, 1200, social));
    ASSERT_EQ(detail(conversation).messageCount, 3);

    auto sent = inboxAt(2000).reply(conversation, kEva, "We kijken ernaar", inbox::Channel::Platform);
    ASSERT_EQ(kindOf(sent), Outcome::Kind::Changed);
    const std::int64_t replyId = sent->id;
    EXPECT_FALSE(detail(conversation).firstResponseAt.has_value()) << "a platform reply counts once posted";

    auto outgoing = reader()->inbox().outgoingReply(replyId);
    ASSERT_TRUE(outgoing) << outgoing.message();
    ASSERT_TRUE(outgoing->has_value());
    const OutgoingReply& out = **outgoing;
    EXPECT_EQ(out.conversationId, conversation);
    EXPECT_EQ(out.sourceId, social);
    EXPECT_EQ(out.body, "We kijken ernaar");
    EXPECT_FALSE(out.idempotencyKey.empty());
    EXPECT_EQ(out.delivery, domain::Delivery::Sending);
    EXPECT_EQ(out.channel, domain::Channel::Platform);
    EXPECT_EQ(out.postExternalId, "https://social.example/@anna/3") << "the newest post answers";
    EXPECT_EQ(out.postPlatformId, "3");
    EXPECT_EQ(out.authorHandle, "anna");
    EXPECT_FALSE(reader()->inbox().outgoingReply(replyId + 1000).value().has_value());

    // Posting is claimed once; a failure is recorded and found again for a retry.
    std::optional<bool> firstClaim, secondClaim;
    write([&](Session& session) -> Status {
        firstClaim = session.inbox().claimPosting(replyId, 2100, 300).value();
        secondClaim = session.inbox().claimPosting(replyId, 2110, 300).value();
        return session.inbox().recordDelivery(replyId, {.sent = false, .error = "HTTP 503", .at = 2120});
    });
    EXPECT_EQ(firstClaim, true);
    EXPECT_EQ(secondClaim, false) << "someone is posting it";
    EXPECT_EQ(reader()->inbox().latestReply(conversation, domain::Delivery::Failed).value(), replyId);
    ConversationReply failed = detail(conversation).replies.at(0);
    EXPECT_EQ(failed.delivery, domain::Delivery::Failed);
    EXPECT_EQ(failed.deliveryError, "HTTP 503");

    write([&](Session& session) -> Status {
        if (!session.inbox().claimPosting(replyId, 2200, 300).value())
            return fail("a failed reply may be posted again");
        if (auto recorded = session.inbox().recordDelivery(
                replyId, {.sent = true, .postId = "99", .url = "https://social.example/@brand/99", .at = 2210});
            !recorded)
            return recorded;
        return session.inbox().markResponded(conversation, 2210);
    });
    const ConversationDetail posted = detail(conversation);
    EXPECT_EQ(posted.replies.at(0).delivery, domain::Delivery::Sent);
    EXPECT_EQ(posted.replies.at(0).platformUrl, "https://social.example/@brand/99");
    EXPECT_EQ(posted.firstResponseAt, 2210);
    EXPECT_FALSE(reader()->inbox().latestReply(conversation, domain::Delivery::Failed).value().has_value());
    EXPECT_EQ(reader()->inbox().latestReply(conversation, domain::Delivery::Sent).value(), replyId);
}

TEST_P(StoreContractInbox, AFeedConversationRefusesPlatformReplies)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    EXPECT_FALSE(detail(conversation).canPostOnPlatform);
    auto refused = inboxAt(2000).reply(conversation, kEva, "Hallo", inbox::Channel::Platform);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("off-platform"), std::string::npos) << refused.message();
    EXPECT_TRUE(detail(conversation).replies.empty());
}

// --- notes, tags, priority, drafts -------------------------------------------------------------

TEST_P(StoreContractInbox, NotesTagsAndPriorityAreAnyonesAndLogged)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    auto inbox = inboxAt(2000);
    ASSERT_TRUE(inbox.claim(conversation, kEva));
    auto note = inboxAt(2100).addNote(conversation, kDaan, "Bekend probleem bij de koerier");
    ASSERT_EQ(kindOf(note), Outcome::Kind::Changed);
    EXPECT_GT(note->id, 0);
    ASSERT_EQ(kindOf(inbox.addTag(conversation, kDaan, "  Levering ")), Outcome::Kind::Changed);
    ASSERT_EQ(kindOf(inbox.addTag(conversation, kEva, "bezorging")), Outcome::Kind::Changed);
    EXPECT_EQ(kindOf(inbox.addTag(conversation, kEva, "levering")), Outcome::Kind::Unchanged);
    EXPECT_EQ(kindOf(inbox.removeTag(conversation, kEva, "factuur")), Outcome::Kind::Unchanged);
    ASSERT_EQ(kindOf(inbox.addTag(conversation, kEva, "factuur")), Outcome::Kind::Changed);
    ASSERT_EQ(kindOf(inbox.removeTag(conversation, kEva, "factuur")), Outcome::Kind::Changed);
    ASSERT_EQ(kindOf(inbox.setPriority(conversation, kDaan, domain::Priority::Urgent)), Outcome::Kind::Changed);
    EXPECT_EQ(kindOf(inbox.setPriority(conversation, kDaan, domain::Priority::Urgent)), Outcome::Kind::Unchanged);

    const ConversationDetail now = detail(conversation);
    EXPECT_EQ(now.assignee, kEva) << "triage does not take the work away";
    EXPECT_EQ(now.tags, (std::vector<std::string>{"bezorging", "levering"}));
    EXPECT_EQ(now.priority, domain::Priority::Urgent);
    ASSERT_EQ(now.notes.size(), 1u);
    EXPECT_EQ(now.notes[0].id, note->id);
    EXPECT_EQ(now.notes[0].agent, kDaan);
    EXPECT_EQ(now.notes[0].body, "Bekend probleem bij de koerier");
    EXPECT_EQ(now.notes[0].createdAt, 2100);

    EXPECT_EQ(describe(eventsOf(conversation, EventKind::Note).at(0)),
              "2100 Daan Visser note - > - Bekend probleem bij de koerier");
    std::vector<std::string> tags;
    for (EventKind kind : {EventKind::Tagged, EventKind::Untagged})
        for (const TimelineEntry& e : eventsOf(conversation, kind))
            tags.push_back(e.actor + " " + std::string(domain::eventKindName(e.kind)) + " " +
                           e.fromValue.value_or("") + e.toValue.value_or(""));
    EXPECT_EQ(tags, (std::vector<std::string>{"Daan Visser tagged levering", "Eva de Graaf tagged bezorging",
                                              "Eva de Graaf tagged factuur", "Eva de Graaf untagged factuur"}));
    EXPECT_EQ(describe(eventsOf(conversation, EventKind::PriorityChanged).at(0)),
              "2000 Daan Visser priority normal > urgent -");

    const ConversationCounts counts = reader()->conversations().count().value();
    EXPECT_EQ(counts.openByTag, (std::vector<std::pair<std::string, std::int64_t>>{{"bezorging", 1}, {"levering", 1}}));
}

TEST_P(StoreContractInbox, ADraftIsPerAgentSurvivesReopeningTheWorkspaceAndIsNoEvent)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    ASSERT_TRUE(inboxAt(2000).saveDraft(conversation, kEva, "Hi Anna, we are looking"));
    ASSERT_TRUE(inboxAt(2100).saveDraft(conversation, kEva, "Hi Anna, we are looking into it"));
    ASSERT_TRUE(inboxAt(2100).saveDraft(conversation, kDaan, "Daan's own words"));

    // As after a crash or a restart: the workspace opened again from its location.
    const std::string location = m_workspace->location();
    m_workspace.reset();
    auto reopened = Workspace::open(location, Workspace::Opening::Existing);
    ASSERT_TRUE(reopened) << reopened.message();
    m_workspace = std::move(*reopened);

    auto draft = inbox::loadDraft(*reader(), conversation, kEva);
    ASSERT_TRUE(draft) << draft.message();
    ASSERT_TRUE(draft->has_value());
    EXPECT_EQ((*draft)->body, "Hi Anna, we are looking into it");
    EXPECT_EQ((*draft)->updatedAt, 2100);
    EXPECT_FALSE(inbox::loadDraft(*reader(), conversation, kLea).value().has_value());

    // Sending clears the sender's draft only; saving empty text clears one.
    ASSERT_TRUE(inboxAt(2200).reply(conversation, kEva, "Hi Anna, it is on its way", inbox::Channel::OffPlatform));
    EXPECT_FALSE(inbox::loadDraft(*reader(), conversation, kEva).value().has_value());
    EXPECT_EQ(inbox::loadDraft(*reader(), conversation, kDaan).value()->body, "Daan's own words");
    ASSERT_TRUE(inboxAt(2300).saveDraft(conversation, kDaan, ""));
    EXPECT_FALSE(inbox::loadDraft(*reader(), conversation, kDaan).value().has_value());
    ASSERT_TRUE(inboxAt(2300).saveDraft(conversation, kLea, "Lea's"));
    ASSERT_TRUE(inboxAt(2400).clearDraft(conversation, kLea));
    EXPECT_FALSE(inbox::loadDraft(*reader(), conversation, kLea).value().has_value());
    for (const TimelineEntry& e : timeline(conversation))
        EXPECT_NE(std::string(domain::eventKindName(e.kind)), "draft");
    EXPECT_EQ(timeline(conversation).size(), 4u) << "created, claimed, status, replied";
    EXPECT_FALSE(inboxAt(2500).saveDraft(conversation + 1000, kEva, "no such conversation"));
}

// --- what the conversation pane reads ---------------------------------------------------------

TEST_P(StoreContractInbox, TheConversationReadHasEverythingThePaneShows)
{
    NewMention first = contractMention("a1", "Post a1", {}, "anna");
    first.body = "Text of a1";
    first.publishedAt = 900;
    first.author.profileUrl = "https://example.org/u/anna";
    first.author.followers = 321;
    ASSERT_TRUE(ingest({first}, 1000));
    const std::int64_t conversation = test::conversationOfMention(workspace(), "a1");
    NewMention second = contractMention("a2", "Post a2", "a1", "bob");
    second.author.displayName.clear();
    ASSERT_TRUE(ingest({second}, 1500));

    ASSERT_TRUE(inboxAt(2000).claim(conversation, kEva));
    ASSERT_TRUE(inboxAt(2000).addTag(conversation, kEva, "delivery"));
    ASSERT_TRUE(inboxAt(2000).setPriority(conversation, kEva, domain::Priority::High));
    ASSERT_TRUE(inboxAt(2200).reply(conversation, kEva, "On its way", inbox::Channel::OffPlatform));
    ASSERT_TRUE(inboxAt(2200).addNote(conversation, kDaan, "Known courier issue"));

    auto session = reader();
    auto read = inbox::readConversation(*session, conversation);
    ASSERT_TRUE(read) << read.message();
    const ConversationDetail& c = *read;
    EXPECT_EQ(c.id, conversation);
    EXPECT_EQ(c.status, ConversationStatus::Open);
    EXPECT_EQ(c.assignee, kEva);
    EXPECT_EQ(c.lastAgent, kDaan);
    EXPECT_EQ(c.priority, domain::Priority::High);
    EXPECT_EQ(c.tags, std::vector<std::string>{"delivery"});
    EXPECT_EQ(c.createdAt, 1000);
    EXPECT_EQ(c.lastCustomerAt, 1500);
    EXPECT_EQ(c.firstResponseAt, 2200);
    EXPECT_FALSE(c.resolvedAt.has_value());
    EXPECT_EQ(c.messageCount, 2);
    EXPECT_EQ(c.sourceId, m_sourceId);
    EXPECT_EQ(c.sourceName, "Example");
    EXPECT_EQ(c.sourceKind, "feed");
    EXPECT_FALSE(c.canPostOnPlatform);
    EXPECT_EQ(c.customerHandle, "anna");
    EXPECT_EQ(c.customerName, "anna de Vries");
    EXPECT_EQ(c.customerProfileUrl, "https://example.org/u/anna");
    EXPECT_EQ(c.customerFollowers, 321);
    ASSERT_EQ(c.mentions.size(), 2u);
    EXPECT_EQ(c.mentions[0].externalId, "a1");
    EXPECT_EQ(c.mentions[0].authorName, "anna de Vries");
    EXPECT_EQ(c.mentions[0].body, "Text of a1");
    EXPECT_EQ(c.mentions[0].publishedAt, 900);
    EXPECT_EQ(c.mentions[0].ingestedAt, 1000);
    EXPECT_EQ(c.mentions[1].externalId, "a2");
    EXPECT_EQ(c.mentions[1].authorHandle, "bob");
    EXPECT_EQ(c.mentions[1].replyTo, "a1");
    EXPECT_EQ(c.mentions[1].link, "https://example.org/a2");
    ASSERT_EQ(c.replies.size(), 1u);
    EXPECT_EQ(c.replies[0].body, "On its way");
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0].agent, kDaan);

    auto missing = inbox::readConversation(*session, 777);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find("#777"), std::string::npos) << missing.message();
    EXPECT_FALSE(inbox::readTimeline(*session, 777));
}

TEST_P(StoreContractInbox, TheTimelineIsOldestFirstWithEveryField)
{
    const auto conversation = startConversation("a1", "vraag", 1000);
    ASSERT_TRUE(inboxAt(3000).claim(conversation, kEva));
    ASSERT_TRUE(inboxAt(2500).addNote(conversation, kEva, "earlier"));   // a clock that went back
    ASSERT_TRUE(inboxAt(4000).resolve(conversation, kEva));

    auto entries = inbox::readTimeline(*reader(), conversation);
    ASSERT_TRUE(entries) << entries.message();
    std::vector<std::string> order;
    for (const auto& e : *entries)
        order.push_back(describe(e));
    EXPECT_EQ(order, (std::vector<std::string>{"1000 engine conversation_created - > - -",
                                               "2500 Eva de Graaf note - > - earlier",
                                               "3000 Eva de Graaf claimed - > Eva de Graaf -",
                                               "3000 Eva de Graaf status new > open -",
                                               "4000 Eva de Graaf status open > resolved -"}));
    EXPECT_LT((*entries)[2].id, (*entries)[3].id) << "ties in the order they were written";
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContractInbox, ::testing::ValuesIn(test::workspaceFactories()),
                         test::engineName);
