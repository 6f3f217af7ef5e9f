#pragma once

#include <memory>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "rung/store/memory/store.hpp"
#include "rung/store/postgres/store.hpp"
#include "rung/store/sqlite/store.hpp"

#include "store_support.hpp"
#include "support/postgres.hpp"

// The fixture of the Store contract suites: each test runs once per implementation.
namespace rung::store::testing {

struct Implementation {
  std::string name;
  std::unique_ptr<Store> (*open)(const ScratchDir& dir);
};

inline std::unique_ptr<Store> open_memory(const ScratchDir&) {
  return memory::make_store();
}

inline std::unique_ptr<Store> open_sqlite_file(const ScratchDir& dir) {
  auto store = sqlite::open_store(dir / "rung.db");
  if (!store) {
    ADD_FAILURE() << store.error().to_string();
    return nullptr;
  }
  return std::move(*store);
}

// A store on a fresh schema of the test cluster (support/postgres.hpp).
inline std::unique_ptr<Store> open_postgres(const ScratchDir&) {
  auto uri = test_support::postgres_test_uri();
  if (!uri) {
    ADD_FAILURE() << uri.error().to_string();
    return nullptr;
  }
  auto store = postgres::open_store(*uri);
  if (!store) {
    ADD_FAILURE() << store.error().to_string();
    return nullptr;
  }
  return std::move(*store);
}

class StoreFixture : public ::testing::TestWithParam<Implementation> {
 protected:
  void SetUp() override {
    m_store = GetParam().open(m_dir);
    ASSERT_NE(m_store, nullptr);
  }

  Store& store() { return *m_store; }

  // Inserts in one write and returns the new id; fails the test on an error.
  Id insert(const Person& person) {
    Id id = 0;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, w.insert_person(person));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return id;
  }
  Id insert(const Account& account) {
    Id id = 0;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, w.insert_account(account));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return id;
  }
  // The error a single-operation write ends with ("" when it succeeded).
  std::string error_of(const WriteBody& body) {
    auto done = store().write(body);
    return done ? "" : done.error().code;
  }

 private:
  ScratchDir m_dir;
  std::unique_ptr<Store> m_store;
};

// gtest prints a parameter by its name ("sqlite") rather than its bytes.
inline void PrintTo(const Implementation& implementation, std::ostream* out) {
  *out << implementation.name;
}

// Every implementation the contract suites run against.
inline auto all_implementations() {
  return ::testing::Values(Implementation{"memory", open_memory},
                           Implementation{"sqlite", open_sqlite_file},
                           Implementation{"postgres", open_postgres});
}

inline std::string implementation_name(const ::testing::TestParamInfo<Implementation>& info) {
  return info.param.name;
}

}  // namespace rung::store::testing
