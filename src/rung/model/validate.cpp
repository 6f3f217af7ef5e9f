#include "rung/model/validate.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::model {

namespace {

class Checker {
 public:
  explicit Checker(const LadderData& data) : m_data(data) {}

  Errors run() {
    check_basics();
    check_scale();
    check_areas();
    collect_level_ids();
    for (const auto& track : m_data.tracks) {
      check_track(track);
    }
    return std::move(m_errors);
  }

 private:
  void report(SourceLoc loc, std::string code, std::string message, std::string hint = {}) {
    m_errors.push_back(Error{std::move(code), std::move(message),
                             Location{m_data.source_file, loc.line, loc.column}, std::move(hint)});
  }

  // Registers an id of one kind; reports a bad or repeated id.
  void claim(std::map<std::string, SourceLoc, std::less<>>& seen, std::string_view kind,
             const std::string& id, SourceLoc loc) {
    if (!is_valid_id(id)) {
      report(loc, "ladder.bad-id", fmt::format("{} id '{}' is not a valid id", kind, id),
             "use lower-case letters, digits and single dashes, e.g. 'swe-2'");
      return;
    }
    auto [it, inserted] = seen.emplace(id, loc);
    if (!inserted) {
      report(loc, "ladder.duplicate-id", fmt::format("duplicate {} id '{}'", kind, id),
             fmt::format("the first one is at line {}", it->second.line));
      return;
    }
    if (kind != "scale point") {
      claim_across_kinds(kind, id, loc);
    }
  }

  // An id names one element of any kind: `rung show ID`, links and assessments must reach it.
  void claim_across_kinds(std::string_view kind, const std::string& id, SourceLoc loc) {
    auto [it, inserted] = m_any_ids.emplace(id, KindAt{std::string(kind), loc});
    if (!inserted && it->second.kind != kind) {
      report(loc, "ladder.duplicate-id",
             fmt::format("{} id '{}' is already the id of {} {}", kind, id,
                         it->second.kind == "area" ? "an" : "a", it->second.kind),
             fmt::format("the {} is at line {}; give each element its own id (tracks, levels, "
                         "areas and statements share one set of ids)",
                         it->second.kind, it->second.loc.line));
    }
  }

  void check_basics() {
    if (m_data.meta.name.empty()) {
      report({}, "ladder.missing-name", "the ladder has no name");
    }
    if (m_data.tracks.empty()) {
      report({}, "ladder.empty", "the ladder has no tracks");
    }
    std::set<std::string, std::less<>> grades;
    for (const auto& grade : m_data.general.grades) {
      if (!grades.insert(grade).second) {
        report({}, "ladder.duplicate-grade",
               fmt::format("grade '{}' appears twice on the general ladder", grade));
      }
    }
  }

  void check_scale() {
    std::map<std::string, SourceLoc, std::less<>> ids;
    if (m_data.scale.empty()) {
      report({}, "ladder.empty-scale", "the rating scale has no points");
    }
    for (std::size_t i = 0; i < m_data.scale.size(); ++i) {
      const ScalePoint& point = m_data.scale[i];
      claim(ids, "scale point", point.id, point.loc);
      if (i > 0 && point.score <= m_data.scale[i - 1].score) {
        report(point.loc, "ladder.scale-order",
               fmt::format("scale point '{}' has score {}, not above the previous point's {}",
                           point.id, point.score, m_data.scale[i - 1].score),
               "list scale points from lowest to highest with increasing scores");
      }
      if (point.description.find('\n') != std::string::npos) {
        report(point.loc, "ladder.bad-description",
               fmt::format("scale point '{}' has a description of more than one line", point.id),
               "say what the point means in one sentence; it is shown beside the choice");
      }
    }
    const Readiness& readiness = m_data.readiness;
    if (!m_data.scale.empty() && !ids.contains(readiness.met_at)) {
      std::vector<std::string> names;
      for (const auto& point : m_data.scale) {
        names.push_back(point.id);
      }
      report(
          readiness.loc, "ladder.unknown-scale-point",
          fmt::format("readiness.met_at '{}' is not a point of the rating scale", readiness.met_at),
          fmt::format("scale points are: {}", join(names)));
    }
    if (!(readiness.share_per_area > 0.0 && readiness.share_per_area <= 1.0)) {
      report(readiness.loc, "ladder.bad-share",
             fmt::format("readiness.share_per_area is {}; it must be above 0 and at most 1",
                         readiness.share_per_area));
    }
  }

  void check_areas() {
    for (const auto& area : m_data.areas) {
      claim(m_area_ids, "area", area.id, area.loc);
      if (trim(area.name).empty()) {
        report(area.loc, "ladder.missing-name", fmt::format("area '{}' has no name", area.id));
      }
    }
  }

  void collect_level_ids() {
    for (const auto& track : m_data.tracks) {
      claim(m_track_ids, "track", track.id, track.loc);
      for (const auto& level : track.levels) {
        claim(m_level_ids, "level", level.id, level.loc);
        m_all_level_ids.push_back(level.id);
      }
    }
  }

  void check_track(const Track& track) {
    if (track.levels.empty()) {
      report(track.loc, "ladder.empty-track", fmt::format("track '{}' has no levels", track.id));
    }
    if (trim(track.name).empty()) {
      report(track.loc, "ladder.missing-name", fmt::format("track '{}' has no name", track.id));
    }
    for (const auto& level : track.levels) {
      check_level(track, level);
    }
  }

  void check_level(const Track& track, const Level& level) {
    if (level.number < 1) {
      report(level.loc, "ladder.bad-number",
             fmt::format("level '{}' has number {}; numbers start at 1", level.id, level.number));
    }
    if (trim(level.title).empty()) {
      report(level.loc, "ladder.missing-title", fmt::format("level '{}' has no title", level.id));
    }
    check_grade(level);
    check_experience(level);
    check_shares(track, level);
    std::set<std::string, std::less<>> areas_here;
    for (const auto& block : level.areas) {
      if (!m_area_ids.contains(block.area)) {
        report(block.loc, "ladder.unknown-area",
               fmt::format("level '{}' uses area '{}', which the ladder does not declare", level.id,
                           block.area),
               suggestion(block.area, declared_areas()));
      } else if (!areas_here.insert(block.area).second) {
        report(block.loc, "ladder.duplicate-area",
               fmt::format("area '{}' appears twice in level '{}'", block.area, level.id));
      }
      for (const auto& statement : block.statements) {
        check_statement(statement);
      }
    }
  }

  void check_grade(const Level& level) {
    if (level.grade.empty()) {
      return;
    }
    const auto& grades = m_data.general.grades;
    if (std::find(grades.begin(), grades.end(), level.grade) == grades.end()) {
      report(level.loc, "ladder.unknown-grade",
             fmt::format("level '{}' has grade '{}', which is not on the general ladder", level.id,
                         level.grade),
             grades.empty() ? std::string("declare the grades under general_ladder.grades")
                            : fmt::format("grades are: {}", join(grades)));
    }
  }

  void check_experience(const Level& level) {
    if (!level.experience) {
      return;
    }
    const Experience& e = *level.experience;
    if (e.min_years < 0 || (e.max_years && *e.max_years < e.min_years)) {
      report(e.loc, "ladder.bad-experience",
             fmt::format("level '{}' has an impossible experience range {}-{}", level.id,
                         e.min_years, e.max_years.value_or(e.min_years)),
             "min_years must be 0 or more and no larger than max_years");
    }
  }

  void check_shares(const Track& track, const Level& level) {
    if (level.shares.empty()) {
      return;
    }
    const Level* target = nullptr;
    for (const auto& other : track.levels) {
      if (other.id == level.shares) {
        target = &other;
      }
    }
    if (target == nullptr) {
      report(level.loc, "ladder.unknown-level",
             fmt::format("level '{}' shares the description of '{}', which is not a level of "
                         "track '{}'",
                         level.id, level.shares, track.id),
             suggestion(level.shares, m_all_level_ids));
    } else if (target == &level || !target->shares.empty()) {
      report(level.loc, "ladder.bad-share",
             fmt::format("level '{}' shares '{}', which has no description of its own", level.id,
                         level.shares),
             "point `shares` at the level that holds the statements");
    }
    if (!level.areas.empty()) {
      report(level.loc, "ladder.bad-share",
             fmt::format("level '{}' shares the description of '{}' but also has statements",
                         level.id, level.shares),
             "remove either `shares` or the statements");
    }
  }

  void check_statement(const Statement& statement) {
    claim(m_statement_ids, "statement", statement.id, statement.loc);
    if (trim(statement.text).empty()) {
      report(statement.loc, "ladder.empty-statement",
             fmt::format("statement '{}' has no text", statement.id));
    }
    for (const auto& ref : statement.refs) {
      if (!m_level_ids.contains(ref)) {
        report(statement.loc, "ladder.unknown-level",
               fmt::format("statement '{}' refers to level '{}', which does not exist",
                           statement.id, ref),
               suggestion(ref, m_all_level_ids));
      }
    }
  }

  std::vector<std::string> declared_areas() const {
    std::vector<std::string> ids;
    for (const auto& area : m_data.areas) {
      ids.push_back(area.id);
    }
    return ids;
  }

  static std::string suggestion(std::string_view word, const std::vector<std::string>& known) {
    if (auto best = closest_match(word, known)) {
      return fmt::format("did you mean '{}'?", *best);
    }
    return known.empty() ? std::string() : fmt::format("known ids: {}", join(known));
  }

  struct KindAt {
    std::string kind;
    SourceLoc loc;
  };

  const LadderData& m_data;
  Errors m_errors;
  std::map<std::string, KindAt, std::less<>> m_any_ids;  // id -> the first element's kind
  std::map<std::string, SourceLoc, std::less<>> m_area_ids;
  std::map<std::string, SourceLoc, std::less<>> m_track_ids;
  std::map<std::string, SourceLoc, std::less<>> m_level_ids;
  std::map<std::string, SourceLoc, std::less<>> m_statement_ids;
  std::vector<std::string> m_all_level_ids;
};

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') {
    return false;
  }
  char previous = 0;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) {
      return false;
    }
    previous = c;
  }
  return true;
}

Errors validate(const LadderData& data) {
  return Checker(data).run();
}

}  // namespace rung::model
