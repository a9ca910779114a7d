// What the store contract's test files share: a new workspace per test from the engine's
// factory, a feed source, the inbox's agents, and helpers that write and read through the
// interfaces and the core services only. A file instantiates its own suite with
//   INSTANTIATE_TEST_SUITE_P(Engines, Suite, ::testing::ValuesIn(test::workspaceFactories()), test::engineName);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "TempWorkspace.h"
#include "WorkspaceFactory.h"
#include "earshot/core/Result.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/store/ConversationStore.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/Session.h"
#include "earshot/store/Workspace.h"

namespace earshot::test {

// A customer's post as a feed gives it: title `text`, link under example.org.
store::NewMention contractMention(const std::string& id, const std::string& text, const std::string& replyTo = {},
                                  const std::string& author = "anna");

class StoreContractFixture : public ::testing::TestWithParam<WorkspaceFactory> {
protected:
    static constexpr const char* kEva = "Eva de Graaf";
    static constexpr const char* kDaan = "Daan Visser";
    static constexpr const char* kLea = "Lea Jansen";   // a lead: may hand on anyone's conversation

    // A new workspace with the source "Example"; agents only where a test asks (addAgents()).
    void SetUp() override;

    // Eva and Daan (team care) and Lea (teams care and leads).
    void addAgents();

    store::Workspace& workspace() { return *m_workspace; }
    // Through inbox::ingestMentions in a writer job, as the engine stores a poll.
    Result<store::IngestResult> ingest(const std::vector<store::NewMention>& mentions, std::int64_t now = 1000,
                                       std::optional<std::int64_t> sourceId = std::nullopt);
    // The id of the one conversation a single new mention started.
    std::int64_t startConversation(const std::string& id, const std::string& text, std::int64_t now = 1000,
                                   const std::string& author = "anna");
    // A store job on the writer: fails the test when it fails.
    void write(const std::function<Status(store::Session&)>& work);

    std::unique_ptr<store::Session> reader();
    // The inbox with its clock at `now`.
    inbox::Inbox inboxAt(std::int64_t now) { return inbox::Inbox(m_workspace->writer(), [now] { return now; }); }
    store::ConversationDetail detail(std::int64_t conversationId);
    std::vector<store::TimelineEntry> timeline(std::int64_t conversationId);

    // Every conversation of the view, page by page, in the order the pages gave them.
    std::vector<store::ConversationRow> everyRow(store::ConversationFilter filter, int pageSize);
    static std::vector<store::ConversationRow> everyRow(store::Session& session, store::ConversationFilter filter,
                                                        int pageSize);
    std::vector<std::int64_t> everyId(store::ConversationFilter filter, int pageSize = 50);

    TempWorkspace m_folder;   // its folder; the factory makes the workspace in it
    std::unique_ptr<store::Workspace> m_workspace;
    std::int64_t m_sourceId = 0;
};

}  // namespace earshot::test
