// The process's one writer: a thread that owns the workspace's writing session and runs
// queued jobs in order. Whatever is queued when it wakes is written in one transaction; when
// a job fails, the batch is written again with each job in a nested transaction of its own,
// so one failing job never takes its neighbours' rows with it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Session.h"

namespace earshot::store {

class Writer {
public:
    using Work = std::function<Status(Session&)>;
    // Runs on the writer thread once the job's outcome is durable (committed) or failed.
    using Done = std::function<void(const Status&)>;

    explicit Writer(std::unique_ptr<Session> session);
    // A writer for a workspace that cannot be written (its connection could not be opened):
    // every job fails with `why`.
    explicit Writer(Error why);
    // Finishes every queued job, then stops the thread.
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void submit(Work work, Done done = {});
    // Submits and blocks until the job is committed (or failed). Called from a job itself
    // (on the writer's thread) it runs the work at once, inside that job's transaction.
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
    // The fallback after a failed batch: a nested transaction per job; fills each job's outcome.
    Status writeJobByJob(std::deque<Job>& batch, std::vector<Status>& outcomes);
    void catchUpWhenIdle();

    std::unique_ptr<Session> m_session;   // null when unwritable
    Status m_unwritable = Ok{};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace earshot::store
