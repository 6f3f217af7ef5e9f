#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/people/import.hpp"

namespace rung::people {

// One field a change sets or alters: {"level", "swe-1", "swe-2"}. For a create, `before` is "".
struct FieldDiff {
  std::string field;  // name, track, level, manager (an email), start_date, status
  std::string before;
  std::string after;

  friend bool operator==(const FieldDiff&, const FieldDiff&) = default;
};

// The fields that differ between change.before and change.after (for a create, every field
// that has a value), in the order above.
std::vector<FieldDiff> diff(const PersonChange& change);

// One conflict in words: "the file sets level swe-2, but the person was promoted from swe-2 to
// swe-3 (effective 2026-08-01); the level stays swe-3".
std::string conflict_message(const LevelConflict& conflict);

// "would create 2, update 1, deactivate 1, reactivate 0 (5 unchanged, 1 skipped)", or with
// `applied` "created 2, updated 1, ...".
std::string summary_line(const ImportPlan& plan, bool applied);

// The plan for people: without errors, the summary line, the notes, one line per change and
// one "conflict: ..." line per LevelConflict (with a hint);
// with errors, one line per error "FILE:ROW: message (column C)" plus "  hint: ..." and a last
// line saying nothing was changed.
std::string render_plan_text(const ImportPlan& plan, std::string_view file, bool applied);

// The plan as JSON: {"file", "applied", "ok", "counts": {...}, "notes": [...],
// "changes": [{"kind", "row", "name", "email", "fields": [{"field","before","after"}]}],
// "conflicts": [{"row", "email", "field", "stored", "file", "promotion", "effective_date",
// "message"}], "errors": [{"row", "column", "message", "hint"}]}.
std::string render_plan_json(const ImportPlan& plan, std::string_view file, bool applied);

}  // namespace rung::people
