// Team readiness (issue 12, item 1) for the top of a generated 10,000-person organisation in
// SQLite: person i reports to person (i - 1) / 6 (seven levels deep); everyone holds two
// submitted assessments in the open review cycle, written as review::Service writes them
// (rows, ratings, snapshot, frozen ladder): a self-assessment of their own level and their
// manager's assessment of the next level of their track (of their own level at the top of a
// track), every statement rated (a fixed pseudo-random spread over the scale). In one run:
//   BM_Team_PureReadiness       assess::readiness for the next level of all 10,000, from the
//                               same ratings held in memory: the computation the page is
//                               compared with (BM_Readiness_Org of assess_bench.cpp, these
//                               people)
//   BM_Team_ServiceCold         Service::team_readiness on a new service: reads and parses
//                               every snapshot (the first view after a start)
//   BM_Team_Service             the same on a warm service (the figures kept): every later view
//   BM_Team_Page                GET /people/{top}/team/readiness through web::App (routing,
//                               session, access, the service, the view model, 100 rows
//                               rendered), as the admin; ->Threads(16): 16 callers at once
//   BM_Team_Csv                 the CSV of all 10,000 rows
// Each reports p50_ms and p99_ms of its iterations besides the mean. Two runs on the shared
// 2-core machine (Release, load average 2 to 4 from other work), p50 / p99 in ms:
//   BM_Team_PureReadiness        34.8 / 37.2      34.6 / 37.7
//   BM_Team_ServiceCold         580   / 645      555   / 631
//   BM_Team_Service              33.5 / 37.2      33.8 / 36.8
//   BM_Team_Page                 35.0 / 38.0      35.8 / 55.4   (28.6 and 27.4 requests/s)
//   BM_Team_Page, 16 threads    738   / 1543     665   / 1523  (22.7 and 23.7 requests/s)
//   BM_Team_Csv (1.6 MiB)        47.7 / 48.5      47.1 / 49.0
// A warm page costs what readiness alone costs for the same people because the figures of
// submitted assessments are kept (team_figures.hpp): what is left per request is reading the
// team's 20,000 assessments, making 10,000 rows, sorting them and rendering 100. With 16 callers
// on two cores a request waits for the others (16 x 35 ms / 2 cores), hence the p50 near 0.7 s.
// Under a load average of 5 to 6 the single-caller p99 rose to 68-197 ms in other runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include "rung/assess/readiness.hpp"
#include "rung/auth/password.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/builtin/builtin.hpp"
#include "rung/people/org.hpp"
#include "rung/review/service.hpp"
#include "rung/review/snapshot.hpp"
#include "rung/store/sqlite/store.hpp"
#include "rung/web/app.hpp"
#include "rung/web/http/cookies.hpp"

namespace {

namespace fs = std::filesystem;
namespace store = rung::store;
using rung::assess::Ratings;
using rung::model::Ladder;

constexpr int k_people = 10'000;
constexpr int k_reports_per_manager = 6;
constexpr std::string_view k_password = "bench password, long enough";
constexpr store::Millis k_now = 1'780'000'000'000;

std::string level_of(const Ladder& ladder, int index, int depth) {
  if (index * k_reports_per_manager + 1 < k_people) {
    return fmt::format("mgr-{}", std::max(1, 4 - depth / 2));
  }
  const std::string level =
      index % 3 == 0 ? fmt::format("sre-{}", 1 + index % 5) : fmt::format("swe-{}", 1 + index % 4);
  return ladder.find_level(level) ? level : "swe-2";
}

Ratings rate(const Ladder& ladder, const std::string& level_id, std::mt19937& random) {
  const auto& scale = ladder.data().scale;
  std::uniform_int_distribution<std::size_t> pick(0, scale.size() - 1);
  Ratings out;
  for (const std::string& id :
       rung::assess::statement_ids_of(ladder, *ladder.find_level(level_id))) {
    out[id] = scale[pick(random)].id;
  }
  return out;
}

// The organisation, written once per run into a scratch SQLite file.
struct World {
  fs::path dir;
  std::unique_ptr<store::Store> db;
  store::Id top = 0;
  store::Id admin = 0;
  std::vector<std::string> targets;  // per person: the next level ("" at the top of a track)
  std::vector<Ratings> ratings;      // per person: both assessments' ratings together
};

void write_world(World& world, const Ladder& ladder) {
  const auto version = rung::review::ladder_version(ladder);
  std::mt19937 random(6);
  auto done = world.db->write([&](store::Writer& w) -> rung::Result<void> {
    store::Account admin{
        0,    "admin", *rung::auth::hash_password(k_password, rung::auth::HashCost::test_minimum),
        true, false,   k_now,
        k_now};
    RUNG_TRY_ASSIGN(world.admin, w.insert_account(admin));
    RUNG_TRY_ASSIGN(const store::Id cycle,
                    w.insert_cycle({0, "2026 H2", "2026-07-01", "2026-12-31", {}, {}}));
    RUNG_TRY(w.put_frozen_ladder({version.digest, version.json, k_now}));
    std::vector<store::Id> ids(k_people);
    std::vector<int> depth(k_people, 0);
    for (int i = 0; i < k_people; ++i) {
      const int manager = i == 0 ? -1 : (i - 1) / k_reports_per_manager;
      depth[i] = manager < 0 ? 0 : depth[manager] + 1;
      store::Person person{0,
                           fmt::format("Person {:05}", i),
                           fmt::format("person{}@bench.example", i),
                           manager < 0 ? std::nullopt : std::optional(ids[manager]),
                           "",
                           level_of(ladder, i, depth[i]),
                           "2020-01-01",
                           store::PersonStatus::active};
      person.track = ladder.track_of(person.level)->id;
      RUNG_TRY_ASSIGN(ids[i], w.insert_person(person));
      const auto* next = ladder.next_level(person.level);
      world.targets.push_back(next ? next->id : "");
      Ratings both;
      for (const auto role : {store::AuthorRole::self, store::AuthorRole::manager}) {
        const bool self = role == store::AuthorRole::self;
        store::Assessment a;
        a.person = ids[i];
        a.role = role;
        a.author_account = world.admin;
        a.author_person = self ? std::optional(ids[i])
                               : (manager < 0 ? std::nullopt : std::optional(ids[manager]));
        a.level = self || !next ? person.level : next->id;
        a.cycle = cycle;
        a.status = store::AssessmentStatus::submitted;
        a.version = 2;
        a.created_at = a.updated_at = a.submitted_at = k_now - (self ? 2 : 1) * 86'400'000;
        RUNG_TRY_ASSIGN(a.id, w.insert_assessment(a));
        const Ratings ratings = rate(ladder, a.level, random);
        for (const auto& [statement, scale] : ratings) {
          RUNG_TRY(w.put_rating({a.id, statement, scale, a.updated_at}));
          both[statement] = scale;
        }
        RUNG_TRY(w.insert_snapshot(
            {a.id, rung::review::snapshot_json(version.digest, a, ratings, {}), a.submitted_at}));
      }
      world.ratings.push_back(std::move(both));
    }
    world.top = ids[0];
    return {};
  });
  if (!done) {
    std::fprintf(stderr, "team bench: %s\n", done.error().message.c_str());
    std::abort();
  }
}

World& world() {
  static World* made = [] {
    auto* out = new World;
    out->dir = fs::temp_directory_path() / fmt::format("rung-team-bench-{}", ::getpid());
    fs::remove_all(out->dir);
    fs::create_directories(out->dir);
    out->db = std::move(*store::sqlite::open_store(out->dir / "rung.db"));
    write_world(*out, rung::builtin::engineering_ladder());
    std::atexit([] { fs::remove_all(world().dir); });
    return out;
  }();
  return *made;
}

rung::auth::Viewer admin_viewer() {
  return rung::auth::Viewer{
      *world().db->account(world().admin).value(), std::nullopt, {}, std::nullopt};
}

// Per-iteration wall times, reported as p50 and p99 in milliseconds.
class Percentiles {
 public:
  void add(std::chrono::steady_clock::duration elapsed) {
    const std::lock_guard lock(m_mutex);
    m_ms.push_back(std::chrono::duration<double, std::milli>(elapsed).count());
  }
  void reset() {
    const std::lock_guard lock(m_mutex);
    m_ms.clear();
  }
  void report(benchmark::State& state) {
    const std::lock_guard lock(m_mutex);
    if (m_ms.empty()) {
      return;
    }
    std::sort(m_ms.begin(), m_ms.end());
    const auto at = [&](double q) {
      return m_ms[std::min(m_ms.size() - 1, static_cast<std::size_t>(q * m_ms.size()))];
    };
    state.counters["p50_ms"] = at(0.50);
    state.counters["p99_ms"] = at(0.99);
  }

 private:
  std::mutex m_mutex;
  std::vector<double> m_ms;
};

template <class Body>
void timed(benchmark::State& state, Percentiles& times, Body body) {
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    body();
    times.add(std::chrono::steady_clock::now() - start);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Team_PureReadiness(benchmark::State& state) {
  const Ladder& ladder = rung::builtin::engineering_ladder();
  const World& w = world();
  Percentiles times;
  std::size_t ready = 0;
  timed(state, times, [&] {
    ready = 0;
    for (std::size_t i = 0; i < w.ratings.size(); ++i) {
      if (!w.targets[i].empty()) {
        auto result = rung::assess::readiness(ladder, w.targets[i], w.ratings[i]);
        ready += result && result->ready ? 1 : 0;
      }
    }
    benchmark::DoNotOptimize(ready);
  });
  times.report(state);
  state.counters["ready"] = static_cast<double>(ready);
}
BENCHMARK(BM_Team_PureReadiness)->Unit(benchmark::kMillisecond)->Iterations(30);

void BM_Team_ServiceCold(benchmark::State& state) {
  World& w = world();
  const rung::people::Org org(w.db->people().value());
  const auto viewer = admin_viewer();
  Percentiles times;
  for (auto _ : state) {
    rung::review::Service service(*w.db, rung::builtin::engineering_ladder());
    const auto start = std::chrono::steady_clock::now();
    auto team = service.team_readiness(viewer, org, w.top, {});
    times.add(std::chrono::steady_clock::now() - start);
    if (!team || team->rows.size() != k_people - 1) {
      state.SkipWithError("team readiness failed");
      return;
    }
  }
  times.report(state);
}
BENCHMARK(BM_Team_ServiceCold)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Team_Service(benchmark::State& state) {
  World& w = world();
  const rung::people::Org org(w.db->people().value());
  const auto viewer = admin_viewer();
  rung::review::Service service(*w.db, rung::builtin::engineering_ladder());
  (void)service.team_readiness(viewer, org, w.top, {});  // warm
  Percentiles times;
  std::size_t ready = 0;
  rung::review::TeamQuery by_readiness;
  by_readiness.sort = rung::review::TeamColumn::readiness;
  timed(state, times, [&] {
    auto team = service.team_readiness(viewer, org, w.top, by_readiness);
    ready = team ? static_cast<std::size_t>(
                       std::count_if(team->rows.begin(), team->rows.end(),
                                     [](const auto& row) { return row.next && row.next->ready; }))
                 : 0;
  });
  times.report(state);
  state.counters["ready"] = static_cast<double>(ready);
}
BENCHMARK(BM_Team_Service)->Unit(benchmark::kMillisecond)->Iterations(30);

// The App over the world's store, with a session of the admin.
struct Server {
  std::unique_ptr<rung::web::App> app;
  std::string cookie;
};

Server& server() {
  static Server* made = [] {
    auto* out = new Server;
    rung::web::AppOptions options;
    options.sessions.hash_cost = rung::auth::HashCost::test_minimum;
    out->app = std::move(
        *rung::web::App::create(rung::builtin::engineering_ladder(), *world().db, options));
    rung::auth::Sessions sessions(*world().db, options.sessions);
    const auto signed_in = sessions.sign_in("admin", k_password, "192.0.2.1");
    out->cookie = std::string(rung::web::k_session_cookie) + "=" + signed_in->token;
    return out;
  }();
  return *made;
}

rung::web::Request get(const std::string& target) {
  rung::web::Request out;
  out.method_name = "GET";
  out.method = rung::web::Method::get;
  out.target = target;
  out.headers.add("Cookie", server().cookie);
  return out;
}

// Google Benchmark starts and ends the timed loop of every thread together, so thread 0 may
// reset the shared times before it and report them after it.
void run_requests(benchmark::State& state, const std::string& target) {
  static Percentiles times;
  Server& s = server();
  const rung::web::Request request = get(target);
  if (state.thread_index() == 0) {
    times.reset();
    (void)s.app->handle(request);  // warm: the figures kept, the people cached
  }
  std::size_t bytes = 0;
  timed(state, times, [&] {
    const auto response = s.app->handle(request);
    if (response.status != 200) {
      state.SkipWithError("the page did not answer 200");
    }
    bytes = response.payload().size();
  });
  if (state.thread_index() == 0) {
    state.counters["kib"] = static_cast<double>(bytes) / 1024;
    times.report(state);
  }
}

void BM_Team_Page(benchmark::State& state) {
  run_requests(state, fmt::format("/people/{}/team/readiness?sort=readiness", world().top));
}
BENCHMARK(BM_Team_Page)->Unit(benchmark::kMillisecond)->Iterations(40)->UseRealTime();
BENCHMARK(BM_Team_Page)->Unit(benchmark::kMillisecond)->Iterations(10)->Threads(16)->UseRealTime();

void BM_Team_Csv(benchmark::State& state) {
  run_requests(state, fmt::format("/people/{}/team/readiness.csv", world().top));
}
BENCHMARK(BM_Team_Csv)->Unit(benchmark::kMillisecond)->Iterations(10)->UseRealTime();

}  // namespace
