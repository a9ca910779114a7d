#include "earshot/engine/FeedMapper.h"

#include <algorithm>

#include "earshot/inbox/Ingest.h"

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
    return mapFeed(feed, 0, feed.entries.size(), sourceUrl, filter);
}

MappedFeed mapFeed(const feeds::Feed& feed, std::size_t begin, std::size_t end, const std::string& sourceUrl,
                   const KeywordFilter& filter)
{
    MappedFeed mapped;
    mapped.mentions.reserve(end - begin);
    const std::string platform = "feed:" + siteOf(feed.link.empty() ? sourceUrl : feed.link);
    for (std::size_t i = begin; i < end; ++i) {
        const feeds::FeedEntry& entry = feed.entries[i];
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

Result<store::IngestResult> ingestFeed(store::Session& session, std::int64_t sourceId, const feeds::Feed& feed,
                                       const std::string& sourceUrl, const KeywordFilter& filter, std::int64_t now,
                                       int& filteredOut)
{
    store::IngestResult all;
    filteredOut = 0;
    for (std::size_t end = feed.entries.size(); end > 0;) {
        const std::size_t begin = end > kIngestBatch ? end - kIngestBatch : 0;
        MappedFeed batch = mapFeed(feed, begin, end, sourceUrl, filter);
        filteredOut += batch.filteredOut;
        std::reverse(batch.mentions.begin(), batch.mentions.end());
        auto stored = inbox::ingestMentions(session, sourceId, batch.mentions, now);
        if (!stored)
            return stored.error();
        auto append = [](std::vector<std::int64_t>& to, const std::vector<std::int64_t>& from) {
            to.insert(to.end(), from.begin(), from.end());
        };
        append(all.mentionIds, stored->mentionIds);
        append(all.conversationsCreated, stored->conversationsCreated);
        append(all.conversationsReopened, stored->conversationsReopened);
        all.duplicates += stored->duplicates;
        end = begin;
    }
    return all;
}

}  // namespace earshot::engine
