// `rung promotions export` run in-process: a cycle's published decisions as CSV (the header,
// one row per published decision in case order, unpublished and other cycles' cases left out,
// formula-like cells neutralised) and as JSON; an unknown cycle or a missing store is exit 2.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/cli/data_store.hpp"

#include "../store/store_support.hpp"
#include "support/run_rung.hpp"

namespace rung::cli {
namespace {

using store::testing::ScratchDir;
using test_support::run_rung;

class PromotionsExport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_data_store(data());
    ASSERT_TRUE(opened) << opened.error().to_string();
    auto done = (*opened)->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(const auto account, w.insert_account(store::testing::make_account("admin")));
      RUNG_TRY_ASSIGN(m_cycle, w.insert_cycle(store::ReviewCycle{
                                   0, "2026 H2", "2026-07-01", "2026-12-31", {}, {}}));
      RUNG_TRY_ASSIGN(const auto other, w.insert_cycle(store::ReviewCycle{
                                            0, "2027 H1", "2027-01-01", "2027-06-30", {}, {}}));
      store::Person ann = store::testing::make_person("ann");
      ann.level = "swe-4";
      RUNG_TRY_ASSIGN(const auto ann_id, w.insert_person(ann));
      store::Person eve = store::testing::make_person("=HYPERLINK(\"http://x\")");
      eve.email = "eve@example.com";
      RUNG_TRY_ASSIGN(const auto eve_id, w.insert_person(eve));
      store::PromotionCase c;
      c.from_track = "swe";
      c.target_track = "swe";
      c.opened_by_account = account;
      c.status = store::CaseStatus::decided;
      c.published = true;
      c.decided_at = 1'785'000'000'000;
      c.cycle = m_cycle;
      c.person = ann_id;
      c.from_level = "swe-3";
      c.target_level = "swe-4";
      c.outcome = store::CaseOutcome::approved;
      c.effective_date = "2026-09-01";
      RUNG_TRY(w.insert_promotion_case(c));
      c.person = eve_id;
      c.from_level = "swe-1";
      c.target_level = "swe-2";
      c.outcome = store::CaseOutcome::not_now;
      c.effective_date = "";
      RUNG_TRY(w.insert_promotion_case(c));
      c.published = false;  // decided, not published: left out
      RUNG_TRY(w.insert_promotion_case(c));
      c.published = true;
      c.cycle = other;  // another cycle: left out
      return w.insert_promotion_case(c).map([](store::Id) {});
    });
    ASSERT_TRUE(done) << done.error().to_string();
  }

  std::string data() const { return m_dir.path().string(); }

  ScratchDir m_dir;
  store::Id m_cycle = 0;
};

TEST_F(PromotionsExport, CsvHasOneRowPerPublishedDecisionWithFormulasNeutralised) {
  const auto csv =
      run_rung({"promotions", "export", "--cycle", std::to_string(m_cycle), "--data", data()});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "person,email,from_level,to_level,effective_date,outcome,decided_at\r\n"
            "ann,ann@example.com,swe-3,swe-4,2026-09-01,approved,2026-07-25T17:20:00Z\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\")\",eve@example.com,swe-1,swe-2,,not_now,"
            "2026-07-25T17:20:00Z\r\n");
}

TEST_F(PromotionsExport, JsonCarriesTheSameDecisions) {
  const auto json = run_rung({"promotions", "export", "--cycle", std::to_string(m_cycle),
                              "--format", "json", "--data", data()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto parsed = nlohmann::json::parse(json.out);
  EXPECT_EQ(parsed["cycle"]["name"], "2026 H2");
  ASSERT_EQ(parsed["decisions"].size(), 2U);
  EXPECT_EQ(parsed["decisions"][0]["to_level"], "swe-4");
  EXPECT_EQ(parsed["decisions"][0]["effective_date"], "2026-09-01");
  EXPECT_EQ(parsed["decisions"][1]["person"], "=HYPERLINK(\"http://x\")") << "JSON is not a sheet";
  EXPECT_TRUE(parsed["decisions"][1]["effective_date"].is_null());
}

TEST_F(PromotionsExport, AnUnknownCycleOrStoreIsAClearError) {
  const auto unknown = run_rung({"promotions", "export", "--cycle", "99", "--data", data()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("error[review.not-found]: no review cycle with id 99"),
            std::string::npos)
      << unknown.err;
  EXPECT_EQ(unknown.out, "");
  const auto nowhere = (m_dir.path() / "nowhere").string();
  const auto missing = run_rung({"promotions", "export", "--cycle", "1", "--data", nowhere});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.out, "");
  const auto format =
      run_rung({"promotions", "export", "--cycle", "1", "--format", "xlsx", "--data", data()});
  EXPECT_EQ(format.exit_code, 2);
}

}  // namespace
}  // namespace rung::cli
