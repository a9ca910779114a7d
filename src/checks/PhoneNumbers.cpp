#include "earshot/checks/PhoneNumbers.h"

#include <array>
#include <optional>
#include <string>

namespace earshot::checks {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isWordByte(char c) { return isDigit(c) || isAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80; }
bool isSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')'; }

// What may stand right before a phone number: nothing, a space or opening punctuation.
// Not "#", "/", "=", "€" or a letter: those make the digits a reference, a path or an amount.
bool isLeftBoundary(std::string_view text, std::size_t offset)
{
    if (offset == 0)
        return true;
    const char c = text[offset - 1];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '[' || c == ':' ||
           c == ';' || c == ',' || c == '>' || c == '*' || c == '_';
}

struct Group {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t digitsBefore = 0;   // digits in the groups before this one
};

// Words after which digits are a reference, not a phone number ("bestelling 0482133912").
constexpr std::array<std::string_view, 36> kReferenceWords = {
    "bestel",  "order",    "factuur", "invoice", "klantnummer", "klantnr", "customer", "referentie", "reference",
    "ref",     "dossier",  "zaak",    "ticket",  "track",       "zending", "pakket",   "parcel",     "shipment",
    "artikel", "article",  "sku",     "iban",    "rekening",    "account", "kenmerk",  "transactie", "transaction",
    "vlucht",  "flight",   "booking", "boeking", "reservering", "polis",   "policy",   "case",       "kvk",
};

// Words between the reference word and the digits that don't change their meaning.
constexpr std::array<std::string_view, 10> kFillerWords = {"nummer", "number", "nr", "nr.", "no", "no.",
                                                          "is",     "met",    "#",  "van"};

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return out;
}

// True when the word before `offset` (skipping filler words) names a reference.
bool followsReferenceWord(std::string_view text, std::size_t offset)
{
    std::size_t end = offset;
    for (int words = 0; words < 3; ++words) {
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ':' || text[end - 1] == '\t'))
            --end;
        std::size_t start = end;
        while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' && text[start - 1] != '\t')
            --start;
        if (start == end)
            return false;
        std::string word = lowerAscii(text.substr(start, end - start));
        while (!word.empty() && (word.back() == ':' || word.back() == ','))
            word.pop_back();
        while (!word.empty() && (word.front() == '(' || word.front() == '[' || word.front() == '"'))
            word.erase(word.begin());
        for (std::string_view reference : kReferenceWords) {
            if (word.rfind(reference, 0) == 0)
                return true;
        }
        bool filler = false;
        for (std::string_view skip : kFillerWords)
            filler = filler || word == skip;
        if (!filler)
            return false;
        end = start;
    }
    return false;
}

// An amount: a currency sign or code before the digits ("€ 0612", "EUR 0,50").
bool followsCurrency(std::string_view text, std::size_t offset)
{
    std::size_t end = offset;
    while (end > 0 && text[end - 1] == ' ')
        --end;
    const std::string_view before = text.substr(0, end);
    for (std::string_view sign : {"\xE2\x82\xAC", "$", "\xC2\xA3", "EUR", "eur", "USD"}) {
        if (before.size() >= sign.size() && before.substr(before.size() - sign.size()) == sign)
            return true;
    }
    return false;
}

// "12-03-2024", "1/2/24", "12.03.2024": day, month, year with one kind of separator.
bool startsWithDate(std::string_view text, const std::vector<Group>& groups)
{
    if (groups.size() < 3)
        return false;
    const auto size = [&](std::size_t i) { return groups[i].end - groups[i].start; };
    if (size(0) > 2 || size(1) > 2 || (size(2) != 2 && size(2) != 4))
        return false;
    if (groups[1].start != groups[0].end + 1 || groups[2].start != groups[1].end + 1)
        return false;
    const char separator = text[groups[0].end];
    return (separator == '-' || separator == '/' || separator == '.') && text[groups[1].end] == separator;
}

// The digits of an international number after "+" or "00": does this many make a number?
bool isInternationalLength(const std::string& digits)
{
    if (digits.rfind("31", 0) == 0) {
        // Dutch numbers have nine digits after +31; "+31 (0)20 …" writes the trunk 0 as well.
        const std::size_t national = digits.size() - 2 - (digits.size() > 2 && digits[2] == '0' ? 1 : 0);
        return national == 9;
    }
    return digits.size() >= 8 && digits.size() <= 15;   // E.164
}

bool isDutchNationalLength(const std::string& digits)
{
    if (digits.size() < 2 || digits[0] != '0' || digits[1] == '0')
        return false;
    // Free and paid service numbers are shorter or longer than the usual ten digits.
    for (std::string_view service : {"0800", "0900", "0906", "0909"}) {
        if (digits.rfind(service, 0) == 0)
            return digits.size() >= 8 && digits.size() <= 11;
    }
    return digits.size() == 10;
}

// Splits the run of digits and separators starting at `offset` into digit groups. A group
// followed by ":" or "," and a digit is a time or an amount ("om 14:30", "42,80"): the run
// stops before it.
std::vector<Group> digitGroups(std::string_view text, std::size_t offset)
{
    std::vector<Group> groups;
    std::size_t at = offset;
    std::size_t digits = 0;
    while (at < text.size()) {
        std::size_t gap = at;
        while (gap < text.size() && gap - at < 3 && isSeparator(text[gap]))
            ++gap;
        if (gap >= text.size() || !isDigit(text[gap]) || (!groups.empty() && gap == at))
            break;
        if (!groups.empty() && text.substr(at, gap - at).find_first_not_of(' ') == std::string_view::npos &&
            gap - at > 1)
            break;                                              // a double space ends the number
        std::size_t end = gap;
        while (end < text.size() && isDigit(text[end]))
            ++end;
        if (end + 1 < text.size() && (text[end] == ':' || text[end] == ',') && isDigit(text[end + 1]))
            break;
        groups.push_back({gap, end, digits});
        digits += end - gap;
        at = end;
        if (digits > 17)
            break;
    }
    return groups;
}

struct Candidate {
    TextSpan span;
    std::size_t resumeAt = 0;   // where to look next
};

std::optional<Candidate> phoneAt(std::string_view text, std::size_t offset)
{
    std::size_t at = offset;
    const bool plus = text[at] == '+';
    if (plus)
        ++at;
    if (at >= text.size() || !(isDigit(text[at]) || text[at] == '('))
        return std::nullopt;
    const std::vector<Group> groups = digitGroups(text, at);
    if (groups.empty())
        return std::nullopt;
    if (startsWithDate(text, groups))
        return Candidate{{}, groups[2].end};
    std::string digits;
    std::optional<std::size_t> bestEnd;
    for (const Group& group : groups) {
        digits.append(text.substr(group.start, group.end - group.start));
        const bool international = plus || digits.rfind("00", 0) == 0;
        if (international) {
            const std::string significant = plus ? digits : digits.substr(2);
            if (isInternationalLength(significant))
                bestEnd = group.end;                            // the longest one that fits
        } else if (isDutchNationalLength(digits)) {
            bestEnd = group.end;
            break;
        }
    }
    // Without a number here, a later group may still start one ("ref 4821 0612345678").
    const std::size_t resume = groups.size() > 1 ? groups[1].start : groups.back().end;
    if (!bestEnd)
        return Candidate{{}, resume};
    // "06-12345678x" or "06-123456789" is something else.
    if (*bestEnd < text.size() && isWordByte(text[*bestEnd]))
        return Candidate{{}, resume};
    return Candidate{{offset, *bestEnd - offset}, *bestEnd};
}

}  // namespace

std::vector<TextSpan> findPhoneNumbers(std::string_view text, const std::vector<TextSpan>& ignore)
{
    std::vector<TextSpan> found;
    std::size_t offset = 0;
    while (offset < text.size()) {
        const char c = text[offset];
        if (!(c == '+' || c == '(' || isDigit(c)) || !isLeftBoundary(text, offset)) {
            ++offset;
            continue;
        }
        const auto candidate = phoneAt(text, offset);
        if (!candidate) {
            ++offset;
            continue;
        }
        const TextSpan span = candidate->span;
        bool explained = span.length == 0 || followsReferenceWord(text, offset) || followsCurrency(text, offset);
        for (const TextSpan& other : ignore)
            explained = explained || (span.length > 0 && span.overlaps(other));
        if (!explained)
            found.push_back(span);
        offset = std::max(candidate->resumeAt, offset + 1);
    }
    return found;
}

}  // namespace earshot::checks
