// Who is looking at which conversation, and who is writing a reply to it, on every desktop of
// a workspace. Each desktop says so again every few seconds; what it said lasts kPresenceLifeSeconds
// on the database's clock, so a desktop that crashed or lost its connection stops showing
// within a minute without anyone cleaning up after it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::store {

constexpr int kPresenceLifeSeconds = 45;

enum class Activity : std::uint8_t { Viewing, Replying };

// As stored: "viewing", "replying".
inline const char* activityName(Activity activity) { return activity == Activity::Replying ? "replying" : "viewing"; }
inline Activity activityNamed(std::string_view name) { return name == "replying" ? Activity::Replying : Activity::Viewing; }

struct Presence {
    std::string desktop;          // one running console: an agent may have two
    std::string agent;
    std::int64_t conversationId = 0;
    Activity activity = Activity::Viewing;

    bool operator==(const Presence&) const = default;
};

class PresenceStore {
public:
    virtual ~PresenceStore() = default;
    // This desktop's agent is at the conversation (0: at none) for the next kPresenceLifeSeconds
    // seconds, replacing what the desktop said before.
    virtual Status announce(const Presence& presence) = 0;
    // The desktop is closing: it is at no conversation any more.
    virtual Status withdraw(const std::string& desktop) = 0;
    // Everyone at a conversation now, on the database's clock.
    virtual Result<std::vector<Presence>> present() = 0;
};

}  // namespace earshot::store
