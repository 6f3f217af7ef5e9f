#include "rung/people/ladder_guard.hpp"

#include <fmt/format.h>

namespace rung::people {

namespace {

// Why the ladder cannot hold this person; "" when it can.
std::string problem(const model::Ladder& ladder, const store::Person& person) {
  const model::Track* track = ladder.track_of(person.level);
  if (track == nullptr) {
    return fmt::format("level '{}' is not in the ladder", person.level);
  }
  if (!person.track.empty() && track->id != person.track) {
    return fmt::format("level '{}' is not in track '{}'", person.level, person.track);
  }
  return {};
}

}  // namespace

std::vector<store::Person> people_on_missing_levels(const model::Ladder& ladder,
                                                    const std::vector<store::Person>& people) {
  std::vector<store::Person> out;
  for (const auto& person : people) {
    if (person.status == store::PersonStatus::active && !problem(ladder, person).empty()) {
      out.push_back(person);
    }
  }
  return out;
}

std::vector<std::string> describe_missing_levels(const model::Ladder& ladder,
                                                 const std::vector<store::Person>& missing) {
  std::vector<std::string> lines;
  for (const auto& person : missing) {
    lines.push_back(fmt::format("{} <{}>: {}", person.name, person.email, problem(ladder, person)));
  }
  return lines;
}

Result<void> check_held_levels(const model::Ladder& ladder, store::Store& store) {
  RUNG_TRY_ASSIGN(const std::vector<store::Person> everyone, store.people());
  const auto stranded = people::people_on_missing_levels(ladder, everyone);
  if (stranded.empty()) {
    return {};
  }
  std::string list;
  for (const std::string& line : people::describe_missing_levels(ladder, stranded)) {
    list += "\n  " + line;
  }
  return fail("serve.missing-levels",
              fmt::format("the ladder has no level that {} {} hold{}:{}", stranded.size(),
                          stranded.size() == 1 ? "person" : "people",
                          stranded.size() == 1 ? "s" : "", list),
              {},
              "serve a ladder that has these levels, or move these people first "
              "(rung people import)");
}

}  // namespace rung::people
