#include "earshot/engine/SourcePreview.h"

#include <utility>

#include "earshot/engine/FeedMapper.h"
#include "earshot/engine/KeywordFilter.h"
#include "earshot/feeds/FeedParser.h"
#include "earshot/net/HttpStatus.h"

namespace earshot::engine {

namespace {

PreviewItem previewItem(const store::NewMention& mention)
{
    return {.title = mention.title,
            .author = mention.author.displayName,
            .link = mention.link,
            .publishedAt = mention.publishedAt};
}

}  // namespace

Result<SourcePreview> previewSource(const std::string& url, const std::vector<std::string>& includeWords,
                                    const std::vector<std::string>& excludeWords, net::FetchOptions options)
{
    net::Fetcher fetcher(std::move(options));
    return previewSource(fetcher, url, includeWords, excludeWords);
}

Result<SourcePreview> previewSource(net::Fetcher& fetcher, const std::string& url,
                                    const std::vector<std::string>& includeWords,
                                    const std::vector<std::string>& excludeWords)
{
    if (url.empty())
        return fail("enter the feed's URL first");
    net::FetchResponse response;
    fetcher.fetchAll({{.key = 1, .url = url}}, [&](net::FetchResponse done) { response = std::move(done); });
    switch (response.outcome) {
    case net::FetchOutcome::Ok:
        break;
    case net::FetchOutcome::Gone:
        // The fetcher's own message says the source "has been disabled", which a dry run does not do.
        return fail(net::statusLine(response.httpStatus) + " — the server says this feed is gone for good");
    case net::FetchOutcome::NotModified:   // we sent no validators, so a 304 is the server's mistake
    case net::FetchOutcome::RateLimited:
    case net::FetchOutcome::HttpError:
    case net::FetchOutcome::Failed:
        return fail(response.error.empty() ? std::string(net::outcomeName(response.outcome)) : response.error);
    }

    const std::string documentUrl = response.effectiveUrl.empty() ? url : response.effectiveUrl;
    auto feed = feeds::parseFeed(response.body, {.documentUrl = documentUrl, .contentType = response.contentType});
    if (!feed)
        return fail(feed.message());

    SourcePreview preview{.feedTitle = feed->title,
                          .format = feed->format,
                          .finalUrl = documentUrl,
                          .entryCount = int(feed->entries.size())};
    const KeywordFilter filter(includeWords, excludeWords);
    const KeywordFilter keepAll({}, {});
    // Each entry is mapped on its own, so we learn which ones the filter drops while using
    // exactly the engine's mapping and filter rules (mapFeed only counts the dropped ones).
    std::vector<feeds::FeedEntry> entries = std::move(feed->entries);   // leaves feed->entries empty
    feeds::Feed single = std::move(*feed);
    for (feeds::FeedEntry& entry : entries) {
        single.entries.assign(1, std::move(entry));
        MappedFeed mapped = mapFeed(single, url, filter);
        if (!mapped.mentions.empty()) {
            preview.kept.push_back(previewItem(mapped.mentions.front()));
            continue;
        }
        mapped = mapFeed(single, url, keepAll);
        if (!mapped.mentions.empty())
            preview.filteredOut.push_back(previewItem(mapped.mentions.front()));
    }
    return preview;
}

std::string feedFormatName(const std::string& format)
{
    if (format == "rss20") return "RSS 2.0";
    if (format == "rss10") return "RSS 1.0";
    if (format == "rss09x") return "RSS 0.9x";
    if (format == "atom10") return "Atom 1.0";
    if (format == "atom03") return "Atom 0.3";
    if (format == "json10") return "JSON Feed 1.0";
    if (format == "json11") return "JSON Feed 1.1";
    if (format == "cdf") return "CDF";
    return format;
}

}  // namespace earshot::engine
