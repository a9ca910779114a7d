// CSV exports read back by a real CSV reader (Python's csv module, run as a separate process)
// as well as checked byte by byte: quoting, line ends, the byte-order mark, formula
// neutralising, numbers, and repaired UTF-8.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "earshot/exports/CsvWriter.h"

using earshot::exports::CsvWriter;

namespace {

using Rows = std::vector<std::vector<std::string>>;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// strict=True makes the reader fail on anything RFC 4180 does not allow (a stray quote);
// utf-8-sig takes the byte-order mark off and fails on invalid UTF-8.
constexpr std::string_view kReader = R"(import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig', errors='strict') as f:
    rows = list(csv.reader(f, strict=True))
sys.stdout.write(json.dumps(rows))
)";

// A directory of its own under the system temp directory, removed afterwards.
class TempDir {
public:
    TempDir()
    {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = std::filesystem::temp_directory_path() /
                 ("earshot-csv-" + std::to_string(::getpid()) + "-" + test->name());
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() { std::filesystem::remove_all(m_path); }
    std::filesystem::path file(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

void writeFile(const std::filesystem::path& path, std::string_view content)
{
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// The rows Python's csv module reads from `csv`; fails the test when it cannot.
Rows readWithPython(std::string_view csv)
{
    TempDir dir;
    writeFile(dir.file("reader.py"), kReader);
    writeFile(dir.file("export.csv"), csv);
    const std::string command =
        "python3 '" + dir.file("reader.py").string() + "' '" + dir.file("export.csv").string() + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        ADD_FAILURE() << "could not start python3";
        return {};
    }
    std::string output;
    char buffer[4096];
    while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, read);
    const int status = ::pclose(pipe);
    if (status != 0) {
        ADD_FAILURE() << "python3's csv module could not read the export:\n" << output;
        return {};
    }
    return nlohmann::json::parse(output).get<Rows>();
}

std::string writeTextRows(const Rows& rows, bool byteOrderMark = true)
{
    std::ostringstream out;
    CsvWriter csv(out, byteOrderMark);
    for (const auto& row : rows) {
        for (const std::string& text : row)
            csv.cell(text);
        csv.endRow();
    }
    EXPECT_TRUE(csv.finish().ok());
    return out.str();
}

}  // namespace

TEST(CsvWriterTest, StartsWithAByteOrderMarkAndEndsRowsWithCrLf)
{
    const std::string csv = writeTextRows({{"id", "text"}, {"1", "hallo"}});
    EXPECT_EQ(csv, std::string(kBom) + "id,text\r\n1,hallo\r\n");
    EXPECT_EQ(writeTextRows({{"a", "b"}}, false), "a,b\r\n") << "no byte-order mark when asked not to";
}

TEST(CsvWriterTest, QuotesOnlyWhatNeedsQuoting)
{
    EXPECT_EQ(writeTextRows({{"plain", "a,b", "say \"hi\"", "two\r\nlines", "lf\nonly", "cr\ronly", "it's"}}, false),
              "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"lf\nonly\",\"cr\ronly\",it's\r\n");
}

TEST(CsvWriterTest, PythonReadsBackQuotesNewlinesAndAccents)
{
    const Rows rows = {
        {"id", "author", "text"},
        {"1", "Anne, de Vries", "Hij zei: \"kom maar\", en toen?"},
        {"2", "José", "regel één\r\nregel twee\nregel drie"},
        {"3", "Müller", "€ 42,80 terug 👍🏽 🇳🇱 日本語"},
        {"4", "", "\"\""},
        {"5", " spaces ", "trailing comma,"},
    };
    EXPECT_EQ(readWithPython(writeTextRows(rows)), rows);
}

TEST(CsvWriterTest, NeutralisesTextThatASpreadsheetWouldRunAsAFormula)
{
    const Rows input = {{"=1+1", "+31 6 1234 5678", "-5", "@anna", "\tTab", "\r=cmd",
                         "=HYPERLINK(\"http://evil.example\",\"klik, hier\")", "a=b", "5-3", "mail@x.nl"}};
    const Rows expected = {{"'=1+1", "'+31 6 1234 5678", "'-5", "'@anna", "'\tTab", "'\r=cmd",
                            "'=HYPERLINK(\"http://evil.example\",\"klik, hier\")", "a=b", "5-3", "mail@x.nl"}};
    const std::string csv = writeTextRows(input);
    EXPECT_EQ(readWithPython(csv), expected);
    EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik, hier\"\")\""), std::string::npos)
        << "the quote goes inside the field's quotes, so the reader keeps it";
}

TEST(CsvWriterTest, NumberCellsStayNumbers)
{
    std::ostringstream out;
    CsvWriter csv(out, false);
    csv.cell(-5).cell(-3.5).cell(std::optional<int>{}).cell(std::optional<double>{2.25}).cell(0.1);
    csv.cell(std::numeric_limits<std::int64_t>::min()).cell(std::numeric_limits<std::uint64_t>::max());
    csv.cell(std::nan("")).cell(std::numeric_limits<double>::infinity()).cell(std::nullopt).cell(std::size_t{42});
    csv.endRow();
    ASSERT_TRUE(csv.finish().ok());
    EXPECT_EQ(out.str(), "-5,-3.5,,2.25,0.1,-9223372036854775808,18446744073709551615,,,,42\r\n");
    EXPECT_EQ(readWithPython(out.str()),
              (Rows{{"-5", "-3.5", "", "2.25", "0.1", "-9223372036854775808", "18446744073709551615", "", "", "", "42"}}));
}

TEST(CsvWriterTest, ReplacesInvalidUtf8)
{
    const std::string r(kReplacement);
    const Rows input = {{"a\xff" "b", "\xE2\x82", "ok\xC3", "\xC0\xAF", "\xED\xA0\x80", "=\xfe", "caf\xe9 \"x\""}};
    const Rows expected = {{"a" + r + "b", r + r, "ok" + r, r + r, r + r + r, "'=" + r, "caf" + r + " \"x\""}};
    EXPECT_EQ(readWithPython(writeTextRows(input)), expected);
}

TEST(CsvWriterTest, WritesAHeaderAndKeepsEmptyRows)
{
    std::ostringstream out;
    CsvWriter csv(out);
    csv.header({"id", "seconds", "text"});
    csv.cell(1).cell(-5).cell("te laat").endRow();
    csv.cell("").endRow();   // one empty cell: still a row
    csv.cell(2).cell(std::nullopt).cell("").endRow();
    ASSERT_TRUE(csv.finish().ok());
    EXPECT_EQ(csv.rowCount(), 4u);
    EXPECT_EQ(readWithPython(out.str()),
              (Rows{{"id", "seconds", "text"}, {"1", "-5", "te laat"}, {""}, {"2", "", ""}}));
}

TEST(CsvWriterTest, WritesEachRowWhenItEndsAndKeepsNothing)
{
    std::ostringstream out;
    CsvWriter csv(out, false);
    csv.cell("first").cell(1);
    EXPECT_EQ(out.str(), "") << "nothing until the row ends";
    csv.endRow();
    EXPECT_EQ(out.str(), "first,1\r\n");
    csv.cell("open row");
    ASSERT_TRUE(csv.finish().ok());
    EXPECT_EQ(out.str(), "first,1\r\nopen row\r\n") << "finish() ends a row left open";
}

TEST(CsvWriterTest, RandomTrickyRowsSurviveTheRoundTrip)
{
    const std::vector<std::string> pieces = {"a", "Z", "9", " ", ",", "\"", "'", "\r", "\n", "\r\n", "=", "+", "-",
                                             "@", "\t", ";", "é", "ü", "€", "😀", "👨‍👩‍👧", "ĳ", "\\", "#"};
    std::mt19937 random(20261122);
    Rows input;
    for (int r = 0; r < 300; ++r) {
        std::vector<std::string> row;
        const int cells = 1 + int(random() % 8);
        for (int c = 0; c < cells; ++c) {
            std::string text;
            const int length = int(random() % 12);
            for (int i = 0; i < length; ++i)
                text += pieces[random() % pieces.size()];
            row.push_back(text);
        }
        if (row.size() == 1 && row[0].empty())
            row[0] = "x";   // a lone empty cell is written as "" and read back the same; covered above
        input.push_back(row);
    }
    Rows expected = input;
    for (auto& row : expected)
        for (std::string& text : row)
            if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
                text.insert(0, "'");
    EXPECT_EQ(readWithPython(writeTextRows(input)), expected);
}

TEST(CsvWriterTest, ReportsAStreamThatFailed)
{
    std::ostringstream out;
    CsvWriter csv(out);
    csv.cell("x").endRow();
    out.setstate(std::ios::badbit);
    const auto status = csv.finish();
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.message().find("could not be written"), std::string::npos);
}
