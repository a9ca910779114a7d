// `earshot-cli inbox list` and `inbox show` live apart from the other inbox commands because
// they are read-only views over store::ConversationQuery.
#pragma once

#include "Command.h"

namespace earshot::cli {

// inbox list [--status S] [--mine --agent NAME] [--source ID] [--tag TAG] [--search Q] [--sort waiting|priority] [--limit N] [--json]
int inboxList(Context& context, Args& args);
// inbox show ID [--json]
int inboxShow(Context& context, Args& args);

}  // namespace earshot::cli
