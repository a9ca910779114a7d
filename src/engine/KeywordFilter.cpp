#include "earshot/engine/KeywordFilter.h"

#include "earshot/core/Text.h"

namespace earshot::engine {

namespace {

std::vector<std::string> foldAll(const std::vector<std::string>& words)
{
    std::vector<std::string> folded;
    for (const auto& word : words)
        // A word that folds to nothing (a lone accent) would match every item.
        if (std::string f = core::foldForMatching(word); !f.empty())
            folded.push_back(std::move(f));
    return folded;
}

// Bytes of multi-byte UTF-8 count as word characters, so "café" is one word.
bool isWordByte(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || byte == '_';
}

}  // namespace

KeywordFilter::KeywordFilter(const std::vector<std::string>& include, const std::vector<std::string>& exclude)
    : m_include(foldAll(include)), m_exclude(foldAll(exclude))
{
}

bool KeywordFilter::containsWord(const std::string& text, const std::string& word)
{
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool startsWord = at == 0 || !isWordByte(text[at - 1]) || !isWordByte(word.front());
        const std::size_t end = at + word.size();
        const bool endsWord = end == text.size() || !isWordByte(text[end]) || !isWordByte(word.back());
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

bool KeywordFilter::accepts(std::string_view text) const
{
    if (m_include.empty() && m_exclude.empty())
        return true;
    const std::string folded = core::foldForMatching(text);
    for (const auto& word : m_exclude)
        if (containsWord(folded, word))
            return false;
    if (m_include.empty())
        return true;
    for (const auto& word : m_include)
        if (containsWord(folded, word))
            return true;
    return false;
}

}  // namespace earshot::engine
