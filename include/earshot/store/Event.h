// One entry of the append-only event log: every change, who made it, when, and from what to what.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "earshot/domain/Vocabulary.h"

namespace earshot::store {

struct Event {
    std::int64_t at = 0;                 // 0: now
    std::string actor;                   // an agent's name, "engine" or "cli"
    domain::EventKind kind = domain::EventKind::Note;
    std::optional<std::int64_t> conversationId;
    std::optional<std::int64_t> sourceId;
    std::optional<std::string> fromValue;
    std::optional<std::string> toValue;
    std::optional<std::string> detail;
};

}  // namespace earshot::store
