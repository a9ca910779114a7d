#include "earshot/feeds/DocumentDecoder.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>
#include <utility>
#include <vector>

#include "earshot/core/Text.h"
#include "earshot/feeds/Utf8.h"

namespace earshot::feeds {

namespace {

std::string toLowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; });
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '"' ||
                             text.front() == '\''))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '"' ||
                             text.back() == '\'' || text.back() == ';'))
        text.remove_suffix(1);
    return text;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
using IconvHandle = std::unique_ptr<void, IconvCloser>;

std::string windows1252ToUtf8(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80)
            out.push_back(c);
        else
            appendUtf8(out, windows1252CodePoint(byte));
    }
    return out;
}

Result<std::string> iconvToUtf8(std::string_view bytes, const std::string& charset)
{
    iconv_t raw = iconv_open("UTF-8", charset.c_str());
    if (raw == reinterpret_cast<iconv_t>(-1))
        return fail("unknown character encoding \"" + charset + "\"");
    IconvHandle cd(raw);
    std::string out(bytes.size() * 2 + 16, '\0');
    // iconv's API takes non-const input pointers but does not write through them.
    char* in = const_cast<char*>(bytes.data());
    std::size_t inLeft = bytes.size();
    std::size_t written = 0;
    while (inLeft > 0) {
        char* outPtr = out.data() + written;
        std::size_t outLeft = out.size() - written;
        const std::size_t rc = iconv(static_cast<iconv_t>(cd.get()), &in, &inLeft, &outPtr, &outLeft);
        written = out.size() - outLeft;
        if (rc != static_cast<std::size_t>(-1))
            break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        return fail("the bytes are not valid " + charset);
    }
    out.resize(written);
    return out;
}

// Names Python (and so feeds written for it) accepts but glibc iconv spells otherwise.
std::string glibcCharsetName(const std::string& canonical)
{
    static const std::array<std::pair<std::string_view, std::string_view>, 12> kAliases = {{
        {"cp-is", "CP861"},
        {"csibm861", "CP861"},
        {"dbcs", "CP1252"},
        {"maccentraleurope", "MAC-CENTRALEUROPE"},
        {"maclatin2", "MAC-CENTRALEUROPE"},
        {"maciceland", "MAC-IS"},
        {"macroman", "MACINTOSH"},
        {"x-mac-roman", "MACINTOSH"},
        {"x-mac-cyrillic", "MAC-CYRILLIC"},
        // Supersets that browsers use in place of the older names.
        {"gb2312", "GB18030"},
        {"gbk", "GB18030"},
        {"euc-kr", "CP949"},
    }};
    for (const auto& [alias, name] : kAliases)
        if (canonical == alias)
            return std::string(name);
    return canonical;
}

// UTF-16/32 without a byte order mark still begin with '<' (or '{').
std::string sniffWideEncoding(std::string_view b)
{
    if (b.size() >= 4) {
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0)
            return "utf-32be";
        if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
            return "utf-32le";
        if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0)
            return "utf-16be";
        if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0)
            return "utf-16le";
    }
    return {};
}

// U+0080–U+009F are control characters nobody means; text that has them was written
// in windows-1252 and mislabelled, so they become the characters the author saw.
void replaceC1Controls(std::string& utf8)
{
    std::size_t at = utf8.find('\xC2');
    while (at != std::string::npos) {
        if (at + 1 < utf8.size()) {
            const auto next = static_cast<unsigned char>(utf8[at + 1]);
            if (next >= 0x80 && next < 0xA0) {
                std::string replacement;
                appendUtf8(replacement, windows1252CodePoint(next));
                utf8.replace(at, 2, replacement);
                at = utf8.find('\xC2', at + replacement.size());
                continue;
            }
        }
        at = utf8.find('\xC2', at + 1);
    }
}

}  // namespace

std::string DocumentDecoder::canonicalCharset(std::string_view charset)
{
    std::string name = toLowerAscii(trim(charset));
    std::replace(name.begin(), name.end(), '_', '-');
    return name;
}

std::string DocumentDecoder::charsetFromContentType(std::string_view contentType)
{
    const std::string lower = toLowerAscii(contentType);
    const std::size_t at = lower.find("charset=");
    if (at == std::string::npos)
        return {};
    std::string_view value = std::string_view(lower).substr(at + 8);
    value = value.substr(0, value.find(';'));
    return std::string(trim(value));
}

std::string DocumentDecoder::declaredXmlEncoding(std::string_view bytes)
{
    if (!startsWith(bytes, "<?xml"))
        return {};
    const std::string_view decl = bytes.substr(0, bytes.find("?>"));
    const std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos)
        return {};
    std::size_t i = decl.find_first_of("\"'", at);
    if (i == std::string_view::npos)
        return {};
    const char quote = decl[i];
    const std::size_t end = decl.find(quote, i + 1);
    if (end == std::string_view::npos)
        return {};
    return canonicalCharset(decl.substr(i + 1, end - i - 1));
}

Result<std::string> DocumentDecoder::toUtf8(std::string_view bytes, std::string_view charset)
{
    const std::string name = canonicalCharset(charset);
    if (name == "utf-8" || name == "utf8") {
        if (!core::isValidUtf8(bytes))
            return fail("the bytes are not valid UTF-8");
        return std::string(bytes);
    }
    // ISO-8859-1 and ASCII labels are read as windows-1252, as browsers do: feeds that say
    // ISO-8859-1 routinely carry curly quotes in 0x80–0x9F.
    if (name == "windows-1252" || name == "cp1252" || name == "iso-8859-1" || name == "latin1" ||
        name == "latin-1" || name == "iso8859-1" || name == "l1" || name == "us-ascii" ||
        name == "ascii" || name == "ms-ansi")
        return windows1252ToUtf8(bytes);
    return iconvToUtf8(bytes, glibcCharsetName(name));
}

Result<DecodedDocument> DocumentDecoder::decode(std::string_view bytes, std::string_view contentType)
{
    std::vector<std::string> candidates;
    if (std::string http = charsetFromContentType(contentType); !http.empty())
        candidates.push_back(canonicalCharset(http));

    std::string_view body = bytes;
    if (startsWith(bytes, "\xEF\xBB\xBF")) {
        body.remove_prefix(3);
        candidates.push_back("utf-8");
    } else if (startsWith(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
        body.remove_prefix(4);
        candidates.push_back("utf-32be");
    } else if (startsWith(bytes, std::string_view("\xFF\xFE\x00\x00", 4))) {
        body.remove_prefix(4);
        candidates.push_back("utf-32le");
    } else if (startsWith(bytes, "\xFE\xFF")) {
        body.remove_prefix(2);
        candidates.push_back("utf-16be");
    } else if (startsWith(bytes, "\xFF\xFE")) {
        body.remove_prefix(2);
        candidates.push_back("utf-16le");
    } else if (std::string wide = sniffWideEncoding(bytes); !wide.empty()) {
        candidates.push_back(wide);
    }

    if (std::string declared = declaredXmlEncoding(body); !declared.empty()) {
        // A UTF-16/32 declaration readable as ASCII is wrong: the BOM or the sniffing above
        // has already named the real width if the document has one.
        if (!startsWith(declared, "utf-16") && !startsWith(declared, "utf-32"))
            candidates.push_back(declared);
    }
    candidates.push_back("utf-8");
    candidates.push_back("windows-1252");

    std::string lastProblem;
    for (const std::string& charset : candidates) {
        auto converted = toUtf8(body, charset);
        if (converted) {
            DecodedDocument doc{std::move(converted).value(), charset};
            if (startsWith(doc.utf8, "\xEF\xBB\xBF"))
                doc.utf8.erase(0, 3);
            replaceC1Controls(doc.utf8);
            return doc;
        }
        lastProblem = converted.message();
    }
    return fail("cannot decode the document: " + lastProblem);
}

}  // namespace earshot::feeds
