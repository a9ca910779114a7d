#include "WorkspaceReads.h"

#include <gtest/gtest.h>

#include "earshot/inbox/Ingest.h"
#include "earshot/store/SourceStore.h"

namespace earshot::test {

std::unique_ptr<store::Session> readerOf(store::Workspace& workspace)
{
    auto session = workspace.reader();
    if (!session) {
        ADD_FAILURE() << "no reading session: " << session.message();
        return {};
    }
    return std::move(*session);
}

void writeWith(store::Workspace& workspace, const std::function<Status(store::Session&)>& work)
{
    const Status written = workspace.writer().run(work);
    EXPECT_TRUE(written) << written.message();
}

store::IngestResult ingest(store::Workspace& workspace, std::int64_t sourceId,
                           const std::vector<store::NewMention>& mentions, std::int64_t now)
{
    store::IngestResult result;
    writeWith(workspace, [&](store::Session& session) -> Status {
        auto stored = inbox::ingestMentions(session, sourceId, mentions, now);
        if (!stored)
            return stored.error();
        result = std::move(*stored);
        return Ok{};
    });
    return result;
}

std::int64_t addSource(store::Workspace& workspace, const store::Source& source)
{
    std::int64_t id = 0;
    writeWith(workspace, [&](store::Session& session) -> Status {
        auto added = session.sources().add(source);
        if (!added)
            return added.error();
        id = *added;
        return Ok{};
    });
    return id;
}

namespace {

template <typename Row, typename Each>
std::vector<Row> every(store::Workspace& workspace, store::ExportKind kind, Each each)
{
    std::vector<Row> rows;
    auto session = readerOf(workspace);
    if (!session)
        return rows;
    const Status read = each(session->exports(), store::ExportFilter{.kind = kind}, [&](const Row& row) -> Status {
        rows.push_back(row);
        return Ok{};
    });
    EXPECT_TRUE(read) << read.message();
    return rows;
}

}  // namespace

std::vector<store::ConversationExportRow> exportedConversations(store::Workspace& workspace)
{
    return every<store::ConversationExportRow>(
        workspace, store::ExportKind::Conversations,
        [](store::ExportStore& s, const store::ExportFilter& f, const auto& row) { return s.eachConversation(f, row); });
}

std::vector<store::MentionExportRow> exportedMentions(store::Workspace& workspace)
{
    return every<store::MentionExportRow>(
        workspace, store::ExportKind::Mentions,
        [](store::ExportStore& s, const store::ExportFilter& f, const auto& row) { return s.eachMention(f, row); });
}

std::vector<store::EventExportRow> exportedEvents(store::Workspace& workspace)
{
    return every<store::EventExportRow>(
        workspace, store::ExportKind::Events,
        [](store::ExportStore& s, const store::ExportFilter& f, const auto& row) { return s.eachEvent(f, row); });
}

std::vector<store::EventExportRow> eventsOfKind(store::Workspace& workspace, domain::EventKind kind)
{
    std::vector<store::EventExportRow> found;
    for (store::EventExportRow& event : exportedEvents(workspace))
        if (event.kind == domain::eventKindName(kind))
            found.push_back(std::move(event));
    return found;
}

std::int64_t exportCount(store::Workspace& workspace, store::ExportKind kind)
{
    auto session = readerOf(workspace);
    if (!session)
        return -1;
    auto counted = session->exports().count({.kind = kind});
    EXPECT_TRUE(counted) << counted.message();
    return counted ? *counted : -1;
}

store::ConversationDetail detailOf(store::Workspace& workspace, std::int64_t conversationId)
{
    auto session = readerOf(workspace);
    if (!session)
        return {};
    auto detail = session->conversations().detail(conversationId);
    EXPECT_TRUE(detail) << detail.message();
    return detail ? std::move(*detail) : store::ConversationDetail{};
}

std::int64_t conversationOfMention(store::Workspace& workspace, const std::string& externalId)
{
    for (const store::MentionExportRow& row : exportedMentions(workspace))
        if (row.externalId == externalId)
            return row.conversation;
    return 0;
}

}  // namespace earshot::test
