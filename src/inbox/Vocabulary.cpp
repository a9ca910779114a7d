#include "earshot/inbox/Vocabulary.h"

#include <array>

#include "earshot/connectors/Connector.h"

namespace earshot::inbox {

namespace {

constexpr std::size_t kMaxTagBytes = 64;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

bool canPostOnPlatform(std::string_view sourceKind)
{
    const connectors::Connector* connector = connectors::connectorFor(sourceKind);
    return connector && connector->canReply();
}

Result<std::string> normaliseTag(std::string_view tag)
{
    std::string out;
    bool pendingSpace = false;
    for (std::size_t i = 0; i < tag.size(); ++i) {
        char c = tag[i];
        if (c == ',')
            return fail("a tag cannot contain a comma ('" + std::string(tag) + "'); add each tag on its own");
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
        } else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < tag.size()) {
            // U+00C0..U+00DE (À..Þ, but not ×) lower-case by adding 0x20 to the second byte.
            const auto next = static_cast<unsigned char>(tag[i + 1]);
            out += c;
            out += char(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
            ++i;
            continue;
        }
        out += c;
    }
    if (out.empty())
        return fail("a tag needs at least one letter");
    if (out.size() > kMaxTagBytes)
        return fail("the tag '" + out + "' is longer than " + std::to_string(kMaxTagBytes) + " bytes");
    return out;
}

}  // namespace earshot::inbox
