#include "StoreContractFixture.h"

#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/store/SourceStore.h"

namespace earshot::test {

store::NewMention contractMention(const std::string& id, const std::string& text, const std::string& replyTo,
                                  const std::string& author)
{
    store::NewMention m;
    m.externalId = id;
    m.title = text;
    m.body = text + " body";
    m.link = "https://example.org/" + id;
    m.replyTo = replyTo;
    m.author = {.platform = "feed:example.org", .handle = author, .displayName = author + " de Vries"};
    return m;
}

void StoreContractFixture::SetUp()
{
    skipWhenUnavailable(GetParam());
    if (IsSkipped() || HasFailure())
        return;
    m_workspace = GetParam().make(m_folder.dir());
    ASSERT_TRUE(m_workspace);
    write([&](store::Session& session) -> Status {
        auto id = session.sources().add({.name = "Example", .url = "https://example.org/feed.xml"});
        if (!id)
            return id.error();
        m_sourceId = *id;
        return Ok{};
    });
    ASSERT_NE(m_sourceId, 0);
}

void StoreContractFixture::addAgents()
{
    write([](store::Session& session) -> Status {
        inbox::AgentRepository agents(session);
        for (const inbox::Agent& agent : {inbox::Agent{.name = kEva, .teams = {"care"}},
                                          inbox::Agent{.name = kDaan, .teams = {"care"}},
                                          inbox::Agent{.name = kLea, .teams = {"care", "leads"}}})
            if (auto added = agents.add(agent); !added)
                return added.error();
        return Ok{};
    });
}

Result<store::IngestResult> StoreContractFixture::ingest(const std::vector<store::NewMention>& mentions,
                                                         std::int64_t now, std::optional<std::int64_t> sourceId)
{
    std::optional<Result<store::IngestResult>> result;
    const Status written = m_workspace->writer().run([&](store::Session& session) -> Status {
        result.emplace(inbox::ingestMentions(session, sourceId.value_or(m_sourceId), mentions, now));
        return *result ? Status(Ok{}) : Status(result->error());
    });
    if (!written)
        return written.error();
    return std::move(*result);
}

std::int64_t StoreContractFixture::startConversation(const std::string& id, const std::string& text,
                                                     std::int64_t now, const std::string& author)
{
    auto stored = ingest({contractMention(id, text, {}, author)}, now);
    EXPECT_TRUE(stored) << stored.message();
    if (!stored || stored->conversationsCreated.size() != 1) {
        ADD_FAILURE() << "'" << id << "' started no conversation";
        return 0;
    }
    return stored->conversationsCreated.front();
}

void StoreContractFixture::write(const std::function<Status(store::Session&)>& work)
{
    const Status written = m_workspace->writer().run(work);
    EXPECT_TRUE(written) << written.message();
}

std::unique_ptr<store::Session> StoreContractFixture::reader()
{
    auto session = m_workspace->reader();
    EXPECT_TRUE(session) << session.message();
    return session ? std::move(*session) : nullptr;
}

store::ConversationDetail StoreContractFixture::detail(std::int64_t conversationId)
{
    auto read = reader()->conversations().detail(conversationId);
    EXPECT_TRUE(read) << read.message();
    return read ? std::move(*read) : store::ConversationDetail{};
}

std::vector<store::TimelineEntry> StoreContractFixture::timeline(std::int64_t conversationId)
{
    auto read = reader()->conversations().timeline(conversationId);
    EXPECT_TRUE(read) << read.message();
    return read ? std::move(*read) : std::vector<store::TimelineEntry>{};
}

std::vector<store::ConversationRow> StoreContractFixture::everyRow(store::ConversationFilter filter, int pageSize)
{
    return everyRow(*reader(), std::move(filter), pageSize);
}

std::vector<store::ConversationRow> StoreContractFixture::everyRow(store::Session& session,
                                                                   store::ConversationFilter filter, int pageSize)
{
    std::vector<store::ConversationRow> rows;
    std::optional<store::ConversationCursor> after;
    for (int pages = 0; pages < 100'000; ++pages) {
        auto page = session.conversations().list(filter, pageSize, after);
        EXPECT_TRUE(page) << page.message();
        if (!page)
            break;
        EXPECT_LE(page->rows.size(), std::size_t(pageSize));
        rows.insert(rows.end(), page->rows.begin(), page->rows.end());
        if (!page->nextCursor)
            break;
        EXPECT_EQ(page->rows.size(), std::size_t(pageSize)) << "only the last page may be short";
        after = page->nextCursor;
    }
    return rows;
}

std::vector<std::int64_t> StoreContractFixture::everyId(store::ConversationFilter filter, int pageSize)
{
    std::vector<std::int64_t> ids;
    for (const store::ConversationRow& row : everyRow(std::move(filter), pageSize))
        ids.push_back(row.id);
    return ids;
}

}  // namespace earshot::test
