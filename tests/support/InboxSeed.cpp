#include "store/sqlite/MentionQueries.h"
#include "InboxSeed.h"

#include <gtest/gtest.h>

#include "earshot/inbox/AgentRepository.h"
#include "earshot/store/Mentions.h"
#include "store/sqlite/Schema.h"
#include "earshot/store/Sources.h"

namespace earshot::test {

std::vector<std::int64_t> seedInbox(const std::string& dbPath, const std::vector<std::string>& agents, int count,
                                    const std::string& prefix)
{
    auto db = store::openWorkspace(dbPath);
    EXPECT_TRUE(db) << db.message();
    if (!db)
        return {};
    std::vector<std::int64_t> conversations;
    auto done = db->transaction([&]() -> Status {
        store::Source source;
        source.url = "https://forum.example/" + prefix + ".xml";
        source.name = "Forum";
        auto sourceId = store::SourceRepository(*db).add(source);
        if (!sourceId)
            return sourceId.error();
        for (const std::string& agent : agents)
            if (auto added = inbox::AgentRepository(*db).add({.name = agent}); !added)
                return added.error();
        std::vector<store::NewMention> mentions;
        for (int i = 0; i < count; ++i) {
            store::NewMention m;
            m.externalId = prefix + "-" + std::to_string(i);
            m.title = "Question " + m.externalId + " about acme";
            m.author = {.platform = "feed:forum.example", .handle = "customer-" + m.externalId};
            mentions.push_back(std::move(m));
        }
        auto stored = store::ingestMentions(*db, *sourceId, mentions, 1000);
        if (!stored)
            return stored.error();
        conversations = stored->conversationsCreated;
        return Ok{};
    });
    EXPECT_TRUE(done) << done.message();
    EXPECT_EQ(conversations.size(), std::size_t(count));
    return conversations;
}

}  // namespace earshot::test
