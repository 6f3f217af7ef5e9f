// The team readiness page's view model.
#include "rung/web/team/views.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/assess/fit.hpp"
#include "rung/core/ago.hpp"
#include "rung/core/utc.hpp"
#include "rung/review/calibrated.hpp"

namespace rung::web::team {

namespace {

using review::StageState;
using review::TeamColumn;

struct Head {
  TeamColumn column;
  const char* label;
};

constexpr Head k_heads[] = {
    {TeamColumn::name, "Name"},
    {TeamColumn::track, "Track"},
    {TeamColumn::level, "Level"},
    {TeamColumn::self, "Self-assessment"},
    {TeamColumn::manager, "Manager assessment"},
    {TeamColumn::fit, "Fit for level"},
    {TeamColumn::readiness, "Next level"},
    {TeamColumn::flagged, "Flagged topics"},
    {TeamColumn::growth, "Growth plan"},
    {TeamColumn::last_assessed, "Last assessed"},
};

std::string person_url(store::Id id) {
  return fmt::format("/people/{}", id);
}

std::string level_title(const model::Ladder& ladder, const std::string& id) {
  const model::Level* level = ladder.find_level(id);
  return level ? level->title : id;
}

std::string track_name(const model::Ladder& ladder, const std::string& id) {
  const model::Track* track = ladder.find_track(id);
  return track ? track->name : id;
}

// {text, date}: "3 weeks ago" and the ISO date for <time datetime>.
Json when(Millis at, Millis now) {
  return Json{{"text", ago(at, now)}, {"date", format_utc(at).substr(0, 10)}};
}

Json stage_json(const model::Ladder& ladder, const review::Stage& stage,
                const store::Person& person, Millis now) {
  const bool other_level = stage.state != StageState::not_started && stage.level_id != person.level;
  return Json{
      {"submitted", stage.state == StageState::submitted},
      {"draft", stage.state == StageState::draft},
      {"when", stage.state == StageState::not_started ? Json(nullptr) : when(stage.at, now)},
      {"url", stage.assessment
                  ? Json(fmt::format("/people/{}/assessments/{}", person.id, *stage.assessment))
                  : Json(nullptr)},
      {"of_level", other_level ? Json(level_title(ladder, stage.level_id)) : Json(nullptr)}};
}

std::string source_words(store::AuthorRole role) {
  return role == store::AuthorRole::manager ? "from the manager assessment"
                                            : "from the self-assessment";
}

Json fit_json(const review::TeamRow& row) {
  if (!row.fit) {
    return nullptr;
  }
  const auto& fit = *row.fit;
  return Json{{"met", fit.met},
              {"total", fit.total},
              {"percent", assess::percent_floor(fit.met, fit.total)},
              {"source", source_words(fit.source)},
              {"url", fmt::format("/people/{}/assessments/{}", row.person.id, fit.assessment)}};
}

Json next_json(const model::Ladder& ladder, const review::TeamRow& row) {
  if (row.next_level.empty()) {
    return Json{{"top", true}, {"title", nullptr}, {"figure", nullptr}};
  }
  Json figure = nullptr;
  if (row.next) {
    figure = Json{
        {"ready", row.next->ready},
        {"blocking", row.next->blocking},
        {"one_blocking", row.next->blocking == 1},
        {"source", source_words(row.next->source)},
        {"url", fmt::format("/people/{}/assessments/{}", row.person.id, row.next->assessment)}};
  }
  return Json{{"top", false}, {"title", level_title(ladder, row.next_level)}, {"figure", figure}};
}

Json growth_json(const model::Ladder& ladder, const review::TeamRow& row) {
  if (!row.growth) {
    return nullptr;
  }
  return Json{{"done", row.growth->done},
              {"total", row.growth->total},
              {"target", level_title(ladder, row.growth->target_level)},
              {"url", fmt::format("/people/{}/plans/{}", row.person.id, row.growth->plan)}};
}

// What calibration changed of the row's manager assessment, in words, with the reason one
// hover away; null when nothing changed.
Json team_calibrated_json(const review::TeamRow& row) {
  if (!row.calibration) {
    return nullptr;
  }
  const auto& c = *row.calibration;
  const std::size_t n = c.ratings.size();
  Json out{{"ratings", n == 0   ? std::string()
                       : n == 1 ? std::string("1 rating calibrated")
                                : fmt::format("{} ratings calibrated", n)}};
  std::string reason;
  if (c.outcome) {
    out["outcome"] = review::calibration_outcome_name(c.outcome->calibrated);
    out["submitted"] = review::calibration_outcome_name(c.outcome->submitted);
    reason = c.outcome->reason;
  } else {
    out["outcome"] = nullptr;
    reason = c.ratings.begin()->second.reason;
  }
  out["reason"] = fmt::format("Calibrated: {}", reason);
  return out;
}

Json row_json(const model::Ladder& ladder, const review::TeamRow& row, Millis now) {
  const store::Person& p = row.person;
  return Json{
      {"name", p.name},
      {"url", person_url(p.id)},
      {"reports_to",
       row.depth > 1 && !row.manager_name.empty() ? Json(row.manager_name) : Json(nullptr)},
      {"track", track_name(ladder, p.track)},
      {"level", level_title(ladder, p.level)},
      {"assessments_url", person_url(p.id) + "/assessments"},
      {"self", stage_json(ladder, row.self, p, now)},
      {"manager", stage_json(ladder, row.manager, p, now)},
      {"fit", fit_json(row)},
      {"next", next_json(ladder, row)},
      {"flagged", row.flagged ? Json{{"count", *row.flagged},
                                     {"one", *row.flagged == 1},
                                     {"url", person_url(p.id) + "/side-by-side"}}
                              : Json(nullptr)},
      {"growth", growth_json(ladder, row)},
      {"plans_url", person_url(p.id) + "/plans"},
      {"open_case", row.open_case
                        ? Json{{"url", fmt::format("/people/{}/cases/{}", p.id, *row.open_case)}}
                        : Json(nullptr)},
      {"calibrated", team_calibrated_json(row)},
      {"last", row.last_assessed ? when(*row.last_assessed, now) : Json(nullptr)}};
}

Json heads_json(const TeamPageQuery& query, const std::string& base) {
  Json out = Json::array();
  for (const Head& head : k_heads) {
    const bool current = query.team.sort == head.column;
    TeamPageQuery link = query;
    link.page = 1;
    link.team.sort = head.column;
    link.team.descending = current && !query.team.descending;
    out.push_back(
        Json{{"label", head.label},
             {"url", base + team_query_string(link, false)},
             {"sort",
              current ? Json(query.team.descending ? "descending" : "ascending") : Json(nullptr)},
             {"arrow", current ? Json(query.team.descending ? "↓" : "↑") : Json(nullptr)}});
  }
  return out;
}

Json sorts_json(const TeamPageQuery& query) {
  Json out = Json::array();
  for (const Head& head : k_heads) {
    out.push_back(Json{{"value", std::string(review::to_string(head.column))},
                       {"label", head.label},
                       {"selected", query.team.sort == head.column}});
  }
  return out;
}

Json cycles_json(const review::TeamReadiness& team) {
  Json out = Json::array();
  for (auto it = team.cycles.rbegin(); it != team.cycles.rend(); ++it) {
    out.push_back(Json{{"value", std::to_string(it->id)},
                       {"label", fmt::format("{} ({})", it->name, store::to_string(it->status))},
                       {"selected", team.cycle && team.cycle->id == it->id}});
  }
  out.push_back(Json{{"value", "all"},
                     {"label", "Every assessment, in a cycle or not"},
                     {"selected", !team.cycle}});
  return out;
}

Json tracks_json(const model::Ladder& ladder, const TeamPageQuery& query) {
  Json tracks = Json::array();
  Json groups = Json::array();
  for (const model::Track& track : ladder.tracks()) {
    tracks.push_back(Json{
        {"value", track.id}, {"label", track.name}, {"selected", query.team.track == track.id}});
    Json levels = Json::array();
    for (const model::Level& level : track.levels) {
      levels.push_back(Json{
          {"value", level.id}, {"label", level.title}, {"selected", query.team.level == level.id}});
    }
    groups.push_back(Json{{"track", track.name}, {"levels", std::move(levels)}});
  }
  return Json{{"tracks", std::move(tracks)}, {"level_groups", std::move(groups)}};
}

// Shown on the viewer's own team (or wherever something awaits them).
Json awaiting_json(const review::TeamReadiness& team, const auth::Viewer& viewer, Millis now) {
  const bool own_team = viewer.person && viewer.person->id == team.person.id && team.team_size > 0;
  Json items = Json::array();
  Json cases = Json::array();
  for (const review::Awaiting& waiting : team.awaiting) {
    const store::Id id = waiting.person.id;
    switch (waiting.kind) {
      case review::AwaitKind::assessment:
        items.push_back(Json{{"name", waiting.person.name},
                             {"url", person_url(id)},
                             {"assessments_url", person_url(id) + "/assessments"},
                             {"when", when(waiting.self_submitted_at, now)}});
        break;
      case review::AwaitKind::write_case:
        cases.push_back(Json{{"name", waiting.person.name},
                             {"url", person_url(id)},
                             {"action", "Write a promotion case"},
                             {"why", "is ready for the next level and has no open case"},
                             {"action_url", person_url(id)}});
        break;
      case review::AwaitKind::finish_case:
        cases.push_back(Json{
            {"name", waiting.person.name},
            {"url", person_url(id)},
            {"action", "Finish the case"},
            {"why", "has a promotion case still in draft"},
            {"action_url", fmt::format("/people/{}/cases/{}", id, waiting.promotion.value_or(0))}});
        break;
    }
  }
  const bool any = !items.empty() || !cases.empty();
  return Json{{"show", any || own_team},
              {"any", any},
              {"items", std::move(items)},
              {"cases", std::move(cases)}};
}

Json pages_json(const TeamPageQuery& query, std::size_t count, const std::string& base) {
  const std::size_t pages =
      std::max<std::size_t>(1, (count + k_rows_per_page - 1) / k_rows_per_page);
  const std::size_t page = std::min(query.page, pages);
  auto url_of = [&](std::size_t n) {
    TeamPageQuery link = query;
    link.page = n;
    return base + team_query_string(link, true);
  };
  return Json{{"page", page},
              {"pages", pages},
              {"many", pages > 1},
              {"from", count == 0 ? 0 : (page - 1) * k_rows_per_page + 1},
              {"to", std::min(count, page * k_rows_per_page)},
              {"prev", page > 1 ? Json(url_of(page - 1)) : Json(nullptr)},
              {"next", page < pages ? Json(url_of(page + 1)) : Json(nullptr)}};
}

}  // namespace

std::string readiness_url(store::Id person) {
  return fmt::format("/people/{}/team/readiness", person);
}

Json page_view(const model::Ladder& ladder, const review::TeamReadiness& team,
               const TeamPageQuery& query, const auth::Viewer& viewer, Millis now) {
  const std::string base = readiness_url(team.person.id);
  Json pages = pages_json(query, team.rows.size(), base);
  const std::size_t first = pages["from"].get<std::size_t>();
  Json rows = Json::array();
  for (std::size_t i = first == 0 ? 0 : first - 1; i < pages["to"].get<std::size_t>(); ++i) {
    rows.push_back(row_json(ladder, team.rows[i], now));
  }
  const review::TeamQuery& q = query.team;
  const bool filtered = !q.track.empty() || !q.level.empty() || q.ready || q.not_assessed;
  Json view;
  view["person"] = Json{{"name", team.person.name},
                        {"url", person_url(team.person.id)},
                        {"tree_url", person_url(team.person.id) + "/team"},
                        {"is_self", viewer.person && viewer.person->id == team.person.id}};
  view["cycle"] = team.cycle ? Json{{"name", team.cycle->name},
                                    {"open", team.cycle->status == store::CycleStatus::open}}
                             : Json(nullptr);
  view["no_open_cycle"] = !team.cycle && !q.all_cycles && !q.cycle;
  view["team_size"] = team.team_size;
  view["assessed"] = team.assessed;
  view["count"] = team.rows.size();
  view["filtered"] = filtered;
  view["filters"] = tracks_json(ladder, query);
  view["filters"]["cycles"] = cycles_json(team);
  view["filters"]["ready"] = q.ready;
  view["filters"]["not_assessed"] = q.not_assessed;
  view["filters"]["sorts"] = sorts_json(query);
  view["filters"]["descending"] = q.descending;
  TeamPageQuery cleared;  // the same cycle and order, no filters
  cleared.team.cycle = q.cycle;
  cleared.team.all_cycles = q.all_cycles;
  cleared.team.sort = q.sort;
  cleared.team.descending = q.descending;
  view["clear_url"] = base + team_query_string(cleared, false);
  view["action"] = base;
  view["csv_url"] = base + ".csv" + team_query_string(query, false);
  view["heads"] = heads_json(query, base);
  view["awaiting"] = awaiting_json(team, viewer, now);
  view["rows"] = std::move(rows);
  view["pages"] = std::move(pages);
  view["no_team"] = team.team_size == 0;
  view["nobody_assessed"] = team.team_size > 0 && team.assessed == 0;
  view["no_match"] = team.team_size > 0 && team.rows.empty();
  view["people_url"] = "/people";
  return view;
}

}  // namespace rung::web::team
