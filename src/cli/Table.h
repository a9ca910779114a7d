// Plain aligned columns for people reading a terminal; scripts use --json instead.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace earshot::cli {

class Table {
public:
    explicit Table(std::vector<std::string> header);
    void add(std::vector<std::string> row);
    void print(std::ostream& out) const;

private:
    std::vector<std::vector<std::string>> m_rows;
};

// Display width of UTF-8 text, counting code points (good enough for Latin scripts).
std::size_t displayWidth(const std::string& text);

}  // namespace earshot::cli
