// The one writer: a thread that owns the read-write connection and runs queued jobs.
// Whatever is queued when it wakes is written in one transaction; when a job fails, the
// batch is written again with each job in its own savepoint, so one failing job never takes
// its neighbours' rows with it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Database.h"

namespace earshot::store {

class StoreWriter {
public:
    using Work = std::function<Status(Database&)>;
    // Runs on the writer thread once the job's outcome is durable (committed) or failed.
    using Done = std::function<void(const Status&)>;

    explicit StoreWriter(Database db);
    // Finishes every queued job, then stops the thread.
    ~StoreWriter();
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    void submit(Work work, Done done = {});
    // Submits and blocks until the job is committed (or failed).
    Status run(Work work);
    // Blocks until everything queued so far is written.
    void flush();

private:
    struct Job {
        Work work;
        Done done;
    };
    void loop();
    void writeBatch(std::deque<Job>& batch);
    // The fallback after a failed batch: a savepoint per job; fills each job's outcome.
    Status writeJobByJob(std::deque<Job>& batch, std::vector<Status>& outcomes);
    void indexForSearch();

    Database m_db;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace earshot::store
