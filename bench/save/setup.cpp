#include "setup.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "rung/assess/ratings.hpp"
#include "rung/auth/password.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/builtin/builtin.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/core/clock.hpp"
#include "rung/review/service.hpp"

namespace save_bench {

namespace {

namespace store = rung::store;

constexpr std::string_view k_password = "save-bench password, not a secret";

rung::Result<void> add_person(store::Store& s, const store::Person& person,
                              const std::string& hash) {
  return s.write([&](store::Writer& w) -> rung::Result<void> {
    RUNG_TRY(w.insert_person(person));
    const auto now = rung::system_now();
    RUNG_TRY(w.insert_account(store::Account{0, person.email, hash, false, false, now, now}));
    return {};
  });
}

rung::Result<Writer> add_writer(store::Store& s, rung::auth::Sessions& sessions,
                                rung::review::Service& review, const SetupOptions& options, int n,
                                const std::string& hash) {
  store::Person person;
  person.name = fmt::format("Writer {}", n);
  person.email = fmt::format("writer-{}@example.com", n);
  person.level = options.level;
  person.track = rung::builtin::engineering_ladder().track_of(options.level)->id;
  RUNG_TRY(add_person(s, person, hash));
  RUNG_TRY_ASSIGN(auto signed_in, sessions.sign_in(person.email, k_password, "127.0.0.1"));
  const auto& viewer = signed_in.viewer;
  RUNG_TRY_ASSIGN(const auto draft,
                  review.start(viewer, {viewer.person->id, store::AuthorRole::self, "", {}}));
  return Writer{viewer.person->id, draft.assessment.id, signed_in.token, viewer.session.csrf_token};
}

}  // namespace

rung::Result<Plan> set_up(const SetupOptions& options) {
  const auto& ladder = rung::builtin::engineering_ladder();
  const auto* level = ladder.find_level(options.level);
  if (level == nullptr) {
    return rung::fail("bench.setup",
                      fmt::format("the built-in ladder has no level '{}'", options.level));
  }
  if (std::filesystem::exists(rung::cli::data_store_file(options.data_dir))) {
    return rung::fail("bench.setup",
                      fmt::format("{} already holds a database; the benchmark starts from an "
                                  "empty directory",
                                  options.data_dir));
  }
  RUNG_TRY_ASSIGN(auto opened, rung::cli::open_data_store(options.data_dir));
  rung::auth::SessionOptions session_options;
  session_options.hash_cost = rung::auth::HashCost::test_minimum;
  rung::auth::Sessions sessions(*opened, session_options);
  rung::review::Service review(*opened, ladder);
  RUNG_TRY_ASSIGN(const std::string hash,
                  rung::auth::hash_password(k_password, rung::auth::HashCost::test_minimum));
  Plan plan;
  plan.level = options.level;
  plan.statements = rung::assess::statement_ids_of(ladder, *level);
  for (const auto& point : ladder.data().scale) {
    plan.scale.push_back(point.id);
  }
  for (int n = 1; n <= options.writers; ++n) {
    RUNG_TRY_ASSIGN(auto writer, add_writer(*opened, sessions, review, options, n, hash));
    plan.writers.push_back(std::move(writer));
  }
  return plan;
}

}  // namespace save_bench
