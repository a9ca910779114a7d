#include "earshot/feeds/FeedParser.h"

#include <nlohmann/json.hpp>

#include "JsonFeedParser.h"
#include "XmlFeedParser.h"
#include "earshot/feeds/DateParser.h"
#include "earshot/feeds/DocumentDecoder.h"

namespace earshot::feeds {

namespace {

char firstSignificantChar(std::string_view text)
{
    for (char c : text)
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r'))
            return c;
    return '\0';
}

}  // namespace

Result<Feed> parseFeed(std::string_view bytes, const ParseOptions& options)
{
    if (bytes.size() > options.maxBytes)
        return fail("cannot read the feed: the document is " + std::to_string(bytes.size()) + " bytes, over the " +
                    std::to_string(options.maxBytes) + "-byte limit for a feed");
    auto decoded = DocumentDecoder::decode(bytes, options.contentType);
    if (!decoded)
        return fail("cannot read the feed: " + decoded.message());
    const std::string& text = decoded->utf8;
    switch (firstSignificantChar(text)) {
    case '\0':
        return fail("not a feed: the document is empty");
    case '{':
        return JsonFeedParser(options).parse(text);
    case '<':
        return XmlFeedParser(options).parse(text);
    default:
        return fail("not a feed: the document is neither XML nor JSON");
    }
}

namespace {

// Conformance JSON strings are read as HTML text (tags dropped, entities decoded), so
// plain text goes out with '&' and '<' escaped: "a <b> c" must read back as written.
std::string escapeText(std::string_view text)
{
    if (text.find_first_of("&<") == std::string_view::npos)
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        if (c == '&')
            out.append("&amp;");
        else if (c == '<')
            out.append("&lt;");
        else
            out.push_back(c);
    }
    return out;
}

}  // namespace

std::string feedToJson(const Feed& feed)
{
    using nlohmann::ordered_json;
    auto date = [](const std::optional<UnixTime>& time) {
        return time ? ordered_json(DateParser::formatUtc(*time)) : ordered_json(nullptr);
    };
    ordered_json out;
    out["feed"] = {
        {"title", escapeText(feed.title)},
        {"subtitle", escapeText(feed.subtitle)},
        {"link", escapeText(feed.link)},
        {"language", escapeText(feed.language)},
        {"author", escapeText(feed.author)},
        {"updated", date(feed.updated)},
    };
    ordered_json entries = ordered_json::array();
    for (const FeedEntry& entry : feed.entries) {
        ordered_json categories = ordered_json::array();
        for (const std::string& category : entry.categories)
            categories.push_back(escapeText(category));
        entries.push_back({
            {"id", escapeText(entry.id)},
            {"title", escapeText(entry.title)},
            {"link", escapeText(entry.link)},
            {"author", escapeText(entry.author)},
            {"published", date(entry.published)},
            {"updated", date(entry.updated)},
            {"summary", escapeText(entry.summary)},
            {"content", escapeText(entry.content)},
            {"categories", categories},
        });
    }
    out["entries"] = std::move(entries);
    // Invalid UTF-8 cannot reach here (the decoder guarantees it), but never throw on it.
    return out.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace earshot::feeds
