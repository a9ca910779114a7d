// The reply checks (checks/ReplyCheck.h) as they apply to one conversation: the platform the
// reply goes to, the agent's first name and the team's signature rule. The console's composer
// shows these findings while the agent types, and Inbox::reply refuses a reply with a finding
// the agent did not override, so the CLI and the console keep the same rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/checks/ReplyCheck.h"
#include "earshot/core/Result.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/Session.h"

namespace earshot::inbox {

struct CheckOverride;

// The platform whose length rule a reply on this conversation follows: the customer's own
// platform where the author has one, else the source's kind.
std::string replyPlatform(std::string_view sourceKind, std::string_view customerPlatform);

Result<checks::ReplyCheckContext> replyCheckContext(store::Session& session, std::int64_t conversationId,
                                                    const std::string& agent);

// The post a platform reply answers: the newest one by someone other than the brand (whose
// own replies come back when its account is listened to) and other than the account an
// account source follows; when every post is one of those, the last one heard. None when the
// conversation has no posts.
std::optional<std::int64_t> answeredPost(const store::ReplyCandidates& candidates);

// True for the ids checkReply can report ("email", "iban", ...).
bool isReplyCheckId(std::string_view id);

// The findings that no override answers, in order.
std::vector<checks::Finding> unansweredFindings(const std::vector<checks::Finding>& findings,
                                                const std::vector<CheckOverride>& overrides);

// "not sent: ...; change the text, or override the check with a reason" for a person.
std::string refusalMessage(const std::vector<checks::Finding>& unanswered);

}  // namespace earshot::inbox
