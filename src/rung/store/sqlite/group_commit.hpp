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

// How a waiting write learns what to do next: its batch is over, or it is to lead the next one.
// Each write has its own, so a finished batch wakes exactly its own threads, and none of them
// has to take the queue's lock again to return.
class Turn {
 public:
  enum class Next { wait, done, lead };
  void give(Next next);
  Next take();  // waits until given

 private:
  std::mutex m_mutex;
  std::condition_variable m_given;
  Next m_next = Next::wait;
};

struct PendingWrite {
  explicit PendingWrite(const WriteBody& b) : body(&b) {}
  const WriteBody* body;
  Result<void> result;        // the body's error, or the commit's
  std::exception_ptr thrown;  // what the body threw, rethrown on its caller's thread
  Turn turn;
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
  // One thread at a time runs `run`: the first to arrive at an idle queue, then, batch after
  // batch, the oldest write still waiting, so the write that waited longest leads next.
  Result<void> submit(const WriteBody& body, const RunBatch& run);

  // Writes queued and not yet taken into a batch (for tests).
  std::size_t waiting();

 private:
  // Runs one batch from the front of the queue (`self` is in it), then hands over.
  void lead(const RunBatch& run, const PendingWrite* self);

  std::size_t m_max_batch;
  std::mutex m_mutex;
  std::deque<PendingWrite*> m_waiting;  // guarded by m_mutex, as is m_leading
  bool m_leading = false;               // when false, m_waiting is empty
};

}  // namespace rung::store::sqlite
