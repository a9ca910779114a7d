// Export cursors: every row of one kind (conversations, response cycles, mentions, events)
// that a filter picks, read in one pass so a million rows take constant memory. It only reads;
// the columns, time formats, SLA results and pseudonyms are exports::Exporter's.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::store {

enum class ExportKind { Conversations, Cycles, Mentions, Events };

struct ExportFilter {
    ExportKind kind = ExportKind::Conversations;
    // Conversations by creation, cycles by start, mentions by arrival, events by time: [since, until).
    std::optional<std::int64_t> since;
    std::optional<std::int64_t> until;
    std::vector<std::int64_t> sources;
    std::optional<std::string> status;   // domain::statusName()
    std::vector<std::string> tags;       // conversations with any of them
};

// A response cycle's timing as exported (all empty when a conversation has none yet).
struct ExportCycle {
    std::optional<std::int64_t> startedAt;
    std::optional<std::int64_t> firstResponseAt;
    std::string firstResponder;
    std::optional<std::int64_t> resolvedAt;
    std::string resolver;
};

struct ConversationExportRow {
    std::int64_t id = 0;
    std::int64_t sourceId = 0;
    std::string source;
    std::string status;
    std::int64_t priority = 1;
    std::string assignee;
    std::string tags;                    // sorted, comma-separated
    std::string customerHandle;
    std::string customerName;
    std::int64_t messageCount = 0;
    std::int64_t cycles = 0;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> lastResolvedAt;
    ExportCycle firstCycle;
};

struct CycleExportRow {
    std::int64_t conversation = 0;
    std::int64_t cycle = 1;
    std::int64_t sourceId = 0;
    std::int64_t priority = 1;
    std::optional<std::int64_t> startedPublished;
    ExportCycle timing;
};

struct MentionExportRow {
    std::int64_t id = 0;
    std::int64_t conversation = 0;
    std::int64_t sourceId = 0;
    std::string source;
    std::string externalId;
    std::string platform;
    std::string authorHandle;
    std::string authorName;
    std::optional<std::int64_t> publishedAt;
    std::int64_t ingestedAt = 0;
    std::string title;
    std::string body;
    std::string link;
};

struct EventExportRow {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::string actor;
    std::string kind;
    std::optional<std::int64_t> conversation;
    std::optional<std::int64_t> source;
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::optional<std::string> detail;
};

class ExportStore {
public:
    virtual ~ExportStore() = default;

    // How many rows of the filter's kind the matching each…() call passes on.
    virtual Result<std::int64_t> count(const ExportFilter& filter) = 0;
    // Each calls `row` for every row in id order (cycles by conversation, then number); a
    // failure from `row` stops the reading and is returned.
    using ConversationRow = std::function<Status(const ConversationExportRow&)>;
    using CycleRowSink = std::function<Status(const CycleExportRow&)>;
    using MentionRow = std::function<Status(const MentionExportRow&)>;
    using EventRow = std::function<Status(const EventExportRow&)>;
    virtual Status eachConversation(const ExportFilter& filter, const ConversationRow& row) = 0;
    virtual Status eachCycle(const ExportFilter& filter, const CycleRowSink& row) = 0;
    virtual Status eachMention(const ExportFilter& filter, const MentionRow& row) = 0;
    virtual Status eachEvent(const ExportFilter& filter, const EventRow& row) = 0;

protected:
    ExportStore() = default;
};

}  // namespace earshot::store
