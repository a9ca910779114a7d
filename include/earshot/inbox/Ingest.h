// What is heard becomes conversations. The inbox's rules for new mentions live here: a post
// heard twice is stored once; a mention joins the conversation of its thread (its platform's
// thread, else the thread of the post it answers, shared by the sources of one platform, and
// for Mastodon of one server); a customer writing again reopens a resolved or pending
// conversation. The store only executes what these rules decide.
#pragma once

#include <cstdint>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/Session.h"

namespace earshot::inbox {

// Stores the new ones among `mentions` heard by a source, each in its conversation. Call it
// in a transaction (a writer job): a failure leaves nothing of the batch behind.
Result<store::IngestResult> ingestMentions(store::Session& session, std::int64_t sourceId,
                                           const std::vector<store::NewMention>& mentions, std::int64_t now);

}  // namespace earshot::inbox
