// `rung calibration list` and `rung calibration export` run in-process: a cycle's sessions with
// their counts; one session's people with the pre-votes cast on them, then its decisions with
// before, after and reason, as CSV (formula-like cells neutralised) and as JSON; an unknown
// session or cycle is exit 2.
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

class CalibrationExport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_data_store(data());
    ASSERT_TRUE(opened) << opened.error().to_string();
    auto done = (*opened)->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(const auto admin, w.insert_account(store::testing::make_account("admin")));
      RUNG_TRY_ASSIGN(const auto cal, w.insert_account(store::testing::make_account("cal")));
      RUNG_TRY_ASSIGN(m_cycle, w.insert_cycle(store::ReviewCycle{
                                   0, "2026 H2", "2026-07-01", "2026-12-31", {}, {}}));
      store::Person ann = store::testing::make_person("ann");
      RUNG_TRY_ASSIGN(const auto ann_id, w.insert_person(ann));
      store::Person eve = store::testing::make_person("=HYPERLINK(\"http://x\")");
      eve.email = "eve@example.com";
      RUNG_TRY_ASSIGN(const auto eve_id, w.insert_person(eve));
      store::Person other = store::testing::make_person("olga");
      other.track = "other";
      RUNG_TRY(w.insert_person(other));  // not on the session's track
      store::CalibrationSession s;
      s.cycle = m_cycle;
      s.name = "Engineering";
      s.scope = store::ScopeKind::track;
      s.scope_track = "swe";
      s.facilitator = admin;
      s.calibrators = {cal, admin};
      s.state = store::SessionState::discussing;
      s.created_by = admin;
      RUNG_TRY_ASSIGN(m_session, w.insert_calibration_session(s));
      RUNG_TRY(w.put_pre_vote({m_session, cal, store::VoteSubject::outcome, ann_id,
                               store::VoteChoice::disagree, "", 1, 1}));
      RUNG_TRY(w.put_pre_vote({m_session, admin, store::VoteSubject::outcome, ann_id,
                               store::VoteChoice::agree, "", 1, 1}));
      RUNG_TRY(w.put_pre_vote({m_session, cal, store::VoteSubject::outcome, eve_id,
                               store::VoteChoice::question, "", 1, 1}));
      store::Assessment a;
      a.person = ann_id;
      a.role = store::AuthorRole::manager;
      a.author_account = admin;
      a.level = "swe-3";
      a.cycle = m_cycle;
      RUNG_TRY_ASSIGN(const auto assessment, w.insert_assessment(a));
      return w
          .insert_calibration_decision({0, m_session, ann_id, assessment, "swe-3-delivery-1",
                                        "sometimes", "consistently", "=1+1 seen twice", admin,
                                        1'785'000'000'000})
          .map([](store::Id) {});
    });
    ASSERT_TRUE(done) << done.error().to_string();
  }

  std::string data() const { return m_dir.path().string(); }

  ScratchDir m_dir;
  store::Id m_cycle = 0;
  store::Id m_session = 0;
};

TEST_F(CalibrationExport, ListsTheCyclesSessionsWithTheirCounts) {
  const auto text =
      run_rung({"calibration", "list", "--cycle", std::to_string(m_cycle), "--data", data()});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("discussing  Engineering  (3 pre-votes, 1 decisions)"), std::string::npos)
      << text.out;
  const auto json = run_rung({"calibration", "list", "--cycle", std::to_string(m_cycle), "--format",
                              "json", "--data", data()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto parsed = nlohmann::json::parse(json.out);
  ASSERT_EQ(parsed["sessions"].size(), 1U);
  EXPECT_EQ(parsed["sessions"][0]["id"], m_session);
  EXPECT_EQ(parsed["sessions"][0]["decisions"], 1);
}

TEST_F(CalibrationExport, CsvHasThePeopleThenTheDecisionsWithFormulasNeutralised) {
  const auto csv = run_rung({"calibration", "export", std::to_string(m_session), "--data", data()});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "kind,person,email,level,agree,disagree,question,statement,before,after,reason,"
            "decided_by,decided_at\r\n"
            "person,ann,ann@example.com,swe-3,1,1,0,,,,,,\r\n"
            "person,\"'=HYPERLINK(\"\"http://x\"\")\",eve@example.com,swe-3,0,0,1,,,,,,\r\n"
            "decision,ann,ann@example.com,,,,,swe-3-delivery-1,sometimes,consistently,"
            "'=1+1 seen twice,admin,2026-07-25T17:20:00Z\r\n");
}

TEST_F(CalibrationExport, JsonCarriesTheSameRecords) {
  const auto json = run_rung(
      {"calibration", "export", std::to_string(m_session), "--format", "json", "--data", data()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto parsed = nlohmann::json::parse(json.out);
  EXPECT_EQ(parsed["session"]["name"], "Engineering");
  ASSERT_EQ(parsed["people"].size(), 2U);
  EXPECT_EQ(parsed["people"][0]["pre_votes"]["disagree"], 1);
  ASSERT_EQ(parsed["decisions"].size(), 1U);
  EXPECT_EQ(parsed["decisions"][0]["before"], "sometimes");
  EXPECT_EQ(parsed["decisions"][0]["reason"], "=1+1 seen twice") << "JSON is not a sheet";
}

TEST_F(CalibrationExport, AnUnknownSessionOrCycleIsAClearError) {
  const auto unknown = run_rung({"calibration", "export", "99", "--data", data()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no calibration session with id 99"), std::string::npos)
      << unknown.err;
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(run_rung({"calibration", "list", "--cycle", "99", "--data", data()}).exit_code, 2);
}

}  // namespace
}  // namespace rung::cli
