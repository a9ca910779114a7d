#include "XmlTree.h"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "XmlRepair.h"
#include "earshot/feeds/Utf8.h"

namespace earshot::feeds {

// --- the tree's arenas ------------------------------------------------------------------------

template <class T>
T* XmlTree::Arena<T>::allocate(std::size_t count)
{
    constexpr std::size_t kChunk = sizeof(T) == 1 ? 64 * 1024 : 256;
    if (m_chunks.empty() || m_used + count > m_capacity) {
        m_capacity = std::max(kChunk, count);
        // Default-initialised: characters are not zeroed only to be overwritten.
        m_chunks.push_back(std::unique_ptr<T[]>(new T[m_capacity]));
        m_used = 0;
    }
    T* run = m_chunks.back().get() + m_used;
    m_used += count;
    return run;
}

XmlNode& XmlTree::newNode(XmlNode::Kind kind)
{
    XmlNode& node = *m_nodes.allocate(1);
    node.kind = kind;
    return node;
}

XmlAttribute* XmlTree::newAttributes(std::size_t count)
{
    return count ? m_attributes.allocate(count) : nullptr;
}

std::string_view XmlTree::keep(std::string_view text)
{
    if (text.empty())
        return {};
    char* copy = m_chars.allocate(text.size());
    std::memcpy(copy, text.data(), text.size());
    return {copy, text.size()};
}

Result<XmlTree> XmlTree::parse(std::string_view utf8)
{
    if (std::optional<XmlTree> tree = parseWellFormed(utf8))
        return std::move(*tree);
    // The strict reader declines whatever XmlRepair mends, so only this path needs it;
    // the liberal tree copies its text and does not outlive `repaired`'s use.
    const std::optional<std::string> repaired = XmlRepair::escapeBareAmpersands(utf8);
    return parseLiberally(repaired ? std::string_view(*repaired) : utf8);
}

// --- vocabularies -----------------------------------------------------------------------------

namespace {

struct KnownNamespace {
    std::string_view uri;
    Vocabulary vocabulary;
};

// Trailing slashes and case vary in the wild, so URIs are compared loosely below.
constexpr KnownNamespace kNamespaces[] = {
    {"http://www.w3.org/2005/atom", Vocabulary::Core},
    {"http://purl.org/atom/ns#", Vocabulary::Core},
    {"http://purl.org/rss/1.0/", Vocabulary::Core},
    {"http://my.netscape.com/rdf/simple/0.9/", Vocabulary::Core},
    {"http://backend.userland.com/rss2", Vocabulary::Core},
    {"http://backend.userland.com/rss", Vocabulary::Core},
    {"http://blogs.law.harvard.edu/tech/rss", Vocabulary::Core},
    {"http://purl.org/net/rss1.1#", Vocabulary::Core},
    {"http://purl.org/dc/elements/1.1/", Vocabulary::Dc},
    {"http://purl.org/dc/elements/1.0/", Vocabulary::Dc},
    {"http://purl.org/dc/terms/", Vocabulary::Dcterms},
    {"http://purl.org/rss/1.0/modules/content/", Vocabulary::Content},
    {"http://www.w3.org/1999/xhtml", Vocabulary::Xhtml},
    {"http://www.itunes.com/dtds/podcast-1.0.dtd", Vocabulary::Itunes},
    {"http://search.yahoo.com/mrss/", Vocabulary::Media},
    {"http://search.yahoo.com/mrss", Vocabulary::Media},
    {"http://purl.org/syndication/thread/1.0", Vocabulary::Thread},
    {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Vocabulary::Rdf},
};

// Prefixes used without declaring them: recover mode keeps "dc:creator" as the name.
constexpr KnownNamespace kPrefixes[] = {
    {"dc", Vocabulary::Dc},           {"dcterms", Vocabulary::Dcterms},
    {"content", Vocabulary::Content}, {"xhtml", Vocabulary::Xhtml},
    {"itunes", Vocabulary::Itunes},   {"media", Vocabulary::Media},
    {"thr", Vocabulary::Thread},      {"rdf", Vocabulary::Rdf},
    {"atom", Vocabulary::Core},
};

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = char(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

}  // namespace

Vocabulary vocabularyOf(std::string_view namespaceUri, std::string_view prefix, bool hasNamespace)
{
    if (!hasNamespace) {
        if (prefix.empty())
            return Vocabulary::Core;
        for (const auto& [known, vocabulary] : kPrefixes)
            if (equalsIgnoreCase(prefix, known))
                return vocabulary;
        return Vocabulary::Other;
    }
    for (const auto& [known, vocabulary] : kNamespaces)
        if (equalsIgnoreCase(namespaceUri, known))
            return vocabulary;
    if (namespaceUri.find("itunes.com/dtds/podcast") != std::string_view::npos)
        return Vocabulary::Itunes;
    // An unknown default namespace is usually a home-made RSS namespace; an unknown
    // prefixed one is an extension we do not read.
    return prefix.empty() ? Vocabulary::Core : Vocabulary::Other;
}

// --- the strict reader ------------------------------------------------------------------------

namespace {

constexpr std::size_t kMaxDepth = 256;  // libxml2's own limit without XML_PARSE_HUGE

struct HtmlName {
    std::string_view name;
    std::string_view text;
};

// HTML 4's entities, which feeds use without declaring them (the liberal reader answers
// libxml2's questions about unknown entities from the same list).
constexpr HtmlName kHtml4Entities[] = {
#include "XmlHtmlEntityNames.inc"
};

enum CharClass : unsigned char { Plain = 0, NameStart = 1, NameChar = 2, TextStop = 4, ValueStop = 8 };

constexpr std::array<unsigned char, 256> kClasses = [] {
    std::array<unsigned char, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        // ASCII names only: XML's rules for the rest are libxml2's to apply.
        const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (start)
            classes[c] |= NameStart | NameChar;
        if ((c >= '0' && c <= '9') || c == '-' || c == '.')
            classes[c] |= NameChar;
        // Characters XML forbids, and the ones each scan must look at.
        if (c < 0x20 && c != '\t' && c != '\n')
            classes[c] |= TextStop | ValueStop;
        if (c == '<' || c == '&' || c == ']' || c == 0xEF)
            classes[c] |= TextStop;
        if (c == '<' || c == '&' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == 0xEF)
            classes[c] |= ValueStop;
    }
    return classes;
}();

bool is(char c, CharClass cls)
{
    return (kClasses[static_cast<unsigned char>(c)] & cls) != 0;
}

// Index of the first byte at or after `from` that plain text cannot pass without a look:
// markup, a reference, "]]>", U+FFFE/F, a control character. 16 bytes at a time where
// SSE2 is there (every x86-64), since most of a feed's bytes are text.
std::size_t findTextStop(std::string_view doc, std::size_t from)
{
    std::size_t p = from;
#if defined(__SSE2__)
    const __m128i lt = _mm_set1_epi8('<');
    const __m128i amp = _mm_set1_epi8('&');
    const __m128i bracket = _mm_set1_epi8(']');
    const __m128i lead = _mm_set1_epi8(char(0xEF));
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i lastControl = _mm_set1_epi8(0x1F);
    for (; p + 16 <= doc.size(); p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(doc.data() + p));
        const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, lastControl), lastControl);
        const __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, newline));
        const __m128i stop = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, bracket), _mm_cmpeq_epi8(v, lead)),
                         _mm_andnot_si128(allowed, control)));
        if (const int mask = _mm_movemask_epi8(stop))
            return p + std::size_t(__builtin_ctz(unsigned(mask)));
    }
#endif
    while (p < doc.size() && !is(doc[p], TextStop))
        ++p;
    return p;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isXmlChar(std::uint32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

std::string_view predefinedEntity(std::string_view name)
{
    if (name == "amp")
        return "&";
    if (name == "lt")
        return "<";
    if (name == "gt")
        return ">";
    if (name == "quot")
        return "\"";
    if (name == "apos")
        return "'";
    return {};
}

std::string_view html4Entity(std::string_view name)
{
    auto it = std::lower_bound(std::begin(kHtml4Entities), std::end(kHtml4Entities), name,
                               [](const HtmlName& e, std::string_view n) { return e.name < n; });
    return it != std::end(kHtml4Entities) && it->name == name ? it->text : std::string_view();
}

// Reads a document that is well-formed XML in UTF-8 into an XmlTree, or declines (returns
// false) at the first thing it does not handle exactly as libxml2 would: a DOCTYPE with
// an internal subset, an entity that is neither XML's, numeric nor HTML 4's, an undeclared
// prefix, a mismatched tag, a forbidden character.
class WellFormedReader {
public:
    WellFormedReader(std::string_view doc, XmlTree& tree) : m_doc(doc), m_tree(tree) {}

    bool read()
    {
        if (m_doc.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3;
        if (!readProlog())
            return false;
        while (m_pos + 1 < m_doc.size()) {
            bool ok = true;
            if (m_doc[m_pos] != '<')
                ok = readText();
            else if (m_doc[m_pos + 1] == '/')
                ok = readEndTag();
            else if (m_doc[m_pos + 1] == '?')
                ok = skipProcessingInstruction();
            else if (startsWith("<!--"))
                ok = skipComment();
            else if (startsWith("<![CDATA["))
                ok = readCdata();
            else
                ok = readStartTag();
            if (!ok)
                return false;
            if (m_open.empty())
                return true;  // what follows the root is not read, as in libxml2
        }
        return false;  // elements left open
    }

private:
    struct Namespace {
        std::string_view prefix;  // empty: the default namespace
        std::string_view uri;     // empty: undeclared ("xmlns=''")
        Vocabulary vocabulary;
    };
    struct Open {
        XmlNode* element;
        XmlNode* lastChild;
        std::size_t namespaceMark;
    };
    struct RawAttribute {
        std::string_view name;
        std::string_view value;
    };

    bool startsWith(std::string_view prefix) const { return m_doc.compare(m_pos, prefix.size(), prefix) == 0; }

    void skipSpaces(std::size_t& p) const
    {
        while (p < m_doc.size() && isSpace(m_doc[p]))
            ++p;
    }

    std::string_view readName(std::size_t& p) const
    {
        const std::size_t start = p;
        if (p >= m_doc.size() || !is(m_doc[p], NameStart))
            return {};
        while (p < m_doc.size() && is(m_doc[p], NameChar))
            ++p;
        return m_doc.substr(start, p - start);
    }

    // Before the root element: the XML declaration, comments, processing instructions and
    // a DOCTYPE that only names an external DTD (never fetched, so it declares nothing).
    bool readProlog()
    {
        for (;;) {
            skipSpaces(m_pos);
            if (startsWith("<?")) {
                if (!skipProcessingInstruction())
                    return false;
            } else if (startsWith("<!--")) {
                if (!skipComment())
                    return false;
            } else if (startsWith("<!DOCTYPE")) {
                if (m_sawDoctype || !skipExternalDoctype())
                    return false;  // a second DOCTYPE is an error libxml2 does not read past
                m_sawDoctype = true;
            } else {
                return startsWith("<") && m_pos + 1 < m_doc.size() && is(m_doc[m_pos + 1], NameStart);
            }
        }
    }

    bool skipExternalDoctype()
    {
        char quote = 0;
        for (std::size_t p = m_pos; p < m_doc.size(); ++p) {
            const char c = m_doc[p];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || (c == '<' && p != m_pos)) {
                return false;  // an internal subset may declare entities: libxml2 reads it
            } else if (c == '>') {
                m_pos = p + 1;
                return true;
            }
        }
        return false;
    }

    // Whether [from, to) holds only characters XML allows (libxml2 recovers from the others
    // in ways of its own).
    bool allXmlChars(std::size_t from, std::size_t to) const
    {
        for (std::size_t p = from; p < to; ++p) {
            const auto c = static_cast<unsigned char>(m_doc[p]);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c == 0xEF && isNonCharacterAt(p)))
                return false;
        }
        return true;
    }

    bool skipProcessingInstruction()
    {
        const std::size_t end = m_doc.find("?>", m_pos + 2);
        if (end == std::string_view::npos || !allXmlChars(m_pos, end))
            return false;
        m_pos = end + 2;
        return true;
    }

    bool skipComment()
    {
        const std::size_t dashes = m_doc.find("--", m_pos + 4);
        if (dashes == std::string_view::npos || m_doc.compare(dashes, 3, "-->") != 0 || !allXmlChars(m_pos, dashes))
            return false;  // "--" inside a comment is an error libxml2 recovers from its own way
        m_pos = dashes + 3;
        return true;
    }

    // --- character data, merged into one text node per run between elements ---

    // `transient`: the piece does not live as long as the document (a decoded character
    // reference), so it cannot be kept as a view.
    void appendText(std::string_view piece, bool transient = false)
    {
        if (piece.empty())
            return;
        if (!m_hasText) {
            m_hasText = true;
            m_textBuffered = transient;
            if (transient)
                m_textBuffer.assign(piece);
            else
                m_textView = piece;
            return;
        }
        if (!m_textBuffered) {
            m_textBuffer.assign(m_textView);
            m_textBuffered = true;
        }
        m_textBuffer.append(piece);
    }

    void flushText()
    {
        if (!m_hasText)
            return;
        m_hasText = false;
        if (m_open.empty())
            return;  // white space around the root
        XmlNode& node = m_tree.newNode(XmlNode::Kind::Text);
        node.text = m_textBuffered ? m_tree.keep(m_textBuffer) : m_textView;
        attach(node);
    }

    void attach(XmlNode& node)
    {
        Open& parent = m_open.back();
        if (parent.lastChild)
            parent.lastChild->next = &node;
        else
            parent.element->firstChild = &node;
        parent.lastChild = &node;
    }

    // U+FFFE and U+FFFF are not XML characters; every other valid UTF-8 sequence is.
    bool isNonCharacterAt(std::size_t p) const
    {
        return m_doc.compare(p, 3, "\xEF\xBF\xBE") == 0 || m_doc.compare(p, 3, "\xEF\xBF\xBF") == 0;
    }

    bool readText()
    {
        if (m_open.empty())
            return false;  // text outside the root element
        std::size_t start = m_pos;
        std::size_t p = m_pos;
        const std::size_t size = m_doc.size();
        for (;;) {
            p = findTextStop(m_doc, p);
            if (p >= size || m_doc[p] == '<') {
                appendText(m_doc.substr(start, p - start));
                m_pos = p;
                return true;
            }
            const char c = m_doc[p];
            if (c == ']') {
                if (m_doc.compare(p, 3, "]]>") == 0)
                    return false;
                ++p;
            } else if (static_cast<unsigned char>(c) == 0xEF) {
                if (isNonCharacterAt(p))
                    return false;
                ++p;
            } else if (c == '&') {
                appendText(m_doc.substr(start, p - start));
                std::string_view replacement;
                if (!readReference(p, replacement))
                    return false;
                appendText(replacement, replacement.data() == m_reference.data());
                start = p;
            } else if (c == '\r') {
                appendText(m_doc.substr(start, p - start));
                appendText("\n");
                p += m_doc.compare(p, 2, "\r\n") == 0 ? 2 : 1;
                start = p;
            } else {
                return false;  // a control character
            }
        }
    }

    bool readCdata()
    {
        const std::size_t begin = m_pos + 9;
        const std::size_t end = m_doc.find("]]>", begin);
        if (end == std::string_view::npos || m_open.empty())
            return false;
        std::string_view content = m_doc.substr(begin, end - begin);
        for (std::size_t i = 0; i < content.size(); ++i) {
            const char c = content[i];
            if (is(c, TextStop) && c != '<' && c != '&' && c != ']' &&
                !(static_cast<unsigned char>(c) == 0xEF && !isNonCharacterAt(begin + i)))
                return false;  // a control character, '\r' (left to libxml2) or U+FFFE/F
        }
        appendText(content);
        m_pos = end + 3;
        return true;
    }

    // At '&': the text a reference stands for, and p past its ';'.
    bool readReference(std::size_t& p, std::string_view& replacement)
    {
        const std::size_t semicolon = m_doc.find(';', p + 1);
        if (semicolon == std::string_view::npos || semicolon - p > 40)
            return false;
        const std::string_view body = m_doc.substr(p + 1, semicolon - p - 1);
        p = semicolon + 1;
        if (body.size() == 2 && body[1] == 't' && (body[0] == 'l' || body[0] == 'g')) {
            replacement = body[0] == 'l' ? "<" : ">";  // the commonest by far, in escaped HTML
            return true;
        }
        if (!body.empty() && body[0] == '#') {
            const bool hex = body.size() > 1 && body[1] == 'x';
            const std::string_view digits = body.substr(hex ? 2 : 1);
            if (digits.empty() || digits.size() > 8)
                return false;
            std::uint32_t code = 0;
            for (char d : digits) {
                std::uint32_t digit;
                if (d >= '0' && d <= '9')
                    digit = std::uint32_t(d - '0');
                else if (hex && ((d | 0x20) >= 'a' && (d | 0x20) <= 'f'))
                    digit = std::uint32_t((d | 0x20) - 'a' + 10);
                else
                    return false;
                code = code * (hex ? 16 : 10) + digit;
            }
            // C1 code points are windows-1252 characters in disguise: XmlRepair's to mend.
            if (!isXmlChar(code) || (code >= 0x80 && code < 0xA0))
                return false;
            m_reference.clear();
            appendUtf8(m_reference, code);
            replacement = m_reference;
            return true;
        }
        replacement = predefinedEntity(body);
        if (replacement.empty())
            replacement = html4Entity(body);
        return !replacement.empty();
    }

    // --- tags ---

    bool readAttributeValue(std::size_t& p, std::string_view& value)
    {
        const char quote = m_doc[p];
        if (quote != '"' && quote != '\'')
            return false;
        const std::size_t start = ++p;
        const std::size_t size = m_doc.size();
        while (p < size && !is(m_doc[p], ValueStop))
            ++p;
        if (p < size && m_doc[p] == quote) {
            value = m_doc.substr(start, p - start);
            ++p;
            return true;
        }
        // Rarer: references or white space to normalise, or the other quote inside.
        std::string decoded(m_doc.substr(start, p - start));
        for (;;) {
            if (p >= size)
                return false;
            const char c = m_doc[p];
            if (c == quote) {
                ++p;
                break;
            }
            if (c == '&') {
                std::string_view replacement;
                if (!readReference(p, replacement))
                    return false;
                decoded.append(replacement);
            } else if (c == '\t' || c == '\n') {
                decoded.push_back(' ');
                ++p;
            } else if (c == '\r') {
                decoded.push_back(' ');
                p += m_doc.compare(p, 2, "\r\n") == 0 ? 2 : 1;
            } else if (c == '<' || (is(c, ValueStop) && c != '"' && c != '\'' &&
                                    !(static_cast<unsigned char>(c) == 0xEF && !isNonCharacterAt(p)))) {
                return false;
            } else {
                decoded.push_back(c);
                ++p;
            }
        }
        value = m_tree.keep(decoded);
        return true;
    }

    const Namespace* findNamespace(std::string_view prefix) const
    {
        for (auto it = m_namespaces.rbegin(); it != m_namespaces.rend(); ++it)
            if (it->prefix == prefix)
                return &*it;
        return nullptr;
    }

    // "p:name" -> ("p", "name"); more than one colon, or an empty part, is declined.
    static bool splitName(std::string_view name, std::string_view& prefix, std::string_view& local)
    {
        const std::size_t colon = name.find(':');
        if (colon == std::string_view::npos) {
            prefix = {};
            local = name;
            return true;
        }
        prefix = name.substr(0, colon);
        local = name.substr(colon + 1);
        return !prefix.empty() && !local.empty() && local.find(':') == std::string_view::npos;
    }

    bool readStartTag()
    {
        flushText();
        std::size_t p = m_pos + 1;
        const std::string_view name = readName(p);
        if (name.empty())
            return false;
        const std::size_t namespaceMark = m_namespaces.size();
        m_rawAttributes.clear();
        bool selfClosing = false;
        for (;;) {
            const std::size_t beforeSpace = p;
            skipSpaces(p);
            if (p >= m_doc.size())
                return false;
            if (m_doc[p] == '>') {
                ++p;
                break;
            }
            if (m_doc.compare(p, 2, "/>") == 0) {
                p += 2;
                selfClosing = true;
                break;
            }
            if (p == beforeSpace)
                return false;  // attributes must be separated by white space
            const std::string_view attributeName = readName(p);
            if (attributeName.empty())
                return false;
            skipSpaces(p);
            if (p >= m_doc.size() || m_doc[p] != '=')
                return false;
            ++p;
            skipSpaces(p);
            std::string_view value;
            if (p >= m_doc.size() || !readAttributeValue(p, value))
                return false;
            for (const RawAttribute& seen : m_rawAttributes)
                if (seen.name == attributeName)
                    return false;
            if (attributeName == "xmlns" || attributeName.substr(0, 6) == "xmlns:") {
                const std::string_view prefix = attributeName.size() > 5 ? attributeName.substr(6) : "";
                if (attributeName.size() > 5 && (value.empty() || prefix.empty()))
                    return false;
                m_namespaces.push_back({prefix, value, vocabularyOf(value, prefix, !value.empty())});
            }
            m_rawAttributes.push_back({attributeName, value});
        }
        m_pos = p;

        XmlNode& element = m_tree.newNode(XmlNode::Kind::Element);
        element.qualifiedName = name;
        if (!splitName(name, element.prefix, element.localName) || element.prefix == "xml" ||
            element.prefix == "xmlns")
            return false;
        const Namespace* ns = findNamespace(element.prefix);
        if (!element.prefix.empty() && !ns)
            return false;  // recover mode keeps such names whole; leave that to libxml2
        if (ns && !ns->uri.empty()) {
            element.namespaceUri = ns->uri;
            element.vocabulary = ns->vocabulary;
        } else {
            element.vocabulary = vocabularyOf({}, {}, false);
        }
        if (!readAttributes(element))
            return false;

        if (m_open.empty()) {
            if (m_tree.root())
                return false;
            m_tree.setRoot(&element);
        } else {
            attach(element);
        }
        if (selfClosing) {
            m_namespaces.resize(namespaceMark);
            return true;
        }
        if (m_open.size() >= kMaxDepth)
            return false;
        m_open.push_back({&element, nullptr, namespaceMark});
        return true;
    }

    bool readAttributes(XmlNode& element)
    {
        std::size_t count = 0;
        for (const RawAttribute& raw : m_rawAttributes)
            if (raw.name != "xmlns" && raw.name.substr(0, 6) != "xmlns:")
                ++count;
        XmlAttribute* attributes = m_tree.newAttributes(count);
        XmlAttribute* out = attributes;
        for (const RawAttribute& raw : m_rawAttributes) {
            if (raw.name == "xmlns" || raw.name.substr(0, 6) == "xmlns:")
                continue;
            std::string_view prefix;
            out->qualifiedName = raw.name;
            out->value = raw.value;
            if (!splitName(raw.name, prefix, out->localName))
                return false;
            if (prefix == "xml")
                out->inXmlNamespace = true;
            else if (!prefix.empty() && (!findNamespace(prefix) || findNamespace(prefix)->uri.empty()))
                return false;
            ++out;
        }
        element.attributes = attributes;
        element.attributeCount = count;
        return true;
    }

    bool readEndTag()
    {
        flushText();
        std::size_t p = m_pos + 2;
        const std::string_view name = readName(p);
        skipSpaces(p);
        if (m_open.empty() || name != m_open.back().element->qualifiedName || p >= m_doc.size() ||
            m_doc[p] != '>')
            return false;
        m_pos = p + 1;
        m_namespaces.resize(m_open.back().namespaceMark);
        m_open.pop_back();
        return true;
    }

    std::string_view m_doc;
    std::size_t m_pos = 0;
    bool m_sawDoctype = false;
    XmlTree& m_tree;
    std::vector<Namespace> m_namespaces;
    std::vector<Open> m_open;
    std::vector<RawAttribute> m_rawAttributes;
    std::string m_reference;

    bool m_hasText = false;
    bool m_textBuffered = false;
    std::string_view m_textView;
    std::string m_textBuffer;
};

}  // namespace

std::optional<XmlTree> XmlTree::parseWellFormed(std::string_view utf8)
{
    XmlTree tree;
    if (!WellFormedReader(utf8, tree).read())
        return std::nullopt;
    return tree;
}

}  // namespace earshot::feeds
