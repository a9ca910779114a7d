// What an inbox action did. "Someone else holds it" is an expected answer, not an error: the
// GUI offers to take the conversation over and the CLI exits with its own code, so it travels
// as a value beside the ordinary success, while bad input and database failures stay Errors.
#pragma once

#include <cstdint>
#include <string>

namespace earshot::inbox {

struct Outcome {
    enum class Kind : std::uint8_t {
        Changed,       // done; the change and its events are committed
        Unchanged,     // already so (claiming your own, an existing tag ...); nothing written
        HeldByOther,   // refused: `holder` has the conversation; nothing written
        // refused: others changed the conversation since the agent saw it (Seen.h); the
        // message says what; nothing written
        ChangedMeanwhile,
    };
    Kind kind = Kind::Changed;
    std::string holder;    // HeldByOther: who has it
    std::string message;   // one line for a person, e.g. "claimed #12" or "#12 is held by Eva"
    std::int64_t id = 0;   // the row an action created (reply, note), else 0

    bool changed() const { return kind == Kind::Changed; }
    bool heldByOther() const { return kind == Kind::HeldByOther; }
    bool changedMeanwhile() const { return kind == Kind::ChangedMeanwhile; }
};

}  // namespace earshot::inbox
