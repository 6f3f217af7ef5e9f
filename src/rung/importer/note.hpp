#pragma once

#include <string>
#include <vector>

#include "rung/core/error.hpp"

namespace rung::importer {

// A reading the importer made that its user should know about, e.g. a level that gets no grade.
// Not an error: the import goes on. The CLI prints notes on stderr.
struct Note {
  Location where;  // may be empty
  std::string message;

  // "file:line:col: note: message", leaving out unknown parts of the location.
  std::string to_string() const;
};

using Notes = std::vector<Note>;

}  // namespace rung::importer
