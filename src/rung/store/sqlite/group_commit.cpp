#include "rung/store/sqlite/group_commit.hpp"

#include <utility>
#include <vector>

#include "rung/store/sqlite/writer.hpp"

namespace rung::store::sqlite {

namespace {

// A transaction-control statement, prepared once on the connection.
Result<void> control(Connection& db, std::string_view sql) {
  RUNG_TRY_ASSIGN(auto query, db.query(sql));
  return query->run();
}

Error rolled_back() {
  return Error{
      "store.sqlite", "the write was rolled back by the database", {}, "", ErrorKind::internal};
}

// The writes after `from` in the batch fail with `error` (a new transaction could not begin).
void fail_after(std::span<PendingWrite* const> batch, const PendingWrite* from,
                const Error& error) {
  bool after = false;
  for (PendingWrite* write : batch) {
    if (after) {
      write->result = tl::unexpected(error);
    }
    after = after || write == from;
  }
}

// Runs one body; true when its changes stand (to be committed with the batch). On false its
// changes are undone, or SQLite ended the whole transaction (the caller checks).
bool apply(Connection& db, PendingWrite& write, bool alone) {
  if (!alone && !control(db, "SAVEPOINT one_write")) {
    write.result = tl::unexpected(rolled_back());
    return false;
  }
  ConnectionWriter writer(db);
  try {
    write.result = (*write.body)(writer);
  } catch (...) {
    write.thrown = std::current_exception();
  }
  const bool ok = write.result && !write.thrown;
  if (!db.in_transaction()) {
    if (ok) {
      write.result = tl::unexpected(rolled_back());
    }
    return false;
  }
  if (alone) {
    if (!ok) {
      (void)control(db, "ROLLBACK");
    }
    return ok;
  }
  if (!ok) {
    (void)control(db, "ROLLBACK TO one_write");
  }
  (void)control(db, "RELEASE one_write");
  return ok;
}

}  // namespace

void run_batch(Connection& db, std::span<PendingWrite* const> batch) {
  if (auto begun = control(db, "BEGIN IMMEDIATE"); !begun) {
    for (PendingWrite* write : batch) {
      write->result = tl::unexpected(begun.error());
    }
    return;
  }
  const bool alone = batch.size() == 1;
  std::vector<PendingWrite*> applied;
  for (PendingWrite* write : batch) {
    if (apply(db, *write, alone)) {
      applied.push_back(write);
      continue;
    }
    if (alone || db.in_transaction()) {
      continue;
    }
    // SQLite rolled the whole transaction back (I/O error, disk full): the writes applied
    // before this one are gone too, and fail with its error; the rest start anew.
    const Error lost = write->result ? rolled_back() : write->result.error();
    for (PendingWrite* earlier : applied) {
      earlier->result = tl::unexpected(lost);
    }
    applied.clear();
    if (auto begun = control(db, "BEGIN IMMEDIATE"); !begun) {
      fail_after(batch, write, begun.error());
      return;
    }
  }
  if (!db.in_transaction()) {
    return;  // a lone write that failed: already rolled back
  }
  if (auto committed = control(db, "COMMIT"); !committed) {
    (void)control(db, "ROLLBACK");
    for (PendingWrite* write : applied) {
      write->result = tl::unexpected(committed.error());
    }
  }
}

std::size_t WriteQueue::waiting() {
  std::lock_guard lock(m_mutex);
  return m_waiting.size();
}

void Turn::give(Next next) {
  // Given under the lock: the waiter cannot return (and destroy this) before it is released.
  std::lock_guard lock(m_mutex);
  m_next = next;
  m_given.notify_one();
}

Turn::Next Turn::take() {
  std::unique_lock lock(m_mutex);
  m_given.wait(lock, [this] { return m_next != Next::wait; });
  return std::exchange(m_next, Next::wait);
}

Result<void> WriteQueue::submit(const WriteBody& body, const RunBatch& run) {
  PendingWrite mine(body);
  bool leading = false;
  {
    std::lock_guard lock(m_mutex);
    m_waiting.push_back(&mine);
    leading = !std::exchange(m_leading, true);
  }
  // A thread given the lead is the oldest waiting, so the batch it takes includes its own write.
  if (leading || mine.turn.take() == Turn::Next::lead) {
    lead(run, &mine);
  }
  if (mine.thrown) {
    std::rethrow_exception(mine.thrown);
  }
  return std::move(mine.result);
}

void WriteQueue::lead(const RunBatch& run, const PendingWrite* self) {
  std::vector<PendingWrite*> batch;
  {
    std::lock_guard lock(m_mutex);
    while (!m_waiting.empty() && batch.size() < m_max_batch) {
      batch.push_back(m_waiting.front());
      m_waiting.pop_front();
    }
  }
  try {
    run(batch);
  } catch (...) {
    // A runner must not throw; if it does, no write of the batch is known to have committed.
    for (PendingWrite* write : batch) {
      write->thrown = std::current_exception();
    }
  }
  PendingWrite* next = nullptr;
  {
    std::lock_guard lock(m_mutex);
    if (m_waiting.empty()) {
      m_leading = false;
    } else {
      next = m_waiting.front();
    }
  }
  // The next batch starts first; then this batch's writers go back to their callers.
  if (next != nullptr) {
    next->turn.give(Turn::Next::lead);
  }
  for (PendingWrite* write : batch) {
    if (write != self) {
      write->turn.give(Turn::Next::done);
    }
  }
}

}  // namespace rung::store::sqlite
