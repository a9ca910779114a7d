// A stretch of a reply, for highlighting what a check found.
#pragma once

#include <cstddef>

namespace earshot::checks {

// Byte offset and length in the UTF-8 text (use utf16Offset() from Graphemes.h for Qt).
struct TextSpan {
    std::size_t offset = 0;
    std::size_t length = 0;

    std::size_t end() const { return offset + length; }
    bool overlaps(const TextSpan& other) const { return offset < other.end() && other.offset < end(); }
    bool operator==(const TextSpan&) const = default;
};

}  // namespace earshot::checks
