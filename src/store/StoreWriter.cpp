#include "earshot/store/StoreWriter.h"

#include <spdlog/spdlog.h>

#include "earshot/store/Mentions.h"

namespace earshot::store {

StoreWriter::StoreWriter(Database db) : m_db(std::move(db)), m_thread([this] { loop(); }) {}

StoreWriter::~StoreWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void StoreWriter::submit(Work work, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({std::move(work), std::move(done)});
    }
    m_wake.notify_one();
}

Status StoreWriter::run(Work work)
{
    std::promise<Status> outcome;
    auto future = outcome.get_future();
    submit(std::move(work), [&outcome](const Status& status) { outcome.set_value(status); });
    return future.get();
}

void StoreWriter::flush()
{
    (void)run([](Database&) -> Status { return Ok{}; });
}

void StoreWriter::loop()
{
    for (;;) {
        std::deque<Job> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return;   // stopping, and nothing left to write
            batch.swap(m_queue);
        }
        writeBatch(batch);
    }
}

void StoreWriter::writeBatch(std::deque<Job>& batch)
{
    std::vector<Status> outcomes;
    outcomes.reserve(batch.size());
    Status committed = m_db.transaction([&]() -> Status {
        for (Job& job : batch) {
            if (auto saved = m_db.exec("SAVEPOINT job"); !saved)
                return saved;
            Status outcome = job.work(m_db);
            if (outcome) {
                (void)m_db.exec("RELEASE job");
            } else {
                spdlog::warn("write failed and was rolled back: {}", outcome.message());
                (void)m_db.exec("ROLLBACK TO job; RELEASE job");
            }
            outcomes.push_back(std::move(outcome));
        }
        // Search lagging behind is better than losing the batch: on failure the index
        // catches up with the next batch.
        (void)m_db.exec("SAVEPOINT search");
        if (auto indexed = indexPendingMentions(m_db); indexed) {
            (void)m_db.exec("RELEASE search");
        } else {
            spdlog::error("full-text indexing postponed: {}", indexed.message());
            (void)m_db.exec("ROLLBACK TO search; RELEASE search");
        }
        return Ok{};
    });
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (!batch[i].done)
            continue;
        batch[i].done(committed ? (i < outcomes.size() ? outcomes[i] : committed) : committed);
    }
}

}  // namespace earshot::store
