#include "rung/html/views.hpp"

#include <fmt/format.h>

#include "rung/compare/compare.hpp"
#include "rung/core/text.hpp"
#include "rung/render/dates.hpp"

namespace rung::html {

namespace {

using model::Level;
using model::Track;

Json page_json(std::string title, std::string_view nav) {
  return Json{{"title", std::move(title)}, {"nav", {{std::string(nav), true}}}};
}

// A link to a level as pages show it: {id, title, url, grade, track_name}.
Json level_ref(const model::Ladder& ladder, const Level& level, const Links& links) {
  Json out{{"id", level.id}, {"title", level.title}, {"url", links.level(level.id)}};
  if (!level.grade.empty()) {
    out["grade"] = level.grade;
  }
  if (const Track* track = ladder.track_of(level.id)) {
    out["track_name"] = track->name;
  }
  return out;
}

std::size_t statement_count(const model::Ladder& ladder, const Level& level) {
  std::size_t count = 0;
  for (const auto& block : ladder.content_of(level)) {
    count += block.statements.size();
  }
  return count;
}

Json grid_json(const model::Ladder& ladder, const Links& links) {
  const auto& grades = ladder.data().general.grades;
  Json rows = Json::array();
  for (const Track& track : ladder.tracks()) {
    Json cells = Json::array();
    for (const std::string& grade : grades) {
      Json levels = Json::array();
      for (const Level& level : track.levels) {
        if (level.grade == grade) {
          levels.push_back(level_ref(ladder, level, links));
        }
      }
      cells.push_back({{"grade", grade}, {"levels", std::move(levels)}});
    }
    Json unmapped = Json::array();
    for (const Level& level : track.levels) {
      if (!ladder.grade_index(level.grade)) {
        unmapped.push_back(level_ref(ladder, level, links));
      }
    }
    rows.push_back({{"id", track.id},
                    {"name", track.name},
                    {"family", family_label(track.family)},
                    {"url", links.track(track.id)},
                    {"cells", std::move(cells)},
                    {"unmapped", std::move(unmapped)}});
  }
  return Json{
      {"name", ladder.data().general.name.empty() ? "General ladder" : ladder.data().general.name},
      {"grades", grades},
      {"rows", std::move(rows)}};
}

Json same_grade_json(const model::Ladder& ladder, const Level& level, const Links& links,
                     const compare::Similarity& similarity) {
  Json out = Json::array();
  if (level.grade.empty()) {
    return out;
  }
  const Track* own = ladder.track_of(level.id);
  for (const Track& track : ladder.tracks()) {
    if (&track == own) {
      continue;
    }
    for (const Level& other : track.levels) {
      if (other.grade != level.grade) {
        continue;
      }
      Json ref = level_ref(ladder, other, links);
      if (auto comparison = compare::compare_levels(ladder, similarity, level.id, other.id)) {
        const std::size_t alike = comparison->counts.unchanged + comparison->counts.reworded;
        ref["alike"] = fmt::format("{} {} alike", alike, alike == 1 ? "statement" : "statements");
      }
      if (auto url = links.compare(level.id, other.id, false)) {
        ref["compare_url"] = *url;
      }
      out.push_back(std::move(ref));
    }
  }
  return out;
}

const Level* previous_level(const Track& track, const Level& level) {
  const Level* previous = nullptr;
  for (const Level& candidate : track.levels) {
    if (candidate.id == level.id) {
      return previous;
    }
    previous = &candidate;
  }
  return nullptr;
}

}  // namespace

std::string_view family_label(model::Family family) {
  return family == model::Family::manager ? "Manager" : "Individual contributor";
}

std::string experience_text(const Level& level) {
  if (!level.experience) {
    return "";
  }
  const model::Experience& experience = *level.experience;
  if (!experience.max_years) {
    return fmt::format("{}+ years", experience.min_years);
  }
  return fmt::format("{}\u2013{} years", experience.min_years, *experience.max_years);
}

Json site_json(const model::Ladder& ladder, const Links& links) {
  const model::Metadata& meta = ladder.data().meta;
  Json out{{"ladder_name", meta.name},
           {"organization", meta.organization},
           {"published", render::date_text(meta.published)},
           {"credits", meta.credits},
           {"static", links.is_static()},
           {"home", links.home()},
           {"stylesheet", links.stylesheet()},
           {"search", links.search()},
           {"compare", links.compare_form()},
           {"lint", links.lint()},
           {"history", links.history()}};
  return out;
}

Json overview_view(const model::Ladder& ladder, const Links& links) {
  Json out = format::overview_json(ladder);
  out["site"] = site_json(ladder, links);
  out["page"] = page_json("Overview", "overview");
  out["grid"] = grid_json(ladder, links);
  Json tracks = Json::array();
  for (const Track& track : ladder.tracks()) {
    Json levels = Json::array();
    for (const Level& level : track.levels) {
      Json ref = level_ref(ladder, level, links);
      ref["experience_text"] = experience_text(level);
      levels.push_back(std::move(ref));
    }
    tracks.push_back({{"id", track.id},
                      {"name", track.name},
                      {"family", family_label(track.family)},
                      {"url", links.track(track.id)},
                      {"levels", std::move(levels)}});
  }
  out["track_list"] = std::move(tracks);
  return out;
}

Json track_view(const model::Ladder& ladder, const Track& track, const Links& links) {
  Json out{{"id", track.id},
           {"name", track.name},
           {"family", family_label(track.family)},
           {"url", links.track(track.id)}};
  out["site"] = site_json(ladder, links);
  out["page"] = page_json(track.name, "ladder");
  Json levels = Json::array();
  for (const Level& level : track.levels) {
    Json one = format::level_json(ladder, level);
    one["url"] = links.level(level.id);
    one["experience_text"] = experience_text(level);
    one["statement_count"] = statement_count(ladder, level);
    if (const Level* next = ladder.next_level(level.id)) {
      Json step = level_ref(ladder, *next, links);
      if (auto url = links.compare(level.id, next->id, true)) {
        step["compare_url"] = *url;
      }
      one["next"] = std::move(step);
    }
    levels.push_back(std::move(one));
  }
  out["levels"] = std::move(levels);
  return out;
}

Json level_view(const model::Ladder& ladder, const Level& level, const Links& links,
                const compare::Similarity& similarity) {
  Json out = format::level_json(ladder, level);
  out["site"] = site_json(ladder, links);
  out["page"] = page_json(level.title, "ladder");
  out["url"] = links.level(level.id);
  out["experience_text"] = experience_text(level);
  out["statement_count"] = statement_count(ladder, level);
  const Track* track = ladder.track_of(level.id);
  if (track != nullptr) {
    out["track"]["url"] = links.track(track->id);
    out["track"]["family_label"] = family_label(track->family);
    if (const Level* previous = previous_level(*track, level)) {
      out["previous"] = level_ref(ladder, *previous, links);
    }
  }
  if (const Level* next = ladder.next_level(level.id)) {
    Json step = level_ref(ladder, *next, links);
    if (auto url = links.compare(level.id, next->id, true)) {
      step["compare_url"] = *url;
    }
    out["next"] = std::move(step);
  }
  if (!level.shares.empty()) {
    if (const Level* shared = ladder.find_level(level.shares)) {
      out["shared_with"] = level_ref(ladder, *shared, links);
    }
  }
  out["same_grade"] = same_grade_json(ladder, level, links, similarity);
  out["has_same_grade"] = !out["same_grade"].empty();
  return out;
}

Json not_found_view(const model::Ladder& ladder, std::string_view path, const Links& links) {
  Json out = message_view(ladder, 404, "Page not found",
                          fmt::format("There is no page at {}.", path), links);
  std::string_view last = path;
  while (last.ends_with('/')) {
    last.remove_suffix(1);
  }
  last = last.substr(last.rfind('/') + 1);
  std::vector<std::string> candidates = ladder.level_ids();
  std::vector<const Level*> by_candidate;
  for (const Track& track : ladder.tracks()) {
    for (const Level& level : track.levels) {
      by_candidate.push_back(&level);
    }
  }
  for (const Level* level : by_candidate) {
    candidates.push_back(slugify(level->title));
  }
  if (auto match = closest_match(last, candidates)) {
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i] == *match) {
        out["suggestion"] = level_ref(ladder, *by_candidate[i % by_candidate.size()], links);
        break;
      }
    }
  }
  return out;
}

Json message_view(const model::Ladder& ladder, int status, std::string_view heading,
                  std::string_view message, const Links& links) {
  Json out{{"status", status}, {"heading", heading}, {"message", message}};
  out["site"] = site_json(ladder, links);
  out["page"] = page_json(std::string(heading), "none");
  return out;
}

}  // namespace rung::html
