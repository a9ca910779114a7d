#include "XmlFeedParser.h"

#include <algorithm>

#include "PersonText.h"
#include "TextConstruct.h"
#include "XmlNodes.h"
#include "earshot/feeds/DateParser.h"
#include "earshot/feeds/HtmlText.h"
#include "earshot/feeds/UrlResolver.h"

namespace earshot::feeds {

namespace {

// A field several elements can fill: the lowest rank wins, the first among equals.
struct Pick {
    std::string value;
    int rank = 1000;

    bool wants(int r) const { return r < rank; }
    void offer(int r, std::string v)
    {
        if (r < rank && !v.empty()) {
            value = std::move(v);
            rank = r;
        }
    }
};

struct DatePick {
    std::optional<UnixTime> value;
    int rank = 1000;

    // Unlike text, a later date of the same rank overrides an earlier one (feeds that
    // repeat <updated> mean the last).
    void offer(int r, std::string_view text)
    {
        if (r > rank)
            return;
        if (auto parsed = DateParser::parse(text)) {
            value = parsed;
            rank = r;
        }
    }
};

// CDF and some hand-made feeds shout their element names.
std::string lowerName(std::string_view name)
{
    std::string out(name);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
    return out;
}

// The name itself when it is lower case already, as nearly all are; else a copy in `storage`.
std::string_view lowered(std::string_view name, std::string& storage)
{
    if (std::none_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return name;
    storage = lowerName(name);
    return storage;
}

std::string trimmed(std::string_view text)
{
    return HtmlText::collapseWhitespace(text);
}

bool isHtmlType(std::string_view type)
{
    return type.empty() || type == "text/html" || type == "application/xhtml+xml" || type == "html";
}

std::vector<const XmlNode*> childElements(const XmlNode* parent)
{
    std::vector<const XmlNode*> out;
    for (const XmlNode* child = parent->firstChild; child; child = child->next)
        if (XmlNodes::isElement(child))
            out.push_back(child);
    return out;
}

const XmlNode* firstChild(const XmlNode* parent, std::string_view name)
{
    for (const XmlNode* child = parent->firstChild; child; child = child->next)
        if (std::string storage; XmlNodes::isElement(child) && lowered(XmlNodes::localName(child), storage) == name &&
            XmlNodes::vocabulary(child) == Vocabulary::Core)
            return child;
    return nullptr;
}

// Atom-style <link rel href type>: rank of this link as "the" link, or -1 to ignore it.
int atomLinkRank(const XmlNode* link)
{
    const std::string rel = lowerName(XmlNodes::attribute(link, "rel"));
    const std::string type = lowerName(XmlNodes::attribute(link, "type"));
    if (!rel.empty() && rel != "alternate" && rel != "http://www.iana.org/assignments/relation/alternate")
        return -1;
    return isHtmlType(type) ? 0 : 5;
}

// Atom person construct: name, else email; uri (or 0.3's url) separately.
void readPerson(const XmlNode* person, std::string& display, std::string& url)
{
    std::string name;
    std::string email;
    for (const XmlNode* part : childElements(person)) {
        const std::string local = lowerName(XmlNodes::localName(part));
        if (local == "name" && name.empty())
            name = trimmed(XmlNodes::text(part));
        else if (local == "email" && email.empty())
            email = trimmed(XmlNodes::text(part));
        else if ((local == "uri" || local == "url") && url.empty())
            url = trimmed(XmlNodes::text(part));
    }
    if (name.empty() && email.empty()) {
        // RSS-style author text inside an element that merely looks like Atom.
        display = PersonText::display(trimmed(XmlNodes::text(person)));
        return;
    }
    display = name.empty() ? email : name;
}

void appendCommaSeparated(std::string_view list, std::vector<std::string>& out)
{
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        if (std::string term = trimmed(list.substr(start, comma - start)); !term.empty())
            out.push_back(std::move(term));
        start = comma + 1;
    }
}

// CDF writes HREF and LASTMOD in capitals.
std::string_view attributeAnyCase(const XmlNode* node, std::string_view lower, std::string_view upper)
{
    const std::string_view value = XmlNodes::attribute(node, lower);
    return value.empty() ? XmlNodes::attribute(node, upper) : value;
}

std::string normaliseLanguage(std::string_view language)
{
    std::string out = trimmed(language);
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

}  // namespace

XmlFeedParser::XmlFeedParser(const ParseOptions& options) : m_options(options) {}

std::string XmlFeedParser::detectFormat(const XmlNode* root)
{
    const std::string name = lowerName(XmlNodes::localName(root));
    const std::string_view uri = XmlNodes::namespaceUri(root);
    if (name == "rss") {
        const std::string_view version = XmlNodes::attribute(root, "version");
        if (version.substr(0, 2) == "0.")
            return "rss09x";
        return "rss20";
    }
    if (name == "rdf") {
        for (const XmlNode* child = root->firstChild; child; child = child->next)
            if (XmlNodes::isElement(child) &&
                XmlNodes::namespaceUri(child).find("netscape.com/rdf/simple/0.9") != std::string_view::npos)
                return "rss09x";
        return "rss10";
    }
    if (name == "feed") {
        if (uri == "http://www.w3.org/2005/Atom")
            return "atom10";
        return "atom03";
    }
    if (name == "channel")
        return "cdf";
    return {};
}

const std::string& XmlFeedParser::baseOf(const XmlNode* element, const std::string& parentBase,
                                         std::string& storage)
{
    const std::string_view base = XmlNodes::attribute(element, "base", true);
    if (base.empty())
        return parentBase;
    storage = UrlResolver::resolve(parentBase, base);
    return storage;
}

std::string XmlFeedParser::text(const XmlNode* element, std::vector<std::string>* hrefs) const
{
    return TextConstruct::plainText(element, hrefs);
}

Result<Feed> XmlFeedParser::parse(std::string_view utf8)
{
    auto tree = XmlTree::parse(utf8);
    if (!tree)
        return fail("not a feed: " + tree.message());
    const XmlNode* root = tree->root();
    Feed feed;
    feed.format = detectFormat(root);
    if (feed.format.empty()) {
        const std::string name = lowerName(XmlNodes::localName(root));
        if (name == "html" || name == "head" || name == "body")
            return fail("not a feed: this is an HTML page (a feed's address is usually in its "
                        "<link rel=\"alternate\"> tags)");
        return fail("not a feed: the root element is <" + std::string(XmlNodes::localName(root)) +
                    ">, not <rss>, <rdf:RDF> or <feed>");
    }

    std::string rootBaseStorage;
    const std::string& rootBase = baseOf(root, m_options.documentUrl, rootBaseStorage);
    const XmlNode* channel = feed.format == "atom10" || feed.format == "atom03" || feed.format == "cdf"
                                 ? root
                                 : firstChild(root, "channel");
    std::string channelBaseStorage;
    const std::string& channelBase = channel ? baseOf(channel, rootBase, channelBaseStorage) : rootBase;
    if (channel) {
        readChannel(channel, channelBase, feed);
        if (feed.language.empty())
            feed.language = normaliseLanguage(XmlNodes::attribute(channel, "lang", true));
    }
    if (feed.language.empty())
        feed.language = normaliseLanguage(XmlNodes::attribute(root, "lang", true));

    // Items live in the channel (RSS 2.0, CDF) or beside it (RSS 1.0, and some broken 2.0).
    const std::string_view itemName = feed.format.rfind("atom", 0) == 0 ? "entry" : "item";
    auto isItem = [&](const XmlNode* child) {
        std::string storage;
        return XmlNodes::isElement(child) && lowered(XmlNodes::localName(child), storage) == itemName &&
               XmlNodes::vocabulary(child) == Vocabulary::Core;
    };
    auto collect = [&](const XmlNode* parent, const std::string& base) {
        // Counted first: growing by doubling would hold a huge feed's entries one and a half times.
        std::size_t items = 0;
        for (const XmlNode* child = parent->firstChild; child; child = child->next)
            items += isItem(child) ? 1 : 0;
        feed.entries.reserve(feed.entries.size() + items);
        for (const XmlNode* child = parent->firstChild; child; child = child->next) {
            if (!isItem(child))
                continue;
            FeedEntry entry;
            readEntry(child, base, entry);
            feed.entries.push_back(std::move(entry));
        }
    };
    if (channel)
        collect(channel, channelBase);
    if (channel != root)
        collect(root, rootBase);
    return feed;
}

void XmlFeedParser::readChannel(const XmlNode* channel, const std::string& base, Feed& feed)
{
    Pick title, subtitle, link, language, author;
    DatePick updated;
    if (const std::string_view href = attributeAnyCase(channel, "href", "HREF"); !href.empty())
        link.offer(2, UrlResolver::resolve(base, href));  // CDF
    if (const std::string_view lastmod = attributeAnyCase(channel, "lastmod", "LASTMOD"); !lastmod.empty())
        updated.offer(2, lastmod);

    for (const XmlNode* child = channel->firstChild; child; child = child->next) {
        if (!XmlNodes::isElement(child))
            continue;
        const Vocabulary vocabulary = XmlNodes::vocabulary(child);
        std::string nameStorage;
        const std::string_view name = lowered(XmlNodes::localName(child), nameStorage);
        std::string childBaseStorage;
        const std::string& childBase = baseOf(child, base, childBaseStorage);
        switch (vocabulary) {
        case Vocabulary::Core:
            if (name == "title" && title.wants(0)) {
                title.offer(0, text(child));
            } else if ((name == "subtitle" || name == "tagline" || name == "description") && subtitle.wants(0)) {
                subtitle.offer(0, text(child));
            } else if (name == "abstract" && subtitle.wants(1)) {
                subtitle.offer(1, text(child));
            } else if (name == "link") {
                if (const std::string_view href = XmlNodes::attribute(child, "href"); !href.empty()) {
                    const int rank = atomLinkRank(child);
                    if (rank >= 0 && link.wants(rank))
                        link.offer(rank, UrlResolver::resolve(childBase, href));
                } else if (link.wants(0)) {
                    link.offer(0, UrlResolver::resolve(childBase, trimmed(XmlNodes::text(child))));
                }
            } else if (name == "language" && language.wants(0)) {
                language.offer(0, normaliseLanguage(XmlNodes::text(child)));
            } else if (name == "author" && author.wants(0)) {
                std::string display;
                std::string url;
                readPerson(child, display, url);
                author.offer(0, display);
            } else if (name == "managingeditor" && author.wants(1)) {
                author.offer(1, PersonText::display(XmlNodes::text(child)));
            } else if (name == "webmaster" && author.wants(4)) {
                author.offer(4, PersonText::display(XmlNodes::text(child)));
            } else if (name == "updated" || name == "modified" || name == "lastbuilddate" || name == "lastmod") {
                updated.offer(0, XmlNodes::text(child));
            } else if (name == "pubdate" || name == "published" || name == "issued") {
                updated.offer(5, XmlNodes::text(child));
            }
            break;
        case Vocabulary::Dc:
            if (name == "title" && title.wants(1))
                title.offer(1, text(child));
            else if (name == "description" && subtitle.wants(1))
                subtitle.offer(1, text(child));
            else if (name == "language" && language.wants(1))
                language.offer(1, normaliseLanguage(XmlNodes::text(child)));
            else if ((name == "creator" || name == "author") && author.wants(2))
                author.offer(2, PersonText::display(XmlNodes::text(child)));
            else if (name == "publisher" && author.wants(5))
                author.offer(5, PersonText::display(XmlNodes::text(child)));
            else if (name == "date")
                updated.offer(1, XmlNodes::text(child));
            break;
        case Vocabulary::Dcterms:
            if (name == "modified")
                updated.offer(1, XmlNodes::text(child));
            else if (name == "issued" || name == "created")
                updated.offer(6, XmlNodes::text(child));
            break;
        case Vocabulary::Itunes:
            if (name == "subtitle" && subtitle.wants(2))
                subtitle.offer(2, text(child));
            else if (name == "summary" && subtitle.wants(3))
                subtitle.offer(3, text(child));
            else if (name == "author" && author.wants(3))
                author.offer(3, PersonText::display(XmlNodes::text(child)));
            break;
        default:
            break;
        }
    }
    feed.title = std::move(title.value);
    feed.subtitle = std::move(subtitle.value);
    feed.link = std::move(link.value);
    feed.language = std::move(language.value);
    feed.author = std::move(author.value);
    feed.updated = updated.value;
}

void XmlFeedParser::readEntry(const XmlNode* item, const std::string& parentBase, FeedEntry& entry)
{
    std::string baseStorage;
    const std::string& base = baseOf(item, parentBase, baseStorage);
    Pick title, link, id, author, authorUrl, summary, content, inReplyTo;
    DatePick published, updated;
    std::string permalink;
    std::vector<std::pair<std::string, std::string>> hrefs;  // (href, base)

    if (const std::string_view href = attributeAnyCase(item, "href", "HREF"); !href.empty())
        link.offer(2, UrlResolver::resolve(base, href));  // CDF
    if (const std::string_view lastmod = attributeAnyCase(item, "lastmod", "LASTMOD"); !lastmod.empty())
        updated.offer(2, lastmod);
    if (const std::string_view about = XmlNodes::attribute(item, "about"); !about.empty())
        id.offer(3, std::string(about));  // RDF item's rdf:about

    auto readHtml = [&](Pick& pick, int rank, const XmlNode* node, const std::string& nodeBase) {
        if (!pick.wants(rank))
            return;
        std::vector<std::string> found;
        pick.offer(rank, text(node, &found));
        for (std::string& href : found)
            hrefs.emplace_back(std::move(href), nodeBase);
    };

    // media:group wraps the same elements as an item; read its children in place.
    std::vector<const XmlNode*> children = childElements(item);
    for (std::size_t i = 0; i < children.size(); ++i) {
        const XmlNode* child = children[i];
        const Vocabulary vocabulary = XmlNodes::vocabulary(child);
        std::string nameStorage;
        const std::string_view name = lowered(XmlNodes::localName(child), nameStorage);
        std::string childBaseStorage;
        const std::string& childBase = baseOf(child, base, childBaseStorage);
        switch (vocabulary) {
        case Vocabulary::Core:
            if (name == "title" && title.wants(0)) {
                title.offer(0, text(child));
            } else if (name == "link") {
                if (const std::string_view href = XmlNodes::attribute(child, "href"); !href.empty()) {
                    const int rank = atomLinkRank(child);
                    if (rank >= 0 && link.wants(rank))
                        link.offer(rank, UrlResolver::resolve(childBase, href));
                } else if (link.wants(0)) {
                    link.offer(0, UrlResolver::resolve(childBase, trimmed(XmlNodes::text(child))));
                }
            } else if ((name == "id" || name == "guid") && id.wants(0)) {
                id.offer(0, trimmed(XmlNodes::text(child)));
                if (name == "guid" && lowerName(XmlNodes::attribute(child, "ispermalink")) != "false")
                    permalink = UrlResolver::resolve(childBase, trimmed(XmlNodes::text(child)));
            } else if (name == "description" || name == "summary") {
                // RSS items with both: the second is the fuller text.
                if (summary.rank == 0)
                    readHtml(content, 3, child, childBase);
                else
                    readHtml(summary, 0, child, childBase);
            } else if (name == "abstract") {
                readHtml(summary, 1, child, childBase);
            } else if (name == "content" || name == "fullitem") {
                readHtml(content, 0, child, childBase);
            } else if (name == "body") {
                readHtml(content, 2, child, childBase);
            } else if (name == "tags") {
                appendCommaSeparated(XmlNodes::text(child), entry.categories);
            } else if (name == "author" && author.wants(0)) {
                std::string display;
                std::string url;
                readPerson(child, display, url);
                author.offer(0, display);
                if (!url.empty())
                    authorUrl.offer(0, UrlResolver::resolve(childBase, url));
            } else if (name == "pubdate" || name == "published" || name == "issued") {
                published.offer(0, XmlNodes::text(child));
            } else if (name == "updated" || name == "modified" || name == "lastmod") {
                updated.offer(0, XmlNodes::text(child));
            } else if (name == "category") {
                std::string term = trimmed(XmlNodes::attribute(child, "term"));
                if (term.empty())
                    term = trimmed(XmlNodes::text(child));
                if (!term.empty())
                    entry.categories.push_back(std::move(term));
            }
            break;
        case Vocabulary::Dc:
            if (name == "title" && title.wants(1)) {
                title.offer(1, text(child));
            } else if (name == "description") {
                readHtml(summary, 2, child, childBase);
            } else if ((name == "creator" || name == "author") && author.wants(1)) {
                author.offer(1, PersonText::display(XmlNodes::text(child)));
            } else if (name == "date") {
                updated.offer(1, XmlNodes::text(child));
            } else if (name == "subject") {
                if (std::string term = trimmed(XmlNodes::text(child)); !term.empty())
                    entry.categories.push_back(std::move(term));
            } else if (name == "identifier" && id.wants(2)) {
                id.offer(2, trimmed(XmlNodes::text(child)));
            }
            break;
        case Vocabulary::Dcterms:
            if (name == "modified")
                updated.offer(1, XmlNodes::text(child));
            else if (name == "issued" || name == "created")
                published.offer(1, XmlNodes::text(child));
            break;
        case Vocabulary::Content:
            if (name == "encoded")
                readHtml(content, 1, child, childBase);
            break;
        case Vocabulary::Xhtml:
            if (name == "body" || name == "div")
                readHtml(content, 2, child, childBase);
            break;
        case Vocabulary::Itunes:
            if (name == "summary") {
                readHtml(summary, 3, child, childBase);
            } else if (name == "subtitle") {
                readHtml(summary, 4, child, childBase);
            } else if (name == "author" && author.wants(2)) {
                author.offer(2, PersonText::display(XmlNodes::text(child)));
            } else if (name == "category") {
                if (std::string term = trimmed(XmlNodes::attribute(child, "text")); !term.empty())
                    entry.categories.push_back(std::move(term));
            } else if (name == "keywords") {
                appendCommaSeparated(XmlNodes::text(child), entry.categories);
            }
            break;
        case Vocabulary::Media:
            if (name == "group") {
                const std::vector<const XmlNode*> inner = childElements(child);
                children.insert(children.begin() + std::ptrdiff_t(i) + 1, inner.begin(), inner.end());
            } else if (name == "title" && title.wants(2)) {
                title.offer(2, text(child));
            } else if (name == "description") {
                readHtml(summary, 5, child, childBase);
            } else if (name == "category") {
                if (std::string term = trimmed(XmlNodes::text(child)); !term.empty())
                    entry.categories.push_back(std::move(term));
            }
            break;
        case Vocabulary::Thread:
            if (name == "in-reply-to" && inReplyTo.wants(0))
                inReplyTo.offer(0, trimmed(XmlNodes::attribute(child, "ref")));
            break;
        default:
            break;
        }
    }

    if (!permalink.empty() && link.wants(1))
        link.offer(1, permalink);
    entry.title = std::move(title.value);
    entry.link = std::move(link.value);
    entry.id = std::move(id.value);
    entry.author = std::move(author.value);
    entry.authorUrl = std::move(authorUrl.value);
    // As in most readers, an entry without a summary is summarised by its content.
    if (summary.value.empty())
        summary.value = content.value;
    entry.summary = std::move(summary.value);
    entry.content = std::move(content.value);
    entry.inReplyTo = std::move(inReplyTo.value);
    entry.published = published.value;
    entry.updated = updated.value;
    for (auto& [href, hrefBase] : hrefs) {
        std::string absolute = UrlResolver::resolve(hrefBase, href);
        if (std::find(entry.htmlLinks.begin(), entry.htmlLinks.end(), absolute) == entry.htmlLinks.end())
            entry.htmlLinks.push_back(std::move(absolute));
    }
}

}  // namespace earshot::feeds
