// OPML 1.0/2.0 subscription lists: the way feed readers hand sources to each other.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::core {

struct OpmlOutline {
    std::string title;
    std::string xmlUrl;
    std::string htmlUrl;
};

// Every outline with an xmlUrl, at any depth (folders are flattened).
Result<std::vector<OpmlOutline>> parseOpml(std::string_view document);

std::string writeOpml(const std::string& title, const std::vector<OpmlOutline>& outlines);

}  // namespace earshot::core
