#pragma once

#include <string>
#include <vector>

#include "rung/model/ladder.hpp"
#include "rung/people/csv.hpp"
#include "rung/people/hris.hpp"
#include "rung/people/import.hpp"
#include "rung/people/titles.hpp"
#include "rung/store/store.hpp"

// The row-by-row half of the import planner (import.hpp): each row on its own, before the
// rows are checked against each other and against the store.
namespace rung::people {

struct ImportRow {
  int row = 0;
  store::Person person;       // id 0 and no manager: those come from the store
  std::string manager_email;  // lower-case; "" when none
};

// The rows that are valid on their own; a RowError for every problem of the others (a row with
// a problem is left out). Emails come out trimmed and lower-case.
// A row without a level takes it from its job title through `titles`.
std::vector<ImportRow> read_rows(const model::Ladder& ladder, const TitleMatcher& titles,
                                 const ColumnMap& columns, const CsvTable& table,
                                 std::vector<RowError>& errors);

// Whether `text` is a plausible email address: one '@' with text on both sides, a '.' in the
// domain, no spaces, commas or angle brackets.
bool looks_like_email(std::string_view text);

// Whether `text` has the form YYYY-MM-DD (digits and dashes).
bool has_iso_date_form(std::string_view text);

// Whether `text` is a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view text);

}  // namespace rung::people
