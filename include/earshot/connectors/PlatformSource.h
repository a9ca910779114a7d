// Turns what a person says they want to hear ("the #vondelfiets tag on mastodon.social",
// "Hacker News on 'vondelfiets'") into a source: the API address its connector polls, a
// name, and its settings. Shared by the CLI's `sources add --kind` and the Sources dialog.
#pragma once

#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Sources.h"

namespace earshot::connectors {

struct PlatformSourceSpec {
    std::string kind;      // a connector's kind, e.g. "mastodon-tag"
    std::string instance;  // Mastodon server or Discourse forum, e.g. "https://mastodon.social"
    std::string tag;       // mastodon-tag: without '#'
    std::string actor;     // bluesky-author: handle or DID
    std::string query;     // the search kinds
    std::string site;      // stackexchange-search: "stackoverflow", "superuser", …
    std::string api;       // another API address than the platform's own (mirrors, tests)
};

// The source, or an error that names what is missing ("--tag is needed for mastodon-tag").
Result<store::Source> makePlatformSource(const PlatformSourceSpec& spec);

}  // namespace earshot::connectors
