#include "rung/assess/ratings.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::assess {

namespace {

std::vector<std::string> scale_ids(const model::Ladder& ladder) {
  std::vector<std::string> ids;
  for (const model::ScalePoint& point : ladder.data().scale) {
    ids.push_back(point.id);
  }
  return ids;
}

std::string level_label(const model::Level& level) {
  return fmt::format("{} ({})", level.id, level.title);
}

std::string unknown_statement_hint(const model::Ladder& ladder, std::string_view statement_id,
                                   const std::vector<std::string>& level_ids) {
  // A real statement of another level is a wrong level, not a typo: "swe-3-role-1" against
  // swe-2 is one edit from "swe-2-role-1", yet suggesting that would mislead.
  if (const model::Level* owner = ladder.level_of_statement(statement_id)) {
    return fmt::format("'{}' belongs to level {}; rate it against that level", statement_id,
                       level_label(*owner));
  }
  if (auto close = closest_match(statement_id, level_ids)) {
    return fmt::format("did you mean '{}'?", *close);
  }
  return {};
}

Result<void> check_statement_in(const model::Ladder& ladder, const model::Level& level,
                                std::string_view statement_id) {
  const std::vector<std::string> ids = statement_ids_of(ladder, level);
  if (std::find(ids.begin(), ids.end(), statement_id) != ids.end()) {
    return {};
  }
  std::string message =
      fmt::format("statement '{}' is not in level {}", statement_id, level_label(level));
  if (!level.shares.empty()) {
    message += fmt::format(", which uses the statements of {}", level.shares);
  }
  return fail("assess.unknown-statement", std::move(message), {},
              unknown_statement_hint(ladder, statement_id, ids));
}

}  // namespace

const std::string* rating_of(const Ratings& ratings, std::string_view statement_id) {
  auto found = ratings.find(statement_id);
  return found != ratings.end() ? &found->second : nullptr;
}

std::optional<int> score_of(const model::Ladder& ladder, std::string_view scale_id) {
  for (const model::ScalePoint& point : ladder.data().scale) {
    if (point.id == scale_id) {
      return point.score;
    }
  }
  return std::nullopt;
}

std::optional<int> met_score(const model::Ladder& ladder) {
  return score_of(ladder, ladder.data().readiness.met_at);
}

bool is_met(const model::Ladder& ladder, const Ratings& ratings, std::string_view statement_id) {
  const std::string* rating = rating_of(ratings, statement_id);
  if (rating == nullptr) {
    return false;
  }
  const std::optional<int> needed = met_score(ladder);
  const std::optional<int> score = score_of(ladder, *rating);
  return needed && score && *score >= *needed;
}

std::vector<std::string> statement_ids_of(const model::Ladder& ladder, const model::Level& level) {
  std::vector<std::string> ids;
  for (const model::AreaStatements& area : ladder.content_of(level)) {
    for (const model::Statement& statement : area.statements) {
      ids.push_back(statement.id);
    }
  }
  return ids;
}

Result<void> check_scale_point(const model::Ladder& ladder, std::string_view scale_id) {
  if (score_of(ladder, scale_id)) {
    return {};
  }
  const std::vector<std::string> ids = scale_ids(ladder);
  std::string hint;
  if (auto close = closest_match(scale_id, ids)) {
    hint = fmt::format("did you mean '{}'?", *close);
  }
  return fail("assess.bad-rating",
              fmt::format("'{}' is not on the rating scale; the scale is: {}", scale_id, join(ids)),
              {}, std::move(hint));
}

Result<void> check_rating(const model::Ladder& ladder, std::string_view level_id,
                          std::string_view statement_id, std::string_view scale_id) {
  RUNG_TRY_ASSIGN(const model::Level* level, model::require_level(ladder, level_id));
  RUNG_TRY(check_statement_in(ladder, *level, statement_id));
  return check_scale_point(ladder, scale_id);
}

}  // namespace rung::assess
