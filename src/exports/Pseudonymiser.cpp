#include "earshot/exports/Pseudonymiser.h"

#include <algorithm>
#include <random>
#include <stdexcept>
#include <vector>

#include "earshot/checks/PersonalData.h"
#include "earshot/checks/PhoneNumbers.h"
#include "earshot/exports/Sha256.h"

namespace earshot::exports {

namespace {

constexpr std::size_t kPseudonymHexDigits = 16;
constexpr std::size_t kGeneratedKeyBytes = 32;
constexpr std::size_t kMinimumKeyBytes = 16;

bool isAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool isHandleStartChar(char c) { return isAsciiAlnum(c) || c == '_'; }
bool isHandleChar(char c) { return isHandleStartChar(c) || c == '.' || c == '-'; }

// Characters that glue an '@' to what stands before it, as in an e-mail address or a word.
bool joinsAtSign(char c) { return isHandleChar(c) || c == '@' || c == '+' || c == '%'; }

struct Replacement {
    checks::TextSpan span;
    std::string text;
};

// The end of a handle's name starting at `at`, without a trailing '.' or '-' ("dank @anna.").
std::size_t handleNameEnd(std::string_view text, std::size_t at)
{
    std::size_t end = at;
    while (end < text.size() && isHandleChar(text[end]))
        ++end;
    while (end > at && (text[end - 1] == '.' || text[end - 1] == '-'))
        --end;
    return end;
}

// "@anna", "@anna.bsky.social", "@anna@mastodon.social".
std::vector<checks::TextSpan> findHandles(std::string_view text)
{
    std::vector<checks::TextSpan> found;
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        if (at > 0 && joinsAtSign(text[at - 1]))
            continue;
        if (at + 1 >= text.size() || !isHandleStartChar(text[at + 1]))
            continue;                                   // "@ 9 uur"
        std::size_t end = handleNameEnd(text, at + 1);
        if (end + 1 < text.size() && text[end] == '@' && isHandleStartChar(text[end + 1])) {
            const std::size_t serverEnd = handleNameEnd(text, end + 1);
            if (text.substr(end + 1, serverEnd - end - 1).find('.') != std::string_view::npos)
                end = serverEnd;
        }
        found.push_back({at, end - at});
        at = end - 1;
    }
    return found;
}

// Adds replacements for spans that do not overlap one already taken, so the finder asked
// first wins ("anne@example.nl" is an e-mail address, not a handle).
void take(std::vector<Replacement>& taken, const std::vector<checks::TextSpan>& spans, auto&& textFor)
{
    for (const checks::TextSpan& span : spans) {
        const bool overlaps = std::any_of(taken.begin(), taken.end(),
                                          [&](const Replacement& r) { return r.span.overlaps(span); });
        if (!overlaps)
            taken.push_back({span, textFor(span)});
    }
}

}  // namespace

Pseudonymiser::Pseudonymiser(std::string key) : m_key(std::move(key))
{
    if (m_key.empty())
        throw std::invalid_argument("Pseudonymiser needs a key; an empty key gives a plain hash");
}

std::string Pseudonymiser::generateKey()
{
    std::random_device device;
    std::string key;
    key.reserve(kGeneratedKeyBytes * 2);
    constexpr std::string_view kDigits = "0123456789abcdef";
    for (std::size_t i = 0; i < kGeneratedKeyBytes; ++i) {
        const auto byte = static_cast<unsigned>(device()) & 0xffu;
        key += kDigits[byte >> 4];
        key += kDigits[byte & 0xf];
    }
    return key;
}

Status Pseudonymiser::checkKey(std::string_view key)
{
    if (key.size() < kMinimumKeyBytes)
        return fail("The pseudonym key is too short: use at least " + std::to_string(kMinimumKeyBytes) +
                    " characters, or let Earshot create one.");
    return Ok{};
}

std::string Pseudonymiser::pseudonym(std::string_view kind, std::string_view value) const
{
    if (kind.find('\0') != std::string_view::npos)
        throw std::invalid_argument("A pseudonym kind cannot contain a NUL character");
    if (value.empty())
        return {};
    std::string message;
    message.reserve(kind.size() + 1 + value.size());
    message.append(kind).append(1, '\0').append(value);
    const std::string digest = Sha256::hex(Sha256::hmac(m_key, message));
    return std::string(kind).append(1, '-').append(digest, 0, kPseudonymHexDigits);
}

std::string Pseudonymiser::handlePseudonym(std::string_view handle) const
{
    if (!handle.empty() && handle.front() == '@')
        handle.remove_prefix(1);
    std::string normalised(handle);
    for (char& c : normalised)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return pseudonym(kPersonKind, normalised);
}

std::string Pseudonymiser::scrub(std::string_view text) const
{
    const auto fixed = [](std::string_view replacement) {
        return [replacement](const checks::TextSpan&) { return std::string(replacement); };
    };
    std::vector<Replacement> taken;
    take(taken, checks::findEmailAddresses(text), fixed("[e-mail]"));
    take(taken, checks::findIbans(text), fixed("[iban]"));
    take(taken, checks::findDutchAddresses(text), fixed("[address]"));
    take(taken, findHandles(text), [&](const checks::TextSpan& span) {
        return "@" + handlePseudonym(text.substr(span.offset, span.length));
    });
    // Digits already explained (an IBAN's, a house number, a handle's) are not a phone number.
    std::vector<checks::TextSpan> explained;
    for (const Replacement& r : taken)
        explained.push_back(r.span);
    take(taken, checks::findPhoneNumbers(text, explained), fixed("[phone]"));
    if (taken.empty())
        return std::string(text);

    std::sort(taken.begin(), taken.end(),
              [](const Replacement& a, const Replacement& b) { return a.span.offset < b.span.offset; });
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    for (const Replacement& r : taken) {
        out.append(text.substr(at, r.span.offset - at)).append(r.text);
        at = r.span.end();
    }
    out.append(text.substr(at));
    return out;
}

}  // namespace earshot::exports
