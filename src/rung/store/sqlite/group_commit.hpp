#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>

#include "rung/store/sqlite/connection.hpp"
#include "rung/store/store.hpp"

// Group commit: writes that arrive while another is being committed wait in a queue, and the
// next one to run takes everything queued (up to a batch limit) into one transaction, so that
// many writers share one commit and one sync of the log. Each write still succeeds or fails
// alone: the batch runner gives every body its own savepoint and rolls back only that one on
// an error. Every waiting thread returns only after the commit its body was part of, so a write
// that returned is as durable as the connection's synchronous setting makes any commit.
namespace rung::store::sqlite {

struct PendingWrite {
  explicit PendingWrite(const WriteBody& b) : body(&b) {}
  const WriteBody* body;
  Result<void> result;        // the body's error, or the commit's
  std::exception_ptr thrown;  // what the body threw, rethrown on its caller's thread
  bool done = false;          // guarded by the queue's mutex
};

// Runs a batch: must set every write's result (or thrown) and must not throw.
using RunBatch = std::function<void(std::span<PendingWrite* const> batch)>;

// The batch runner of the SQLite store: one transaction (BEGIN IMMEDIATE ... COMMIT) on `db`
// for the whole batch. A lone write runs as a plain transaction; in a batch each body runs in
// its own savepoint, so a body's error (or exception) undoes that body alone. If the commit
// fails, every write applied in the batch fails with the commit's error; if SQLite ends the
// transaction itself (an I/O error, a full disk), the writes applied before fail with that error.
void run_batch(Connection& db, std::span<PendingWrite* const> batch);

class WriteQueue {
 public:
  explicit WriteQueue(std::size_t max_batch) : m_max_batch(max_batch == 0 ? 1 : max_batch) {}

  // Queues `body` and returns its result once the batch that ran it has committed or failed.
  // One thread at a time runs `run`; the others wait or lead the next batch.
  Result<void> submit(const WriteBody& body, const RunBatch& run);

  // Writes queued and not yet taken into a batch (for tests).
  std::size_t waiting();

 private:
  std::size_t m_max_batch;
  std::mutex m_mutex;
  std::condition_variable m_finished;
  std::deque<PendingWrite*> m_waiting;
  bool m_leading = false;
};

}  // namespace rung::store::sqlite
