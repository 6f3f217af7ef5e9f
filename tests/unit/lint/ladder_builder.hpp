#pragma once

#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "rung/lint/lint.hpp"
#include "rung/model/defaults.hpp"
#include "rung/model/ladder.hpp"

// Builds small ladders in code for the lint unit tests. Every element gets a made-up location
// (one line per element, in the order they are added) so that tests can check where a finding
// points. Statement ids are "<level>-<area>-<n>".
namespace rung::lint::testing {

class LadderBuilder {
 public:
  LadderBuilder() {
    m_data.meta.name = "Test Ladder";
    m_data.source_file = "test.yaml";
    m_data.general = {"General", {"1", "2", "3", "4", "5", "6"}};
    m_data.scale = model::default_scale();
    m_data.readiness = model::default_readiness();
  }

  LadderBuilder& area(std::string id, std::string name) {
    m_data.areas.push_back(model::Area{std::move(id), std::move(name), next_loc()});
    return *this;
  }

  LadderBuilder& track(std::string id, std::string name,
                       model::Family family = model::Family::individual_contributor) {
    m_data.tracks.push_back(model::Track{std::move(id), std::move(name), family, {}, next_loc()});
    m_track = m_data.tracks.size() - 1;
    return *this;
  }

  // Makes later level() calls add to this (existing) track.
  LadderBuilder& use_track(const std::string& id) {
    for (std::size_t t = 0; t < m_data.tracks.size(); ++t) {
      if (m_data.tracks[t].id == id) {
        m_track = t;
      }
    }
    return *this;
  }

  // Adds a level to the current track; its number is its position in the track.
  LadderBuilder& level(std::string id, std::string title, std::string grade = {}) {
    model::Track& track = m_data.tracks.at(m_track);
    model::Level level;
    level.id = std::move(id);
    level.number = static_cast<int>(track.levels.size()) + 1;
    level.title = std::move(title);
    level.grade = std::move(grade);
    level.loc = next_loc();
    track.levels.push_back(std::move(level));
    return *this;
  }

  LadderBuilder& detail_title(std::string title) {
    last_level().detail_title = std::move(title);
    return *this;
  }

  LadderBuilder& experience(int min_years, std::optional<int> max_years = std::nullopt) {
    last_level().experience = model::Experience{min_years, max_years, next_loc()};
    return *this;
  }

  LadderBuilder& shares(std::string level_id) {
    last_level().shares = std::move(level_id);
    return *this;
  }

  // Adds an area block with these statements to the last level.
  LadderBuilder& statements(const std::string& area, std::initializer_list<std::string> texts) {
    model::Level& level = last_level();
    model::AreaStatements block{area, {}, next_loc()};
    for (const auto& text : texts) {
      const std::string id =
          level.id + "-" + area + "-" + std::to_string(block.statements.size() + 1);
      block.statements.push_back(model::Statement{id, text, {}, next_loc()});
    }
    level.areas.push_back(std::move(block));
    return *this;
  }

  // The level with this id, to change it after the fact.
  model::Level& level_ref(const std::string& id) {
    for (auto& track : m_data.tracks) {
      for (auto& level : track.levels) {
        if (level.id == id) {
          return level;
        }
      }
    }
    throw std::out_of_range("no level " + id);
  }

  model::LadderData& data() { return m_data; }
  model::Ladder build() const { return model::Ladder(m_data); }

 private:
  model::Level& last_level() { return m_data.tracks.at(m_track).levels.back(); }
  model::SourceLoc next_loc() { return model::SourceLoc{++m_line, 3}; }

  model::LadderData m_data;
  int m_line = 0;
  std::size_t m_track = 0;
};

// The findings of one rule only.
inline std::vector<Diagnostic> findings(const model::Ladder& ladder, std::string_view code,
                                        const Options& options = {}) {
  std::vector<Diagnostic> out;
  for (auto& d : lint(ladder, options).diagnostics) {
    if (d.code == code) {
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace rung::lint::testing

namespace rung::lint::testing {

// A small ladder with no defects: two tracks, areas used everywhere, titles distinct, ranges
// that meet, grades that rise, vocabulary shared between levels. Tests add one defect to it.
inline LadderBuilder clean_ladder() {
  LadderBuilder b;
  b.area("role", "Role").area("craft", "Craft");
  b.track("swe", "Software Engineer");
  b.level("swe-1", "Software Engineer I", "1").experience(0, 2);
  b.statements("role", {"You build small features with guidance from your team.",
                        "You fix bugs in code you know."});
  b.statements("craft", {"You write clean code and tests for it.",
                         "You ask for code reviews and learn from them."});
  b.level("swe-2", "Software Engineer II", "2").experience(3, 5);
  b.statements("role", {"You build features on your own and help your team plan them.",
                        "You fix bugs across the code base."});
  b.statements("craft", {"You review code and give clear feedback.",
                         "You design tests that catch bugs early."});
  b.level("swe-3", "Senior Software Engineer", "3").experience(6);
  b.statements("role", {"You lead the design of large features across teams.",
                        "You mentor engineers on your team and help them learn."});
  b.statements("craft", {"You set the standards for code and tests on your team.",
                         "You find and fix the design problems behind recurring bugs."});
  b.track("mgr", "Engineering Manager", model::Family::manager);
  b.level("mgr-1", "Engineering Manager", "3").experience(5);
  b.statements("role", {"You lead a team of engineers and plan its work.",
                        "You mentor engineers and review their growth with them."});
  b.statements("craft", {"You keep the code and design standards of your team high.",
                         "You help your team fix the problems behind recurring bugs."});
  return b;
}

}  // namespace rung::lint::testing
