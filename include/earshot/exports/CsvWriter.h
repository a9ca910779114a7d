// Writes an export as CSV that spreadsheets open safely, one row at a time so that a million
// mentions never sit in memory: RFC 4180 (commas, CRLF line ends, fields with a comma, quote,
// CR or LF quoted and their quotes doubled), UTF-8 with a byte-order mark so that Excel and
// LibreOffice show "é" and "€" rather than "Ã©", and invalid UTF-8 repaired to U+FFFD.
//
// Text cells cannot run as formulas (CSV injection, OWASP): text starting with = + - @ tab or
// CR gets a leading ' so a spreadsheet shows it as text. Numbers go through cells of their
// own and are written as they are, so a "-5" seconds column stays a column that adds up.
//
//     CsvWriter csv(file);
//     csv.header({"id", "author", "text", "response_seconds"});
//     csv.cell(id).cell(author).cell(text).cell(responseSeconds).endRow();  // optional: empty
//
// Long numbers are still numbers to a spreadsheet: Excel keeps 15 significant digits, so ids
// longer than that are best written as text by the caller (prefixed, e.g. "id-…").
#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "earshot/core/Result.h"

namespace earshot::exports {

class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out, bool byteOrderMark = true);

    // A row of column names, ended.
    void header(std::initializer_list<std::string_view> names);

    // Text, neutralised and repaired as described above.
    CsvWriter& cell(std::string_view text);
    CsvWriter& cell(const char* text) { return cell(std::string_view(text)); }

    // Whole numbers of any width. Characters and bools are left out on purpose: cell('x') or
    // cell(true) writing a number would surprise.
    template <std::integral T>
        requires(!std::same_as<T, bool> && !std::same_as<T, char> && !std::same_as<T, char8_t> &&
                 !std::same_as<T, char16_t> && !std::same_as<T, char32_t> && !std::same_as<T, wchar_t>)
    CsvWriter& cell(T number)
    {
        if constexpr (std::is_signed_v<T>)
            return numberCell(static_cast<std::int64_t>(number));
        else
            return numberCell(static_cast<std::uint64_t>(number));
    }
    CsvWriter& cell(bool) = delete;

    // The shortest text that reads back as the same double, with a '.'; NaN and infinity,
    // which no spreadsheet reads as numbers, become an empty cell.
    CsvWriter& cell(double number);

    // An empty cell, for a value that is not there.
    CsvWriter& cell(std::nullopt_t);
    template <class T>
    CsvWriter& cell(const std::optional<T>& value)
    {
        return value ? cell(*value) : cell(std::nullopt);
    }

    // Writes the row out; the next cell starts a new one.
    void endRow();

    // Rows ended so far, the header included.
    std::size_t rowCount() const { return m_rows; }

    // Ends a row still open, flushes the stream and says whether everything reached it (a full
    // disk, a closed file).
    Status finish();

private:
    void startCell();
    template <class Number>
    CsvWriter& numberCell(Number number);  // int64_t or uint64_t, defined in the .cpp

    std::ostream& m_out;
    std::string m_line;       // the row being built, reused so its capacity stays
    std::string m_repaired;   // a cell's text after invalid UTF-8 was replaced
    std::size_t m_cellsInRow = 0;
    std::size_t m_rows = 0;
};

}  // namespace earshot::exports
