// "My page" (/me): the home that knows who you are (issue 13, item 10). For a person: where
// they stand against their level and the next (from their latest submitted assessments, saying
// whose ratings), what is open (drafts, growth plans, a cycle that wants a self-assessment);
// for a manager, what awaits them. Never cached: everything on it is the viewer's own.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rung/core/utc.hpp"
#include "rung/html/views.hpp"
#include "rung/render/dates.hpp"
#include "rung/review/service.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/page_support.hpp"
#include "rung/web/review/views.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

// The newest submitted assessment of `role` against `level` among `all` (oldest first).
const store::Assessment* newest_submitted(const std::vector<store::Assessment>& all,
                                          store::AuthorRole role, const std::string& level) {
  const store::Assessment* out = nullptr;
  for (const store::Assessment& a : all) {
    if (a.role == role && a.level == level && a.status == store::AssessmentStatus::submitted &&
        (out == nullptr || a.submitted_at >= out->submitted_at)) {
      out = &a;
    }
  }
  return out;
}

// One line of "where you stand": the figure of one submitted assessment, whose ratings it is.
Json standing_json(const Resources& resources, const Call& call, const store::Assessment& a) {
  const review::Outcome outcome = unwrap(resources.review.outcome(*call.viewer, a.id));
  return Json{{"rated_by", rated_by(a.role)},
              {"met", outcome.fit.met()},
              {"total", outcome.fit.total()},
              {"ready", outcome.readiness.ready},
              {"date", render::date_text(a.submitted_at)},
              {"url", assessment_url(a.person, a.id)}};
}

// Where the person stands against one level: {title, url, current, sides: [...], start_url}.
Json level_standing(const Resources& resources, const Call& call, const store::Person& person,
                    const std::vector<store::Assessment>& all, const model::Level& level,
                    bool current) {
  Json sides = Json::array();
  for (const store::AuthorRole role : {store::AuthorRole::self, store::AuthorRole::manager}) {
    if (const store::Assessment* a = newest_submitted(all, role, level.id)) {
      sides.push_back(standing_json(resources, call, *a));
    }
  }
  return Json{{"title", level.title},
              {"url", resources.links.level(level.id)},
              {"current", current},
              {"sides", std::move(sides)},
              {"start_url", start_url(person.id, level.id)},
              {"side_url", fmt::format("/people/{}/side-by-side?level={}", person.id, level.id)}};
}

bool cycle_covers_track(const store::ReviewCycle& cycle, const std::string& track) {
  return cycle.tracks.empty() ||
         std::find(cycle.tracks.begin(), cycle.tracks.end(), track) != cycle.tracks.end();
}

// What is open for the person: their drafts, their growth plans, and every open cycle of their
// track without a self-assessment of theirs.
Json open_items(const Resources& resources, const Call& call, const store::Person& person,
                const std::vector<store::Assessment>& all) {
  Json drafts = Json::array();
  for (const store::Assessment& a : all) {
    if (a.status == store::AssessmentStatus::draft && a.author_account == call.viewer->account.id) {
      Json row = assessment_row(resources.ladder, a, {});
      drafts.push_back(Json{{"url", row["url"]},
                            {"label", fmt::format("{} against {}", row["role"].get<std::string>(),
                                                  row["level_title"].get<std::string>())},
                            {"updated", render::date_text(a.updated_at)}});
    }
  }
  Json plans = Json::array();
  for (const store::GrowthPlanRecord& plan :
       unwrap(resources.review.plans(*call.viewer, person.id))) {
    const model::Level* level = resources.ladder.find_level(plan.target_level);
    plans.push_back(Json{{"url", fmt::format("/people/{}/plans/{}", person.id, plan.id)},
                         {"target", level ? level->title : plan.target_level}});
  }
  Json cycles = Json::array();
  for (const store::ReviewCycle& cycle : unwrap(resources.review.cycles())) {
    if (cycle.status != store::CycleStatus::open || !cycle_covers_track(cycle, person.track)) {
      continue;
    }
    const bool started = std::any_of(all.begin(), all.end(), [&](const store::Assessment& a) {
      return a.cycle == cycle.id && a.role == store::AuthorRole::self &&
             a.status != store::AssessmentStatus::withdrawn;
    });
    if (!started) {
      cycles.push_back(Json{{"name", cycle.name},
                            {"ends", cycle.ends},
                            {"start_url", start_url(person.id, person.level)}});
    }
  }
  const bool any = !drafts.empty() || !plans.empty() || !cycles.empty();
  return Json{{"drafts", std::move(drafts)},
              {"plans", std::move(plans)},
              {"cycles", std::move(cycles)},
              {"any", any}};
}

// For a manager: the reports who submitted a self-assessment and wait for theirs (team
// readiness's "what awaits", review/team.hpp).
Json home_awaiting(const Resources& resources, const Call& call, const store::Person& person) {
  Json out = Json::array();
  const review::TeamReadiness team =
      unwrap(resources.review.team_readiness(*call.viewer, person.id, review::TeamQuery{}));
  for (const review::Awaiting& waiting : team.awaiting) {
    if (waiting.kind != review::AwaitKind::assessment) {
      continue;  // cases to write are on team readiness
    }
    out.push_back(Json{{"name", waiting.person.name},
                       {"submitted", render::date_text(waiting.self_submitted_at)},
                       {"start_url", start_url(waiting.person.id, waiting.person.level)},
                       {"side_url", fmt::format("/people/{}/side-by-side", waiting.person.id)}});
  }
  return out;
}

}  // namespace

Response my_page(const Resources& resources, const Call& call) {
  Json view;
  view["page"] = Json{{"title", "My page"}, {"nav", {{"me", true}}}};
  view["site"] = html::site_json(resources.ladder, resources.links);
  view["person"] = nullptr;
  view["admin"] = call.viewer->admin();
  if (!call.viewer->person) {
    return page(resources, call, 200, "home", std::move(view));
  }
  const store::Person& person = *call.viewer->person;
  const auto all = unwrap(resources.review.assessments(*call.viewer, person.id));
  view["person"] = review_pages::person_head(person);
  Json standing = Json::array();
  const model::Level* level = resources.ladder.find_level(person.level);
  if (level != nullptr) {
    standing.push_back(level_standing(resources, call, person, all, *level, true));
    if (const model::Level* next = resources.ladder.next_level(level->id)) {
      Json ahead = level_standing(resources, call, person, all, *next, false);
      ahead["compare_url"] = resources.links.compare(level->id, next->id, true).value_or("");
      standing.push_back(std::move(ahead));
    }
  }
  view["level_title"] = level ? level->title : person.level;
  view["standing"] = std::move(standing);
  view["open"] = open_items(resources, call, person, all);
  view["awaiting"] = home_awaiting(resources, call, person);
  view["team_url"] = fmt::format("/people/{}/team/readiness", person.id);
  return page(resources, call, 200, "home", std::move(view));
}

}  // namespace rung::web::handlers
