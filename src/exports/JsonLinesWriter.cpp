#include "earshot/exports/JsonLinesWriter.h"

#include "earshot/exports/ExportStream.h"

namespace earshot::exports {

JsonLinesWriter::JsonLinesWriter(std::ostream& out) : m_out(out) {}

void JsonLinesWriter::write(const nlohmann::json& object)
{
    // Compact output escapes CR and LF inside strings, so every object stays on one line.
    std::string line = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    m_out.write(line.data(), static_cast<std::streamsize>(line.size()));
    ++m_lines;
}

Status JsonLinesWriter::finish() { return finishStream(m_out); }

}  // namespace earshot::exports
