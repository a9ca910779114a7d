// Maps a JSON Feed (https://jsonfeed.org, versions 1.0 and 1.1) onto Feed.
#pragma once

#include <string_view>

#include "earshot/core/Result.h"
#include "earshot/feeds/Feed.h"
#include "earshot/feeds/FeedParser.h"

namespace earshot::feeds {

class JsonFeedParser {
public:
    explicit JsonFeedParser(const ParseOptions& options);

    Result<Feed> parse(std::string_view utf8) const;

private:
    ParseOptions m_options;
};

}  // namespace earshot::feeds
