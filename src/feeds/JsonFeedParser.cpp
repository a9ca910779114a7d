#include "JsonFeedParser.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "earshot/feeds/DateParser.h"
#include "earshot/feeds/HtmlText.h"
#include "earshot/feeds/JsonNesting.h"
#include "earshot/feeds/UrlResolver.h"

namespace earshot::feeds {

namespace {

using nlohmann::json;

std::string stringField(const json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    // Ids are strings by the spec, but numbers turn up; keep them rather than drop them.
    if (it->is_number_integer() || it->is_number_unsigned())
        return it->dump();
    return {};
}

// 1.1's "authors" array wins over 1.0's single "author".
void readAuthor(const json& object, std::string& name, std::string* url)
{
    const json* author = nullptr;
    if (auto it = object.find("authors"); it != object.end() && it->is_array() && !it->empty())
        author = &it->front();
    else if (auto single = object.find("author"); single != object.end() && single->is_object())
        author = &*single;
    if (!author)
        return;
    name = HtmlText::collapseWhitespace(stringField(*author, "name"));
    if (url)
        *url = stringField(*author, "url");
}

std::optional<UnixTime> dateField(const json& object, const char* key)
{
    const std::string text = stringField(object, key);
    return text.empty() ? std::nullopt : DateParser::parse(text);
}

// Publishers write "version": "1.1", "https://jsonfeed.org/version/1/", or leave it out; like
// feedparser and gofeed we go by the shape: a title and a list of items is a feed.
bool looksLikeFeed(const json& doc)
{
    if (!doc.is_object())
        return false;
    const auto title = doc.find("title");
    const auto items = doc.find("items");
    return title != doc.end() && title->is_string() && items != doc.end() && items->is_array();
}

}  // namespace

JsonFeedParser::JsonFeedParser(const ParseOptions& options) : m_options(options) {}

Result<Feed> JsonFeedParser::parse(std::string_view utf8) const
{
    if (jsonNestsDeeperThan(utf8))
        return fail("not a feed: the JSON nests more than " + std::to_string(kMaxJsonNesting) + " levels deep");
    const json doc = json::parse(utf8.begin(), utf8.end(), nullptr, false);
    if (doc.is_discarded())
        return fail("not a feed: the document starts like JSON but is not valid JSON");
    const std::string version = stringField(doc, "version");
    if (version.find("jsonfeed.org/version/") == std::string::npos && !looksLikeFeed(doc))
        return fail("not a feed: JSON with neither a JSON Feed \"version\" (https://jsonfeed.org/version/1.1) nor a"
                    " \"title\" and an \"items\" list");

    Feed feed;
    feed.format = version.find("1.1") != std::string::npos ? "json11" : "json10";
    const std::string& base = m_options.documentUrl;
    feed.title = HtmlText::collapseWhitespace(stringField(doc, "title"));
    feed.subtitle = HtmlText::collapseWhitespace(stringField(doc, "description"));
    if (std::string home = stringField(doc, "home_page_url"); !home.empty())
        feed.link = UrlResolver::resolve(base, home);
    feed.language = stringField(doc, "language");
    readAuthor(doc, feed.author, nullptr);

    const auto items = doc.find("items");
    if (items == doc.end() || !items->is_array())
        return feed;
    for (const json& item : *items) {
        if (!item.is_object())
            continue;
        FeedEntry entry;
        entry.id = stringField(item, "id");
        std::string url = stringField(item, "url");
        if (url.empty())
            url = stringField(item, "external_url");
        if (!url.empty())
            entry.link = UrlResolver::resolve(base, url);
        entry.title = HtmlText::collapseWhitespace(stringField(item, "title"));
        entry.summary = HtmlText::collapseWhitespace(stringField(item, "summary"));
        if (std::string html = stringField(item, "content_html"); !html.empty()) {
            std::vector<std::string> hrefs;
            entry.content = HtmlText::toPlainText(html, hrefs);
            for (const std::string& href : hrefs) {
                std::string absolute = UrlResolver::resolve(entry.link.empty() ? base : entry.link, href);
                if (std::find(entry.htmlLinks.begin(), entry.htmlLinks.end(), absolute) == entry.htmlLinks.end())
                    entry.htmlLinks.push_back(std::move(absolute));
            }
        } else {
            entry.content = HtmlText::collapseWhitespace(stringField(item, "content_text"));
        }
        entry.published = dateField(item, "date_published");
        entry.updated = dateField(item, "date_modified");
        std::string authorUrl;
        readAuthor(item, entry.author, &authorUrl);
        if (entry.author.empty())
            entry.author = feed.author;
        if (!authorUrl.empty())
            entry.authorUrl = UrlResolver::resolve(base, authorUrl);
        if (auto tags = item.find("tags"); tags != item.end() && tags->is_array())
            for (const json& tag : *tags)
                if (tag.is_string())
                    entry.categories.push_back(tag.get<std::string>());
        feed.entries.push_back(std::move(entry));
    }
    return feed;
}

}  // namespace earshot::feeds
