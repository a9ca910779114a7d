// Writing and reading back what a test stored through the store's interfaces and the core's
// services alone: no SQL, no engine headers, so a check written with these holds on every
// database engine. Each helper fails the calling test on an error and returns an empty value.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"
#include "earshot/store/ConversationStore.h"
#include "earshot/store/ExportStore.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

namespace earshot::test {

// A reading session of its own.
std::unique_ptr<store::Session> readerOf(store::Workspace& workspace);

// Runs `work` as one job of the workspace's writer and waits for it.
void writeWith(store::Workspace& workspace, const std::function<Status(store::Session&)>& work);

// Stores what a source heard as the engine does (inbox::ingestMentions in a writer job).
store::IngestResult ingest(store::Workspace& workspace, std::int64_t sourceId,
                           const std::vector<store::NewMention>& mentions, std::int64_t now);

// Adds a source through the writer; returns its id.
std::int64_t addSource(store::Workspace& workspace, const store::Source& source);

// Every row of a kind, through the export cursors.
std::vector<store::ConversationExportRow> exportedConversations(store::Workspace& workspace);
std::vector<store::MentionExportRow> exportedMentions(store::Workspace& workspace);
std::vector<store::EventExportRow> exportedEvents(store::Workspace& workspace);
// The events of one kind, oldest first.
std::vector<store::EventExportRow> eventsOfKind(store::Workspace& workspace, domain::EventKind kind);
std::int64_t exportCount(store::Workspace& workspace, store::ExportKind kind);

// One conversation whole; an empty one (id 0) when it cannot be read.
store::ConversationDetail detailOf(store::Workspace& workspace, std::int64_t conversationId);
// The conversation that holds the mention heard under `externalId`; 0 when none does.
std::int64_t conversationOfMention(store::Workspace& workspace, const std::string& externalId);

}  // namespace earshot::test
