// What a person may give as a source, decided once for the command line and the console:
// the addresses Earshot polls and how often it may poll them. The store only keeps what
// passes here; both front ends ask these functions instead of keeping their own copies.
#pragma once

#include <string>
#include <string_view>

#include "earshot/core/Result.h"

namespace earshot::sources {

// No source is polled more often than this: once a minute is as fresh as a webcare desk needs,
// and more would spend platforms' request budgets and servers' patience for nothing.
inline constexpr int kMinimumPollIntervalSeconds = 60;
inline constexpr int kMaximumPollIntervalSeconds = 7 * 24 * 3600;
inline constexpr int kDefaultPollIntervalSeconds = 300;

// Ok when `seconds` lies within the limits above; else a message naming them.
Status checkPollInterval(int seconds);

// A feed address as people type it, as the engine polls it:
//   http(s):// and file:// URLs are kept as they are;
//   an existing local file ("./feed.xml", "/srv/feeds/x.rss") becomes a file:// URL;
//   a bare host with an optional path ("forum.example/latest.rss") becomes https://;
//   any other scheme (ftp://, javascript:) and a path to a missing file are refused.
Result<std::string> normaliseFeedAddress(std::string_view text);

// For addresses that come from files rather than from a person (OPML): only complete
// http(s):// and file:// URLs, nothing guessed.
Status checkFeedUrl(std::string_view url);

}  // namespace earshot::sources
