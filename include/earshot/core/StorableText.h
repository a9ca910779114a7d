// Text that every workspace stores as given: well-formed UTF-8 without NUL. PostgreSQL
// refuses both bad bytes and NUL; SQLite would keep them, and a copy to a team's server would
// then fail. So what a feed, a platform or an old file sends is repaired on the way in.
#pragma once

#include <string>

namespace earshot::core {

// Whether `text` is storable as it is.
bool isStorableText(const std::string& text);
// Repairs `text` in place: each byte that starts no well-formed UTF-8 sequence, and each NUL,
// becomes U+FFFD. Returns whether it changed anything.
bool makeStorable(std::string& text);

}  // namespace earshot::core
