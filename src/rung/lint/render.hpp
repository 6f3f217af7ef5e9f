#pragma once

#include <string>

#include "rung/lint/lint.hpp"

namespace rung::lint {

// Compiler-style text, one finding per entry, in report order:
//   file:line:col: severity[CODE]: message
//     hint: what to do
// (the location shortened to "file" for file-level findings), then one summary line:
//   file: 2 errors, 5 warnings, 1 note (turned off: L012)
// or "file: no findings". Ends with a newline.
std::string to_text(const Report& report);

// The report as JSON (pretty-printed, 2-space indent, ending with a newline):
//   {"file": "...",
//    "diagnostics": [{"code": "L001", "rule": "duplicate-title", "severity": "error",
//                     "file": "...", "line": 12, "column": 7, "element": "swe-2",
//                     "message": "...", "hint": "..."}, ...],
//    "summary": {"errors": 2, "warnings": 5, "notes": 1},
//    "disabled": ["L012"]}
// line and column are 1-based; 0 means the finding is about the file as a whole.
std::string to_json(const Report& report);

}  // namespace rung::lint
