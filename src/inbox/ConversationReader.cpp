#include "earshot/inbox/ConversationReader.h"


namespace earshot::inbox {

Result<ConversationDetail> readConversation(store::Session& session, std::int64_t conversationId)
{
    auto detail = session.conversations().detail(conversationId);
    if (detail)
        detail->canPostOnPlatform = canPostOnPlatform(detail->sourceKind);
    return detail;
}

Result<std::vector<TimelineEntry>> readTimeline(store::Session& session, std::int64_t conversationId)
{
    return session.conversations().timeline(conversationId);
}

Result<std::vector<ReopenedConversation>> reopenedFor(store::Session& session, const std::string& agent,
                                                      std::int64_t since)
{
    return session.conversations().reopenedFor(agent, since);
}

Result<std::optional<Draft>> loadDraft(store::Session& session, std::int64_t conversationId, const std::string& agent)
{
    return session.conversations().draft(conversationId, agent);
}

}  // namespace earshot::inbox
