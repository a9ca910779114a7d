#include "TempWorkspace.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "earshot/inbox/ConversationReader.h"
#include "earshot/inbox/Ingest.h"
// For queryInteger, queryText and exec.
#include "store/sqlite/Schema.h"

namespace earshot::test {

TempWorkspace::TempWorkspace()
{
    std::random_device random;
    for (;;) {
        m_dir = std::filesystem::temp_directory_path() / ("earshot-test-" + std::to_string(random()));
        if (std::filesystem::create_directory(m_dir))
            break;
    }
}

TempWorkspace::~TempWorkspace()
{
    m_workspace.reset();
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
}

store::Workspace& TempWorkspace::open() const
{
    if (!m_workspace) {
        auto opened = store::Workspace::open(dbPath());
        if (!opened)
            throw std::runtime_error("cannot open the test workspace: " + opened.message());
        m_workspace = std::move(*opened);
    }
    return *m_workspace;
}

std::int64_t TempWorkspace::queryInteger(const std::string& sql) const
{
    auto db = store::openWorkspace(dbPath());
    return store::queryInteger(*db, sql).value();
}

std::string TempWorkspace::queryText(const std::string& sql) const
{
    auto db = store::openWorkspace(dbPath());
    auto statement = db->prepare(sql);
    auto row = statement->step();
    return row.ok() && *row ? statement->text(0) : std::string("(no row)");
}

void TempWorkspace::exec(const std::string& sql) const
{
    auto db = store::openWorkspace(dbPath());
    const Status done = db->exec(sql);
    EXPECT_TRUE(done.ok()) << sql << ": " << (done.ok() ? "" : done.message());
}

std::unique_ptr<store::Session> TempWorkspace::reader() const
{
    auto session = open().reader();
    if (!session)
        throw std::runtime_error("cannot read the test workspace: " + session.message());
    return std::move(*session);
}

store::Source TempWorkspace::source(std::int64_t id) const
{
    return reader()->sources().byId(id).value();
}

store::ConversationDetail TempWorkspace::conversation(std::int64_t id) const
{
    auto detail = inbox::readConversation(*reader(), id);
    EXPECT_TRUE(detail) << "#" << id << ": " << (detail ? "" : detail.message());
    return detail ? *detail : store::ConversationDetail{};
}

std::int64_t TempWorkspace::addSource(const store::Source& source) const
{
    std::int64_t id = 0;
    const Status added = open().writer().run([&](store::Session& session) -> Status {
        auto stored = session.sources().add(source);
        if (!stored)
            return stored.error();
        id = *stored;
        return Ok{};
    });
    EXPECT_TRUE(added.ok()) << source.url << ": " << (added.ok() ? "" : added.message());
    return id;
}

store::IngestResult TempWorkspace::ingest(std::int64_t sourceId, const std::vector<store::NewMention>& mentions,
                                          std::int64_t now) const
{
    store::IngestResult result;
    const Status stored = open().writer().run([&](store::Session& session) -> Status {
        auto ingested = inbox::ingestMentions(session, sourceId, mentions, now);
        if (!ingested)
            return ingested.error();
        result = std::move(*ingested);
        return Ok{};
    });
    EXPECT_TRUE(stored.ok()) << "source " << sourceId << ": " << (stored.ok() ? "" : stored.message());
    return result;
}

std::filesystem::path TempWorkspace::writeFile(const std::string& name, const std::string& content) const
{
    const auto path = m_dir / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string readTestData(const std::string& relativePath)
{
    return readFile(std::filesystem::path(EARSHOT_TEST_DATA) / relativePath);
}

}  // namespace earshot::test
