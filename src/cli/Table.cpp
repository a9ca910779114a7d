#include "Table.h"

#include <algorithm>

namespace earshot::cli {

Table::Table(std::vector<std::string> header) { m_rows.push_back(std::move(header)); }

void Table::add(std::vector<std::string> row)
{
    for (auto& cell : row)
        std::replace_if(cell.begin(), cell.end(), [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
    m_rows.push_back(std::move(row));
}

std::size_t displayWidth(const std::string& text)
{
    return std::size_t(std::count_if(text.begin(), text.end(),
                                      [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

void Table::print(std::ostream& out) const
{
    std::vector<std::size_t> widths;
    for (const auto& row : m_rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    for (const auto& row : m_rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - displayWidth(row[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    }
}

}  // namespace earshot::cli
