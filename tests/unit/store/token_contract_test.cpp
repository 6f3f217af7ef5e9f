// The API token part of the Store contract (schema 7), run against every implementation: a
// token round-trips with every field, belongs to an existing account, its digest is unique,
// touching and revoking change only their field, and a revocation keeps its first time.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace rung::store {
namespace {

using testing::all_implementations;
using testing::implementation_name;
using testing::make_account;
using testing::StoreFixture;

class TokenContract : public StoreFixture {
 protected:
  Id insert_token(const ApiToken& token) {
    Id id = 0;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, w.insert_api_token(token));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return id;
  }
};

ApiToken make_token(std::string hash, Id account, std::string name) {
  ApiToken token;
  token.token_hash = std::move(hash);
  token.account = account;
  token.name = std::move(name);
  token.created_at = 1000;
  return token;
}

TEST_P(TokenContract, ATokenRoundTripsWithEveryField) {
  const Id ann = insert(make_account("ann@example.com"));
  ApiToken token = make_token("digest-1", ann, "CI «export»");
  token.read_only = true;
  token.expires_at = 9000;
  token.last_used_at = 0;
  token.id = insert_token(token);
  EXPECT_GT(token.id, 0);
  EXPECT_EQ(store().api_token(token.id).value(), token);
  EXPECT_EQ(store().api_token_by_hash("digest-1").value(), token);
  EXPECT_EQ(store().api_token_by_hash("digest-2").value(), std::nullopt);
  EXPECT_EQ(store().api_token(token.id + 5).value(), std::nullopt);
}

TEST_P(TokenContract, ATokenBelongsToAnAccountAndItsDigestIsUnique) {
  const Id ann = insert(make_account("ann@example.com"));
  insert_token(make_token("digest-1", ann, "one"));
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.insert_api_token(make_token("digest-1", ann, "again")).map([](Id) {});
            }),
            "store.conflict");
  EXPECT_EQ(error_of([&](Writer& w) {
              return w.insert_api_token(make_token("digest-2", ann + 9, "nobody")).map([](Id) {});
            }),
            "store.conflict");
  EXPECT_EQ(store().api_tokens().value().size(), 1U);
}

TEST_P(TokenContract, TokensAreListedByAccountAndAllInIdOrder) {
  const Id ann = insert(make_account("ann@example.com"));
  const Id bob = insert(make_account("bob@example.com"));
  const Id a1 = insert_token(make_token("a1", ann, "first"));
  const Id b1 = insert_token(make_token("b1", bob, "bob's"));
  const Id a2 = insert_token(make_token("a2", ann, "second"));
  const auto of_ann = store().api_tokens_of(ann).value();
  ASSERT_EQ(of_ann.size(), 2U);
  EXPECT_EQ(of_ann[0].id, a1);
  EXPECT_EQ(of_ann[1].id, a2);
  const auto all = store().api_tokens().value();
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[1].id, b1);
  EXPECT_TRUE(store().api_tokens_of(ann + bob + 10).value().empty());
}

TEST_P(TokenContract, TouchAndRevokeChangeOnlyTheirField) {
  const Id ann = insert(make_account("ann@example.com"));
  const ApiToken before = make_token("digest-1", ann, "one");
  const Id id = insert_token(before);
  ASSERT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.touch_api_token(id, 5000));
              return w.touch_api_token(id + 40, 5000);
            }),
            "");
  auto after = store().api_token(id).value();
  ASSERT_TRUE(after);
  EXPECT_EQ(after->last_used_at, 5000);
  EXPECT_EQ(after->revoked_at, 0);

  ASSERT_EQ(error_of([&](Writer& w) { return w.revoke_api_token(id, 6000); }), "");
  ASSERT_EQ(error_of([&](Writer& w) { return w.revoke_api_token(id, 7000); }), "");
  after = store().api_token(id).value();
  EXPECT_EQ(after->revoked_at, 6000);
  EXPECT_EQ(after->name, "one");
  EXPECT_EQ(error_of([&](Writer& w) { return w.revoke_api_token(id + 40, 6000); }),
            "store.not-found");
}

INSTANTIATE_TEST_SUITE_P(Store, TokenContract, all_implementations(), implementation_name);

}  // namespace
}  // namespace rung::store
