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
    // Optimistic first: every job in one transaction without savepoints, since a savepoint
    // copies each page its job touches before changing it. Only when a job fails is the batch
    // written again with a savepoint per job, so that job alone loses its rows.
    std::vector<Status> outcomes(batch.size(), Status(Ok{}));
    Status committed = m_db.transaction([&]() -> Status {
        for (Job& job : batch)
            if (Status outcome = job.work(m_db); !outcome)
                return outcome;
        indexForSearch();
        return Ok{};
    });
    if (!committed && batch.size() > 1)
        committed = writeJobByJob(batch, outcomes);
    else if (!committed)
        spdlog::warn("write failed and was rolled back: {}", committed.message());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (!batch[i].done)
            continue;
        batch[i].done(committed ? outcomes[i] : committed);
    }
}

Status StoreWriter::writeJobByJob(std::deque<Job>& batch, std::vector<Status>& outcomes)
{
    return m_db.transaction([&]() -> Status {
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (auto saved = m_db.exec("SAVEPOINT job"); !saved)
                return saved;
            outcomes[i] = batch[i].work(m_db);
            if (outcomes[i]) {
                (void)m_db.exec("RELEASE job");
            } else {
                spdlog::warn("write failed and was rolled back: {}", outcomes[i].message());
                (void)m_db.exec("ROLLBACK TO job; RELEASE job");
            }
        }
        indexForSearch();
        return Ok{};
    });
}

void StoreWriter::indexForSearch()
{
    // While more jobs wait, the next batch indexes these rows with its own: one pass over a
    // poll's mentions costs less than one per batch, and search is current once the queue is.
    {
        std::lock_guard lock(m_mutex);
        if (!m_queue.empty() && !m_stopping)
            return;
    }
    // Search lagging behind is better than losing the batch: on failure the index catches up
    // with the next batch.
    (void)m_db.exec("SAVEPOINT search");
    if (auto indexed = indexPendingMentions(m_db); indexed) {
        (void)m_db.exec("RELEASE search");
    } else {
        spdlog::error("full-text indexing postponed: {}", indexed.message());
        (void)m_db.exec("ROLLBACK TO search; RELEASE search");
    }
}

}  // namespace earshot::store
