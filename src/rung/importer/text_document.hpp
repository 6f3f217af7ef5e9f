#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rung/model/ladder.hpp"

namespace rung::importer {

// What the plain-text parser read, before any id is chosen or any reading (titles, grades,
// refs) is made: the builder turns it into model::LadderData.

struct DocStatement {
  std::string text;  // verbatim bullet text
  model::SourceLoc loc;
  std::string id;  // given by the document (an export's id column); empty: the builder chooses
};

struct DocArea {
  std::string name;  // the heading, e.g. "Role Highlights"
  std::vector<DocStatement> statements;
  model::SourceLoc loc;
};

// One "Level" block of a detail section. It describes one level ("1") or several levels that
// share its description ("3/4": numbers {3, 4}, one detail title per number).
struct DocLevel {
  std::vector<int> numbers;
  std::vector<std::string> titles;  // same size as numbers
  // Given by the document, per number (empty, or the same size as numbers; an empty string
  // lets the builder choose): level ids ("<track>-<n>" otherwise) and grades (otherwise from
  // the general ladder by position). The plain-text layout gives neither; spreadsheets may.
  std::vector<std::string> ids;
  std::vector<std::string> grades;
  std::optional<model::Experience> experience;
  std::vector<DocArea> areas;  // in document order
  model::SourceLoc loc;        // the "Level" line
};

// A level as the overview lists it: number and title.
struct OverviewLevel {
  int number = 0;
  std::string title;
  model::SourceLoc loc;  // the number line
};

struct DocTrack {
  std::string header;  // the overview's "<...> Track" line, e.g. "Individual Contributor Track"
  std::string name;    // "Software Engineer"
  model::Family family = model::Family::individual_contributor;
  std::vector<OverviewLevel> overview;
  std::vector<DocLevel> details;  // from its detail section, in document order
  bool described = false;         // a detail section for this track was read
  model::SourceLoc loc;           // the overview's header line
  std::string id;                 // given by the document; empty: the builder chooses
};

struct DocAreaName {
  std::string name;
  model::SourceLoc loc;  // first appearance
  std::string id;        // given by the document; empty: the builder chooses
};

struct TextDocument {
  std::string name;                 // the first line
  std::string organization;         // words before "General Ladder"; may be empty
  std::string general_ladder_name;  // "<Org> General Ladder"; empty without that line
  std::vector<std::string> grades;  // tokens after "General Ladder"
  // Whether levels the document gives no grade get one from `grades` by position (the plain
  // text's reading); documents that state grades per level (spreadsheets) do not want that.
  bool infer_grades = true;
  std::vector<DocTrack> tracks;    // overview order
  std::vector<DocAreaName> areas;  // order of first appearance in the detail sections
  std::string published;           // ISO date from "Written on ..."; may be empty
  std::vector<model::Author> authors;
  std::vector<std::string> credits;  // other footer lines, verbatim
};

}  // namespace rung::importer
