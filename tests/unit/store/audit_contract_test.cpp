// The audit part of the Store contract, run against every implementation: entries come back
// newest first, each filter narrows, and paging by id walks the whole log exactly once.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace rung::store {
namespace {

using testing::all_implementations;
using testing::implementation_name;
using testing::make_entry;
using testing::StoreFixture;

class AuditContract : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    const std::vector<AuditEntry> log{
        make_entry(1000, "admin", "person.create", "person:1"),
        make_entry(2000, "admin", "person.update", "person:1"),
        make_entry(3000, "cli:root", "person.create", "person:2"),
        make_entry(4000, "ann@example.com", "session.sign-in", "account:2"),
        make_entry(5000, "admin", "account.password-reset", "account:2"),
        make_entry(6000, "admin", "personal.note", "person:1"),
    };
    auto done = store().write([&](Writer& w) -> Result<void> {
      for (const auto& entry : log) {
        RUNG_TRY_ASSIGN(const Id id, w.append_audit(entry));
        m_ids.push_back(id);
      }
      return {};
    });
    ASSERT_TRUE(done) << done.error().to_string();
  }

  // The `at` of each entry the query returns, in the order returned.
  std::vector<Millis> times(const AuditQuery& query) {
    std::vector<Millis> out;
    const auto entries = store().audit(query).value();
    for (const auto& entry : entries) {
      out.push_back(entry.at);
    }
    return out;
  }

  std::vector<Id> m_ids;
};

using Times = std::vector<Millis>;

// Builds an AuditQuery one field at a time: Q().actor("admin").limit(2).
struct Q {
  AuditQuery query;
  Q& actor(std::string v) {
    query.actor = std::move(v);
    return *this;
  }
  Q& action(std::string v) {
    query.action = std::move(v);
    return *this;
  }
  Q& subject(std::string v) {
    query.subject = std::move(v);
    return *this;
  }
  Q& since(Millis v) {
    query.since = v;
    return *this;
  }
  Q& until(Millis v) {
    query.until = v;
    return *this;
  }
  Q& limit(std::size_t v) {
    query.limit = v;
    return *this;
  }
  operator const AuditQuery&() const { return query; }
};

TEST_P(AuditContract, IdsIncreaseAndEntriesRoundTrip) {
  ASSERT_EQ(m_ids.size(), 6U);
  for (std::size_t i = 1; i < m_ids.size(); ++i) {
    EXPECT_GT(m_ids[i], m_ids[i - 1]);
  }
  AuditEntry expected = make_entry(6000, "admin", "personal.note", "person:1");
  expected.id = m_ids.back();
  EXPECT_EQ(store().audit({}).value().front(), expected);
}

TEST_P(AuditContract, NewestFirstWithNoFilter) {
  EXPECT_EQ(times({}), (Times{6000, 5000, 4000, 3000, 2000, 1000}));
}

TEST_P(AuditContract, FiltersByActorAndSubjectExactly) {
  EXPECT_EQ(times(Q().actor("admin")), (Times{6000, 5000, 2000, 1000}));
  EXPECT_EQ(times(Q().actor("Admin")), Times{});
  EXPECT_EQ(times(Q().subject("account:2")), (Times{5000, 4000}));
  EXPECT_EQ(times(Q().actor("admin").subject("account:2")), Times{5000});
}

TEST_P(AuditContract, ActionIsExactOrAPrefixEndingInADot) {
  EXPECT_EQ(times(Q().action("person.create")), (Times{3000, 1000}));
  EXPECT_EQ(times(Q().action("person.")), (Times{3000, 2000, 1000}));
  // Without the dot it is an exact action, so "person" matches neither "person.*" nor
  // "personal.note".
  EXPECT_EQ(times(Q().action("person")), Times{});
  EXPECT_EQ(times(Q().action("person%")), Times{});
  EXPECT_EQ(times(Q().action("person_create")), Times{});
}

TEST_P(AuditContract, SinceIsInclusiveAndUntilExclusive) {
  EXPECT_EQ(times(Q().since(2000).until(5000)), (Times{4000, 3000, 2000}));
  EXPECT_EQ(times(Q().since(6001)), Times{});
  EXPECT_EQ(times(Q().until(1000)), Times{});
}

TEST_P(AuditContract, LimitAndBeforeIdPageThroughEverything) {
  EXPECT_EQ(times(Q().limit(0)), Times{});
  Times seen;
  AuditQuery page = Q().action("person.").limit(2);
  for (int pages = 0; pages < 10; ++pages) {
    const auto entries = store().audit(page).value();
    if (entries.empty()) {
      break;
    }
    EXPECT_LE(entries.size(), 2U);
    for (const auto& entry : entries) {
      seen.push_back(entry.at);
    }
    page.before_id = entries.back().id;
  }
  EXPECT_EQ(seen, (Times{3000, 2000, 1000}));
}

TEST_P(AuditContract, AnEntryAppendedInAFailedWriteIsGone) {
  auto done = store().write([](Writer& w) -> Result<void> {
    RUNG_TRY(w.append_audit(make_entry(7000, "admin", "person.create", "person:9")));
    return fail("test.stop", "stop");
  });
  EXPECT_FALSE(done);
  EXPECT_EQ(times(Q().since(7000)), Times{});
}

INSTANTIATE_TEST_SUITE_P(Store, AuditContract, all_implementations(), implementation_name);

}  // namespace
}  // namespace rung::store
