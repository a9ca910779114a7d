// Writes an export as JSON Lines: one compact JSON object per line, each line ending in "\n",
// for analysts who read exports with pandas, jq or DuckDB. Streaming like CsvWriter, so an
// export of any size needs only one object in memory.
//
// Text is written as UTF-8 (not \u escapes). Invalid UTF-8 in a value or a key becomes U+FFFD
// instead of throwing halfway through an export: mention text comes from feeds that do not
// always keep their promises about encoding.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "earshot/core/Result.h"

namespace earshot::exports {

class JsonLinesWriter {
public:
    explicit JsonLinesWriter(std::ostream& out);

    // One line. Meant for objects; any other JSON value is written as given, on its own line.
    void write(const nlohmann::json& object);

    std::size_t lineCount() const { return m_lines; }

    // Flushes the stream and says whether everything reached it (a full disk, a closed file).
    Status finish();

private:
    std::ostream& m_out;
    std::size_t m_lines = 0;
};

}  // namespace earshot::exports
