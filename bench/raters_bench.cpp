// The rater statistics of a review cycle of 10,000 people with two submitted assessments each
// (a self-assessment and a manager assessment of every statement of the person's level of the
// built-in ladder, ~18 statements; one manager per 8 people): BM_RatersPure is the computation
// alone (review::rater_statistics over the ~370,000 ratings); BM_RatersService the whole read
// through review::Service::raters from a SQLite file (every person's assessments, 20,000
// snapshots parsed, positions mapped, then the same computation). Setup writes the store
// straight through store::Writer in one transaction, snapshots as submit writes them.
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "rung/assess/ratings.hpp"
#include "rung/builtin/builtin.hpp"
#include "rung/review/raters.hpp"
#include "rung/review/service.hpp"
#include "rung/review/snapshot.hpp"
#include "rung/store/sqlite/store.hpp"

namespace {

namespace store = rung::store;
namespace review = rung::review;

constexpr std::int64_t k_people = 10'000;
constexpr std::int64_t k_team = 8;
const std::vector<std::string> k_levels{"swe-1", "swe-2", "swe-3", "sre-1", "sre-2", "mgr-1"};

// Person p (1-based) is rated by person p / 8 (p >= 8), so people 1..1250 are managers.
struct Org {
  struct Member {
    std::int64_t manager = 0;  // 0: none
    const std::string* level = nullptr;
    std::vector<std::size_t> self;
    std::vector<std::size_t> rated;  // by the manager
  };
  std::vector<Member> members;  // index p - 1
};

const std::vector<std::string>& statements_of(const std::string& level) {
  static std::map<std::string, std::vector<std::string>> cache;
  auto found = cache.find(level);
  if (found == cache.end()) {
    const auto& ladder = rung::builtin::engineering_ladder();
    found = cache.emplace(level, rung::assess::statement_ids_of(ladder, *ladder.find_level(level)))
                .first;
  }
  return found->second;
}

const Org& org() {
  static const Org built = [] {
    Org out;
    std::mt19937 random(42);
    std::uniform_int_distribution<std::size_t> point(0, 3);
    for (std::int64_t p = 1; p <= k_people; ++p) {
      Org::Member m;
      m.manager = p >= k_team ? p / k_team : 0;
      m.level = &k_levels[static_cast<std::size_t>(p) % k_levels.size()];
      for (std::size_t i = 0; i < statements_of(*m.level).size(); ++i) {
        m.self.push_back(point(random));
        m.rated.push_back(point(random));
      }
      out.members.push_back(std::move(m));
    }
    return out;
  }();
  return built;
}

std::vector<review::RaterRating> ratings() {
  std::vector<review::RaterRating> out;
  for (std::size_t i = 0; i < org().members.size(); ++i) {
    const auto& m = org().members[i];
    const auto person = static_cast<std::int64_t>(i) + 1;
    const auto& ids = statements_of(*m.level);
    for (std::size_t s = 0; s < ids.size(); ++s) {
      out.push_back({person, person, ids[s], review::RatingRole::self, m.self[s]});
      if (m.manager != 0) {
        out.push_back({m.manager, person, ids[s], review::RatingRole::manager, m.rated[s]});
      }
    }
  }
  return out;
}

void BM_RatersPure(benchmark::State& state) {
  const auto all = ratings();
  for (auto _ : state) {
    auto report = review::rater_statistics(all, 4);
    benchmark::DoNotOptimize(report);
  }
  state.counters["ratings"] = static_cast<double>(all.size());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}

std::filesystem::path scratch_db() {
  return std::filesystem::temp_directory_path() /
         ("rung-raters-bench-" + std::to_string(::getpid()) + ".db");
}

void remove_db(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(file.string() + suffix);
  }
}

rung::Result<store::Id> submit(store::Writer& w, const std::string& digest, store::Id person,
                               store::Id author, store::AuthorRole role, const std::string& level,
                               store::Id cycle, const std::vector<std::size_t>& points,
                               store::Millis at) {
  static const char* const k_scale[] = {"not-yet", "sometimes", "consistently", "role-model"};
  store::Assessment a{0,      person, role,  author,
                      author, level,  cycle, store::AssessmentStatus::submitted,
                      2,      at,     at,    at};
  RUNG_TRY_ASSIGN(a.id, w.insert_assessment(a));
  rung::assess::Ratings rated;
  const auto& ids = statements_of(level);
  for (std::size_t s = 0; s < ids.size(); ++s) {
    rated.emplace(ids[s], k_scale[points[s]]);
  }
  RUNG_TRY(w.insert_snapshot({a.id, review::snapshot_json(digest, a, rated, {}), at}));
  return a.id;
}

// 10,000 people (each with an account whose id is the person's), one cycle, two submitted
// assessments each.
rung::Result<store::Id> fill(store::Store& s) {
  const auto version = review::ladder_version(rung::builtin::engineering_ladder());
  store::Id cycle = 0;
  RUNG_TRY(s.write([&](store::Writer& w) -> rung::Result<void> {
    RUNG_TRY(w.put_frozen_ladder({version.digest, version.json, 1}));
    RUNG_TRY_ASSIGN(
        cycle,
        w.insert_cycle({0, "2026 H2", "2026-07-01", "2026-12-31", {}, store::CycleStatus::open}));
    for (std::size_t i = 0; i < org().members.size(); ++i) {
      const auto& m = org().members[i];
      const std::string email = "p" + std::to_string(i + 1) + "@example.com";
      std::optional<store::Id> manager;
      if (m.manager != 0) {
        manager = m.manager;
      }
      const std::string track = m.level->substr(0, m.level->find('-'));
      RUNG_TRY(w.insert_person(
          {0, "Person " + std::to_string(i + 1), email, manager, track, *m.level, "", {}}));
      RUNG_TRY(w.insert_account({0, email, "x", false, false, 0, 0}));
    }
    for (std::size_t i = 0; i < org().members.size(); ++i) {
      const auto& m = org().members[i];
      const auto person = static_cast<store::Id>(i) + 1;
      const auto at = static_cast<store::Millis>(i) * 2;
      RUNG_TRY(submit(w, version.digest, person, person, store::AuthorRole::self, *m.level, cycle,
                      m.self, at));
      if (m.manager != 0) {
        RUNG_TRY(submit(w, version.digest, person, m.manager, store::AuthorRole::manager, *m.level,
                        cycle, m.rated, at + 1));
      }
    }
    return {};
  }));
  return cycle;
}

// The service's whole read over the filled store.
void time_service(benchmark::State& state, store::Store& s, store::Id cycle) {
  review::Service service(s, rung::builtin::engineering_ladder());
  const store::Account admin{0, "admin", "x", true, false, 0, 0};
  const rung::auth::Viewer viewer{admin, std::nullopt, {}, std::nullopt};
  std::size_t raters = 0;
  for (auto _ : state) {
    auto report = service.raters(viewer, cycle);
    if (!report) {
      state.SkipWithError(report.error().message.c_str());
      break;
    }
    raters = report->raters;
    benchmark::DoNotOptimize(report);
  }
  state.counters["raters"] = static_cast<double>(raters);
}

void BM_RatersService(benchmark::State& state) {
  const auto file = scratch_db();
  remove_db(file);
  {
    auto opened = store::sqlite::open_store(file);
    if (!opened) {
      state.SkipWithError(opened.error().message.c_str());
      return;
    }
    const auto cycle = fill(**opened);
    if (!cycle) {
      state.SkipWithError(cycle.error().message.c_str());
    } else {
      time_service(state, **opened, *cycle);
    }
  }
  remove_db(file);
}

}  // namespace

BENCHMARK(BM_RatersPure)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RatersService)->Unit(benchmark::kMillisecond)->Iterations(3);
