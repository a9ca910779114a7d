// Changing the set of sources and their state, with what the event log says of each change,
// decided once for the command line, the console, OPML import, the demo and the engine. Call
// these inside a writer job: the change and its event are written in one transaction.
#pragma once

#include <cstdint>
#include <string_view>

#include "earshot/core/Result.h"

namespace earshot::store {
class Session;
struct PollRecord;
struct Source;
}  // namespace earshot::store

namespace earshot::sources {

// Adds `source` for `actor` (an agent's name, or domain::kCommandLineActor). A URL added again
// after its removal takes its old row back, so the next poll recognises the mentions it stored
// then instead of storing every item a second time in new conversations; the event says
// "restored".
Result<std::int64_t> addSource(store::Session& session, const store::Source& source, std::string_view actor);

// Stops polling the source and hides it from lists; its mentions stay.
Status removeSource(store::Session& session, std::int64_t id, std::string_view actor);

// Writes what a poll learned, logging a permanent move and a change of the state lists show.
Status recordPoll(store::Session& session, const store::PollRecord& record);

}  // namespace earshot::sources
