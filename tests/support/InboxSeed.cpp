#include "InboxSeed.h"

#include <gtest/gtest.h>

#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

namespace earshot::test {

std::vector<std::int64_t> seedInbox(const std::string& dbPath, const std::vector<std::string>& agents, int count,
                                    const std::string& prefix)
{
    // A workspace of its own, closed (its writer stopped) before returning, so the caller may fork.
    auto workspace = store::Workspace::open(dbPath);
    EXPECT_TRUE(workspace) << (workspace ? "" : workspace.message());
    if (!workspace)
        return {};
    std::vector<std::int64_t> conversations;
    const Status done = (*workspace)->writer().run([&](store::Session& session) -> Status {
        store::Source source;
        source.url = "https://forum.example/" + prefix + ".xml";
        source.name = "Forum";
        auto sourceId = session.sources().add(source);
        if (!sourceId)
            return sourceId.error();
        for (const std::string& agent : agents)
            if (auto added = inbox::AgentRepository(session).add({.name = agent}); !added)
                return added.error();
        std::vector<store::NewMention> mentions;
        for (int i = 0; i < count; ++i) {
            store::NewMention m;
            m.externalId = prefix + "-" + std::to_string(i);
            m.title = "Question " + m.externalId + " about acme";
            m.author = {.platform = "feed:forum.example", .handle = "customer-" + m.externalId};
            mentions.push_back(std::move(m));
        }
        auto stored = inbox::ingestMentions(session, *sourceId, mentions, 1000);
        if (!stored)
            return stored.error();
        conversations = stored->conversationsCreated;
        return Ok{};
    });
    EXPECT_TRUE(done.ok()) << (done.ok() ? "" : done.message());
    EXPECT_EQ(conversations.size(), std::size_t(count));
    return conversations;
}

}  // namespace earshot::test
