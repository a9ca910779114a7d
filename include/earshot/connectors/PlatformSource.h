// Turns what a person says they want to hear ("the #vondelfiets tag on mastodon.social",
// "Hacker News on 'vondelfiets'") into a source: the API address its connector polls, a
// name, and its settings. Shared by the CLI's `sources add --kind` and the Sources dialog;
// which fields each kind takes is what its connector says (SourceKind.h).
#pragma once

#include <string>
#include <vector>

#include "earshot/connectors/SourceKind.h"
#include "earshot/core/Result.h"
#include "earshot/store/SourceStore.h"

namespace earshot::connectors {

// The source, or an error that names what is missing ("the hashtag (--tag) is needed for a
// mastodon-tag source").
Result<store::Source> makePlatformSource(const PlatformSourceSpec& spec);

// What an existing platform source listens to, as its fields (for showing it again).
PlatformSourceSpec specOf(const store::Source& source);

}  // namespace earshot::connectors
