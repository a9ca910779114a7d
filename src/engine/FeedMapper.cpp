#include "earshot/engine/FeedMapper.h"

namespace earshot::engine {

namespace {

// Authors of plain feeds have no global handle; scope them by the site they write on.
std::string siteOf(const std::string& url)
{
    const auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return url;
    const auto start = scheme + 3;
    const auto end = url.find_first_of("/?#", start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

MappedFeed mapFeed(const feeds::Feed& feed, const std::string& sourceUrl, const KeywordFilter& filter)
{
    MappedFeed mapped;
    const std::string platform = "feed:" + siteOf(feed.link.empty() ? sourceUrl : feed.link);
    for (const feeds::FeedEntry& entry : feed.entries) {
        store::NewMention m;
        m.title = entry.title;
        m.body = entry.content.empty() ? entry.summary : entry.content;
        std::string filterText = m.title + "\n" + m.body;
        for (const auto& category : entry.categories)
            filterText += "\n" + category;
        if (!filter.accepts(filterText)) {
            ++mapped.filteredOut;
            continue;
        }
        m.link = entry.link;
        m.htmlLinks = entry.htmlLinks;
        m.replyTo = entry.inReplyTo;
        m.publishedAt = entry.published ? entry.published : entry.updated;
        m.externalId = entry.id.empty() ? store::stableExternalId(entry.link, entry.title, m.publishedAt) : entry.id;
        const std::string author = entry.author.empty() ? feed.author : entry.author;
        if (!author.empty()) {
            m.author.platform = platform;
            m.author.handle = author;
            m.author.displayName = author;
            m.author.profileUrl = entry.authorUrl;
        }
        mapped.mentions.push_back(std::move(m));
    }
    return mapped;
}

}  // namespace earshot::engine
