// The inbox's statements through store::InboxStore (session.inbox()), on the workspace's
// writer as the inbox uses them: the conditional claims, tags that say whether they changed
// anything, drafts, replies and their delivery, and the one failed-reply lookup.
#include <gtest/gtest.h>

#include "InboxSeed.h"
#include "TempWorkspace.h"
#include "earshot/inbox/ReplyPublisher.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/Workspace.h"

using namespace earshot;

namespace {

constexpr const char* kEva = "Eva de Graaf";
constexpr const char* kDaan = "Daan Visser";

class InboxStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        conversations = test::seedInbox(workspace.dbPath(), {kEva, kDaan}, 2, "store");
        ASSERT_EQ(conversations.size(), 2u);
    }

    // Runs `work` as one job of the writer, failing the test when it fails.
    template <class Work>
    void write(Work&& work)
    {
        auto done = workspace.open().writer().run([&](store::Session& session) -> Status {
            work(session.inbox());
            return Ok{};
        });
        ASSERT_TRUE(done) << done.message();
    }

    store::InboxState state(std::int64_t id)
    {
        store::InboxState found;
        write([&](store::InboxStore& inbox) { found = inbox.state(id).value().value(); });
        return found;
    }

    test::TempWorkspace workspace;
    std::vector<std::int64_t> conversations;
};

}  // namespace

TEST_F(InboxStoreTest, AClaimHoldsOnlyWhileNobodyHoldsItAndOpensANewConversation)
{
    const std::int64_t id = conversations.at(0);
    write([&](store::InboxStore& inbox) {
        EXPECT_TRUE(inbox.claimIfFree(id, kEva, 2000, true).value());
        EXPECT_FALSE(inbox.claimIfFree(id, kDaan, 2001, true).value()) << "Eva holds it";
    });
    EXPECT_EQ(state(id).assignee, kEva);
    EXPECT_EQ(state(id).status, domain::ConversationStatus::Open);

    write([&](store::InboxStore& inbox) {
        ASSERT_TRUE(inbox.release(id, kDaan, 2002));   // not the holder: nothing changes
    });
    EXPECT_EQ(state(id).assignee, kEva);
    write([&](store::InboxStore& inbox) { ASSERT_TRUE(inbox.release(id, kEva, 2003)); });
    EXPECT_EQ(state(id).assignee, "");
    EXPECT_EQ(state(id).status, domain::ConversationStatus::New) << "an open conversation nobody holds is new again";

    write([&](store::InboxStore& inbox) { EXPECT_FALSE(inbox.state(987654).value()); });
}

TEST_F(InboxStoreTest, TagsSayWhetherTheyChangedAnythingAndDraftsAreOnePerAgent)
{
    const std::int64_t id = conversations.at(1);
    write([&](store::InboxStore& inbox) {
        EXPECT_TRUE(inbox.addTag(id, "billing").value());
        EXPECT_FALSE(inbox.addTag(id, "billing").value());
        EXPECT_TRUE(inbox.removeTag(id, "billing").value());
        EXPECT_FALSE(inbox.removeTag(id, "billing").value());
        ASSERT_TRUE(inbox.saveDraft(id, kEva, "first", 2000));
        ASSERT_TRUE(inbox.saveDraft(id, kEva, "second", 2001));
        ASSERT_TRUE(inbox.clearDraft(id, kEva));
    });
}

TEST_F(InboxStoreTest, APlatformReplyIsClaimedForPostingOnceAndItsFailureIsFoundForResending)
{
    const std::int64_t id = conversations.at(0);
    std::int64_t replyId = 0;
    write([&](store::InboxStore& inbox) {
        auto candidates = inbox.replyCandidates(id).value();
        ASSERT_EQ(candidates.posts.size(), 1u);
        EXPECT_FALSE(candidates.ourAuthorId);
        replyId = inbox.insertReply({.conversationId = id,
                                     .agent = kEva,
                                     .body = "Dank je",
                                     .channel = domain::Channel::Platform,
                                     .at = 2000,
                                     .delivery = domain::Delivery::Sending,
                                     .idempotencyKey = true,
                                     .inReplyTo = candidates.posts[0].mentionId})
                      .value();
        auto outgoing = inbox.outgoingReply(replyId).value().value();
        EXPECT_EQ(outgoing.conversationId, id);
        EXPECT_EQ(outgoing.delivery, domain::Delivery::Sending);
        EXPECT_EQ(outgoing.idempotencyKey.size(), 32u);
        EXPECT_TRUE(inbox.claimPosting(replyId, 3000, 300).value());
        EXPECT_FALSE(inbox.claimPosting(replyId, 3010, 300).value()) << "being posted";
        EXPECT_TRUE(inbox.claimPosting(replyId, 3300, 300).value()) << "left posting by a stopped program";
        ASSERT_TRUE(inbox.recordDelivery(replyId, {.sent = false, .error = "the platform is down", .at = 3301}));
        EXPECT_EQ(inbox.outgoingReply(replyId).value()->delivery, domain::Delivery::Failed);
    });

    auto reader = workspace.open().reader();
    ASSERT_TRUE(reader) << reader.message();
    auto failed = inbox::failedReplyOf(**reader, id);
    ASSERT_TRUE(failed) << failed.message();
    ASSERT_TRUE(*failed);
    EXPECT_EQ((*failed)->replyId, replyId);
    EXPECT_FALSE(inbox::failedReplyOf(**reader, conversations.at(1)).value());
    auto named = inbox::replyToResend(**reader, replyId);
    ASSERT_TRUE(named) << named.message();
    EXPECT_EQ(named->conversationId, id);
    EXPECT_FALSE(inbox::replyToResend(**reader, replyId + 100));
}
