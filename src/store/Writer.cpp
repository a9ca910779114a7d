#include "earshot/store/Writer.h"

#include <future>

#include <spdlog/spdlog.h>

namespace earshot::store {

Writer::Writer(std::unique_ptr<Session> session) : m_session(std::move(session)), m_thread([this] { loop(); }) {}

Writer::Writer(Error why) : m_unwritable(std::move(why)), m_thread([this] { loop(); }) {}

Writer::~Writer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Writer::submit(Work work, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({std::move(work), std::move(done)});
    }
    m_wake.notify_one();
}

Status Writer::run(Work work)
{
    // A job that needs another job's work done first would wait for itself forever.
    if (std::this_thread::get_id() == m_thread.get_id())
        return m_session->transaction([&] { return work(*m_session); });
    std::promise<Status> outcome;
    auto future = outcome.get_future();
    submit(std::move(work), [&outcome](const Status& status) { outcome.set_value(status); });
    return future.get();
}

void Writer::flush()
{
    (void)run([](Session&) -> Status { return Ok{}; });
}

void Writer::loop()
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

void Writer::writeBatch(std::deque<Job>& batch)
{
    if (!m_session) {
        for (Job& job : batch)
            if (job.done)
                job.done(m_unwritable);
        return;
    }
    // Optimistic first: every job in one transaction without nested ones, since SQLite's
    // savepoint copies each page its job touches before changing it. Only when a job fails is
    // the batch written again with a nested transaction per job, so that job alone loses its rows.
    std::vector<Status> outcomes(batch.size(), Status(Ok{}));
    Status committed = m_session->transaction([&]() -> Status {
        for (Job& job : batch)
            if (Status outcome = job.work(*m_session); !outcome)
                return outcome;
        catchUpWhenIdle();
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

Status Writer::writeJobByJob(std::deque<Job>& batch, std::vector<Status>& outcomes)
{
    return m_session->transaction([&]() -> Status {
        for (std::size_t i = 0; i < batch.size(); ++i) {
            outcomes[i] = m_session->transaction([&] { return batch[i].work(*m_session); });
            if (!outcomes[i])
                spdlog::warn("write failed and was rolled back: {}", outcomes[i].message());
        }
        catchUpWhenIdle();
        return Ok{};
    });
}

void Writer::catchUpWhenIdle()
{
    // While more jobs wait, the next batch catches up on these rows with its own: one pass
    // over a poll's mentions costs less than one per batch, and search is current once the
    // queue is.
    {
        std::lock_guard lock(m_mutex);
        if (!m_queue.empty() && !m_stopping)
            return;
    }
    // Lagging behind is better than losing the batch: on failure the next batch catches up.
    if (auto caughtUp = m_session->transaction([&] { return m_session->catchUp(); }); !caughtUp)
        spdlog::error("full-text indexing postponed: {}", caughtUp.message());
}

}  // namespace earshot::store
