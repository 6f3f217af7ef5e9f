#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/store/store.hpp"

namespace rung::people {

// What rung reads from an HR system's export, whatever the system calls the columns.
enum class Field {
  name,         // the full name ("Name", "Full Name", "Employee Name", "Display Name")
  given_name,   // used with family_name when there is no full name ("Preferred Name", "First Name")
  family_name,  // "Last Name", "Surname"
  email,        // "Email", "Work Email", ...
  manager_email,  // "Manager Email", "Manager", "Reports To", "Supervisor Email", ...
  track,          // "Track", "Job Family"
  level,          // "Level", "Job Level", "Level ID"
  start_date,     // "Start Date", "Hire Date"
  status,         // "Status", "Employment Status"
  title,          // "Job Title", "Title", "Business Title": matched to a level (titles.hpp)
};

inline constexpr std::size_t k_field_count = 10;

// A short name for messages: "name", "manager email", ...
std::string_view to_string(Field field);

// The header names accepted for a field, most specific first (the first one present wins when
// a file has several). Compared case-insensitively, ignoring spaces, '_', '-' and '()'.
std::span<const std::string_view> accepted_names(Field field);

// Which column (0-based) holds each field, and the header's own spelling of it.
struct ColumnMap {
  std::array<std::optional<std::size_t>, k_field_count> columns;
  std::vector<std::string> header;   // as the file spells it
  std::vector<std::string> ignored;  // header names that map to nothing (or lost to a better one)

  std::optional<std::size_t> column(Field field) const {
    return columns[static_cast<std::size_t>(field)];
  }
  bool has(Field field) const { return column(field).has_value(); }
  // The file's header name for a field ("Work Email"), or to_string(field) when absent.
  std::string header_of(Field field) const;
};

// Maps a header row. Requires a name (a full-name column, or a given-name column), an email and
// a level or job title column; when any is missing, one error "people.missing-columns" names the
// missing fields, the headers seen and the names accepted. Two columns with the same name:
// "people.duplicate-column". Errors are at row 1 of `file`.
Result<ColumnMap> map_columns(std::span<const std::string> header, std::string_view file);

// Status values: nullopt for a value rung does not know. Empty means active.
// Active: Active, Employed, Current, On Leave, Leave of Absence, LOA.
// Left: Left, Terminated, Inactive, Former, Resigned, Retired, Separated, Deceased.
std::optional<store::PersonStatus> parse_status(std::string_view text);
std::string accepted_statuses();  // for messages

}  // namespace rung::people
