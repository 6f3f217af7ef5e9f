#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "rung/store/store.hpp"

// Helpers shared by the store tests: a scratch directory and small value builders.
namespace rung::store::testing {

// A fresh directory under the system temp dir, removed (with everything in it) on destruction.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device device;
    m_path = std::filesystem::temp_directory_path() /
             ("rung-store-test-" + std::to_string(device()) + std::to_string(device()));
    std::filesystem::create_directories(m_path);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(m_path, ignored);
  }
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

inline Person make_person(const std::string& name, std::optional<Id> manager = std::nullopt) {
  Person person;
  person.name = name;
  person.email = name + "@example.com";
  person.manager = manager;
  person.track = "swe";
  person.level = "swe-3";
  person.start_date = "2024-02-29";
  return person;
}

inline Account make_account(const std::string& login) {
  Account account;
  account.login = login;
  account.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  account.created_at = 1'700'000'000'000;
  account.password_changed_at = 1'700'000'000'000;
  return account;
}

inline Session make_session(const std::string& token_hash, Id account, Millis created,
                            Millis seen) {
  return Session{token_hash, account, "csrf-" + token_hash, created, seen};
}

inline AuditEntry make_entry(Millis at, const std::string& actor, const std::string& action,
                             const std::string& subject) {
  return AuditEntry{0, at, actor, action, subject, "", R"({"x":1})"};
}

}  // namespace rung::store::testing
