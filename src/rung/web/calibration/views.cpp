#include "rung/web/calibration/views.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "rung/core/utc.hpp"
#include "rung/review/calibrated.hpp"
#include "rung/web/shell/people_snapshot.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web {

namespace {

std::string session_level_title(const model::Ladder& ladder, const std::string& id) {
  const auto* level = ladder.find_level(id);
  return level != nullptr ? level->title : id;
}

std::string session_state_words(store::SessionState state) {
  switch (state) {
    case store::SessionState::preparing:
      return "Preparing: calibrators pre-vote";
    case store::SessionState::discussing:
      return "Discussing: assessments locked";
    case store::SessionState::closed:
      return "Closed";
  }
  return "";
}

std::string calibrated_outcome_words(const std::string& outcome) {
  const std::string name = review::calibration_outcome_name(outcome);
  return name.empty() ? "Not assessed by a manager in this cycle" : name;
}

// "Mona Manager disagrees", "You disagree".
std::string pre_vote_words(const std::string& who, bool self, store::VoteChoice vote) {
  switch (vote) {
    case store::VoteChoice::agree:
      return who + (self ? " agree" : " agrees");
    case store::VoteChoice::disagree:
      return who + (self ? " disagree" : " disagrees");
    case store::VoteChoice::question:
      return who + (self ? " have a question" : " has a question");
  }
  return who;
}

// A statement's text without its closing punctuation, for a line that goes on after it
// ("Ships on time: Sometimes", not "Ships on time.: Sometimes").
std::string statement_lead(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ':' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

std::string scale_point_name(const model::Ladder& ladder, const std::string& id) {
  if (id.empty()) {
    return "unrated";
  }
  for (const auto& point : ladder.data().scale) {
    if (point.id == id) {
      return point.name;
    }
  }
  return id;
}

std::string session_scope_words(const Resources& resources, const store::CalibrationSession& s) {
  switch (s.scope) {
    case store::ScopeKind::subtree: {
      const auto snapshot = unwrap(resources.people.get());
      const auto* top = s.scope_person ? snapshot->org.find(*s.scope_person) : nullptr;
      return fmt::format("Everyone below {}", top != nullptr ? top->name : "a person who left");
    }
    case store::ScopeKind::track: {
      const auto* track = resources.ladder.find_track(s.scope_track);
      return fmt::format("Everyone on the {} track", track ? track->name : s.scope_track);
    }
    case store::ScopeKind::levels: {
      std::string out = "Everyone at ";
      for (std::size_t i = 0; i < s.scope_levels.size(); ++i) {
        out += (i == 0                           ? ""
                : i + 1 == s.scope_levels.size() ? " or "
                                                 : ", ") +
               session_level_title(resources.ladder, s.scope_levels[i]);
      }
      return out;
    }
  }
  return "";
}

// The rater figure of a manager in words, or "" when withheld or not estimated.
std::string manager_rater_words(const std::optional<review::RaterReport>& report,
                                store::Id manager) {
  if (!report) {
    return "";
  }
  for (const auto& r : report->by_rater) {
    if (r.rater != manager || r.hidden || !r.leniency) {
      continue;
    }
    const double l = *r.leniency;
    const std::string way = std::abs(l) < 0.05
                                ? "in line with the organisation"
                                : fmt::format("about {:.1f} steps {} the organisation", std::abs(l),
                                              l > 0 ? "above" : "below");
    std::string out = fmt::format("Rates {} ({} ratings of {} people", way, r.ratings, r.people);
    if (r.leniency_low && r.leniency_high) {
      out += fmt::format("; 95% interval {:.1f} to {:.1f}", *r.leniency_low, *r.leniency_high);
    }
    return out +
           "). A severe rater and a weaker team look alike when each person has one "
           "manager rating.";
  }
  return "";
}

Json guideline_shares_json(const std::vector<store::GuidelineShare>& shares) {
  Json out = Json::array();
  for (const auto& share : shares) {
    out.push_back(Json{{"level", share.level}, {"percent", share.percent}});
  }
  return out;
}

}  // namespace

std::string session_url(store::Id id) {
  return fmt::format("/sessions/{}", id);
}

Json session_json(const store::CalibrationSession& s, const std::string& facilitator,
                  const std::vector<std::string>& calibrators) {
  return Json{{"id", s.id},
              {"cycle", s.cycle},
              {"name", s.name},
              {"scope", store::to_string(s.scope)},
              {"scope_person", s.scope_person ? Json(*s.scope_person) : Json(nullptr)},
              {"scope_track", s.scope_track},
              {"scope_levels", s.scope_levels},
              {"facilitator", facilitator},
              {"calibrators", calibrators},
              {"guideline", guideline_shares_json(s.guideline)},
              {"state", store::to_string(s.state)},
              {"version", s.version},
              {"created_at", format_utc(s.created_at)},
              {"opened_at", s.opened_at ? Json(format_utc(s.opened_at)) : Json(nullptr)},
              {"closed_at", s.closed_at ? Json(format_utc(s.closed_at)) : Json(nullptr)},
              {"url", session_url(s.id)}};
}

Json session_view_json(const review::SessionView& view) {
  Json out = session_json(view.session, view.facilitator, view.calibrators);
  out["min_group"] = view.min_group;
  out["votes_visible"] = view.votes_visible;
  out["votes_cast"] = view.votes_cast;
  out["actions"] = Json{{"vote", view.actions.vote},
                        {"open", view.actions.open},
                        {"close", view.actions.close},
                        {"calibrate", view.actions.calibrate},
                        {"edit", view.actions.edit}};
  Json distribution = Json::array();
  for (const auto& share : view.distribution) {
    distribution.push_back(
        Json{{"level", share.level},
             {"people", share.people ? Json(*share.people) : Json(nullptr)},
             {"percent", share.percent ? Json(*share.percent) : Json(nullptr)},
             {"guideline", share.guideline ? Json(*share.guideline) : Json(nullptr)}});
  }
  out["distribution"] = std::move(distribution);
  Json people = Json::array();
  for (const auto& row : view.people) {
    Json votes = Json::array();
    for (const auto& v : row.votes) {
      votes.push_back(Json{{"calibrator", v.calibrator},
                           {"subject", store::to_string(v.subject)},
                           {"subject_id", v.subject_id},
                           {"vote", store::to_string(v.vote)},
                           {"note", v.note},
                           {"version", v.version}});
    }
    Json decisions = Json::array();
    for (const auto& d : row.decisions) {
      decisions.push_back(
          Json{{"id", d.id},
               {"statement", d.statement.empty() ? Json(nullptr) : Json(d.statement)},
               {"before", d.before},
               {"after", d.after},
               {"reason", d.reason},
               {"at", format_utc(d.at)}});
    }
    Json ratings = Json::array();
    for (const auto& r : row.ratings) {
      ratings.push_back(
          Json{{"statement", r.statement},
               {"submitted", r.submitted.empty() ? Json(nullptr) : Json(r.submitted)},
               {"calibrated", r.calibrated.empty() ? Json(nullptr) : Json(r.calibrated)}});
    }
    people.push_back(
        Json{{"person", row.person.id},
             {"name", row.person.name},
             {"level", row.person.level},
             {"manager", row.manager ? Json(row.manager->id) : Json(nullptr)},
             {"assessment", row.assessment ? Json(row.assessment->id) : Json(nullptr)},
             {"outcome", row.outcome.empty() ? Json(nullptr) : Json(row.outcome)},
             {"calibrated_outcome",
              row.calibrated_outcome.empty() ? Json(nullptr) : Json(row.calibrated_outcome)},
             {"case", row.promotion ? Json{{"id", row.promotion->id},
                                           {"status", store::to_string(row.promotion->status)}}
                                    : Json(nullptr)},
             {"vote_count", row.vote_count},
             {"votes", std::move(votes)},
             {"decisions", std::move(decisions)},
             {"ratings", std::move(ratings)}});
  }
  out["people"] = std::move(people);
  return out;
}

Json session_list_json(const Resources& resources,
                       const std::vector<store::CalibrationSession>& sessions) {
  Json out = Json::array();
  for (const auto& s : sessions) {
    out.push_back(Json{{"name", s.name},
                       {"url", session_url(s.id)},
                       {"state", session_state_words(s.state)},
                       {"scope", session_scope_words(resources, s)}});
  }
  return out;
}

namespace {

// A person's block on the session page.
Json session_person_view(const Resources& resources, const auth::Viewer& viewer,
                         const review::SessionView& view, const review::SessionPerson& row,
                         const SessionFormState& form,
                         const std::map<store::Id, std::string>& logins) {
  const auto& ladder = resources.ladder;
  const auto id = row.person.id;
  Json out{{"id", id},
           {"anchor", fmt::format("person-{}", id)},
           {"name", row.person.name},
           {"level", session_level_title(ladder, row.person.level)},
           {"outcome", calibrated_outcome_words(row.outcome)},
           {"calibrated", row.calibrated_outcome != row.outcome
                              ? Json(calibrated_outcome_words(row.calibrated_outcome))
                              : Json(nullptr)},
           {"assessed", row.assessment.has_value()},
           {"packet_url", row.promotion ? fmt::format("/people/{}/cases/{}", id, row.promotion->id)
                                        : fmt::format("/people/{}/side-by-side", id)},
           {"packet_words",
            row.promotion ? "Promotion case and packet" : "Self and manager side by side"},
           {"vote_count", row.vote_count},
           {"vote_count_words", row.vote_count == 1 ? std::string("1 pre-vote")
                                                    : fmt::format("{} pre-votes", row.vote_count)}};
  if (row.promotion) {
    out["case"] = Json{{"id", row.promotion->id},
                       {"target", session_level_title(ladder, row.promotion->target_level)}};
  }
  Json votes = Json::array();
  for (const auto& v : row.votes) {
    const auto who = logins.find(v.calibrator);
    const bool self = v.calibrator == viewer.account.id;
    const std::string name =
        self ? std::string("You")
             : (who != logins.end() ? who->second : std::string("A calibrator"));
    votes.push_back(Json{
        {"about", v.subject == store::VoteSubject::outcome ? "the outcome" : "the promotion case"},
        {"vote", pre_vote_words(name, self, v.vote)},
        {"note", v.note}});
  }
  out["votes"] = std::move(votes);
  // Vote forms: the outcome, and the case if there is one; each keeps the viewer's vote.
  if (view.actions.vote) {
    Json forms = Json::array();
    auto form_for = [&](store::VoteSubject subject, store::Id subject_id, std::string legend) {
      std::int64_t version = 0;
      std::string current;
      std::string note;
      for (const auto& v : row.votes) {
        if (v.calibrator == viewer.account.id && v.subject == subject &&
            v.subject_id == subject_id) {
          version = v.version;
          current = store::to_string(v.vote);
          note = v.note;
        }
      }
      Json choices = Json::array();
      for (auto choice :
           {store::VoteChoice::agree, store::VoteChoice::disagree, store::VoteChoice::question}) {
        const std::string value(store::to_string(choice));
        choices.push_back(
            Json{{"value", value},
                 {"label", value == "question" ? "Question"
                           : value == "agree"  ? "Agree"
                                               : "Disagree"},
                 {"checked", value == current || (current.empty() && value == "agree")}});
      }
      forms.push_back(Json{{"subject", store::to_string(subject)},
                           {"subject_id", subject_id},
                           {"key", fmt::format("{}-{}", store::to_string(subject), subject_id)},
                           {"legend", std::move(legend)},
                           {"version", version},
                           {"note", note},
                           {"choices", std::move(choices)}});
    };
    form_for(store::VoteSubject::outcome, id,
             fmt::format("Your pre-vote on {}'s manager outcome", row.person.name));
    if (row.promotion) {
      form_for(store::VoteSubject::promotion, row.promotion->id,
               fmt::format("Your pre-vote on {}'s promotion case", row.person.name));
    }
    out["vote_forms"] = std::move(forms);
  }
  Json decisions = Json::array();
  for (const auto& d : row.decisions) {
    std::string what = "Outcome";
    std::string before = calibrated_outcome_words(d.before);
    std::string after = calibrated_outcome_words(d.after);
    if (!d.statement.empty()) {
      const auto* statement = ladder.find_statement(d.statement);
      what = statement_lead(statement ? statement->text : d.statement);
      before = scale_point_name(ladder, d.before);
      after = scale_point_name(ladder, d.after);
    }
    const auto who = logins.find(d.account);
    decisions.push_back(Json{{"what", what},
                             {"before", before},
                             {"after", after},
                             {"reason", d.reason},
                             {"who", who != logins.end() ? who->second : "an admin"},
                             {"when", format_utc(d.at).substr(0, 10)}});
  }
  out["decisions"] = std::move(decisions);
  Json ratings = Json::array();
  std::size_t changed = 0;
  for (const auto& r : row.ratings) {
    const bool differs = r.submitted != r.calibrated;
    changed += differs ? 1 : 0;
    Json scale = Json::array();
    for (const auto& point : ladder.data().scale) {
      scale.push_back(
          Json{{"id", point.id}, {"name", point.name}, {"selected", point.id == r.calibrated}});
    }
    ratings.push_back(Json{
        {"statement", r.statement},
        {"text", statement_lead(r.text)},
        {"submitted", scale_point_name(ladder, r.submitted)},
        {"calibrated", differs ? Json(scale_point_name(ladder, r.calibrated)) : Json(nullptr)}});
  }
  out["ratings"] = std::move(ratings);
  out["ratings_words"] = changed == 0
                             ? std::string("The manager's ratings")
                             : fmt::format("The manager's ratings ({} calibrated)", changed);
  if (view.actions.calibrate && row.assessment) {
    Json options = Json::array();
    for (const auto& r : row.ratings) {
      options.push_back(Json{{"statement", r.statement},
                             {"label", fmt::format("{} (now {})", statement_lead(r.text),
                                                   scale_point_name(ladder, r.calibrated))}});
    }
    Json scale = Json::array();
    for (const auto& point : ladder.data().scale) {
      scale.push_back(Json{{"id", point.id}, {"name", point.name}});
    }
    out["calibrate"] = Json{
        {"statements", std::move(options)}, {"scale", std::move(scale)}, {"reason", form.reason}};
  }
  return out;
}

}  // namespace

Json session_page_view(const Resources& resources, const auth::Viewer& viewer,
                       const review::SessionView& view, const SessionFormState& form) {
  const auto& s = view.session;
  const auto& ladder = resources.ladder;
  std::map<store::Id, std::string> logins;
  // Calibrators and deciders by name where they are people, else by login.
  const auto snapshot = unwrap(resources.people.get());
  std::map<std::string, std::string, std::less<>> names;
  for (const auto& person : snapshot->org.people()) {
    names[person.email] = person.name;
  }
  for (const auto& a : unwrap(resources.store.accounts())) {
    const auto it = names.find(a.login);
    logins[a.id] = it != names.end() ? it->second : a.login;
  }
  auto name_of = [&](store::Id account) {
    const auto it = logins.find(account);
    return it == logins.end() ? std::string() : it->second;
  };
  std::string calibrators;
  for (const auto id : s.calibrators) {
    calibrators += (calibrators.empty() ? "" : ", ") + name_of(id);
  }
  // "meeting": the layout's "session" is the viewer's sign-in (page()).
  Json out{
      {"meeting",
       {{"id", s.id},
        {"name", s.name},
        {"version", s.version},
        {"state", session_state_words(s.state)},
        {"preparing", s.state == store::SessionState::preparing},
        {"discussing", s.state == store::SessionState::discussing},
        {"scope", session_scope_words(resources, s)},
        {"facilitator", name_of(s.facilitator)},
        {"calibrators", std::move(calibrators)},
        {"url", session_url(s.id)},
        {"edit_url", fmt::format("{}/edit", session_url(s.id))},
        {"delete_url", fmt::format("{}/delete", session_url(s.id))}}},
      {"cycle",
       {{"name", view.cycle.name}, {"url", fmt::format("/cycles/{}/sessions", view.cycle.id)}}},
      {"csrf", viewer.session.csrf_token},
      {"error", form.error},
      {"actions",
       {{"vote", view.actions.vote},
        {"open", view.actions.open},
        {"close", view.actions.close},
        {"calibrate", view.actions.calibrate},
        {"edit", view.actions.edit}}},
      {"votes_hidden", !view.votes_visible},
      {"votes_cast_words", view.votes_cast == 1
                               ? std::string("1 pre-vote cast")
                               : fmt::format("{} pre-votes cast", view.votes_cast)},
      {"min_group", view.min_group}};
  // The distribution against the guideline.
  Json distribution = Json::array();
  for (const auto& share : view.distribution) {
    distribution.push_back(Json{
        {"level", session_level_title(ladder, share.level)},
        {"people", share.people ? fmt::format("{}", *share.people)
                                : fmt::format("fewer than {}", view.min_group)},
        {"percent", share.percent ? fmt::format("{}%", *share.percent) : std::string("–")},
        {"guideline", share.guideline ? fmt::format("{}%", *share.guideline) : std::string("–")}});
  }
  out["distribution"] = std::move(distribution);
  out["has_guideline"] = !s.guideline.empty();
  // The grid: the general ladder's grades, the levels of the session's people at each, and
  // their calibrated outcome.
  Json grid = Json::array();
  for (const auto& grade : ladder.data().general.grades) {
    for (const auto& track : ladder.tracks()) {
      for (const auto& level : track.levels) {
        if (level.grade != grade) {
          continue;
        }
        Json cells{{"below", Json::array()},
                   {"meets", Json::array()},
                   {"ready", Json::array()},
                   {"none", Json::array()}};
        bool any = false;
        for (const auto& row : view.people) {
          if (row.person.level != level.id) {
            continue;
          }
          any = true;
          const std::string key = row.calibrated_outcome.empty() ? "none" : row.calibrated_outcome;
          cells[key].push_back(Json{{"name", row.person.name},
                                    {"anchor", fmt::format("#person-{}", row.person.id)}});
        }
        if (any) {
          cells["grade"] = grade;
          cells["level"] = level.title;
          grid.push_back(std::move(cells));
        }
      }
    }
  }
  out["grid"] = std::move(grid);
  // People grouped by their manager, with the manager's rater figures beside them.
  Json groups = Json::array();
  std::map<std::optional<store::Id>, std::size_t> group_of;
  for (const auto& row : view.people) {
    const std::optional<store::Id> manager =
        row.manager ? std::optional(row.manager->id) : std::nullopt;
    auto it = group_of.find(manager);
    if (it == group_of.end()) {
      it = group_of.emplace(manager, groups.size()).first;
      groups.push_back(
          Json{{"manager", row.manager ? fmt::format("Reporting to {}", row.manager->name)
                                       : std::string("Reporting to no one")},
               {"rater", manager ? manager_rater_words(view.raters, *manager) : std::string()},
               {"people", Json::array()}});
    }
    groups[it->second]["people"].push_back(
        session_person_view(resources, viewer, view, row, form, logins));
  }
  out["groups"] = std::move(groups);
  out["has_people"] = !view.people.empty();
  return out;
}

}  // namespace rung::web
