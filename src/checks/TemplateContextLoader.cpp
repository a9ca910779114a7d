#include "earshot/checks/TemplateContextLoader.h"

namespace earshot::checks {

namespace {

void setUnlessEmpty(TemplateContext& context, const char* name, std::string value)
{
    if (!value.empty())
        context.set(name, std::move(value));
}

}  // namespace

Result<TemplateContext> loadTemplateContext(store::Database& db, std::int64_t conversationId,
                                            const std::string& agentName)
{
    TemplateContext context;
    context.set("conversation.id", std::to_string(conversationId));
    {
        // The conversation link is that of its first mention with a link.
        auto conversation = db.cached(
            "SELECT s.name, a.display_name, a.handle,"
            " (SELECT m.link FROM mentions m WHERE m.conversation_id = c.id AND m.link <> ''"
            "  ORDER BY m.ingested_at, m.id LIMIT 1)"
            " FROM conversations c JOIN sources s ON s.id = c.source_id"
            " LEFT JOIN authors a ON a.id = c.customer_id WHERE c.id = ?");
        if (!conversation)
            return conversation.error();
        store::Statement& row = **conversation;
        row.bind(1, conversationId);
        auto found = row.step();
        if (!found)
            return fail("cannot read conversation " + std::to_string(conversationId) + ": " + found.message());
        if (!*found)
            return fail("there is no conversation " + std::to_string(conversationId));
        setUnlessEmpty(context, "source.name", row.isNull(0) ? "" : row.text(0));
        setUnlessEmpty(context, "customer.name", row.isNull(1) ? "" : row.text(1));
        setUnlessEmpty(context, "customer.handle", row.isNull(2) ? "" : row.text(2));
        setUnlessEmpty(context, "conversation.link", row.isNull(3) ? "" : row.text(3));
        row.reset();
    }
    if (agentName.empty())
        return context;
    context.set("agent.name", agentName);
    auto agent = db.cached("SELECT first_name FROM agents WHERE name = ?");
    if (!agent)
        return agent.error();
    (*agent)->bind(1, agentName);
    auto found = (*agent)->step();
    if (!found)
        return fail("cannot read agent " + agentName + ": " + found.message());
    if (*found)
        setUnlessEmpty(context, "agent.first_name", (*agent)->text(0));
    (*agent)->reset();
    return context;
}

}  // namespace earshot::checks
