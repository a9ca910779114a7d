// The store's contract for keeping desktops up to date, once per engine: every kind of change
// to a conversation reaches a reader that asks what came after its position, once; presence
// is said, replaced and withdrawn per desktop; hints wake a waiting reader.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "StoreContractFixture.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/inbox/Seen.h"
#include "earshot/store/ChangeStore.h"
#include "earshot/store/PresenceStore.h"

using namespace earshot;
using namespace earshot::store;
using test::contractMention;

namespace {

class StoreContractChanges : public test::StoreContractFixture {
protected:
    void SetUp() override
    {
        test::StoreContractFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        addAgents();
        m_session = reader();
        auto latest = m_session->changes().latest();
        ASSERT_TRUE(latest) << latest.message();
        m_position = *latest;
    }

    // The conversations changed since the last call, sorted.
    std::vector<std::int64_t> news()
    {
        auto changes = m_session->changes().since(m_position);
        EXPECT_TRUE(changes) << changes.message();
        if (!changes)
            return {};
        m_position = changes->next;
        auto ids = changes->conversationIds;
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    std::unique_ptr<Session> m_session;
    ChangePosition m_position;
};

using Ids = std::vector<std::int64_t>;

TEST_P(StoreContractChanges, EveryKindOfChangeIsToldOnceToAReaderThatAsks)
{
    EXPECT_EQ(news(), Ids{});
    const std::int64_t first = startConversation("p1", "Mijn pakket is zoek");
    const std::int64_t second = startConversation("p2", "Waar blijft de monteur?");
    EXPECT_EQ(news(), (Ids{first, second})) << "new conversations";
    EXPECT_EQ(news(), Ids{}) << "told once";

    auto inbox = inboxAt(2000);
    ASSERT_TRUE(inbox.claim(first, kEva));
    EXPECT_EQ(news(), Ids{first}) << "a claim";
    ASSERT_TRUE(inbox.reply(first, kEva, "We zoeken het uit.", inbox::Channel::OffPlatform));
    EXPECT_EQ(news(), Ids{first}) << "a reply";
    ASSERT_TRUE(inbox.addNote(second, kDaan, "Klant belde ook al"));
    EXPECT_EQ(news(), Ids{second}) << "a note";
    ASSERT_TRUE(inbox.addTag(second, kDaan, "monteur"));
    EXPECT_EQ(news(), Ids{second}) << "a tag";
    ASSERT_TRUE(inbox.removeTag(second, kDaan, "monteur"));
    EXPECT_EQ(news(), Ids{second}) << "a tag removed";
    ASSERT_TRUE(inbox.resolve(first, kEva));
    EXPECT_EQ(news(), Ids{first}) << "a status";
    ASSERT_TRUE(ingest({contractMention("p3", "Nog steeds niets", "p1")}, 3000));
    EXPECT_EQ(news(), Ids{first}) << "the customer wrote again";

    // A draft is the agent's own business: nobody else is told.
    ASSERT_TRUE(inbox.saveDraft(second, kDaan, "Beste klant,"));
    EXPECT_EQ(news(), Ids{});
}

TEST_P(StoreContractChanges, AReaderStartingNowIsToldOnlyWhatComesAfter)
{
    const std::int64_t before = startConversation("p1", "Mijn pakket is zoek");
    auto other = reader();
    auto latest = other->changes().latest();
    ASSERT_TRUE(latest) << latest.message();
    const std::int64_t after = startConversation("p2", "Waar blijft de monteur?");
    auto changes = other->changes().since(*latest);
    ASSERT_TRUE(changes) << changes.message();
    EXPECT_EQ(changes->conversationIds, Ids{after});
    EXPECT_NE(before, after);
}

TEST_P(StoreContractChanges, PresenceIsEachDesktopsLatestWordUntilItWithdraws)
{
    const auto say = [&](const Presence& presence) {
        write([&](Session& session) { return session.presence().announce(presence); });
    };
    say({"desk-a", kEva, 7, Activity::Viewing});
    say({"desk-b", kDaan, 7, Activity::Replying});
    say({"desk-c", kEva, 9, Activity::Viewing});   // Eva's second screen
    auto present = m_session->presence().present();
    ASSERT_TRUE(present) << present.message();
    EXPECT_EQ(*present, (std::vector<Presence>{{"desk-b", kDaan, 7, Activity::Replying},
                                               {"desk-a", kEva, 7, Activity::Viewing},
                                               {"desk-c", kEva, 9, Activity::Viewing}}));

    // A desktop's new word replaces its old one; a closing one withdraws.
    say({"desk-a", kEva, 8, Activity::Replying});
    write([&](Session& session) { return session.presence().withdraw("desk-c"); });
    present = m_session->presence().present();
    ASSERT_TRUE(present) << present.message();
    EXPECT_EQ(*present, (std::vector<Presence>{{"desk-b", kDaan, 7, Activity::Replying},
                                               {"desk-a", kEva, 8, Activity::Replying}}));
}

TEST_P(StoreContractChanges, AHintWakesAWaitingReaderAndInterruptingStopsTheWait)
{
    auto hints = workspace().changeHints();
    ASSERT_TRUE(hints) << hints.message();
    ChangeHints& waiting = **hints;

    std::thread writer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        startConversation("p1", "Mijn pakket is zoek");
    });
    // Read when a hint comes (on SQLite, after each short wait) until the change is there.
    Ids told;
    for (int attempt = 0; attempt < 20 && told.empty(); ++attempt) {
        auto hinted = waiting.wait(std::chrono::milliseconds(1000));
        if (!hinted) {
            ADD_FAILURE() << hinted.message();
            break;
        }
        if (*hinted)
            told = news();
    }
    writer.join();
    EXPECT_EQ(told.size(), 1U);

    waiting.interrupt();
    const auto started = std::chrono::steady_clock::now();
    auto interrupted = waiting.wait(std::chrono::seconds(30));
    ASSERT_TRUE(interrupted) << interrupted.message();
    EXPECT_FALSE(*interrupted);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

// The collision check on send: what someone else did since the agent opened the conversation
// stops the reply, untouched; what the agent did themself does not.
TEST_P(StoreContractChanges, AReplyStopsWhenOthersChangedTheConversationSinceTheAgentSawIt)
{
    const std::int64_t id = startConversation("p1", "Mijn pakket is zoek");
    auto inbox = inboxAt(2000);
    const auto look = [&] { return inbox::seenOf(detail(id), timeline(id)); };
    inbox::Seen seen = look();

    // Eva claims and notes herself: nothing she has not seen.
    ASSERT_TRUE(inbox.claim(id, kEva));
    ASSERT_TRUE(inbox.addNote(id, kEva, "Bel de vervoerder"));
    // Daan notes meanwhile, and the customer writes again.
    ASSERT_TRUE(inbox.addNote(id, kDaan, "Pakket is terecht, ligt bij de buren"));
    ASSERT_TRUE(ingest({contractMention("p2", "Hallo??", "p1")}, 3000));
    const auto eventsBefore = timeline(id).size();

    auto stopped = inbox.reply(id, kEva, "We zoeken het uit.", domain::Channel::OffPlatform, {}, {}, &seen);
    ASSERT_TRUE(stopped) << stopped.message();
    EXPECT_TRUE(stopped->changedMeanwhile());
    EXPECT_NE(stopped->message.find("Daan Visser added a note"), std::string::npos) << stopped->message;
    EXPECT_NE(stopped->message.find("the customer wrote again"), std::string::npos) << stopped->message;
    EXPECT_TRUE(detail(id).replies.empty()) << "nothing was sent";
    EXPECT_EQ(timeline(id).size(), eventsBefore) << "nothing was written";

    auto unseen = inbox::unseenSince(*m_session, seen, kEva);
    ASSERT_TRUE(unseen) << unseen.message();
    ASSERT_EQ(unseen->mentions.size(), 1U);
    EXPECT_EQ(unseen->mentions.front().title, "Hallo??");
    ASSERT_EQ(unseen->events.size(), 1U) << "Eva's own claim and note are no news to her";
    EXPECT_EQ(unseen->events.front().actor, kDaan);

    // Having read it, she sends after all.
    seen = look();
    auto sent = inbox.reply(id, kEva, "We zoeken het uit.", domain::Channel::OffPlatform, {}, {}, &seen);
    ASSERT_TRUE(sent) << sent.message();
    EXPECT_TRUE(sent->changed()) << sent->message;
    EXPECT_EQ(detail(id).replies.size(), 1U);

    // Refused for another reason (Daan holds it): nothing is written on the way either.
    const std::int64_t held = startConversation("p9", "Andere klant");
    ASSERT_TRUE(inbox.claim(held, kDaan));
    const inbox::Seen heldSeen = inbox::seenOf(detail(held), timeline(held));
    news();
    auto refused = inbox.reply(held, kEva, "Ik help je", domain::Channel::OffPlatform, {}, {}, &heldSeen);
    ASSERT_TRUE(refused) << refused.message();
    EXPECT_TRUE(refused->heldByOther());
    EXPECT_EQ(news(), Ids{}) << "a refused reply changed the conversation";
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContractChanges, ::testing::ValuesIn(test::workspaceFactories()),
                         test::engineName);

}  // namespace
