// The authorization matrix: every route of routes() called by seven viewers — nobody, an
// engineer, the engineer's manager, a manager of someone else, a calibrator of the engineer's
// calibration session, a calibrator of another session, an admin — must get the status
// its access rule gives; every API route again with an API token of each of those accounts
// (full and read-only) instead of a session. The table below names, for each route, the rule it
// must have, an example request, and the status the handler answers when the viewer is let through.
// A route missing from the table (or a table entry without a route) fails the test, so a new route
// cannot ship without deciding who may call it.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "rung/core/text.hpp"
#include "rung/web/http/cidr.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/routes.hpp"

#include "people_world.hpp"

namespace rung::web {
namespace {

using testing::PeopleWorld;
using testing::Session;

// The calibrators are accounts without a person (people_world.hpp): outside calibration they
// are answered as the manager of someone else is (see status_for), but for the pages of their
// own person (/me/...), which they do not have.
enum class Role {
  anonymous,
  engineer,
  manager_of,
  manager_not_of,
  calibrator_of,
  calibrator_not_of,
  admin
};

constexpr std::array k_roles{Role::anonymous,      Role::engineer,      Role::manager_of,
                             Role::manager_not_of, Role::calibrator_of, Role::calibrator_not_of,
                             Role::admin};

std::string_view role_name(Role role) {
  switch (role) {
    case Role::anonymous:
      return "anonymous";
    case Role::engineer:
      return "engineer";
    case Role::manager_of:
      return "manager of";
    case Role::manager_not_of:
      return "manager not of";
    case Role::calibrator_of:
      return "calibrator of the session";
    case Role::calibrator_not_of:
      return "calibrator of another session";
    case Role::admin:
      return "admin";
  }
  return "?";
}

struct Expectation {
  Access access;
  // {ed} is the engineer's person id, {victim} an account id; {draft} Ed's self-assessment
  // draft, {done} Mona's submitted manager assessment of Ed, {plan} Ed's growth plan, {cycle}
  // the open cycle, {case} Mona's draft promotion case for Ed (people_world.hpp).
  std::string target;
  int allowed;  // the status when the viewer is let through
  std::vector<std::pair<std::string, std::string>> form = {};
  // Where a let-through viewer gets another status from the handler (the review service's own
  // rules: only the author saves a draft, only managers above rate): role -> status.
  std::map<Role, int> by_role = {};
  std::string json = "{}";  // the body of a write to an API route (Kind::json)
};

// Who reads a calibration session beyond the 404 everyone else gets.
const std::map<Role, int> k_session_readers{{Role::calibrator_of, 200}, {Role::admin, 200}};

const std::map<std::string, Expectation>& expectations() {
  using enum Access;
  static const std::map<std::string, Expectation> table{
      {"overview", {ladder, "/", 200}},
      {"track", {ladder, "/tracks/swe", 200}},
      {"level", {ladder, "/levels/swe-2", 200}},
      {"compare", {ladder, "/compare?a=swe-1&b=swe-2", 200}},
      {"search", {ladder, "/search?q=mentor", 200}},
      {"lint", {ladder, "/lint", 200}},
      {"history", {ladder, "/ladder/history", 200}},
      {"static", {anyone, "/static/rung.css", 200}},
      {"healthz", {anyone, "/healthz", 200}},
      {"metrics", {anyone, "/metrics", 200}},
      {"sign-in", {anyone, "/sign-in", 200}},
      // Wrong credentials on purpose: the form is let through, the password is not. The sixth and
      // seventh wrong password for one login in a row are throttled. A login no role signs in as:
      // failures are counted in the store, and a success of that login would forget them.
      {"sign-in.post",
       {anyone,
        "/sign-in",
        401,
        {{"login", "stranger@example.com"}, {"password", "no"}},
        {{Role::calibrator_not_of, 429}, {Role::admin, 429}}}},
      // OpenID Connect sign-in is off in this world (404 for everyone); with it on, both are
      // for anyone: oidc_pages_test.cpp walks the flow.
      {"sign-in.oidc", {anyone, "/sign-in/oidc?next=/team", 404}},
      {"sign-in.oidc.callback", {anyone, "/sign-in/oidc/callback?code=c1&state=s1", 404}},
      {"sign-out", {signed_in, "/sign-out", 303}},
      {"account", {signed_in, "/account", 200}},
      {"account.password", {signed_in, "/account/password", 400}},
      {"account.sign-out-everywhere", {signed_in, "/account/sign-out-everywhere", 303}},
      // An empty name is refused: nothing is made.
      {"account.tokens.create", {signed_in, "/account/tokens", 400, {{"name", " "}}}},
      // No such token: answered as not found for everyone let through.
      {"account.tokens.revoke", {signed_in, "/account/tokens/999/revoke", 404}},
      {"api.tokens", {signed_in, "/api/v1/me/tokens", 200}},
      {"api.tokens.create", {signed_in, "/api/v1/me/tokens", 422, {}, {}, R"({"name": ""})"}},
      {"api.token.revoke", {signed_in, "/api/v1/tokens/999/revoke", 404}},
      {"admin.tokens.revoke", {admin, "/admin/tokens/999/revoke", 404}},
      {"people", {signed_in, "/people", 200}},
      {"person", {person, "/people/{ed}", 200}},
      {"team", {person, "/people/{ed}/team", 200}},
      // Team readiness: Ed's team (Ivy) for Ed, Mona above him, and the admin; Nick is hidden.
      // The header's link to the viewer's own team; the admin is not a person.
      {"me.team",
       {signed_in,
        "/me/team",
        303,
        {},
        {{Role::admin, 200}, {Role::calibrator_of, 200}, {Role::calibrator_not_of, 200}}}},
      {"team.readiness", {person, "/people/{ed}/team/readiness", 200}},
      {"team.readiness.csv", {person, "/people/{ed}/team/readiness.csv?sort=readiness", 200}},
      {"api.team.readiness", {person, "/api/v1/people/{ed}/team/readiness?ready=1", 200}},
      // Assessment pages. Writes use a stale version (7) so the matrix changes nothing: Ed,
      // the author, gets the conflict; Mona may not read Ed's draft, the admin may read it but
      // not write it. The start form names no role, which every let-through viewer gets back.
      // The header's link to the viewer's own assessments; the admin is not a person.
      {"me", {signed_in, "/me", 200}},
      {"me.assessments",
       {signed_in,
        "/me/assessments",
        303,
        {},
        {{Role::admin, 200}, {Role::calibrator_of, 200}, {Role::calibrator_not_of, 200}}}},
      {"assessments", {person, "/people/{ed}/assessments", 200}},
      {"assessments.start", {person, "/people/{ed}/assessments", 422, {{"role", "nobody"}}}},
      {"assessment", {person, "/people/{ed}/assessments/{done}", 200}},
      {"assessment.save",
       {person,
        "/people/{ed}/assessments/{draft}",
        409,
        {{"version", "7"}, {"rating.swe-2-role-1", "sometimes"}},
        {{Role::manager_of, 403}, {Role::admin, 403}}}},
      {"assessment.evidence",
       {person,
        "/people/{ed}/assessments/{draft}/evidence",
        409,
        {{"version", "7"}, {"statement", "swe-2-role-1"}, {"text", "a note"}},
        {{Role::manager_of, 403}, {Role::admin, 403}}}},
      {"assessment.submit",
       {person,
        "/people/{ed}/assessments/{draft}/submit",
        409,
        {{"version", "7"}},
        {{Role::manager_of, 403}, {Role::admin, 403}}}},
      // The review step: Ed's own draft; Mona may not read it; the admin reads it (without the
      // submit button).
      {"assessment.review",
       {person, "/people/{ed}/assessments/{draft}/review", 200, {}, {{Role::manager_of, 403}}}},
      // Withdrawing Mona's submitted assessment with no reason changes nothing: its author and
      // the admin get as far as the missing reason, Ed (a reader, not the author) is refused.
      {"assessment.withdraw",
       {person, "/people/{ed}/assessments/{done}/withdraw", 422, {}, {{Role::engineer, 403}}}},
      {"side-by-side", {person, "/people/{ed}/side-by-side", 200}},
      // Recording an agreement about Ed's draft changes nothing: Mona, above Ed, gets as far as
      // the draft (409); Ed and the admin only read agreements (403).
      {"side-by-side.agree",
       {person,
        "/people/{ed}/side-by-side/agree",
        409,
        {{"self", "{draft}"},
         {"manager", "{done}"},
         {"statement", "swe-2-role-1"},
         {"level", "swe-2"}},
        {{Role::engineer, 403}, {Role::admin, 403}}}},
      {"admin.import", {admin, "/admin/people/import", 200}},
      {"admin.import.upload", {admin, "/admin/people/import", 400}},
      {"admin.import.apply", {admin, "/admin/people/import/apply", 409, {{"upload", "0"}}}},
      {"admin.audit", {admin, "/admin/audit", 200}},
      {"admin.users", {admin, "/admin/users", 200}},
      {"admin.users.add", {admin, "/admin/users", 400, {{"login", ""}}}},
      {"admin.users.reset", {admin, "/admin/users/{victim}/reset", 200}},
      // Disabling and enabling are idempotent; delete without confirm=yes only asks; the API's
      // delete names no account, so that the victim stays for the routes after it.
      {"admin.users.disable", {admin, "/admin/users/{victim}/disable", 200}},
      {"admin.users.enable", {admin, "/admin/users/{victim}/enable", 200}},
      {"admin.users.delete", {admin, "/admin/users/{victim}/delete", 200}},
      {"api.users", {admin, "/api/v1/users", 200}},
      {"api.user.disable", {admin, "/api/v1/users/{victim}/disable", 200}},
      {"api.user.enable", {admin, "/api/v1/users/{victim}/enable", 200}},
      {"api.user.delete", {admin, "/api/v1/users/999/delete", 404}},
      // Everyone in the directory without an account gets one; once done, nothing changes.
      {"admin.users.invite", {admin, "/admin/users/invite", 200}},
      // Growth plans and cycles. A plan started by each let-through viewer changes no other
      // answer; the tick and the plan form are idempotent; linking evidence to a statement outside
      // the target level is refused (422) before anything is looked up; closing a cycle that does
      // not exist keeps the world's cycle open for the routes after it.
      {"plans", {person, "/people/{ed}/plans", 200}},
      {"plans.start", {person, "/people/{ed}/plans", 303, {{"target_level", "swe-3"}}}},
      {"plan", {person, "/people/{ed}/plans/{plan}", 200}},
      {"plan.save",
       {person,
        "/people/{ed}/plans/{plan}",
        303,
        {{"on-swe-3-role-1", "1"}, {"done-swe-3-role-1", "1"}, {"note-swe-3-role-1", "pair"}}}},
      {"plan.tick",
       {person,
        "/people/{ed}/plans/{plan}/items",
        303,
        {{"statement", "swe-3-role-1"}, {"done", "1"}}}},
      {"plan.evidence",
       {person,
        "/people/{ed}/plans/{plan}/evidence",
        422,
        {{"statement", "swe-2-role-1"}, {"evidence", "1"}}}},
      {"admin.cycles", {admin, "/admin/cycles", 200}},
      {"admin.cycles.open", {admin, "/admin/cycles", 422, {{"name", ""}}}},
      {"admin.cycles.close", {admin, "/admin/cycles/999/close", 404}},
      {"admin.cycle.raters", {admin, "/admin/cycles/{cycle}/raters", 200}},
      {"api.index", {ladder, "/api/v1", 200}},
      {"api.openapi", {anyone, "/api/v1/openapi.json", 200}},
      {"api.ladder", {ladder, "/api/v1/ladder", 200}},
      {"api.tracks", {ladder, "/api/v1/tracks", 200}},
      {"api.track", {ladder, "/api/v1/tracks/swe", 200}},
      {"api.levels", {ladder, "/api/v1/levels", 200}},
      {"api.level", {ladder, "/api/v1/levels/swe-2", 200}},
      {"api.statements", {ladder, "/api/v1/statements", 200}},
      {"api.statement", {ladder, "/api/v1/statements/swe-2-role-1", 200}},
      {"api.compare", {ladder, "/api/v1/compare?a=swe-1&b=swe-2", 200}},
      {"api.search", {ladder, "/api/v1/search?q=mentor", 200}},
      {"api.lint", {ladder, "/api/v1/lint", 200}},
      {"api.history", {ladder, "/api/v1/ladder/history", 200}},
      {"api.me", {signed_in, "/api/v1/me", 200}},
      {"api.people", {signed_in, "/api/v1/people", 200}},
      {"api.person", {person, "/api/v1/people/{ed}", 200}},
      // Only Ed writes his draft; the version is stale on purpose so the matrix changes nothing
      // (Ed gets the conflict).
      {"api.rating.put",
       {person,
        "/api/v1/people/{ed}/assessments/{draft}/ratings/swe-2-role-1",
        409,
        {},
        {{Role::manager_of, 403}, {Role::admin, 403}},
        R"({"version": 7, "rating": "sometimes"})"}},
      // The rest of the assessments API. Writes that would change what later rows see are sent
      // with a stale version (Ed gets the conflict) or are additions nobody else reads here.
      {"api.assessments", {person, "/api/v1/people/{ed}/assessments", 200}},
      // Ed resumes his draft; only Ed writes his own self-assessment.
      {"api.assessments.start",
       {person,
        "/api/v1/people/{ed}/assessments",
        200,
        {},
        {{Role::manager_of, 403}, {Role::admin, 403}},
        R"({"role": "self"})"}},
      {"api.assessment", {person, "/api/v1/people/{ed}/assessments/{done}", 200}},
      {"api.evidence.post",
       {person,
        "/api/v1/people/{ed}/assessments/{draft}/evidence",
        409,
        {},
        {{Role::manager_of, 403}, {Role::admin, 403}},
        R"({"version": 7, "statement": "swe-2-role-1", "text": "x"})"}},
      {"api.assessment.submit",
       {person,
        "/api/v1/people/{ed}/assessments/{draft}/submit",
        409,
        {},
        {{Role::manager_of, 403}, {Role::admin, 403}},
        R"({"version": 7})"}},
      {"api.assessment.withdraw",
       {person,
        "/api/v1/people/{ed}/assessments/{done}/withdraw",
        422,
        {},
        {{Role::engineer, 403}},
        R"({"reason": " "})"}},
      {"api.assessment.outcome", {person, "/api/v1/people/{ed}/assessments/{done}/outcome", 200}},
      {"api.side-by-side", {person, "/api/v1/people/{ed}/side-by-side?level=swe-2", 200}},
      {"api.progress", {person, "/api/v1/people/{ed}/progress", 200}},
      {"api.plans", {person, "/api/v1/people/{ed}/plans", 200}},
      {"api.plans.start",
       {person, "/api/v1/people/{ed}/plans", 201, {}, {}, R"({"target_level": "swe-3"})"}},
      {"api.plan", {person, "/api/v1/people/{ed}/plans/{plan}", 200}},
      {"api.plan.item",
       {person,
        "/api/v1/people/{ed}/plans/{plan}/items/swe-3-role-1",
        200,
        {},
        {},
        R"({"done": true})"}},
      // No such evidence: the plan is found and the viewer let through, the link refused.
      {"api.plan.evidence",
       {person,
        "/api/v1/people/{ed}/plans/{plan}/items/swe-3-role-1/evidence",
        404,
        {},
        {},
        R"({"evidence": 999})"}},
      {"api.cycles", {signed_in, "/api/v1/cycles", 200}},
      {"api.cycles.open",
       {admin,
        "/api/v1/cycles",
        201,
        {},
        {},
        R"({"name": "2027 H1", "starts": "2027-01-01", "ends": "2027-06-30", "tracks": []})"}},
      // Closing is idempotent; no later row starts an assessment in the cycle.
      {"api.cycle.close", {admin, "/api/v1/cycles/{cycle}/close", 200}},
      {"api.cycle.raters", {admin, "/api/v1/cycles/{cycle}/raters", 200}},
      // Promotion cases: Mona's draft case for Ed ({case}). Ed, Mona and the admin read it;
      // Nick gets 404 from the person rule, or from the service on /api/v1/cases/{case} (the
      // case's existence is not revealed). Writes carry a stale version (7) so the matrix
      // changes nothing: whoever may make the change gets the conflict, others 403.
      {"cases.open",
       {person, "/people/{ed}/cases", 409, {{"target_level", "swe-3"}}, {{Role::engineer, 403}}}},
      {"case", {person, "/people/{ed}/cases/{case}", 200}},
      {"case.save",
       {person,
        "/people/{ed}/cases/{case}",
        409,
        {{"version", "7"}, {"which", "case"}, {"text", "x"}},
        {{Role::engineer, 403}}}},
      {"case.submit",
       {person,
        "/people/{ed}/cases/{case}/submit",
        409,
        {{"version", "7"}},
        {{Role::engineer, 403}}}},
      {"case.review",
       {person,
        "/people/{ed}/cases/{case}/review",
        409,
        {{"version", "7"}},
        {{Role::engineer, 403}, {Role::manager_of, 403}}}},
      {"case.decide",
       {person,
        "/people/{ed}/cases/{case}/decision",
        409,
        {{"version", "7"}, {"outcome", "not_now"}, {"rationale", "Not yet."}},
        {{Role::engineer, 403}, {Role::manager_of, 403}}}},
      {"case.publish",
       {person,
        "/people/{ed}/cases/{case}/publish",
        409,
        {{"version", "7"}},
        {{Role::engineer, 403}, {Role::manager_of, 403}}}},
      {"admin.cycle.cases", {admin, "/admin/cycles/{cycle}/cases", 200}},
      // Nothing is decided, so publishing changes nothing.
      {"admin.cycle.publish", {admin, "/admin/cycles/{cycle}/publish", 303}},
      {"api.cases", {person, "/api/v1/people/{ed}/cases", 200}},
      {"api.cases.open",
       {person,
        "/api/v1/people/{ed}/cases",
        409,
        {},
        {{Role::engineer, 403}},
        R"({"target_level": "swe-3"})"}},
      {"api.case", {signed_in, "/api/v1/cases/{case}", 200, {}, {{Role::manager_not_of, 404}}}},
      {"api.case.patch",
       {signed_in,
        "/api/v1/cases/{case}",
        409,
        {},
        {{Role::engineer, 403}, {Role::manager_not_of, 404}},
        R"({"version": 7, "manager_case": "x"})"}},
      {"api.case.submit",
       {signed_in,
        "/api/v1/cases/{case}/submit",
        409,
        {},
        {{Role::engineer, 403}, {Role::manager_not_of, 404}},
        R"({"version": 7})"}},
      {"api.case.review", {admin, "/api/v1/cases/{case}/review", 409, {}, {}, R"({"version": 7})"}},
      {"api.case.decision",
       {admin,
        "/api/v1/cases/{case}/decision",
        409,
        {},
        {},
        R"({"version": 7, "outcome": "not_now", "rationale": "Not yet."})"}},
      {"api.case.publish",
       {admin, "/api/v1/cases/{case}/publish", 409, {}, {}, R"({"version": 7})"}},
      {"api.cycle.cases", {admin, "/api/v1/cycles/{cycle}/cases", 200}},
      {"api.cycle.publish", {admin, "/api/v1/cycles/{cycle}/publish", 200}},
      // Calibration sessions: {session} calibrates everyone below Mona (Ed, Ivy), facilitated
      // by the admin, with the "calibrator of" as its calibrator; the "calibrator not of"
      // calibrates another session. A session is read by its facilitator, its calibrators and
      // admins; everyone else gets 404. Writes change nothing: a stale version (7), a bad
      // guideline, a calibration while the session still prepares.
      {"cycle.sessions", {signed_in, "/cycles/{cycle}/sessions", 200}},
      {"cycle.sessions.create",
       {admin,
        "/cycles/{cycle}/sessions",
        422,
        {{"name", "x"},
         {"scope", "track"},
         {"scope_track", "swe"},
         {"facilitator", "admin"},
         {"calibrators", "mona@example.com"},
         {"guideline_swe-1", "50"}}}},
      {"sessions.mine", {signed_in, "/sessions", 200}},
      {"session", {signed_in, "/sessions/{session}", 404, {}, k_session_readers}},
      {"session.vote",
       {signed_in,
        "/sessions/{session}/votes",
        404,
        {{"subject", "outcome"}, {"subject_id", "{ed}"}, {"vote", "agree"}, {"version", "7"}},
        {{Role::calibrator_of, 409}, {Role::admin, 403}}}},
      {"session.open",
       {signed_in,
        "/sessions/{session}/open",
        404,
        {{"version", "7"}},
        {{Role::calibrator_of, 403}, {Role::admin, 409}}}},
      {"session.close",
       {signed_in,
        "/sessions/{session}/close",
        404,
        {{"version", "7"}},
        {{Role::calibrator_of, 403}, {Role::admin, 409}}}},
      {"session.calibrate",
       {signed_in,
        "/sessions/{session}/calibrations",
        404,
        {{"person", "{ed}"},
         {"statement", "swe-2-role-1"},
         {"scale", "sometimes"},
         {"reason", "x"}},
        {{Role::calibrator_of, 403}, {Role::admin, 409}}}},
      {"api.cycle.sessions", {signed_in, "/api/v1/cycles/{cycle}/sessions", 200}},
      {"api.cycle.sessions.create",
       {admin,
        "/api/v1/cycles/{cycle}/sessions",
        422,
        {},
        {},
        R"({"name": "x", "scope": "track", "scope_track": "swe", "facilitator": "admin", "calibrators": ["mona@example.com"], "guideline": [{"level": "swe-1", "percent": 50}]})"}},
      {"api.session", {signed_in, "/api/v1/sessions/{session}", 404, {}, k_session_readers}},
      {"api.session.vote",
       {signed_in,
        "/api/v1/sessions/{session}/votes",
        404,
        {},
        {{Role::calibrator_of, 409}, {Role::admin, 403}},
        R"({"subject": "outcome", "subject_id": {ed}, "vote": "agree", "version": 7})"}},
      {"api.session.open",
       {signed_in,
        "/api/v1/sessions/{session}/open",
        404,
        {},
        {{Role::calibrator_of, 403}, {Role::admin, 409}},
        R"({"version": 7})"}},
      {"api.session.close",
       {signed_in,
        "/api/v1/sessions/{session}/close",
        404,
        {},
        {{Role::calibrator_of, 403}, {Role::admin, 409}},
        R"({"version": 7})"}},
      {"api.session.calibrate",
       {signed_in,
        "/api/v1/sessions/{session}/calibrations",
        404,
        {},
        {{Role::calibrator_of, 403}, {Role::admin, 409}},
        R"({"person": {ed}, "statement": "swe-2-role-1", "after": "sometimes", "reason": "x"})"}},
      // Changing and deleting a prepared session: admins only; the writes carry a stale
      // version (7), so the matrix changes nothing.
      {"session.edit.form", {admin, "/sessions/{session}/edit", 200}},
      {"session.edit",
       {admin,
        "/sessions/{session}/edit",
        409,
        {{"version", "7"},
         {"name", "x"},
         {"scope", "track"},
         {"scope_track", "swe"},
         {"facilitator", "admin"},
         {"calibrators", "cara@example.com"}}}},
      {"session.delete.form", {admin, "/sessions/{session}/delete", 200}},
      {"session.delete", {admin, "/sessions/{session}/delete", 409, {{"version", "7"}}}},
      {"api.session.patch",
       {admin, "/api/v1/sessions/{session}", 409, {}, {}, R"({"name": "x", "version": 7})"}},
      {"api.session.delete",
       {admin, "/api/v1/sessions/{session}/delete", 409, {}, {}, R"({"version": 7})"}},
  };
  return table;
}

// The status the access rule gives `role` on a route whose let-through status is `allowed`.
int expected_status(Access access, Role role, int allowed) {
  // (by_role is applied by the caller: see status_for.)
  const bool anonymous = role == Role::anonymous;
  switch (access) {
    case Access::anyone:
      return allowed;
    case Access::ladder:
    case Access::signed_in:
      return anonymous ? 401 : allowed;
    case Access::person:
      if (anonymous) {
        return 401;
      }
      return role == Role::manager_not_of || role == Role::calibrator_of ||
                     role == Role::calibrator_not_of
                 ? 404
                 : allowed;
    case Access::admin:
      if (anonymous) {
        return 401;
      }
      return role == Role::admin ? allowed : 403;
  }
  return 0;
}

// The status `role` must get on a route with `expect`. A calibrator without an entry of their
// own is answered as the manager of someone else: neither is above the engineer.
int status_for(const Expectation& expect, Role role) {
  const int status = expected_status(expect.access, role, expect.allowed);
  if (status != expect.allowed) {
    return status;  // refused by the access rule before the handler ran
  }
  const auto found = expect.by_role.find(role);
  if (found != expect.by_role.end()) {
    return found->second;
  }
  if (role == Role::calibrator_of || role == Role::calibrator_not_of) {
    return status_for(expect, Role::manager_not_of);
  }
  return status;
}

class AccessMatrix : public ::testing::Test {
 protected:
  std::string fill(std::string target) {
    for (const auto& [name, value] :
         {std::pair{std::string("{ed}"), std::to_string(world.ed)},
          std::pair{std::string("{victim}"), std::to_string(world.accounts["victim"])},
          std::pair{std::string("{draft}"), std::to_string(world.ed_draft)},
          std::pair{std::string("{done}"), std::to_string(world.mona_done)},
          std::pair{std::string("{plan}"), std::to_string(world.ed_plan)},
          std::pair{std::string("{cycle}"), std::to_string(world.cycle)},
          std::pair{std::string("{case}"), std::to_string(world.ed_case)},
          std::pair{std::string("{session}"), std::to_string(world.session)}}) {
      for (auto at = target.find(name); at != std::string::npos; at = target.find(name)) {
        target.replace(at, name.size(), value);
      }
    }
    return target;
  }

  std::optional<Session> session_of(Role role) {
    switch (role) {
      case Role::anonymous:
        return std::nullopt;
      case Role::engineer:
        return world.sign_in("ed@example.com");
      case Role::manager_of:
        return world.sign_in("mona@example.com");
      case Role::manager_not_of:
        return world.sign_in("nick@example.com");
      case Role::calibrator_of:
        return world.sign_in("cara@example.com");
      case Role::calibrator_not_of:
        return world.sign_in("carl@example.com");
      case Role::admin:
        return world.sign_in("admin");
    }
    return std::nullopt;
  }

  // The example form's fields with their placeholders filled.
  std::vector<std::pair<std::string, std::string>> filled_form(const Expectation& expect) {
    auto form = expect.form;
    for (auto& [name, value] : form) {
      value = fill(value);
    }
    return form;
  }

  Response call(const Route& route, const Expectation& expect, Role role) {
    const std::optional<Session> session = session_of(role);
    const Session* with = session ? &*session : nullptr;
    const std::string target = fill(expect.target);
    if (route.method == Method::get) {
      return world.get(target, with);
    }
    if (route.kind == Kind::json) {
      return world.send_json(std::string(to_string(route.method)), target, with, fill(expect.json));
    }
    if (route.access == Access::anyone) {
      // The sign-in form's double submit: the same value in the cookie and the form.
      Request posted = testing::request(target, {}, "POST");
      posted.headers.add("Content-Type", "application/x-www-form-urlencoded");
      posted.headers.add("Cookie", std::string(k_signin_csrf_cookie) + "=same-value");
      posted.body = "csrf=same-value";
      for (const auto& [name, value] : expect.form) {
        posted.body += "&" + name + "=" + percent_encode(value);
      }
      return world.app->handle(posted);
    }
    return world.post(target, with, filled_form(expect));
  }

  std::string_view login_of(Role role) {
    switch (role) {
      case Role::engineer:
        return "ed@example.com";
      case Role::manager_of:
        return "mona@example.com";
      case Role::manager_not_of:
        return "nick@example.com";
      case Role::calibrator_of:
        return "cara@example.com";
      case Role::calibrator_not_of:
        return "carl@example.com";
      case Role::admin:
        return "admin";
      case Role::anonymous:
        break;
    }
    return "";
  }

  // The route called as `role` with an API token of its account instead of a session.
  Response call_with_token(const Route& route, const Expectation& expect, Role role,
                           bool read_only) {
    const Session token = world.token_of(login_of(role), read_only);
    const std::string target = fill(expect.target);
    if (route.method == Method::get) {
      return world.get(target, &token);
    }
    if (route.kind == Kind::json) {
      return world.send_json(std::string(to_string(route.method)), target, &token,
                             fill(expect.json));
    }
    return world.post(target, &token, filled_form(expect));
  }

  // The reporting lines of people_world.hpp, with sign-in by a proxy's header from 192.0.2.0/24
  // (which no other request of the matrix sends).
  static AppOptions matrix_options() {
    AppOptions options;
    options.proxy.header = "X-Forwarded-Email";
    options.proxy.trusted = parse_cidr_list("192.0.2.0/24").value();
    return options;
  }

  // The route called as `role` through the proxy: `role`'s login in the header, from `peer`.
  Response call_by_proxy(const Expectation& expect, Role role, std::string peer) {
    Request out = testing::request(fill(expect.target));
    out.remote = std::move(peer);
    if (role != Role::anonymous) {
      out.headers.add("X-Forwarded-Email", std::string(login_of(role)));
    }
    return world.app->handle(out);
  }

  PeopleWorld world{matrix_options()};
};

TEST_F(AccessMatrix, EveryRouteIsInTheTableAndEveryEntryIsARoute) {
  std::set<std::string> routed;
  for (const Route& route : routes()) {
    routed.emplace(route.name);
    const auto found = expectations().find(std::string(route.name));
    ASSERT_NE(found, expectations().end())
        << "route " << route.name << " (" << route.pattern
        << ") is missing from the authorization matrix: add who may call it";
    EXPECT_EQ(to_string(found->second.access), to_string(route.access))
        << "route " << route.name << " changed its access rule";
  }
  for (const auto& [name, expect] : expectations()) {
    EXPECT_TRUE(routed.contains(name)) << name << " is in the matrix but not routed";
  }
}

TEST_F(AccessMatrix, EveryRouteAnswersEachViewerAsItsRuleSays) {
  for (const Route& route : routes()) {
    const auto found = expectations().find(std::string(route.name));
    ASSERT_NE(found, expectations().end()) << route.name;
    const Expectation& expect = found->second;
    for (Role role : k_roles) {
      const Response response = call(route, expect, role);
      EXPECT_EQ(response.status, status_for(expect, role))
          << to_string(route.method) << " " << route.pattern << " as " << role_name(role);
    }
  }
}

TEST_F(AccessMatrix, EveryFormRefusesAMissingOrWrongCsrfToken) {
  for (const Route& route : routes()) {
    if (route.method == Method::get) {
      continue;
    }
    const Expectation& expect = expectations().at(std::string(route.name));
    const Session admin = world.sign_in("admin");
    const std::string target = fill(expect.target);
    if (route.kind == Kind::json) {
      const std::string method(to_string(route.method));
      EXPECT_EQ(world.send_json(method, target, &admin, fill(expect.json), false).status, 403)
          << route.pattern;
      Session wrong = admin;
      wrong.csrf = "not-the-token";
      EXPECT_EQ(world.send_json(method, target, &wrong, fill(expect.json)).status, 403)
          << route.pattern;
      continue;
    }
    EXPECT_EQ(world.post(target, &admin, expect.form, false).status, 403) << route.pattern;
    auto wrong = expect.form;
    wrong.emplace_back("csrf", "not-the-token");
    EXPECT_EQ(world.post(target, &admin, wrong, false).status, 403) << route.pattern;
  }
}

// Whether the access rule alone lets `role` call a route (the handler may still refuse).
bool let_through(Access access, Role role) {
  switch (access) {
    case Access::anyone:
      return true;
    case Access::ladder:
    case Access::signed_in:
      return role != Role::anonymous;
    case Access::person:
      // Calibrators here are accounts without a person: above no one, so refused (404) first.
      return role != Role::anonymous && role != Role::manager_not_of &&
             role != Role::calibrator_of && role != Role::calibrator_not_of;
    case Access::admin:
      return role == Role::admin;
  }
  return false;
}

bool api_route(const Route& route) {
  return std::string_view(route.pattern).starts_with("/api/");
}

// The bearer column of the matrix: on /api/v1 an API token carries exactly its owner's rights,
// writes included and without any CSRF token.
TEST_F(AccessMatrix, EveryApiRouteAnswersAnApiTokenAsItsOwner) {
  for (const Route& route : routes()) {
    if (!api_route(route)) {
      continue;
    }
    const Expectation& expect = expectations().at(std::string(route.name));
    for (Role role : k_roles) {
      if (role == Role::anonymous) {
        continue;
      }
      EXPECT_EQ(call_with_token(route, expect, role, false).status, status_for(expect, role))
          << to_string(route.method) << " " << route.pattern << " with a token of "
          << role_name(role);
    }
  }
}

// A read-only token reads as its owner and is refused (403) on every write its owner could make.
TEST_F(AccessMatrix, AReadOnlyApiTokenReadsAsItsOwnerAndWritesNothing) {
  for (const Route& route : routes()) {
    if (!api_route(route)) {
      continue;
    }
    const Expectation& expect = expectations().at(std::string(route.name));
    for (Role role : k_roles) {
      if (role == Role::anonymous) {
        continue;
      }
      const bool through = let_through(expect.access, role);
      const int expected = route.method == Method::get ? status_for(expect, role)
                           : through                   ? 403
                                     : expected_status(expect.access, role, expect.allowed);
      const Response response = call_with_token(route, expect, role, true);
      EXPECT_EQ(response.status, expected) << to_string(route.method) << " " << route.pattern
                                           << " with a read-only token of " << role_name(role);
      if (route.method != Method::get && through) {
        EXPECT_TRUE(testing::has(response, "read-only-token")) << route.pattern;
      }
    }
  }
}

// Outside /api/ an Authorization header signs nobody in: pages answer as to anonymous.
TEST_F(AccessMatrix, AnApiTokenOnAPageSignsNobodyIn) {
  for (const Route& route : routes()) {
    if (api_route(route) || route.method != Method::get) {
      continue;
    }
    const Expectation& expect = expectations().at(std::string(route.name));
    EXPECT_EQ(call_with_token(route, expect, Role::admin, false).status,
              status_for(expect, Role::anonymous))
        << route.pattern;
  }
}

// The proxy column: every GET route (pages and API) answers a proxy's header from a trusted
// peer as the session of the account it names, and the same header from any other peer as
// nobody. (Writes after a proxy sign-in are form and API writes of an ordinary session, which
// the matrix above covers with their CSRF tokens.)
TEST_F(AccessMatrix, EveryReadAnswersAProxysHeaderAsItsPersonOnlyFromATrustedPeer) {
  for (const Route& route : routes()) {
    if (route.method != Method::get) {
      continue;
    }
    const Expectation& expect = expectations().at(std::string(route.name));
    for (Role role : k_roles) {
      EXPECT_EQ(call_by_proxy(expect, role, "192.0.2.10:4000").status, status_for(expect, role))
          << route.pattern << " through the proxy as " << role_name(role);
      ::testing::internal::CaptureStderr();
      const int untrusted = call_by_proxy(expect, role, "198.51.100.7:4000").status;
      const std::string log = ::testing::internal::GetCapturedStderr();
      EXPECT_EQ(untrusted, status_for(expect, Role::anonymous))
          << route.pattern << " from an untrusted peer as " << role_name(role);
      if (role != Role::anonymous) {
        EXPECT_EQ(log.find(std::string(login_of(role))), std::string::npos) << log;
      }
    }
  }
}

TEST(Access, TheLadderIsPublicOnlyWithPublicLadder) {
  PeopleWorld closed;
  EXPECT_EQ(closed.get("/levels/swe-2").status, 401);
  EXPECT_EQ(closed.get("/api/v1/ladder").status, 401);
  AppOptions options;
  options.public_ladder = true;
  PeopleWorld open(options);
  EXPECT_EQ(open.get("/levels/swe-2").status, 200);
  EXPECT_EQ(open.get("/api/v1/ladder").status, 200);
  EXPECT_EQ(open.get("/people").status, 401);
  EXPECT_EQ(open.get("/api/v1/me").status, 401);
}

}  // namespace
}  // namespace rung::web
