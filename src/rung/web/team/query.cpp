#include "rung/web/team/query.hpp"

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::web::team {

namespace {

tl::unexpected<Error> bad(std::string message) {
  return fail("team.bad-query", std::move(message));
}

std::optional<std::int64_t> positive(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) {
    return std::nullopt;
  }
  return value;
}

Result<bool> flag(std::string_view name, std::string_view value) {
  if (value.empty() || value == "0") {
    return false;
  }
  if (value == "1" || value == "on" || value == "true") {
    return true;
  }
  return bad(fmt::format("'{}' takes 1 or 0, not '{}'.", name, value));
}

std::string value_of(const QueryParams& query, std::string_view name) {
  return std::string(query_value(query, name).value_or(""));
}

}  // namespace

Result<TeamPageQuery> read_team_query(const QueryParams& query, const model::Ladder& ladder) {
  TeamPageQuery out;
  review::TeamQuery& team = out.team;
  if (const std::string cycle = value_of(query, "cycle"); cycle == "all") {
    team.all_cycles = true;
  } else if (!cycle.empty()) {
    const auto id = positive(cycle);
    if (!id) {
      return bad(fmt::format("'cycle' takes a review cycle's number or 'all', not '{}'.", cycle));
    }
    team.cycle = *id;
  }
  team.track = value_of(query, "track");
  if (!team.track.empty() && ladder.find_track(team.track) == nullptr) {
    return bad(fmt::format("The ladder has no track '{}'.", team.track));
  }
  team.level = value_of(query, "level");
  if (!team.level.empty() && ladder.find_level(team.level) == nullptr) {
    return bad(fmt::format("The ladder has no level '{}'.", team.level));
  }
  RUNG_TRY_ASSIGN(team.ready, flag("ready", value_of(query, "ready")));
  RUNG_TRY_ASSIGN(team.not_assessed, flag("not_assessed", value_of(query, "not_assessed")));
  if (const std::string sort = value_of(query, "sort"); !sort.empty()) {
    const auto column = review::team_column(sort);
    if (!column) {
      std::vector<std::string_view> names;
      for (const review::TeamColumn c : review::team_columns()) {
        names.push_back(review::to_string(c));
      }
      return bad(fmt::format("'sort' takes one of {}, not '{}'.", fmt::join(names, ", "), sort));
    }
    team.sort = *column;
  }
  if (const std::string order = value_of(query, "order"); order == "desc") {
    team.descending = true;
  } else if (!order.empty() && order != "asc") {
    return bad(fmt::format("'order' takes asc or desc, not '{}'.", order));
  }
  if (const std::string page = value_of(query, "page"); !page.empty()) {
    const auto number = positive(page);
    if (!number) {
      return bad(fmt::format("'page' takes a page number, 1 or more, not '{}'.", page));
    }
    out.page = static_cast<std::size_t>(*number);
  }
  return out;
}

std::string team_query_string(const TeamPageQuery& query, bool with_page) {
  const review::TeamQuery& team = query.team;
  std::vector<std::string> parts;
  if (team.all_cycles) {
    parts.emplace_back("cycle=all");
  } else if (team.cycle) {
    parts.push_back(fmt::format("cycle={}", *team.cycle));
  }
  if (!team.track.empty()) {
    parts.push_back("track=" + percent_encode(team.track));
  }
  if (!team.level.empty()) {
    parts.push_back("level=" + percent_encode(team.level));
  }
  if (team.ready) {
    parts.emplace_back("ready=1");
  }
  if (team.not_assessed) {
    parts.emplace_back("not_assessed=1");
  }
  if (team.sort != review::TeamColumn::name) {
    parts.push_back(fmt::format("sort={}", review::to_string(team.sort)));
  }
  if (team.descending) {
    parts.emplace_back("order=desc");
  }
  if (with_page && query.page > 1) {
    parts.push_back(fmt::format("page={}", query.page));
  }
  return parts.empty() ? std::string() : "?" + fmt::format("{}", fmt::join(parts, "&"));
}

}  // namespace rung::web::team
