#include "earshot/exports/CsvWriter.h"

#include <charconv>
#include <cmath>

#include "earshot/core/Text.h"
#include "earshot/exports/ExportStream.h"

namespace earshot::exports {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// What OWASP lists as starting a formula in Excel, LibreOffice or Google Sheets. Tab and CR
// are there because some spreadsheets drop them and then read what follows.
bool startsFormula(std::string_view text)
{
    if (text.empty())
        return false;
    switch (text.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
    }
}

}  // namespace

CsvWriter::CsvWriter(std::ostream& out, bool byteOrderMark) : m_out(out)
{
    if (byteOrderMark)
        m_out.write(kByteOrderMark.data(), static_cast<std::streamsize>(kByteOrderMark.size()));
}

void CsvWriter::header(std::initializer_list<std::string_view> names)
{
    for (std::string_view name : names)
        cell(name);
    endRow();
}

void CsvWriter::startCell()
{
    if (m_cellsInRow++ > 0)
        m_line += ',';
}

CsvWriter& CsvWriter::cell(std::string_view text)
{
    startCell();
    if (!core::isValidUtf8(text)) {
        core::repairUtf8(text, m_repaired);
        text = m_repaired;
    }
    const bool formula = startsFormula(text);
    const bool quoted = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quoted)
        m_line += '"';
    if (formula)
        m_line += '\'';
    if (!quoted) {
        m_line.append(text);
        return *this;
    }
    for (std::size_t quote = text.find('"'); quote != std::string_view::npos; quote = text.find('"')) {
        m_line.append(text.substr(0, quote + 1)).append(1, '"');
        text.remove_prefix(quote + 1);
    }
    m_line.append(text).append(1, '"');
    return *this;
}

template <class Number>
CsvWriter& CsvWriter::numberCell(Number number)
{
    startCell();
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), number).ptr;
    m_line.append(digits, end);
    return *this;
}
template CsvWriter& CsvWriter::numberCell(std::int64_t);
template CsvWriter& CsvWriter::numberCell(std::uint64_t);

CsvWriter& CsvWriter::cell(double number)
{
    startCell();
    if (!std::isfinite(number))
        return *this;
    char digits[32];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), number).ptr;
    m_line.append(digits, end);
    return *this;
}

CsvWriter& CsvWriter::cell(std::nullopt_t)
{
    startCell();
    return *this;
}

void CsvWriter::endRow()
{
    // A row of one empty cell would be a blank line, which readers skip as no row at all.
    if (m_cellsInRow == 1 && m_line.empty())
        m_line = "\"\"";
    m_line += "\r\n";
    m_out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
    m_line.clear();
    m_cellsInRow = 0;
    ++m_rows;
}

Status CsvWriter::finish()
{
    if (m_cellsInRow > 0)
        endRow();
    return finishStream(m_out);
}

}  // namespace earshot::exports
