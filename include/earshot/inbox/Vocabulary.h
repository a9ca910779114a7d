// The inbox's own words beyond the domain's: tags, and where a reply can be posted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"

namespace earshot::inbox {

// The domain's words (include/earshot/domain/Vocabulary.h), as the inbox speaks them.
using domain::Channel;
using domain::channelName;
using domain::ConversationStatus;
using domain::parsePriority;
using domain::parseStatus;
using domain::Priority;
using domain::priorityFromInt;
using domain::priorityName;
using domain::statusName;

// Whether Earshot itself can post a reply on a source of this kind. Where it cannot (feeds,
// Hacker News, Stack Exchange, and any kind whose connector does not publish yet) the agent
// copies the text and posts it by hand, and the reply is recorded as off-platform.
bool canPostOnPlatform(std::string_view sourceKind);

// Trimmed, inner white space collapsed, lower case (ASCII and Latin-1 letters); refuses an
// empty tag, a comma (lists are comma-separated everywhere) and tags over 64 bytes.
Result<std::string> normaliseTag(std::string_view tag);

}  // namespace earshot::inbox
