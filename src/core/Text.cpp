#include "earshot/core/Text.h"

#include <array>
#include <cstring>
#include <ctime>

namespace earshot::core {

namespace {

// Base letters for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A),
// lower-cased; 0 where a code point has no single-letter base.
constexpr std::string_view kLatinBases =
    "aaaaaaaceeeeiiii"   // C0-CF (Æ: see ligature())
    "dnooooo\0ouuuuyts"  // D0-DF (× kept, Þ -> t; ß: see ligature())
    "aaaaaaaceeeeiiii"   // E0-EF
    "dnooooo\0ouuuuyty"  // F0-FF (÷ kept, þ -> t)
    "aaaaaaccccccccdd"   // 100-10F
    "ddeeeeeeeeeegggg"   // 110-11F
    "gggghhhhiiiiiiii"   // 120-12F
    "iiiijjkkklllllll"   // 130-13F
    "lllnnnnnnnnnoooo"   // 140-14F
    "oooorrrrrrssssss"   // 150-15F
    "ssttttttuuuuuuuu"   // 160-16F
    "uuuuwwyyyzzzzzzs";  // 170-17F

// Letters written as two: "Straße" matches "strasse", "ĳs" matches "ijs".
std::string_view ligature(unsigned codePoint)
{
    switch (codePoint) {
    case 0xdf: return "ss";
    case 0xc6: case 0xe6: return "ae";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    default: return {};
    }
}

std::size_t sequenceLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead >> 5) == 0x6)
        return 2;
    if ((lead >> 4) == 0xe)
        return 3;
    if ((lead >> 3) == 0x1e)
        return 4;
    return 1;   // stray continuation byte: treat alone
}

}  // namespace

std::string truncateUtf8(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    constexpr std::string_view kEllipsis = "…";
    const std::size_t room = maxBytes > kEllipsis.size() ? maxBytes - kEllipsis.size() : 0;
    std::size_t cut = 0;
    while (cut < text.size()) {
        const std::size_t next = cut + sequenceLength(static_cast<unsigned char>(text[cut]));
        if (next > room)
            break;
        cut = next;
    }
    return std::string(text.substr(0, cut)).append(kEllipsis);
}

std::string foldForMatching(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            out += char(lead >= 'A' && lead <= 'Z' ? lead + 32 : lead);
            ++i;
            continue;
        }
        const std::size_t length = std::min(sequenceLength(lead), text.size() - i);
        if (length == 2) {
            const unsigned codePoint = ((lead & 0x1fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3fu);
            // Combining accents (an "e" followed by U+0301, as macOS and some keyboards write é)
            // go, like the precomposed ones.
            if (codePoint >= 0x300 && codePoint <= 0x36f) {
                i += 2;
                continue;
            }
            if (const std::string_view letters = ligature(codePoint); !letters.empty()) {
                out += letters;
                i += 2;
                continue;
            }
            if (codePoint >= 0xc0 && codePoint <= 0x17f && kLatinBases[codePoint - 0xc0] != '\0') {
                out += kLatinBases[codePoint - 0xc0];
                i += 2;
                continue;
            }
        }
        out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

std::string formatUtc(std::int64_t unixSeconds)
{
    const std::time_t time = static_cast<std::time_t>(unixSeconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    std::array<char, 32> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer.data();
}

std::string hostOf(std::string_view url)
{
    const std::size_t scheme = url.find("://");
    const std::size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
    const std::size_t end = url.find_first_of("/?#", start);
    return std::string(url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}


namespace {

// The length of the well-formed UTF-8 sequence at p (no overlong forms, surrogates or cuts),
// 0 when there is none.
int wellFormedLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned char c = *p;
    if (c < 0x80)
        return 1;
    int length;
    char32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return length;
}

}  // namespace

bool isValidUtf8(std::string_view text)
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        // Most feed text is ASCII: check eight bytes at a time.
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const int length = wellFormedLength(p, end);
        if (length == 0)
            return false;
        p += length;
    }
    return true;
}

void repairUtf8(std::string_view text, std::string& out)
{
    out.clear();
    out.reserve(text.size() + 8);
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = begin + text.size();
    for (const auto* p = begin; p < end;) {
        const int length = wellFormedLength(p, end);
        if (length == 0) {
            out += "\xEF\xBF\xBD";   // U+FFFD
            ++p;
        } else {
            out.append(reinterpret_cast<const char*>(p), std::size_t(length));
            p += length;
        }
    }
}

std::string joinWords(const std::vector<std::string>& words)
{
    std::string out;
    for (const auto& word : words)
        out += (out.empty() ? "" : ", ") + word;
    return out;
}

std::vector<std::string> splitWords(std::string_view text)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view word = text.substr(start, end - start);
        const auto first = word.find_first_not_of(" \t\n");
        const auto last = word.find_last_not_of(" \t\n");
        if (first != std::string_view::npos)
            words.emplace_back(word.substr(first, last - first + 1));
        start = end + 1;
    }
    return words;
}

}  // namespace earshot::core
