// Turns a feed's raw bytes into UTF-8. The charset is chosen as a browser or a liberal
// feed reader would: HTTP Content-Type charset, then byte order mark, then the XML
// declaration, then sniffing; a candidate the bytes do not fit is skipped, and
// windows-1252 (which accepts any byte) is the last resort.
#pragma once

#include <string>
#include <string_view>

#include "earshot/core/Result.h"

namespace earshot::feeds {

struct DecodedDocument {
    std::string utf8;      // without a byte order mark
    std::string encoding;  // the charset that was used, lower case
};

class DocumentDecoder {
public:
    static Result<DecodedDocument> decode(std::string_view bytes, std::string_view contentType);

    // "text/xml; charset=ISO-8859-1" -> "iso-8859-1"; empty when there is none.
    static std::string charsetFromContentType(std::string_view contentType);

    // The encoding="…" of an XML declaration at the start of ASCII-compatible bytes.
    static std::string declaredXmlEncoding(std::string_view bytes);

    // Converts from `charset` (any name glibc iconv or Python knows) to UTF-8; an error when
    // the charset is unknown or the bytes are not valid in it.
    static Result<std::string> toUtf8(std::string_view bytes, std::string_view charset);

private:
    static std::string canonicalCharset(std::string_view charset);
};

}  // namespace earshot::feeds
