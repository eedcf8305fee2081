#pragma once
// A two-stage pipeline for bulk writes: a producer thread prepares batches (generating or parsing,
// serialising, hashing) while the calling thread writes them to SQLite, which allows one writer.
// On a 2-core machine this roughly doubles bulk throughput. The queue is bounded, so memory stays
// a few batches whatever the input size.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace flame {

template <class Batch> class BatchPipeline {
public:
    // `produce` runs on the producer thread; it calls push() for each batch and returns "" or an
    // error message. push() returns false once the consumer has stopped (stop producing then).
    using Producer = std::function<std::string(const std::function<bool(Batch&&)>& push)>;

    explicit BatchPipeline(Producer produce, std::size_t depth = 4) : m_depth(depth) {
        m_thread = std::thread([this, produce = std::move(produce)] {
            std::string error = produce([this](Batch&& b) { return push(std::move(b)); });
            std::lock_guard lock(m_mutex);
            m_error = std::move(error);
            m_finished = true;
            m_notEmpty.notify_all();
        });
    }
    BatchPipeline(const BatchPipeline&) = delete;
    BatchPipeline& operator=(const BatchPipeline&) = delete;
    ~BatchPipeline() {
        stop();
        if (m_thread.joinable()) m_thread.join();
    }

    // Next batch in production order; false when the producer is done (check error()).
    bool pop(Batch& out) {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_batches.empty() || m_finished; });
        if (m_batches.empty()) return false;
        out = std::move(m_batches.front());
        m_batches.pop_front();
        m_notFull.notify_one();
        return true;
    }
    // The consumer gives up (error or cancel): the producer's next push() returns false.
    void stop() {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_notFull.notify_all();
    }
    // The producer's error after pop() returned false ("" if it finished normally).
    std::string error() {
        std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    bool push(Batch&& batch) {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_batches.size() < m_depth || m_stopped; });
        if (m_stopped) return false;
        m_batches.push_back(std::move(batch));
        m_notEmpty.notify_one();
        return true;
    }

    std::size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<Batch> m_batches;
    bool m_finished = false, m_stopped = false;
    std::string m_error;
    std::thread m_thread;
};

} // namespace flame
