#pragma once

#include <string>
#include <string_view>

#include "rung/model/ladder.hpp"

namespace rung::lint {

// How much a finding matters. Errors make `rung lint` fail; warnings fail it only with
// --strict; notes never do (they point at something worth a look that is often intended).
enum class Severity { note, warning, error };

// "note" / "warning" / "error".
std::string_view to_string(Severity severity);

// One finding of one rule, at one place of the ladder file.
struct Diagnostic {
  std::string code;  // the rule's stable code, "L001"
  Severity severity = Severity::warning;
  model::SourceLoc loc;  // line 0 = the file as a whole (e.g. the lint settings)
  std::string element;   // id of the element it is about ("swe-2", "swe-2-role-1"); may be empty
  std::string message;   // what is wrong, naming the elements involved
  std::string hint;      // what to do about it; may be empty

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// Sort order of a report: by line, then column, then code, then message (so that output is
// stable whatever order the rules ran in). File-level findings (line 0) come first.
bool comes_before(const Diagnostic& a, const Diagnostic& b);

}  // namespace rung::lint
