// The OpenID Connect login-state part of the Store contract (schema 11), run against every
// implementation: a state round-trips with every field, its digest is unique, it can be taken
// once only, and expired ones are deleted by their creation time.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace rung::store {
namespace {

using testing::all_implementations;
using testing::implementation_name;
using testing::StoreFixture;

LoginState make_login_state(std::string hash, Millis at) {
  LoginState state;
  state.state_hash = std::move(hash);
  state.nonce = "nonce-" + state.state_hash;
  state.code_verifier = "verifier «" + state.state_hash + "»";
  state.next = "/people/3?tab=plan";
  state.created_at = at;
  return state;
}

class LoginStateContract : public StoreFixture {
 protected:
  std::optional<LoginState> take(std::string_view hash) {
    std::optional<LoginState> out;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(out, w.take_login_state(hash));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return out;
  }
};

TEST_P(LoginStateContract, AStateIsTakenOnceWithEveryField) {
  const LoginState state = make_login_state("digest-1", 1000);
  ASSERT_EQ(error_of([&](Writer& w) { return w.insert_login_state(state); }), "");
  EXPECT_EQ(take("digest-2"), std::nullopt);
  EXPECT_EQ(take("digest-1"), state);
  EXPECT_EQ(take("digest-1"), std::nullopt);
}

TEST_P(LoginStateContract, ADigestIsStoredOnce) {
  ASSERT_EQ(error_of([&](Writer& w) { return w.insert_login_state(make_login_state("d", 1)); }),
            "");
  EXPECT_EQ(error_of([&](Writer& w) { return w.insert_login_state(make_login_state("d", 2)); }),
            "store.conflict");
  EXPECT_EQ(take("d")->created_at, 1);
}

TEST_P(LoginStateContract, ExpiredStatesAreDeletedByCreationTime) {
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.insert_login_state(make_login_state("old", 1000)));
              RUNG_TRY(w.insert_login_state(make_login_state("edge", 2000)));
              return w.insert_login_state(make_login_state("new", 3000));
            }),
            "");
  std::size_t deleted = 0;
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY_ASSIGN(deleted, w.delete_login_states_before(2000));
              return {};
            }),
            "");
  EXPECT_EQ(deleted, 1U);
  EXPECT_EQ(take("old"), std::nullopt);
  EXPECT_TRUE(take("edge"));
  EXPECT_TRUE(take("new"));
}

INSTANTIATE_TEST_SUITE_P(Store, LoginStateContract, all_implementations(), implementation_name);

// Schema 12 (several instances on one store): sign-in failures are counted per key within a
// window, taken back one at a time, cleared per key and pruned by time; uploads waiting for
// Apply round-trip with every field (any bytes, as base64 text), are updated by digest and
// expire by creation time.
class InstancesContract : public StoreFixture {
 protected:
  SignInFailures failures(std::string_view key, Millis since) {
    SignInFailures out;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(out, w.sign_in_failures(key, since));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return out;
  }
  std::optional<PendingImport> upload(std::string_view hash) {
    std::optional<PendingImport> out;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(out, w.pending_import(hash));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return out;
  }
};

PendingImport make_upload(std::string hash, Millis at) {
  PendingImport upload;
  upload.token_hash = std::move(hash);
  upload.actor = "hr@example.com";
  upload.filename = "Personal «Q4».csv";
  upload.content = "ZW1haWwsbmFtZQo=";
  upload.people_version = 7;
  upload.created_at = at;
  return upload;
}

TEST_P(InstancesContract, FailuresAreCountedPerKeyWithinTheWindow) {
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.add_sign_in_failure("login:a", 1000));
              RUNG_TRY(w.add_sign_in_failure("login:a", 2000));
              RUNG_TRY(w.add_sign_in_failure("login:a", 2000));  // two in one millisecond
              RUNG_TRY(w.add_sign_in_failure("login:b", 1500));
              return w.add_sign_in_failure("login:a", 3000);
            }),
            "");
  EXPECT_EQ(failures("login:a", 0).count, 4);
  EXPECT_EQ(failures("login:a", 0).oldest, 1000);
  EXPECT_EQ(failures("login:a", 1000).count, 3);  // after `since`: 1000 is out
  EXPECT_EQ(failures("login:a", 1000).oldest, 2000);
  EXPECT_EQ(failures("login:b", 0).count, 1);
  EXPECT_EQ(failures("login:c", 0).count, 0);
  EXPECT_EQ(failures("login:c", 0).oldest, 0);
}

TEST_P(InstancesContract, FailuresAreTakenBackClearedAndPruned) {
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.add_sign_in_failure("address:x", 2000));
              RUNG_TRY(w.add_sign_in_failure("address:x", 2000));
              RUNG_TRY(w.add_sign_in_failure("address:x", 4000));
              RUNG_TRY(w.add_sign_in_failure("login:a", 1000));
              return w.add_sign_in_failure("login:a", 5000);
            }),
            "");
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.remove_sign_in_failure("address:x", 2000));
              return w.remove_sign_in_failure("address:x", 9999);  // none there: nothing
            }),
            "");
  EXPECT_EQ(failures("address:x", 0).count, 2);
  std::size_t cleared = 0;
  std::size_t pruned = 0;
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY_ASSIGN(cleared, w.clear_sign_in_failures("login:a"));
              RUNG_TRY_ASSIGN(pruned, w.delete_sign_in_failures_before(2000));
              return {};
            }),
            "");
  EXPECT_EQ(cleared, 2U);
  EXPECT_EQ(pruned, 1U);  // address:x at 2000 (its count of one); 4000 stays
  EXPECT_EQ(failures("login:a", 0).count, 0);
  EXPECT_EQ(failures("address:x", 0).count, 1);
  EXPECT_EQ(failures("address:x", 0).oldest, 4000);
}

TEST_P(InstancesContract, AnUploadRoundTripsAndIsUpdatedByDigest) {
  const PendingImport first = make_upload("digest-1", 1000);
  ASSERT_EQ(error_of([&](Writer& w) { return w.insert_pending_import(first); }), "");
  EXPECT_EQ(error_of([&](Writer& w) { return w.insert_pending_import(first); }), "store.conflict");
  EXPECT_EQ(upload("digest-1"), first);
  EXPECT_EQ(upload("digest-2"), std::nullopt);

  PendingImport applied = first;
  applied.content.clear();
  applied.people_version = 9;
  applied.applied_at = 1500;
  ASSERT_EQ(error_of([&](Writer& w) { return w.update_pending_import(applied); }), "");
  EXPECT_EQ(upload("digest-1"), applied);
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_pending_import(make_upload("x", 1)); }),
            "store.not-found");
}

TEST_P(InstancesContract, ExpiredUploadsAreDeletedByCreationTime) {
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.insert_pending_import(make_upload("old", 1000)));
              RUNG_TRY(w.insert_pending_import(make_upload("edge", 2000)));
              return w.insert_pending_import(make_upload("new", 3000));
            }),
            "");
  std::size_t deleted = 0;
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY_ASSIGN(deleted, w.delete_pending_imports_before(2000));
              return {};
            }),
            "");
  EXPECT_EQ(deleted, 1U);
  EXPECT_EQ(upload("old"), std::nullopt);
  EXPECT_TRUE(upload("edge"));
  EXPECT_TRUE(upload("new"));
}

INSTANTIATE_TEST_SUITE_P(Store, InstancesContract, all_implementations(), implementation_name);

}  // namespace
}  // namespace rung::store
