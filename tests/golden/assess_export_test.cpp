// Golden tests of `rung assess export`: a store populated through review::Service, then the
// promotion packet the command prints, in Markdown and JSON.
//
// Every folder tests/golden/assess_export/<case>/ holds:
//   setup          "key: value" lines: `person_level:` ann's level (required); `level:` the level
//                  assessed and exported (default: ann's level). '#' starts a comment line.
//   self.txt       ann's self-assessment, one "statement-id: scale-point-id" a line
//                  (assess/ratings_text.hpp); absent: she has submitted none
//   manager.txt    her manager's (lead's) assessment, likewise
//   evidence.txt   optional, one piece a line: "self|manager STATEMENT-ID DATE|- TEXT"
//   expected.md    `rung assess export ann@example.com --format md` (the default format)
//   expected.json  the same with --format json
// The built-in engineering ladder is used; ann reports to lead. Each assessment is started,
// rated in file order, given its evidence and submitted, with a clock that ticks one minute
// per change from 2026-11-02T09:00:00Z, so the output is stable.
//
// expected.json holds the digest of the built-in ladder: an edit to ladders/engineering.yaml
// changes it (and the statement texts in expected.md), so rewrite both with the command below.
//
// To add a case, create the folder with its inputs, write the expected files with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*AssessExport*'
// and check them by hand before committing.
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/assess/ratings_text.hpp"
#include "rung/builtin/builtin.hpp"
#include "rung/core/text.hpp"
#include "rung/review/service.hpp"
#include "rung/store/sqlite/store.hpp"

#include "../unit/store/store_support.hpp"
#include "support/golden.hpp"
#include "support/run_rung.hpp"

namespace rung::golden {
namespace {

namespace fs = std::filesystem;

using test_support::case_folders;
using test_support::matches_golden;
using test_support::param_name;
using test_support::read_key_values;
using test_support::read_text;
using test_support::run_rung;
using test_support::RunResult;

const fs::path k_export_suite = test_support::source_root() / "tests/golden/assess_export";

struct EvidenceLine {
  std::string role, statement, date, text;
};

std::vector<EvidenceLine> read_evidence(const fs::path& path) {
  std::vector<EvidenceLine> out;
  const std::string text = read_text(path);
  for (std::string_view line : split_lines(text)) {
    std::istringstream in{std::string(line)};
    EvidenceLine item;
    if (!(in >> item.role >> item.statement >> item.date)) {
      continue;
    }
    std::getline(in, item.text);
    item.text = std::string(trim(item.text));
    item.date = item.date == "-" ? "" : item.date;
    out.push_back(item);
  }
  return out;
}

class Populated {
 public:
  Populated(const fs::path& dir, const std::string& person_level) {
    auto opened = store::sqlite::open_store(dir / "rung.db");
    EXPECT_TRUE(opened) << opened.error().to_string();
    m_store = std::move(*opened);
    m_lead = add("Lee Lead", "lead@example.com", std::nullopt, "swe-5");
    m_ann = add("Ann Example", "ann@example.com", m_lead.person->id, person_level);
    review::Options options;
    options.clock = [this] { return m_now += 60'000; };
    m_service = std::make_unique<review::Service>(*m_store, builtin::engineering_ladder(), options);
  }

  void assess(const fs::path& ratings_file, store::AuthorRole role, const std::string& level,
              const std::vector<EvidenceLine>& evidence) {
    if (!fs::exists(ratings_file)) {
      return;
    }
    const auto& author = role == store::AuthorRole::self ? m_ann : m_lead;
    const std::string role_name(store::to_string(role));
    auto ratings = assess::parse_ratings(read_text(ratings_file), ratings_file.filename().string(),
                                         builtin::engineering_ladder());
    ASSERT_TRUE(ratings);
    auto started = m_service->start(author, {m_ann.person->id, role, level, std::nullopt});
    ASSERT_TRUE(started) << started.error().to_string();
    const store::Assessment* a = &started->assessment;
    auto version = a->version;
    for (const auto& [statement, scale] : *ratings) {
      auto saved = m_service->save_rating(author, a->id, version, statement, scale);
      ASSERT_TRUE(saved) << saved.error().error.to_string();
      version = *saved;
    }
    for (const auto& item : evidence) {
      if (item.role == role_name) {
        auto saved =
            m_service->add_evidence(author, a->id, version, item.statement, item.text, item.date);
        ASSERT_TRUE(saved) << saved.error().error.to_string();
        version = saved->version;
      }
    }
    ASSERT_TRUE(m_service->submit(author, a->id, version));
  }

 private:
  auth::Viewer add(const std::string& name, const std::string& email,
                   std::optional<store::Id> manager, const std::string& level) {
    store::Person person{0, name, email, manager, "swe", level, "2024-01-15", {}};
    store::Account account = store::testing::make_account(email);
    auto done = m_store->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(person.id, w.insert_person(person));
      RUNG_TRY_ASSIGN(account.id, w.insert_account(account));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return auth::Viewer{account, person, {}, std::nullopt};
  }

  std::unique_ptr<store::Store> m_store;
  auth::Viewer m_lead, m_ann;
  store::Millis m_now = 1'793'609'940'000;  // 2026-11-02T08:59:00Z (+1 minute per change)
  std::unique_ptr<review::Service> m_service;
};

// `rung assess export ann@example.com --format FORMAT [--level LEVEL]` on the data directory.
RunResult run_export(const fs::path& dir, const std::string& level, const std::string& format) {
  std::vector<std::string> args{"assess",   "export", "ann@example.com", "--data", dir.string(),
                                "--format", format};
  if (!level.empty()) {
    args.insert(args.end(), {"--level", level});
  }
  return run_rung(args);
}

class AssessExport : public ::testing::TestWithParam<std::string> {};

TEST_P(AssessExport, MatchesTheExpectedPacket) {
  const fs::path dir = k_export_suite / GetParam();
  const auto setup = read_key_values(dir / "setup");
  ASSERT_TRUE(setup.contains("person_level")) << "setup needs person_level";
  const std::string level = setup.contains("level") ? setup.at("level") : "";
  store::testing::ScratchDir data;
  {
    Populated populated(data.path(), setup.at("person_level"));
    const auto evidence = read_evidence(dir / "evidence.txt");
    const auto assessed = level.empty() ? setup.at("person_level") : level;
    populated.assess(dir / "self.txt", store::AuthorRole::self, assessed, evidence);
    populated.assess(dir / "manager.txt", store::AuthorRole::manager, assessed, evidence);
  }
  for (const std::string format : {"md", "json"}) {
    const RunResult run = run_export(data.path(), level, format);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(matches_golden(dir / ("expected." + format), run.out));
    EXPECT_EQ(run.err, "");
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, AssessExport, ::testing::ValuesIn(case_folders(k_export_suite)),
                         param_name);

}  // namespace
}  // namespace rung::golden
