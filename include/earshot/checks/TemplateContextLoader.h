// Fills a TemplateContext from the workspace for one conversation and the replying agent.
// Reads only; values that the workspace doesn't have are left out, so renderTemplate
// reports them as unresolved instead of inventing them.
#pragma once

#include <cstdint>
#include <string>

#include "earshot/checks/Template.h"
#include "earshot/core/Result.h"
#include "earshot/store/Session.h"

namespace earshot::checks {

// Fails only when the conversation doesn't exist or the database can't be read. An agent
// without a profile still gives agent.name (as passed), not agent.first_name.
Result<TemplateContext> loadTemplateContext(store::Session& session, std::int64_t conversationId,
                                            const std::string& agentName);

}  // namespace earshot::checks
