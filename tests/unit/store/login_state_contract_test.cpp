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

}  // namespace
}  // namespace rung::store
