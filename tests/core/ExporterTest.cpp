// exports::countRows, exportToFile and pseudonymKey on a generated workspace: a count is the
// number of rows the export with the same options writes, a file appears only when complete,
// and the pseudonym key is made once and kept.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "TempWorkspace.h"
#include "earshot/demo/WorkspaceGenerator.h"
#include "earshot/exports/Exporter.h"
#include "earshot/exports/PseudonymKey.h"
#include "earshot/store/SettingsStore.h"
#include "WorkspaceReads.h"

namespace {

namespace exports = earshot::exports;
namespace metrics = earshot::metrics;
namespace store = earshot::store;
using earshot::test::TempWorkspace;

std::int64_t utc(int year, int month, int day)
{
    std::tm parts{};
    parts.tm_year = year - 1900;
    parts.tm_mon = month - 1;
    parts.tm_mday = day;
    return std::int64_t(timegm(&parts));
}

class ExporterTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        workspace = new TempWorkspace();
        earshot::demo::GeneratorOptions options;
        options.conversations = 700;
        options.seed = 11;
        options.now = utc(2026, 11, 20) + 12 * 3600;
        auto generated = earshot::demo::WorkspaceGenerator(workspace->open()).generate(options);
        ASSERT_TRUE(generated) << generated.message();
    }
    static void TearDownTestSuite()
    {
        delete workspace;
        workspace = nullptr;
    }

    // Exports as JSON Lines, one row a line, and checks the line count against the result.
    std::int64_t exportedRows(const exports::ExportOptions& given)
    {
        exports::ExportOptions options = given;
        options.format = exports::ExportFormat::JsonLines;
        std::ostringstream out;
        auto rows = exports::exportRows(opened(), out, options, calendar, policies);
        EXPECT_TRUE(rows) << rows.message();
        if (!rows)
            return -1;
        const std::string text = out.str();
        EXPECT_EQ(std::int64_t(std::count(text.begin(), text.end(), '\n')), *rows);
        return *rows;
    }

    static TempWorkspace* workspace;
    store::Workspace& opened() { return workspace->open(); }
    metrics::TeamCalendar calendar = metrics::TeamCalendar::alwaysOpen();
    metrics::SlaPolicies policies;
};

TempWorkspace* ExporterTest::workspace = nullptr;

TEST_F(ExporterTest, CountRowsIsTheNumberOfRowsTheExportWrites)
{
    // The first source that has conversations, and the tag most of them carry.
    std::int64_t source = std::numeric_limits<std::int64_t>::max();
    std::map<std::string, int> tagged;
    for (const store::ConversationExportRow& row : earshot::test::exportedConversations(opened())) {
        source = std::min(source, row.sourceId);
        for (std::size_t start = 0; start < row.tags.size();) {
            const std::size_t comma = std::min(row.tags.find(',', start), row.tags.size());
            ++tagged[row.tags.substr(start, comma - start)];
            start = comma + 1;
        }
    }
    ASSERT_FALSE(tagged.empty());
    const std::string tag = std::max_element(tagged.begin(), tagged.end(), [](const auto& a, const auto& b) {
                                return a.second < b.second;
                            })->first;
    std::vector<exports::ExportOptions> filters(6);
    filters[1].status = "resolved";
    filters[2].sources = {source};
    filters[3].tags = {tag, "no-such-tag"};
    filters[4].since = utc(2026, 11, 1);
    filters[4].until = utc(2026, 11, 15);
    filters[5].sources = {source};
    filters[5].status = "open";
    filters[5].since = utc(2026, 10, 20);
    for (auto kind : {exports::ExportKind::Conversations, exports::ExportKind::Cycles, exports::ExportKind::Mentions,
                      exports::ExportKind::Events}) {
        for (std::size_t i = 0; i < filters.size(); ++i) {
            exports::ExportOptions options = filters[i];
            options.kind = kind;
            auto counted = exports::countRows(opened(), options);
            ASSERT_TRUE(counted) << counted.message();
            EXPECT_EQ(*counted, exportedRows(options)) << exports::exportKindName(kind) << ", filter " << i;
            if (i == 0) {
                EXPECT_GT(*counted, 100) << exports::exportKindName(kind);
            }
        }
    }
    exports::ExportOptions conversations;
    EXPECT_EQ(exports::countRows(opened(), conversations).value(), 700);
}

TEST_F(ExporterTest, AFileAppearsOnlyWhenCompleteAndReplacesTheOldOne)
{
    const auto target = workspace->writeFile("complete/conversations.csv", "an older export\n");
    exports::ExportOptions options;
    auto rows = exports::exportToFile(opened(), target, options, calendar, policies);
    ASSERT_TRUE(rows) << rows.message();
    EXPECT_EQ(*rows, 700);
    const std::string written = earshot::test::readFile(target);
    EXPECT_EQ(written.rfind("\xEF\xBB\xBF" "conversation_id,", 0), 0u) << written.substr(0, 40);
    EXPECT_FALSE(std::filesystem::exists(target.string() + ".part"));
}

TEST_F(ExporterTest, ACancelledExportLeavesNoPartFileAndTheOldFileAsItWas)
{
    exports::ExportOptions options;
    options.kind = exports::ExportKind::Events;
    const std::int64_t total = exports::countRows(opened(), options).value();
    ASSERT_GT(total, 5000) << "enough rows for reports before the last";
    // Refused mid-way, and refused only at the last report: both cancel.
    int test = 0;
    for (auto goOn : std::vector<std::function<bool(std::int64_t)>>{
             [](std::int64_t) { return false; }, [total](std::int64_t rows) { return rows < total; }}) {
        const auto target = workspace->writeFile("cancelled/events-" + std::to_string(test++) + ".csv", "kept\n");
        std::vector<std::int64_t> reports;
        options.progress = [&](std::int64_t rows) {
            reports.push_back(rows);
            return goOn(rows);
        };
        auto rows = exports::exportToFile(opened(), target, options, calendar, policies);
        ASSERT_FALSE(rows);
        EXPECT_NE(rows.message().find("cancelled"), std::string::npos) << rows.message();
        EXPECT_EQ(earshot::test::readFile(target), "kept\n");
        EXPECT_FALSE(std::filesystem::exists(target.string() + ".part"));
        ASSERT_FALSE(reports.empty());
    }
}

TEST_F(ExporterTest, AFolderThatCannotBeWrittenIsReportedAndLeavesNothing)
{
    const auto target = workspace->dir() / "no-such-folder" / "out.csv";
    auto rows = exports::exportToFile(opened(), target, exports::ExportOptions(), calendar, policies);
    ASSERT_FALSE(rows);
    EXPECT_NE(rows.message().find("cannot write"), std::string::npos) << rows.message();
    EXPECT_FALSE(std::filesystem::exists(target.parent_path()));
}

TEST_F(ExporterTest, ThePseudonymKeyIsMadeOnceAndKeptInTheWorkspace)
{
    auto first = exports::pseudonymKey(opened());
    ASSERT_TRUE(first) << first.message();
    EXPECT_EQ(first->size(), 64u);
    auto other = store::Workspace::open(workspace->dbPath());
    ASSERT_TRUE(other) << other.message();
    auto second = exports::pseudonymKey(**other);
    ASSERT_TRUE(second) << second.message();
    EXPECT_EQ(*first, *second);
    auto reader = opened().reader();
    ASSERT_TRUE(reader) << reader.message();
    EXPECT_EQ((*reader)->settings().get(exports::kPseudonymKeySetting).value(), *first);
}

TEST(PseudonymKeyTest, AKeyTooShortToProtectAnyoneIsRefusedNotUsed)
{
    TempWorkspace fresh;
    ASSERT_TRUE(fresh.open().writer().run(
        [](store::Session& session) { return session.settings().set(exports::kPseudonymKeySetting, "short"); }));
    auto key = exports::pseudonymKey(fresh.open());
    ASSERT_FALSE(key);
    EXPECT_NE(key.message().find("exports.pseudonym_key"), std::string::npos) << key.message();
}

}  // namespace
