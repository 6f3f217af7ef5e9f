#pragma once

// Shared by the people/ unit tests: a small ladder and a few helpers to build CSV text.
#include <string>
#include <vector>

#include "rung/model/ladder.hpp"
#include "rung/people/csv.hpp"
#include "rung/store/store.hpp"

namespace rung::people::testing {

// The header row of an HRIS export, as the importer expects it.
inline const std::string k_header = "Name,Email,Manager Email,Level,Start Date,Status\n";

// Two tracks: "swe" (Software Engineer: swe-1, swe-2, swe-3) and "mgr" (Manager: mgr-1, mgr-2).
inline model::Ladder small_ladder() {
  model::LadderData data;
  auto track = [](std::string id, std::string name, std::vector<std::string> levels) {
    model::Track out;
    out.id = std::move(id);
    out.name = std::move(name);
    int number = 1;
    for (auto& level : levels) {
      model::Level item;
      item.id = level;
      item.number = number++;
      item.title = "Level " + level;
      out.levels.push_back(std::move(item));
    }
    return out;
  };
  data.tracks.push_back(track("swe", "Software Engineer", {"swe-1", "swe-2", "swe-3"}));
  data.tracks.push_back(track("mgr", "Manager", {"mgr-1", "mgr-2"}));
  data.tracks.back().family = model::Family::manager;
  return model::Ladder(std::move(data));
}

// A table as read_csv gives it, from lines of comma-separated text (no quoting needed).
inline CsvTable table(const std::string& text) {
  auto read = read_csv(text, "people.csv");
  if (!read) {
    throw std::runtime_error("test CSV does not read: " + read.error().front().to_string());
  }
  return *read;
}

inline store::Person person(store::Id id, std::string name, std::string email,
                            std::optional<store::Id> manager, std::string level,
                            store::PersonStatus status = store::PersonStatus::active) {
  store::Person out;
  out.id = id;
  out.name = std::move(name);
  out.email = std::move(email);
  out.manager = manager;
  out.track = level.substr(0, level.find('-'));
  out.level = std::move(level);
  out.status = status;
  return out;
}

}  // namespace rung::people::testing
