// Fills a TemplateContext from the workspace for one conversation and the replying agent.
// Reads only; values that the database doesn't have are left out, so renderTemplate reports
// them as unresolved instead of inventing them.
#pragma once

#include <cstdint>
#include <string>

#include "earshot/checks/Template.h"
#include "earshot/core/Result.h"
#include "store/sqlite/Database.h"

namespace earshot::checks {

// Fails only when the conversation doesn't exist or the database can't be read. An agent
// without a profile still gives agent.name (as passed), not agent.first_name.
Result<TemplateContext> loadTemplateContext(store::Database& db, std::int64_t conversationId,
                                            const std::string& agentName);

}  // namespace earshot::checks
