// `earshot-cli stats` and `earshot-cli export` on a generated workspace: the aggregates match a
// direct computation over the exported rows (done by Python's csv and statistics modules),
// and the exports read back as what they claim to be.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "Shell.h"
#include "TempWorkspace.h"

namespace {

using earshot::test::ShellRun;

ShellRun shell(const std::string& command) { return earshot::test::runShell(command); }

class StatsExportCliTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        workspace = new earshot::test::TempWorkspace();
        ASSERT_EQ(cli("generate --conversations 3000").exitCode, 0);
        ASSERT_EQ(cli("calendar set --zone Europe/Amsterdam --mon 09:00-12:30,13:30-17:30 --tue 09:00-17:30"
                      " --wed 09:00-17:30 --thu 09:00-17:30 --fri 09:00-17:00 --holiday 2026-11-11")
                      .exitCode,
                  0);
        ASSERT_EQ(cli("sla set --priority normal --first-response 4h --resolution 2d").exitCode, 0);
        ASSERT_EQ(cli("sla set --priority high --first-response 1h --wall-clock").exitCode, 0);
    }
    static void TearDownTestSuite()
    {
        delete workspace;
        workspace = nullptr;
    }

    static ShellRun cli(const std::string& arguments)
    {
        return shell(std::string(EARSHOT_CLI_PATH) + " --db '" + workspace->dbPath() + "' " + arguments + " 2>&1");
    }

    static earshot::test::TempWorkspace* workspace;
};

earshot::test::TempWorkspace* StatsExportCliTest::workspace = nullptr;

// Figures computed by Python from the exported cycles, the way an analyst would.
constexpr const char* kAnalyst = R"PY(
import csv, json, statistics, sys
def pct(values, p):
    values = sorted(values)
    if not values: return None
    h = (len(values) - 1) * p
    k = int(h)
    return values[k] + (h - k) * ((values[k + 1] if k + 1 < len(values) else values[k]) - values[k])
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
def column(name):
    return [int(r[name]) for r in rows if r[name] != '']
out = {'cycles': len(rows)}
for name in ['first_response_s', 'first_response_business_s', 'resolution_s', 'resolution_business_s']:
    v = column(name)
    out[name] = {'count': len(v), 'median': statistics.median(v), 'p90': pct(v, 0.9), 'p95': pct(v, 0.95),
                 'mean': statistics.mean(v)}
for name in ['sla_first_response', 'sla_resolution']:
    met = sum(1 for r in rows if r[name] == 'met'); breached = sum(1 for r in rows if r[name] == 'breached')
    out[name] = 100.0 * met / (met + breached)
print(json.dumps(out))
)PY";

TEST_F(StatsExportCliTest, StatsEqualADirectComputationOverTheExportedCycles)
{
    const auto csvPath = workspace->dir() / "cycles.csv";
    const auto scriptPath = workspace->writeFile("analyst.py", kAnalyst);
    ASSERT_EQ(cli("export cycles --since 2020-01-01 -o '" + csvPath.string() + "'").exitCode, 0);
    const ShellRun analyst = shell("python3 '" + scriptPath.string() + "' '" + csvPath.string() + "'");
    ASSERT_EQ(analyst.exitCode, 0) << analyst.out;
    const auto expected = nlohmann::json::parse(analyst.out);

    const ShellRun stats = cli("stats --since 2020-01-01 --json");
    ASSERT_EQ(stats.exitCode, 0) << stats.out;
    const auto report = nlohmann::json::parse(stats.out);
    EXPECT_EQ(report["cycles"], expected["cycles"]);
    EXPECT_GT(expected["cycles"].get<int>(), 2000);
    auto near = [](const nlohmann::json& a, const nlohmann::json& b) { return std::abs(a.get<double>() - b.get<double>()) < 1e-6; };
    for (auto [mine, theirs] : {std::pair{"/first_response/wall_clock", "first_response_s"},
                                {"/first_response/business_hours", "first_response_business_s"},
                                {"/resolution/wall_clock", "resolution_s"},
                                {"/resolution/business_hours", "resolution_business_s"}}) {
        const auto& d = report[nlohmann::json::json_pointer(mine)];
        const auto& e = expected[theirs];
        EXPECT_EQ(d["count"], e["count"]) << mine;
        for (auto [field, other] : {std::pair{"median_s", "median"}, {"p90_s", "p90"}, {"p95_s", "p95"}, {"mean_s", "mean"}})
            EXPECT_TRUE(near(d[field], e[other])) << mine << " " << field << ": " << d[field] << " vs " << e[other];
    }
    EXPECT_TRUE(near(report["sla_first_response"]["compliance_percent"], expected["sla_first_response"]));
    EXPECT_TRUE(near(report["sla_resolution"]["compliance_percent"], expected["sla_resolution"]));
    // Business hours only ever count less than the wall clock.
    EXPECT_LT(report["first_response"]["business_hours"]["mean_s"].get<double>(),
              report["first_response"]["wall_clock"]["mean_s"].get<double>());
}

TEST_F(StatsExportCliTest, GroupsAddUpToTheTotalAndWrongFlagsAreRefused)
{
    const auto report = nlohmann::json::parse(cli("stats --since 2020-01-01 --by priority --json").out);
    int cycles = 0;
    for (const auto& group : report["groups"])
        cycles += group["cycles"].get<int>();
    EXPECT_EQ(cycles, report["cycles"].get<int>());
    int heat = 0;
    for (const auto& day : report["volume_in"])
        for (const auto& hour : day)
            heat += hour.get<int>();
    EXPECT_GT(heat, report["cycles"].get<int>()) << "every customer turn, first and later ones";

    EXPECT_EQ(cli("stats --by colour").exitCode, 2);
    EXPECT_EQ(cli("stats --since yesterday").exitCode, 2);
    EXPECT_EQ(cli("export everything").exitCode, 2);
    EXPECT_EQ(cli("export conversations --format xlsx").exitCode, 2);
    EXPECT_EQ(cli("calendar set --zone Europe/Amsterdm --mon 09:00-17:00").exitCode, 2);
    EXPECT_EQ(cli("sla set --priority high --first-response soon").exitCode, 2);
}

TEST_F(StatsExportCliTest, StatsAsCsvCarryTheSameNumbersAsTheJson)
{
    const auto json = nlohmann::json::parse(cli("stats --since 2020-01-01 --by agent --json").out);
    const auto csvPath = workspace->dir() / "stats.csv";
    ASSERT_EQ(cli("stats --since 2020-01-01 --by agent --csv > '" + csvPath.string() + "'").exitCode, 0);
    // Read as a spreadsheet would: Python's csv module, rows by scope.
    const ShellRun read = shell("python3 -c \"import csv, json, sys; rows = list(csv.DictReader(open(sys.argv[1],"
                                " encoding='utf-8-sig', newline=''))); print(json.dumps(rows))\" '" + csvPath.string() + "'");
    ASSERT_EQ(read.exitCode, 0) << read.out;
    const auto rows = nlohmann::json::parse(read.out);
    ASSERT_GE(rows.size(), 3u);
    const auto& total = rows[0];
    EXPECT_EQ(total["scope"], "total");
    EXPECT_EQ(std::stoll(total["cycles"].get<std::string>()), json["cycles"].get<std::int64_t>());
    EXPECT_NEAR(std::stod(total["first_response_median_s"].get<std::string>()),
                json["first_response"]["wall_clock"]["median_s"].get<double>(), 0.001);
    EXPECT_NEAR(std::stod(total["sla_first_response_percent"].get<std::string>()),
                json["sla_first_response"]["compliance_percent"].get<double>(), 1e-6);
    std::size_t agents = 0;
    for (const auto& row : rows)
        agents += row["scope"] == "agent" ? 1 : 0;
    EXPECT_EQ(agents, json["groups"].size());
    const auto& backlog = rows.back();
    EXPECT_EQ(backlog["scope"], "now");
    EXPECT_EQ(std::stoll(backlog["open"].get<std::string>()), json["backlog_now"]["open"].get<std::int64_t>());
    EXPECT_EQ(cli("stats --csv --json").exitCode, 2) << "one format at a time";
}

TEST_F(StatsExportCliTest, PseudonymisedExportsHideCustomersAndStayStable)
{
    const ShellRun plain = cli("export mentions --format jsonl");
    const ShellRun first = cli("export mentions --format jsonl --pseudonymise");
    const ShellRun second = cli("export mentions --format jsonl --pseudonymise");
    ASSERT_EQ(first.exitCode, 0);
    EXPECT_EQ(first.out, second.out) << "the same key, the same pseudonyms";
    std::istringstream plainLines(plain.out), hiddenLines(first.out);
    std::string plainLine, hiddenLine;
    int lines = 0;
    while (std::getline(plainLines, plainLine) && std::getline(hiddenLines, hiddenLine)) {
        const auto original = nlohmann::json::parse(plainLine);
        const auto hidden = nlohmann::json::parse(hiddenLine);
        const std::string handle = original["author_handle"];
        EXPECT_EQ(hidden["author_handle"].get<std::string>().rfind("person-", 0), 0u);
        EXPECT_EQ(hiddenLine.find("\"" + handle + "\""), std::string::npos) << handle;
        ++lines;
    }
    EXPECT_GT(lines, 3000);
    EXPECT_EQ(first.out.find("@example."), std::string::npos) << "e-mail addresses are scrubbed";
}

TEST_F(StatsExportCliTest, AFailedExportLeavesNoFileBehind)
{
    const auto target = workspace->dir() / "missing-folder" / "out.csv";
    EXPECT_NE(cli("export conversations -o '" + target.string() + "'").exitCode, 0);
    EXPECT_FALSE(std::filesystem::exists(target));
    const auto ok = workspace->dir() / "conversations.csv";
    ASSERT_EQ(cli("export conversations -o '" + ok.string() + "'").exitCode, 0);
    EXPECT_TRUE(std::filesystem::exists(ok));
    EXPECT_FALSE(std::filesystem::exists(ok.string() + ".part"));
}

}  // namespace
