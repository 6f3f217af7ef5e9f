// Group commit (store/sqlite/group_commit.hpp): the queue gathers writes that wait into one
// batch, and the batch runner keeps each write all-or-nothing inside the shared transaction.
#include "rung/store/sqlite/group_commit.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "rung/store/sqlite/store.hpp"
#include "rung/store/sqlite/writer.hpp"

#include "../store_support.hpp"

namespace rung::store::sqlite {
namespace {

using namespace std::chrono_literals;
using testing::make_person;
using testing::ScratchDir;

Result<void> nothing(Writer&) {
  return {};
}

// Waits (briefly) until `n` writes wait in `queue`.
bool wait_for_waiting(WriteQueue& queue, std::size_t n) {
  for (int i = 0; i < 2000 && queue.waiting() < n; ++i) {
    std::this_thread::sleep_for(1ms);
  }
  return queue.waiting() == n;
}

// Runs a first batch that holds the queue until `release`, while `later` more writes arrive;
// returns the size of every batch, in order.
std::vector<std::size_t> batch_sizes(std::size_t limit, int later) {
  WriteQueue queue(limit);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::vector<std::size_t> batches;  // appended by the leading thread, read after all joined
  std::atomic<bool> started{false};
  const RunBatch run = [&](std::span<PendingWrite* const> batch) {
    batches.push_back(batch.size());
    for (PendingWrite* write : batch) {
      write->result = {};
    }
    if (!started.exchange(true)) {
      released.wait();
    }
  };
  WriteBody body = nothing;
  auto first = std::async(std::launch::async, [&] { return queue.submit(body, run); });
  while (!started) {
    std::this_thread::sleep_for(1ms);
  }
  std::vector<std::future<Result<void>>> waiting;
  for (int i = 0; i < later; ++i) {
    waiting.push_back(std::async(std::launch::async, [&] { return queue.submit(body, run); }));
    EXPECT_TRUE(wait_for_waiting(queue, static_cast<std::size_t>(i) + 1));
  }
  release.set_value();
  EXPECT_TRUE(first.get());
  for (auto& f : waiting) {
    EXPECT_TRUE(f.get());
  }
  return batches;
}

TEST(WriteQueue, WritesThatWaitShareTheNextBatch) {
  EXPECT_EQ(batch_sizes(64, 3), (std::vector<std::size_t>{1, 3}));
}

TEST(WriteQueue, ABatchTakesAtMostItsLimit) {
  EXPECT_EQ(batch_sizes(2, 5), (std::vector<std::size_t>{1, 2, 2, 1}));
}

TEST(WriteQueue, WhatABodyThrowsReachesItsOwnCallerOnly) {
  ScratchDir dir;
  auto store = open_store(dir / "rung.db", {});
  ASSERT_TRUE(store) << store.error().to_string();
  EXPECT_THROW((void)(*store)->write([](Writer& w) -> Result<void> {
    (void)w.insert_person(make_person("ann"));
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_TRUE((*store)->write([](Writer& w) -> Result<void> {
    return w.insert_person(make_person("bob")).map([](Id) {});
  }));
  const auto people = (*store)->people().value();
  ASSERT_EQ(people.size(), 1U);
  EXPECT_EQ(people[0].name, "bob");
}

// A database with rung's schema, and a bare connection to it for run_batch.
class RunBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(open_store(m_dir / "rung.db", {}));  // creates the schema, then closes
    auto connection = Connection::open(m_dir / "rung.db", OpenMode::read_write);
    ASSERT_TRUE(connection) << connection.error().to_string();
    m_db = std::move(*connection);
  }

  std::vector<std::string> names() {
    std::vector<std::string> out;
    ConnectionWriter reader(*m_db);
    const auto people = reader.people().value();
    for (const auto& person : people) {
      out.push_back(person.name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  static WriteBody insert(std::string name) {
    return [name](Writer& w) -> Result<void> {
      return w.insert_person(make_person(name)).map([](Id) {});
    };
  }

  ScratchDir m_dir;
  std::unique_ptr<Connection> m_db;
};

TEST_F(RunBatchTest, EachWriteOfABatchStandsOrFallsAlone) {
  WriteBody ann = insert("ann");
  WriteBody fails = [](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(make_person("bob")));
    return fail("test.refused", "refused after a change");
  };
  WriteBody throws = [](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(make_person("cy")));
    throw std::runtime_error("thrown after a change");
  };
  WriteBody dee = insert("dee");
  PendingWrite a(ann), b(fails), c(throws), d(dee);
  std::vector<PendingWrite*> batch{&a, &b, &c, &d};
  run_batch(*m_db, batch);
  EXPECT_TRUE(a.result && !a.thrown);
  ASSERT_FALSE(b.result);
  EXPECT_EQ(b.result.error().code, "test.refused");
  EXPECT_TRUE(c.thrown);
  EXPECT_TRUE(d.result && !d.thrown);
  EXPECT_FALSE(m_db->in_transaction());
  EXPECT_EQ(names(), (std::vector<std::string>{"ann", "dee"}));
}

TEST_F(RunBatchTest, ALoneWriteThatFailsLeavesNothing) {
  WriteBody fails = [](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(make_person("bob")));
    return fail("test.refused", "refused after a change");
  };
  PendingWrite only(fails);
  std::vector<PendingWrite*> batch{&only};
  run_batch(*m_db, batch);
  EXPECT_FALSE(only.result);
  EXPECT_FALSE(m_db->in_transaction());
  EXPECT_TRUE(names().empty());
}

TEST_F(RunBatchTest, WhenTheDatabaseEndsTheTransactionTheWritesBeforeFailToo) {
  // A body after which the transaction is gone, as after an I/O error or a full disk.
  Connection& db = *m_db;
  WriteBody ann = insert("ann");
  WriteBody ends = [&db](Writer& w) -> Result<void> {
    RUNG_TRY(w.insert_person(make_person("bob")));
    RUNG_TRY(db.exec("ROLLBACK"));
    return fail("test.disk-full", "the disk is full");
  };
  WriteBody cy = insert("cy");
  PendingWrite a(ann), b(ends), c(cy);
  std::vector<PendingWrite*> batch{&a, &b, &c};
  run_batch(*m_db, batch);
  ASSERT_FALSE(a.result);  // applied before, then lost with the transaction: not acknowledged
  EXPECT_EQ(a.result.error().code, "test.disk-full");
  ASSERT_FALSE(b.result);
  EXPECT_TRUE(c.result);  // ran in a new transaction, committed
  EXPECT_EQ(names(), (std::vector<std::string>{"cy"}));
}

TEST(SqliteStoreGroupCommit, ConcurrentWritersAllLandWithOneAuditEntryEach) {
  ScratchDir dir;
  auto store = open_store(dir / "rung.db", {});
  ASSERT_TRUE(store) << store.error().to_string();
  constexpr int k_threads = 8;
  constexpr int k_each = 40;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < k_each; ++i) {
        auto done = (*store)->write([&](Writer& w) -> Result<void> {
          RUNG_TRY_ASSIGN(const Id id, w.insert_person(make_person(fmt::format("p{}-{}", t, i))));
          if (i % 10 == 9) {
            return fail("test.refused", "every tenth write is refused");
          }
          return w
              .append_audit(
                  testing::make_entry(1, "test", "person.create", fmt::format("person:{}", id)))
              .map([](Id) {});
        });
        if (!done) {
          failures.fetch_add(1);
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(failures.load(), k_threads * (k_each / 10));
  const auto people = (*store)->people().value();
  EXPECT_EQ(people.size(), static_cast<std::size_t>(k_threads * (k_each - k_each / 10)));
  AuditQuery all;
  all.limit = 100000;
  EXPECT_EQ((*store)->audit(all).value().size(), people.size());
}

}  // namespace
}  // namespace rung::store::sqlite
