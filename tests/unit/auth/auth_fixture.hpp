#pragma once

// A memory store with one person and their account, a fake clock the test moves by hand, and
// Sessions over both, using the cheapest Argon2id so that tests stay quick.

#include <chrono>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "rung/auth/password.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/store/memory/store.hpp"

namespace rung::auth::testing {

inline constexpr std::string_view k_login = "ada@example.com";
inline constexpr std::string_view k_password = "correct horse battery";

class AuthTest : public ::testing::Test {
 protected:
  AuthTest() : m_store(store::memory::make_store()) {}

  void SetUp() override {
    ada = add_account(std::string(k_login), std::string(k_password), false);
    store::Person person;
    person.name = "Ada Lovelace";
    person.email = std::string(k_login);
    person.track = "swe";
    person.level = "swe-3";
    ASSERT_TRUE(m_store->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY(w.insert_person(person));
      return {};
    }));
  }

  SessionOptions options() {
    SessionOptions out;
    out.hash_cost = HashCost::test_minimum;
    out.clock = [this] { return now; };
    return out;
  }

  // Inserts an account with a known password directly (no audit entry).
  store::Id add_account(const std::string& login, const std::string& password, bool admin) {
    store::Account account;
    account.login = login;
    account.password_hash = *hash_password(password, HashCost::test_minimum);
    account.admin = admin;
    account.created_at = now;
    account.password_changed_at = now;
    store::Id id = 0;
    EXPECT_TRUE(m_store->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, w.insert_account(account));
      return {};
    }));
    return id;
  }

  void advance(std::chrono::milliseconds by) { now += by.count(); }

  store::Store& db() { return *m_store; }

  std::vector<store::AuditEntry> audit(std::string action = "") {
    store::AuditQuery query;
    query.action = std::move(action);
    query.limit = 1000;
    return m_store->audit(query).value();
  }

  store::Millis now = 1'750'000'000'000;
  store::Id ada = 0;

 private:
  std::unique_ptr<store::Store> m_store;
};

}  // namespace rung::auth::testing
