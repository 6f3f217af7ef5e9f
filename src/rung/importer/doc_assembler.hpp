#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/importer/note.hpp"
#include "rung/importer/text_document.hpp"

namespace rung::importer {

// What the readers of spreadsheets, Markdown and topic lists have in common: they meet tracks,
// levels, areas and statements in any order, by label, and leave ordering and numbering to
// the assembler, which hands the builder a TextDocument (docs/import.md, "What is inferred").

struct PendingLevel {
  std::string label;  // as the document names it: "L3", "Level 0", "Senior Engineer", "swe-2"
  std::string title;  // "" : the label (a bare number n: "Level n")
  std::string id;     // given by the document (a valid id) or ""
  std::string grade;  // given by the document or ""
  std::optional<model::Experience> experience;
  std::string shares;  // the id, title or label of the level whose description this one shares
  model::SourceLoc shares_loc;
  std::vector<DocArea> areas;
  model::SourceLoc loc;
};

struct PendingTrack {
  std::string name;
  std::string id;                   // given by the document or ""
  std::deque<PendingLevel> levels;  // a deque: levels are held by address while more are added
  model::SourceLoc loc;
};

class DocAssembler {
 public:
  explicit DocAssembler(std::string_view file_name) : m_file(file_name) {}

  // The track with this name (added when new) and the level with this label in it. References
  // stay valid while more are added.
  PendingTrack& track(const std::string& name, const std::string& id, model::SourceLoc loc);
  PendingLevel& level(PendingTrack& track, const std::string& label, model::SourceLoc loc);

  // Adds a statement to an area of a level (the area is declared on first use, with `area_id`
  // when the document gives one). A text repeated in one level and area is kept once, with a
  // note.
  void add_statement(PendingLevel& level, const std::string& area_name, const std::string& area_id,
                     std::string text, model::SourceLoc loc, std::string id = {});

  void note(model::SourceLoc loc, std::string message);
  Location at(model::SourceLoc loc) const;
  bool empty() const { return m_tracks.empty(); }
  std::deque<PendingTrack>& tracks() { return m_tracks; }

  // Orders each track's levels by the number their labels end with when every label has one
  // (else as met), numbers them from 1, and joins a level that shares another's description
  // to that level's block. Error "import.bad-share" (at the sharing level) when the shared
  // level is not in the same track or has no statements of its own.
  Result<TextDocument> finish();

  Notes take_notes() { return std::move(m_notes); }

 private:
  std::string m_file;
  std::deque<PendingTrack> m_tracks;
  std::vector<DocAreaName> m_areas;
  Notes m_notes;
};

// The number a level label ends with: "L3" -> 3, "Level 0" -> 0, "swe-2" -> 2; none without.
std::optional<long> label_number(std::string_view label);

// The title a level gets: `title`, else the label, "Level n" for a bare number n.
std::string level_title(const PendingLevel& level);

}  // namespace rung::importer
