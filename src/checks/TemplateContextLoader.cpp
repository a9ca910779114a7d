#include "earshot/checks/TemplateContextLoader.h"

#include "earshot/store/InboxStore.h"

namespace earshot::checks {

namespace {

void setUnlessEmpty(TemplateContext& context, const char* name, const std::optional<std::string>& value)
{
    if (value && !value->empty())
        context.set(name, *value);
}

}  // namespace

Result<TemplateContext> loadTemplateContext(store::Session& session, std::int64_t conversationId,
                                            const std::string& agentName)
{
    auto facts = session.inbox().templateFacts(conversationId, agentName);
    if (!facts)
        return facts.error();
    if (!*facts)
        return fail("there is no conversation " + std::to_string(conversationId));
    TemplateContext context;
    context.set("conversation.id", std::to_string(conversationId));
    setUnlessEmpty(context, "source.name", (*facts)->sourceName);
    setUnlessEmpty(context, "customer.name", (*facts)->customerName);
    setUnlessEmpty(context, "customer.handle", (*facts)->customerHandle);
    setUnlessEmpty(context, "conversation.link", (*facts)->conversationLink);
    if (agentName.empty())
        return context;
    context.set("agent.name", agentName);
    setUnlessEmpty(context, "agent.first_name", (*facts)->agentFirstName);
    return context;
}

}  // namespace earshot::checks
