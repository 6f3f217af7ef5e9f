#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"

namespace rung::model {

// Where an element was read from (1-based; 0 = unknown, e.g. built in code).
// The file name lives once on the Ladder (LadderData::source_file), not on every element.
struct SourceLoc {
  int line = 0;
  int column = 0;

  friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

enum class Family { individual_contributor, manager };

// "individual-contributor" / "manager"; parse_family returns nullopt for anything else.
std::string_view to_string(Family family);
std::optional<Family> parse_family(std::string_view text);

struct Author {
  std::string name;
  std::string role;  // e.g. "VP Engineering"; may be empty

  friend bool operator==(const Author&, const Author&) = default;
};

struct Metadata {
  std::string name;                  // "Engineering Job Ladder"
  std::string organization;          // "Persado"; may be empty
  std::string published;             // ISO date "2019-12-17"; may be empty
  std::string version;               // the owner's label for this version ("2024.1"); may be empty
  std::vector<Author> authors;       // who wrote the ladder
  std::vector<std::string> credits;  // attributions, verbatim ("... based on ... by Dropbox")

  friend bool operator==(const Metadata&, const Metadata&) = default;
};

// The company-wide grade scale every track maps onto, lowest grade first.
struct GeneralLadder {
  std::string name;                 // "Persado General Ladder"; may be empty
  std::vector<std::string> grades;  // labels in ascending order: "2", "3", ... or "L3", "IC4"

  friend bool operator==(const GeneralLadder&, const GeneralLadder&) = default;
};

struct Area {
  std::string id;    // "role"
  std::string name;  // "Role Highlights"
  SourceLoc loc;

  friend bool operator==(const Area&, const Area&) = default;
};

// One step of the rating scale, lowest first.
struct ScalePoint {
  std::string id;    // "consistently"
  std::string name;  // "Consistently"
  int score = 0;     // strictly increasing along the scale
  // What the point means, in a sentence people rate by ("Does this in most situations without
  // being reminded"); "" when the ladder gives none. Shown beside the choices when rating.
  std::string description;
  SourceLoc loc;

  friend bool operator==(const ScalePoint&, const ScalePoint&) = default;
};

// When a person counts as ready for a level: in every area, at least `share_per_area` of the
// level's statements rated at or above `met_at` (a ScalePoint id).
struct Readiness {
  std::string met_at;
  double share_per_area = 0.8;
  SourceLoc loc;

  friend bool operator==(const Readiness&, const Readiness&) = default;
};

struct Statement {
  std::string id;                 // stable: assessments refer to it; never reused for other text
  std::string text;               // verbatim
  std::vector<std::string> refs;  // ids of levels the statement refers to (e.g. "skills of swe-3")
  SourceLoc loc;

  friend bool operator==(const Statement&, const Statement&) = default;
};

// The statements of one area at one level, in document order.
struct AreaStatements {
  std::string area;  // Area id
  std::vector<Statement> statements;
  SourceLoc loc;

  friend bool operator==(const AreaStatements&, const AreaStatements&) = default;
};

// Years of experience; an open upper end ("8+ years") has no max_years.
struct Experience {
  int min_years = 0;
  std::optional<int> max_years;
  SourceLoc loc;

  friend bool operator==(const Experience&, const Experience&) = default;
};

struct Level {
  std::string id;            // "swe-2"
  int number = 0;            // position in the track as the document numbers it (1-based)
  std::string title;         // "Software Engineer II"
  std::string detail_title;  // the title the detail page gave, when it differs from `title`
  std::string grade;         // a GeneralLadder grade label; empty when not mapped
  std::optional<Experience> experience;
  // Id of a level in the same track whose description this level shares (the manager "3/4"
  // block); such a level has no statements of its own. Empty when the level has its own.
  std::string shares;
  std::vector<AreaStatements> areas;  // in the order the ladder's author gave them
  SourceLoc loc;

  friend bool operator==(const Level&, const Level&) = default;
};

struct Track {
  std::string id;    // "swe"
  std::string name;  // "Software Engineer"
  Family family = Family::individual_contributor;
  std::vector<Level> levels;  // lowest first
  SourceLoc loc;

  friend bool operator==(const Track&, const Track&) = default;
};

// The whole ladder as plain values. Build one, then hand it to Ladder for indexed access.
struct LadderData {
  std::string schema = "rung/ladder/v1";
  Metadata meta;
  GeneralLadder general;
  std::vector<Area> areas;
  std::vector<ScalePoint> scale;
  Readiness readiness;
  std::vector<Track> tracks;
  std::vector<std::string> lint_disabled;  // lint rule codes the ladder's owner turned off
  std::string source_file;                 // where it was loaded from; "" when built in code

  // Equality ignores source_file (and compares locations; use strip_locations to ignore them).
  friend bool operator==(const LadderData& a, const LadderData& b) {
    return a.schema == b.schema && a.meta == b.meta && a.general == b.general &&
           a.areas == b.areas && a.scale == b.scale && a.readiness == b.readiness &&
           a.tracks == b.tracks && a.lint_disabled == b.lint_disabled;
  }
};

// Clears every SourceLoc, so that two ladders read from different files compare by content.
void strip_locations(LadderData& data);

// Position of a level inside LadderData: tracks[track].levels[level].
struct LevelPos {
  std::size_t track = 0;
  std::size_t level = 0;
};

// An immutable ladder with O(log n) lookups by id. Construct it from LadderData whose ids are
// unique (model::validate checks that); with duplicates, the first occurrence wins.
// Copyable and movable (the indexes hold positions, not pointers). Thread-safe to read.
class Ladder {
 public:
  explicit Ladder(LadderData data);

  const LadderData& data() const { return m_data; }
  std::span<const Track> tracks() const { return m_data.tracks; }
  std::span<const Area> areas() const { return m_data.areas; }

  // nullptr when there is no such id.
  const Track* find_track(std::string_view id) const;
  const Level* find_level(std::string_view id) const;
  const Area* find_area(std::string_view id) const;
  const Statement* find_statement(std::string_view id) const;
  std::optional<LevelPos> level_pos(std::string_view level_id) const;

  // The track a level (found by id) belongs to; nullptr for an unknown id.
  const Track* track_of(std::string_view level_id) const;
  // The level a statement (found by id) belongs to; nullptr for an unknown id.
  const Level* level_of_statement(std::string_view statement_id) const;

  // The statements that describe a level: its own, or those of the level it shares.
  std::span<const AreaStatements> content_of(const Level& level) const;

  // The next level up in the same track; nullptr at the top or for an unknown id.
  const Level* next_level(std::string_view level_id) const;

  // Index of a grade label on the general ladder, or nullopt when it is not on it.
  std::optional<std::size_t> grade_index(std::string_view grade) const;

  // All level ids in document order ("swe-1", "swe-2", ...).
  std::vector<std::string> level_ids() const;

  std::size_t statement_count() const { return m_statements.size(); }

 private:
  struct StatementPos {
    LevelPos level;
    std::size_t area = 0;
    std::size_t statement = 0;
  };

  void build_indexes();

  LadderData m_data;
  std::map<std::string, std::size_t, std::less<>> m_tracks;
  std::map<std::string, LevelPos, std::less<>> m_levels;
  std::map<std::string, std::size_t, std::less<>> m_areas;
  std::map<std::string, StatementPos, std::less<>> m_statements;
};

// The level with this id, or the error "ladder.unknown-level": "no level 'swe-9'; levels are:
// swe-1, ..." with a "did you mean 'swe-2'?" hint when an id is close.
Result<const Level*> require_level(const Ladder& ladder, std::string_view id);

}  // namespace rung::model
