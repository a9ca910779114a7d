#include "earshot/feeds/HtmlText.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "earshot/feeds/HtmlEntities.h"
#include "earshot/feeds/Utf8.h"

namespace earshot::feeds {

namespace {

// Byte classes, looked up rather than compared: every byte of every snippet passes here.
enum ByteClass : std::uint8_t { kPlain = 0, kSpace = 1, kMarkup = 2 };

constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
    std::array<std::uint8_t, 256> classes{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'})
        classes[c] = kSpace;
    classes[static_cast<unsigned char>('<')] = kMarkup;
    classes[static_cast<unsigned char>('&')] = kMarkup;
    return classes;
}();

bool isSpace(char c) { return kByteClasses[static_cast<unsigned char>(c)] == kSpace; }
bool isMarkup(char c) { return kByteClasses[static_cast<unsigned char>(c)] == kMarkup; }

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isAlnum(char c)
{
    return isAlpha(c) || (c >= '0' && c <= '9');
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

bool equalsLower(std::string_view name, std::string_view lowerWord)
{
    if (name.size() != lowerWord.size())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (lower(name[i]) != lowerWord[i])
            return false;
    return true;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

bool isOneOf(std::string_view name, std::initializer_list<std::string_view> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return equalsLower(name, w); });
}

// Elements whose whole body is not text a reader sees.
bool isSkippedElement(std::string_view name)
{
    return isOneOf(name, {"script", "style", "iframe", "object", "embed", "noscript",
                          "template", "applet"});
}

// Their bodies are raw text in HTML: a '<' inside does not open a tag.
bool isRawTextElement(std::string_view name)
{
    return isOneOf(name, {"script", "style"});
}

// HTML void elements never have a body, even when written without "/>".
bool isVoidElement(std::string_view name)
{
    return isOneOf(name, {"embed"});
}

// Tags that separate words when rendered, so "a<br>b" reads "a b", not "ab".
bool isBreakingElement(std::string_view name)
{
    return isOneOf(name, {"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4",
                          "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "blockquote",
                          "pre", "hr", "section", "article", "header", "footer", "figcaption"});
}

bool carriesHref(std::string_view name)
{
    return isOneOf(name, {"a", "area", "link"});
}

// The code points HTML substitutes for numeric references into the C1 range, where
// authors meant windows-1252 (&#146; is a right single quote).
char32_t fixNumericReference(std::uint32_t value)
{
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0xFFFD;
    if (value >= 0x80 && value < 0xA0)
        return windows1252CodePoint(std::uint8_t(value));
    return char32_t(value);
}

// Decodes the reference starting at text[i] == '&'. On success appends the text and
// returns the index after the reference; otherwise returns i.
std::size_t decodeReference(std::string_view text, std::size_t i, std::string& out)
{
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '#') {
        ++j;
        const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
        if (hex)
            ++j;
        const std::size_t digitsStart = j;
        std::uint32_t value = 0;
        for (; j < text.size(); ++j) {
            const char c = text[j];
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                break;
            // Saturate: anything past U+10FFFF becomes U+FFFD anyway.
            value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + std::uint32_t(digit), 0x110000);
        }
        if (j == digitsStart)
            return i;
        if (j < text.size() && text[j] == ';')
            ++j;
        appendUtf8(out, fixNumericReference(value));
        return j;
    }
    std::size_t nameEnd = j;
    while (nameEnd < text.size() && isAlnum(text[nameEnd]) && nameEnd - j < 40)
        ++nameEnd;
    if (nameEnd == j)
        return i;
    if (nameEnd < text.size() && text[nameEnd] == ';') {
        if (const HtmlEntity* e = findHtmlEntity(text.substr(j, nameEnd - j))) {
            out.append(e->text);
            return nameEnd + 1;
        }
    }
    if (const HtmlEntity* e = findLegacyHtmlEntityPrefix(text.substr(j, nameEnd - j))) {
        out.append(e->text);
        return j + e->name.size();
    }
    return i;
}

// Appends text with white space collapsed; `pendingSpace` carries a run across calls.
class TextSink {
public:
    explicit TextSink(std::string& out) : m_out(out) {}

    // A run of white space becomes one pending space; words with single spaces between
    // them, already collapsed, are copied whole.
    void append(std::string_view text)
    {
        const std::size_t n = text.size();
        std::size_t i = 0;
        while (i < n) {
            if (isSpace(text[i])) {
                m_pendingSpace = true;
                while (++i < n && isSpace(text[i])) {
                }
                continue;
            }
            const std::size_t word = i;
            for (;;) {
                while (++i < n && !isSpace(text[i])) {
                }
                if (!(i + 1 < n && text[i] == ' ' && !isSpace(text[i + 1])))
                    break;
                ++i;
            }
            if (m_pendingSpace && !m_out.empty())
                m_out.push_back(' ');
            m_pendingSpace = false;
            m_out.append(text.data() + word, i - word);
        }
    }

    void appendChar(char c)
    {
        if (isSpace(c)) {
            m_pendingSpace = true;
            return;
        }
        if (m_pendingSpace && !m_out.empty())
            m_out.push_back(' ');
        m_pendingSpace = false;
        m_out.push_back(c);
    }

    void breakWord() { m_pendingSpace = true; }

private:
    std::string& m_out;
    bool m_pendingSpace = false;
};

struct Tag {
    std::string_view name;
    bool closing = false;
    bool selfClosing = false;
    std::size_t end = 0;  // index after '>'
};

// Parses "<name attrs...>" or "</name ...>" at html[i] == '<'. Quotes in attribute values
// may contain '>'. When `hrefOut` is given, the decoded href attribute lands there.
bool parseTag(std::string_view html, std::size_t i, Tag& tag, std::string* hrefOut)
{
    std::size_t j = i + 1;
    if (j < html.size() && html[j] == '/') {
        tag.closing = true;
        ++j;
    }
    if (j >= html.size() || !isAlpha(html[j]))
        return false;
    const std::size_t nameStart = j;
    while (j < html.size() && !isSpace(html[j]) && html[j] != '/' && html[j] != '>')
        ++j;
    tag.name = html.substr(nameStart, j - nameStart);
    // Attributes.
    while (j < html.size()) {
        const char c = html[j];
        if (c == '>') {
            tag.end = j + 1;
            tag.selfClosing = j > 0 && html[j - 1] == '/';
            return true;
        }
        if (isSpace(c) || c == '/') {
            ++j;
            continue;
        }
        const std::size_t attrStart = j;
        while (j < html.size() && !isSpace(html[j]) && html[j] != '=' && html[j] != '>' &&
               !(html[j] == '/' && j + 1 < html.size() && html[j + 1] == '>'))
            ++j;
        const std::string_view attrName = html.substr(attrStart, j - attrStart);
        while (j < html.size() && isSpace(html[j]))
            ++j;
        if (j >= html.size() || html[j] != '=')
            continue;
        ++j;
        while (j < html.size() && isSpace(html[j]))
            ++j;
        std::string_view value;
        if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
            const char quote = html[j];
            const std::size_t close = html.find(quote, j + 1);
            if (close == std::string_view::npos)
                return false;
            value = html.substr(j + 1, close - j - 1);
            j = close + 1;
        } else {
            const std::size_t valueStart = j;
            while (j < html.size() && !isSpace(html[j]) && html[j] != '>')
                ++j;
            value = html.substr(valueStart, j - valueStart);
        }
        if (hrefOut && hrefOut->empty() && equalsLower(attrName, "href"))
            *hrefOut = HtmlText::collapseWhitespace(HtmlText::decodeEntities(value));
    }
    return false;
}

// Case-insensitive search for "</name" from `from`; npos when absent.
std::size_t findEndTag(std::string_view html, std::size_t from, std::string_view name)
{
    for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
        if (i + 2 + name.size() <= html.size() && equalsIgnoreCase(html.substr(i + 2, name.size()), name) &&
            (i + 2 + name.size() == html.size() || !isAlnum(html[i + 2 + name.size()])))
            return i;
    }
    return std::string_view::npos;
}

}  // namespace

std::string HtmlText::toPlainText(std::string_view html)
{
    return convert(html, nullptr);
}

std::string HtmlText::toPlainText(std::string_view html, std::vector<std::string>& hrefs)
{
    return convert(html, &hrefs);
}

std::string HtmlText::convert(std::string_view html, std::vector<std::string>* hrefs)
{
    std::string out;
    out.reserve(html.size());
    TextSink sink(out);
    int skipDepth = 0;
    std::size_t i = 0;
    const std::size_t n = html.size();
    while (i < n) {
        // Copy the run of ordinary text up to the next markup character in one go.
        std::size_t runEnd = i;
        while (runEnd < n && !isMarkup(html[runEnd]))
            ++runEnd;
        if (runEnd > i) {
            if (skipDepth == 0)
                sink.append(html.substr(i, runEnd - i));
            i = runEnd;
            continue;
        }
        if (html[i] == '&') {
            std::string decoded;
            const std::size_t next = decodeReference(html, i, decoded);
            if (next == i) {
                if (skipDepth == 0)
                    sink.appendChar('&');
                ++i;
            } else {
                if (skipDepth == 0)
                    sink.append(decoded);
                i = next;
            }
            continue;
        }
        // html[i] == '<'
        const bool bang = i + 1 < n && html[i + 1] == '!';
        if (bang && html.compare(i, 4, "<!--") == 0) {
            const std::size_t close = html.find("-->", i + 4);
            i = close == std::string_view::npos ? n : close + 3;
            continue;
        }
        if (bang && html.compare(i, 9, "<![CDATA[") == 0) {
            const std::size_t close = html.find("]]>", i + 9);
            i = close == std::string_view::npos ? n : close + 3;
            continue;
        }
        // <!DOCTYPE …> and <?pi …?> are markup; "<!'" or an unterminated one is text.
        const bool declaration = bang && i + 2 < n && isAlpha(html[i + 2]);
        const bool instruction = i + 1 < n && html[i + 1] == '?';
        if (declaration || instruction) {
            const std::size_t close = html.find('>', i + 2);
            if (close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        }
        Tag tag;
        std::string href;
        const bool wantHref = hrefs && skipDepth == 0;
        if ((declaration || instruction) || !parseTag(html, i, tag, wantHref ? &href : nullptr)) {
            // Not a tag ("a < b"), or one never closed: the '<' is text.
            if (skipDepth == 0)
                sink.appendChar('<');
            ++i;
            continue;
        }
        i = tag.end;
        if (isSkippedElement(tag.name)) {
            if (tag.closing) {
                skipDepth = std::max(0, skipDepth - 1);
            } else if (!tag.selfClosing && !isVoidElement(tag.name)) {
                if (isRawTextElement(tag.name)) {
                    const std::size_t close = findEndTag(html, i, tag.name);
                    if (close == std::string_view::npos) {
                        i = n;
                    } else {
                        const std::size_t gt = html.find('>', close);
                        i = gt == std::string_view::npos ? n : gt + 1;
                    }
                } else if (findEndTag(html, i, tag.name) != std::string_view::npos) {
                    ++skipDepth;
                }
                // An <object> or <iframe> never closed would swallow the rest of the
                // snippet; truncated and sloppy HTML is common in feeds, so only the tag
                // itself goes.
            }
            continue;
        }
        if (skipDepth > 0)
            continue;
        if (isBreakingElement(tag.name))
            sink.breakWord();
        if (wantHref && !tag.closing && !href.empty() && carriesHref(tag.name))
            hrefs->push_back(std::move(href));
    }
    return out;
}

std::string HtmlText::decodeEntities(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t amp = text.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, amp - i));
        const std::size_t next = decodeReference(text, amp, out);
        if (next == amp) {
            out.push_back('&');
            i = amp + 1;
        } else {
            i = next;
        }
    }
    return out;
}

std::string HtmlText::collapseWhitespace(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    TextSink sink(out);
    sink.append(text);
    return out;
}

}  // namespace earshot::feeds
