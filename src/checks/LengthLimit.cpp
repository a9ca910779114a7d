#include "earshot/checks/LengthLimit.h"

#include <cctype>

#include "earshot/checks/Graphemes.h"

namespace earshot::checks {

namespace {

constexpr std::size_t kLinkWeight = 23;

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool startsWithAt(std::string_view text, std::size_t offset, std::string_view prefix)
{
    if (offset + prefix.size() > text.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[offset + i])) != prefix[i])
            return false;
    }
    return true;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool atWordStart(std::string_view text, std::size_t offset)
{
    return offset == 0 || isSpace(text[offset - 1]) || text[offset - 1] == '(';
}

// The end of a link starting at `offset`, or 0 when there is none. A link runs to the next
// whitespace; trailing sentence punctuation is not part of it, as the platforms see it.
std::size_t linkEnd(std::string_view text, std::size_t offset)
{
    if (!atWordStart(text, offset) || !(startsWithAt(text, offset, "https://") || startsWithAt(text, offset, "http://")))
        return 0;
    std::size_t end = offset;
    while (end < text.size() && !isSpace(text[end]))
        ++end;
    while (end > offset && std::string_view(".,;:!?)'\"").find(text[end - 1]) != std::string_view::npos)
        --end;
    return end;
}

bool isHandleChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'; }

// For "@user@example.social" at `offset`: where the "@example.social" part starts and ends,
// so only "@user" is counted. {0, 0} when this is no remote mention.
std::pair<std::size_t, std::size_t> remoteMentionDomain(std::string_view text, std::size_t offset)
{
    if (text[offset] != '@' || !atWordStart(text, offset))
        return {0, 0};
    std::size_t at = offset + 1;
    while (at < text.size() && (std::isalnum(static_cast<unsigned char>(text[at])) || text[at] == '_'))
        ++at;
    if (at == offset + 1 || at >= text.size() || text[at] != '@')
        return {0, 0};
    std::size_t end = at + 1;
    while (end < text.size() && isHandleChar(text[end]))
        ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
        --end;
    if (std::string_view(text.data() + at, end - at).find('.') == std::string_view::npos)
        return {0, 0};
    return {at, end};
}

// twitter-text v3: these ranges weigh 1, everything else 2.
std::size_t xWeight(char32_t c)
{
    const bool light = c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223) || (c >= 8242 && c <= 8247);
    return light ? 1 : 2;
}

}  // namespace

std::optional<LengthRule> lengthRuleFor(std::string_view platform, std::optional<std::size_t> limitOverride)
{
    const std::string name = lowerAscii(platform);
    std::optional<LengthRule> rule;
    if (name == "mastodon")
        rule = LengthRule{"Mastodon", 500, LengthRule::Unit::Graphemes, true, true};
    else if (name == "bluesky" || name == "bsky")
        rule = LengthRule{"Bluesky", 300, LengthRule::Unit::Graphemes, false, false};
    else if (name == "x" || name == "twitter")
        rule = LengthRule{"X", 280, LengthRule::Unit::Weighted, true, false};
    else if (name == "discourse")
        rule = LengthRule{"Discourse", 32000, LengthRule::Unit::CodePoints, false, false};
    if (limitOverride) {
        if (!rule)
            rule = LengthRule{std::string(platform.empty() ? "this channel" : platform), 0,
                              LengthRule::Unit::Graphemes, false, false};
        rule->limit = *limitOverride;
    }
    return rule;
}

LengthCount countForPlatform(std::string_view text, const LengthRule& rule)
{
    LengthCount result;
    auto add = [&](std::size_t weight, std::size_t at) {
        result.count += weight;
        if (!result.overflowOffset && result.count > rule.limit)
            result.overflowOffset = at;
    };
    std::size_t offset = 0;
    while (offset < text.size()) {
        if (rule.linksCountAs23) {
            if (const std::size_t end = linkEnd(text, offset); end > offset) {
                add(kLinkWeight, offset);
                offset = end;
                continue;
            }
        }
        if (rule.mentionsCountLocalPart) {
            if (const auto [domainStart, domainEnd] = remoteMentionDomain(text, offset); domainEnd > 0) {
                for (std::size_t i = offset; i < domainStart; ++i)
                    add(1, i);
                offset = domainEnd;
                continue;
            }
        }
        switch (rule.unit) {
        case LengthRule::Unit::CodePoints: {
            add(1, offset);
            offset += decodeUtf8At(text, offset).length;
            break;
        }
        case LengthRule::Unit::Graphemes: {
            add(1, offset);
            offset = nextGraphemeBoundary(text, offset);
            break;
        }
        case LengthRule::Unit::Weighted: {
            // An emoji sequence counts 2 as a whole, however many code points it joins.
            const std::size_t end = nextGraphemeBoundary(text, offset);
            const DecodedCodePoint first = decodeUtf8At(text, offset);
            const bool flag = first.value >= 0x1F1E6 && first.value <= 0x1F1FF;
            if (isPictographic(first.value) || flag) {
                add(2, offset);
                offset = end;
            } else {
                add(xWeight(first.value), offset);
                offset += first.length;
            }
            break;
        }
        }
    }
    return result;
}

}  // namespace earshot::checks
