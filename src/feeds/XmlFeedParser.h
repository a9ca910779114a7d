// Maps an XML feed — RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0, CDF — onto Feed. The
// format is told by the root element and its namespace, never by a file name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/feeds/Feed.h"
#include "earshot/feeds/FeedParser.h"
#include "XmlTree.h"

namespace earshot::feeds {

class XmlFeedParser {
public:
    explicit XmlFeedParser(const ParseOptions& options);

    // `utf8` is the document already decoded to UTF-8.
    Result<Feed> parse(std::string_view utf8);

private:
    // Which format the root element names; empty when it is not a feed.
    static std::string detectFormat(const XmlNode* root);

    void readChannel(const XmlNode* channel, const std::string& base, Feed& feed);
    void readEntry(const XmlNode* item, const std::string& parentBase, FeedEntry& entry);

    // The element's xml:base resolved against its parent's base; `storage` holds it when
    // it differs, so the common case (no xml:base) copies nothing.
    static const std::string& baseOf(const XmlNode* element, const std::string& parentBase,
                                     std::string& storage);
    std::string text(const XmlNode* element, std::vector<std::string>* hrefs = nullptr) const;

    ParseOptions m_options;
};

}  // namespace earshot::feeds
