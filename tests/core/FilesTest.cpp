// core::replaceFile on real files: a file is written whole or not at all.
#include <gtest/gtest.h>

#include <fstream>

#include "TempWorkspace.h"
#include "earshot/core/Files.h"

namespace {

using namespace earshot;
namespace fs = std::filesystem;

Status writeText(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    return out ? Status(Ok{}) : Status(fail("cannot write"));
}

TEST(ReplaceFile, ASuccessfulWriteTakesTheTargetsPlace)
{
    test::TempWorkspace workspace;
    const fs::path target = workspace.writeFile("report.csv", "old");
    auto done = core::replaceFile(target, [](const fs::path& part) {
        EXPECT_EQ(part.filename(), "report.csv.part");
        return writeText(part, "new");
    });
    ASSERT_TRUE(done) << done.message();
    EXPECT_EQ(test::readFile(target), "new");
    EXPECT_FALSE(fs::exists(target.string() + ".part"));
}

TEST(ReplaceFile, AFailedWriteLeavesTheOldFileAndNoPart)
{
    test::TempWorkspace workspace;
    const fs::path target = workspace.writeFile("report.csv", "old");
    auto done = core::replaceFile(target, [](const fs::path& part) -> Status {
        EXPECT_TRUE(writeText(part, "half"));
        return fail("the disk is full");
    });
    ASSERT_FALSE(done);
    EXPECT_EQ(done.message(), "the disk is full");
    EXPECT_EQ(test::readFile(target), "old");
    EXPECT_FALSE(fs::exists(target.string() + ".part"));
}

TEST(ReplaceFile, AFolderThatIsMissingOrIsTheTargetIsAnErrorThatSaysWhere)
{
    test::TempWorkspace workspace;
    bool called = false;
    auto missing = core::replaceFile(workspace.dir() / "no-such-folder" / "x.csv", [&](const fs::path&) {
        called = true;
        return Status(Ok{});
    });
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find("no-such-folder"), std::string::npos) << missing.message();
    EXPECT_FALSE(called) << "nothing to write into";

    fs::create_directory(workspace.dir() / "taken.csv");
    auto folder = core::replaceFile(workspace.dir() / "taken.csv", [&](const fs::path&) { return Status(Ok{}); });
    ASSERT_FALSE(folder);
    EXPECT_NE(folder.message().find("is a folder"), std::string::npos) << folder.message();
    EXPECT_TRUE(fs::is_directory(workspace.dir() / "taken.csv"));
}

}  // namespace
