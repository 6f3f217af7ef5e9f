#pragma once

// A small company for the web tests of sign-in and access: a memory store holding people,
// their accounts (cheapest Argon2id, passwords known) and an App over both, with helpers to
// sign in and to send requests with a session cookie and a form.
//
//   Mona Manager (mona@, mgr-1)         Nick Other (nick@, mgr-1)
//     └─ Ed Engineer (ed@, swe-2)          └─ Olga Report (olga@, swe-3)
//          └─ Ivy Intern (ivy@, swe-1)
//
// Accounts: ed, mona, nick, olga (members), admin (an admin who is not a person), victim
// (a member without a person, whose password the matrix test resets), cara and carl
// (calibrators without a person).
//
// Assessments (made through review::Service, as the pages would): an open cycle "2026 H2"
// (`cycle`), Ed's self-assessment draft of swe-2 (`ed_draft`, version 1, author Ed), Mona's
// submitted manager assessment of Ed (`mona_done`, one rating), Ed's growth plan towards
// swe-3 (`ed_plan`), and Mona's draft promotion case for Ed to swe-3 in the cycle (`ed_case`,
// version 1); two calibration sessions in the cycle, facilitated by the admin: `session`
// over everyone below Mona (Ed, Ivy) with cara as its calibrator, `other_session` over
// everyone below Nick with carl.

#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "rung/auth/api_tokens.hpp"
#include "rung/auth/password.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/core/text.hpp"
#include "rung/review/service.hpp"
#include "rung/store/memory/store.hpp"
#include "rung/web/app.hpp"
#include "rung/web/http/cookies.hpp"
#include "rung/web/http/url.hpp"

#include "web_support.hpp"

namespace rung::web::testing {

inline constexpr std::string_view k_world_password = "a long enough password";

// A signed-in browser (the session cookie's token and its CSRF token), or a script with an API
// token (`bearer`, sent as `Authorization: Bearer` instead of any cookie or CSRF token).
struct Session {
  std::string token;
  std::string csrf;
  std::string bearer;
};

class PeopleWorld {
 public:
  explicit PeopleWorld(AppOptions options = {}) : store(store::memory::make_store()) {
    mona = add_person("Mona Manager", "mona@example.com", std::nullopt, "mgr-1");
    nick = add_person("Nick Other", "nick@example.com", std::nullopt, "mgr-1");
    ed = add_person("Ed Engineer", "ed@example.com", mona, "swe-2");
    olga = add_person("Olga Report", "olga@example.com", nick, "swe-3");
    ivy = add_person("Ivy Intern", "ivy@example.com", ed, "swe-1");
    for (const char* login :
         {"ed@example.com", "mona@example.com", "nick@example.com", "olga@example.com"}) {
      accounts[login] = add_account(login, false);
    }
    accounts["admin"] = add_account("admin", true);
    accounts["victim"] = add_account("victim@example.com", false);
    accounts["cara@example.com"] = add_account("cara@example.com", false);
    accounts["carl@example.com"] = add_account("carl@example.com", false);
    const bool password_sign_in = options.sessions.password_sign_in;
    options.sessions = session_options();
    options.sessions.password_sign_in = password_sign_in;
    auto created = App::create(fixture_ladder(), *store, std::move(options));
    if (!created) {
      ADD_FAILURE() << created.error().front().to_string();
    } else {
      app = std::move(*created);
    }
    add_assessments();
  }

  // The viewer behind a fresh session of `login`.
  auth::Viewer viewer_of(std::string_view login) {
    auth::Sessions sessions(*store, session_options());
    auto viewer = sessions.viewer(sign_in(login).token);
    if (!viewer) {
      ADD_FAILURE() << "no viewer for " << login;
      return {};
    }
    return *viewer;
  }

  void add_assessments() {
    review::Options options;
    options.clock = [this] { return now; };
    review::Service service(*store, app->ladder(), options);
    const auth::Viewer admin = viewer_of("admin");
    const auth::Viewer ed_viewer = viewer_of("ed@example.com");
    const auth::Viewer mona_viewer = viewer_of("mona@example.com");
    cycle =
        must(service.open_cycle(
                 admin, {0, "2026 H2", "2026-07-01", "2026-12-31", {}, store::CycleStatus::open}))
            .id;
    ed_draft = must(service.start(ed_viewer, {ed, store::AuthorRole::self, "", std::nullopt}))
                   .assessment.id;
    const auto mona =
        must(service.start(mona_viewer, {ed, store::AuthorRole::manager, "", cycle})).assessment;
    const auto rated = service.save_rating(mona_viewer, mona.id, 1, "swe-2-role-1", "consistently");
    EXPECT_TRUE(rated) << (rated ? "" : rated.error().error.message);
    EXPECT_TRUE(service.submit(mona_viewer, mona.id, 2));
    mona_done = mona.id;
    ed_plan = must(service.set_target(ed_viewer, ed, "swe-3")).id;
    ed_case =
        must(service.open_case(mona_viewer, {ed, "swe-3", cycle, "Ed led the search rewrite."})).id;
    review::SessionRequest below_mona;
    below_mona.cycle = cycle;
    below_mona.name = "Mona's team";
    below_mona.scope_person = this->mona;
    below_mona.facilitator = "admin";
    below_mona.calibrators = {"cara@example.com"};
    session = must(service.create_session(admin, below_mona)).id;
    review::SessionRequest below_nick = below_mona;
    below_nick.name = "Nick's team";
    below_nick.scope_person = nick;
    below_nick.calibrators = {"carl@example.com"};
    other_session = must(service.create_session(admin, below_nick)).id;
  }

  template <class T>
  T must(Result<T> result) {
    if (!result) {
      ADD_FAILURE() << result.error().to_string();
      return {};
    }
    return std::move(*result);
  }

  auth::SessionOptions session_options() {
    auth::SessionOptions out;
    out.hash_cost = auth::HashCost::test_minimum;
    out.clock = [this] { return now; };
    return out;
  }

  store::Id add_person(std::string name, std::string email, std::optional<store::Id> manager,
                       std::string level) {
    store::Person person;
    person.name = std::move(name);
    person.email = std::move(email);
    person.manager = manager;
    person.level = level;
    person.track = level.substr(0, level.find('-'));
    store::Id id = 0;
    EXPECT_TRUE(store->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, w.insert_person(person));
      return {};
    }));
    return id;
  }

  store::Id add_account(const std::string& login, bool admin, bool must_change = false) {
    store::Account account;
    account.login = login;
    account.password_hash = *auth::hash_password(k_world_password, auth::HashCost::test_minimum);
    account.admin = admin;
    account.must_change_password = must_change;
    account.created_at = now;
    account.password_changed_at = now;
    store::Id id = 0;
    EXPECT_TRUE(store->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, w.insert_account(account));
      return {};
    }));
    return id;
  }

  // A fresh session of `login` (straight through auth::Sessions, as the sign-in form does).
  Session sign_in(std::string_view login) {
    auth::Sessions sessions(*store, session_options());
    auto signed_in = sessions.sign_in(login, k_world_password, "192.0.2.1");
    if (!signed_in) {
      ADD_FAILURE() << signed_in.error().to_string();
      return {};
    }
    return {signed_in->token, signed_in->viewer.session.csrf_token, ""};
  }

  // An API token of `login`'s account, straight through auth::create_api_token.
  Session token_of(std::string_view login, bool read_only = false) {
    auth::TokenRequest request;
    request.name = "matrix";
    request.read_only = read_only;
    auto made =
        auth::create_api_token(*store, "test", accounts.at(std::string(login)), request, now);
    if (!made) {
      ADD_FAILURE() << made.error().to_string();
      return {};
    }
    return Session{"", "", made->secret};
  }

  Response get(std::string target, const Session* session = nullptr) {
    Request out = request(std::move(target));
    add_credentials(out, session);
    return app->handle(out);
  }

  // The session's cookie, or its API token.
  static void add_credentials(Request& out, const Session* session) {
    if (session == nullptr) {
      return;
    }
    if (!session->bearer.empty()) {
      out.headers.add("Authorization", "Bearer " + session->bearer);
    } else {
      out.headers.add("Cookie", std::string(k_session_cookie) + "=" + session->token);
    }
  }

  // A urlencoded POST of `fields` with the session's cookie; `with_csrf` adds its token.
  Response post(std::string target, const Session* session,
                std::vector<std::pair<std::string, std::string>> fields = {},
                bool with_csrf = true) {
    Request out = request(std::move(target), {}, "POST");
    out.headers.add("Content-Type", "application/x-www-form-urlencoded");
    add_credentials(out, session);
    if (session != nullptr && session->bearer.empty()) {
      if (with_csrf) {
        fields.emplace_back("csrf", session->csrf);
      }
    }
    for (const auto& [name, value] : fields) {
      out.body +=
          (out.body.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);
    }
    return app->handle(out);
  }

  // A JSON write to the API (`method` "POST" or "PUT") with the session's cookie; `with_csrf`
  // adds its token in the X-CSRF-Token header.
  Response send_json(std::string method, std::string target, const Session* session,
                     const std::string& body = "{}", bool with_csrf = true) {
    Request out = request(std::move(target), {}, std::move(method));
    out.headers.add("Content-Type", "application/json");
    add_credentials(out, session);
    if (session != nullptr && session->bearer.empty()) {
      if (with_csrf) {
        out.headers.add("X-CSRF-Token", session->csrf);
      }
    }
    out.body = body;
    return app->handle(out);
  }

  std::unique_ptr<store::Store> store;
  std::unique_ptr<App> app;
  std::map<std::string, store::Id> accounts;
  store::Millis now = 1'750'000'000'000;
  store::Id mona = 0, nick = 0, ed = 0, olga = 0, ivy = 0;
  store::Id pat = 0;  // added by the tests that need a second person without reports
  store::Id cycle = 0, ed_draft = 0, mona_done = 0, ed_plan = 0, ed_case = 0, session = 0,
            other_session = 0;
};

}  // namespace rung::web::testing
