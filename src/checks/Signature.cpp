#include "earshot/checks/Signature.h"

#include "earshot/checks/Graphemes.h"
#include "earshot/core/Text.h"

namespace earshot::checks {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || isUpper(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trimmed(std::string_view text)
{
    std::size_t start = 0, end = text.size();
    while (start < end && isSpace(text[start]))
        ++start;
    while (end > start && isSpace(text[end - 1]))
        --end;
    return text.substr(start, end - start);
}

// The text without what may follow a signature: spaces, "." or "!", and emoji ("Sanne 🙂").
std::size_t signatureEnd(std::string_view text)
{
    std::size_t end = text.size();
    for (bool changed = true; changed && end > 0;) {
        changed = false;
        while (end > 0 && (isSpace(text[end - 1]) || text[end - 1] == '.' || text[end - 1] == '!')) {
            --end;
            changed = true;
        }
        // Walk back to the start of the last grapheme and drop it when it is an emoji.
        std::size_t start = 0, last = 0;
        while (start < end) {
            last = start;
            start = nextGraphemeBoundary(text.substr(0, end), start);
        }
        if (end > 0 && isPictographic(decodeUtf8At(text, last).value)) {
            end = last;
            changed = true;
        }
    }
    return end;
}

TextSpan lastLine(std::string_view text, std::size_t end)
{
    const std::size_t newline = text.substr(0, end).find_last_of('\n');
    const std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
    return {start, end - start};
}

}  // namespace

std::optional<SignatureProblem> checkSignature(std::string_view text, std::string_view agentFirstName)
{
    const std::size_t end = signatureEnd(text);
    const std::string_view name = trimmed(agentFirstName);
    if (name.empty())
        return SignatureProblem{SignatureProblem::Kind::UnknownFirstName, lastLine(text, end), {}};

    const std::string foldedText = core::foldForMatching(text.substr(0, end));
    const std::string foldedName = core::foldForMatching(name);
    if (foldedText.size() >= foldedName.size() &&
        foldedText.compare(foldedText.size() - foldedName.size(), foldedName.size(), foldedName) == 0) {
        const std::size_t before = foldedText.size() - foldedName.size();
        if (before == 0 || !isWordByte(foldedText[before - 1]))
            return std::nullopt;
    }

    // Initials: one to three capitals at the end, as a word of their own ("^SV", "- AB").
    std::size_t start = end;
    while (start > 0 && isUpper(text[start - 1]) && end - start < 4)
        --start;
    const std::size_t letters = end - start;
    if (letters >= 1 && letters <= 3 && (start == 0 || !isWordByte(text[start - 1]))) {
        // Capitals at the end of a sentence ("… via de app, OK") are only taken for initials
        // when marked ("^SV", "- SV", "— SV") or written alone on the last line.
        const TextSpan line = lastLine(text, end);
        std::size_t marker = start;
        while (marker > line.offset && isSpace(text[marker - 1]))
            --marker;
        const std::string_view before = text.substr(line.offset, marker - line.offset);
        bool marked = before.empty();
        for (std::string_view sign : {"^", "-", "~", "/", "\xE2\x80\x94", "\xE2\x80\x93"}) {
            if (before.size() >= sign.size() && before.substr(before.size() - sign.size()) == sign) {
                marked = true;
                marker -= sign.size();
                break;
            }
        }
        if (marked)
            return SignatureProblem{SignatureProblem::Kind::Initials, {marker, end - marker},
                                    std::string(text.substr(start, letters))};
    }
    return SignatureProblem{SignatureProblem::Kind::Missing, lastLine(text, end), {}};
}

}  // namespace earshot::checks
