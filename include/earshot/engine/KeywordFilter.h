// Per-source keyword rules, so a broad feed yields only mentions about the brand:
// keep an item that contains any include word (or when there are none) and no
// exclude word. Matching ignores case and accents and respects word boundaries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace earshot::engine {

class KeywordFilter {
public:
    KeywordFilter(const std::vector<std::string>& include, const std::vector<std::string>& exclude);

    bool accepts(std::string_view text) const;

private:
    static bool containsWord(const std::string& foldedText, const std::string& foldedWord);

    std::vector<std::string> m_include;   // folded
    std::vector<std::string> m_exclude;   // folded
};

}  // namespace earshot::engine
