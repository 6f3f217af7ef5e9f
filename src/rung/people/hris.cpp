#include "rung/people/hris.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/people/csv.hpp"

namespace rung::people {

namespace {

using namespace std::string_view_literals;

constexpr std::array k_name{"Full Name"sv, "Name"sv, "Employee Name"sv, "Display Name"sv,
                            "Legal Name"sv};
constexpr std::array k_given{"Preferred Name"sv, "Preferred First Name"sv, "First Name"sv,
                             "Given Name"sv};
constexpr std::array k_family{"Last Name"sv, "Surname"sv, "Family Name"sv};
constexpr std::array k_email{
    "Work Email"sv,     "Email"sv,         "Email Address"sv, "Work Email Address"sv,
    "Business Email"sv, "Company Email"sv, "E-mail"sv};
constexpr std::array k_manager{
    "Manager Email"sv,    "Manager Work Email"sv, "Reports To Email"sv, "Reports To (Email)"sv,
    "Supervisor Email"sv, "Line Manager Email"sv, "Manager"sv,          "Reports To"sv,
    "Supervisor"sv,       "Line Manager"sv};
constexpr std::array k_track{"Track"sv, "Track ID"sv, "Job Family"sv, "Career Track"sv};
constexpr std::array k_level{"Level ID"sv, "Level"sv, "Job Level"sv, "Career Level"sv};
constexpr std::array k_start{"Start Date"sv, "Hire Date"sv, "Date of Hire"sv,
                             "Original Hire Date"sv, "Employment Start Date"sv};
constexpr std::array k_status{"Employment Status"sv, "Employee Status"sv, "Status"sv,
                              "Worker Status"sv};
constexpr std::array k_title{"Job Title"sv, "Business Title"sv, "Position Title"sv,
                             "Title"sv,     "Job Profile"sv,    "Position"sv};

constexpr std::array k_active{"active"sv,   "employed"sv,         "current"sv,
                              "on leave"sv, "leave of absence"sv, "loa"sv};
constexpr std::array k_left{"left"sv,     "terminated"sv, "inactive"sv,  "former"sv,
                            "resigned"sv, "retired"sv,    "separated"sv, "deceased"sv};

constexpr std::array k_all_fields{
    Field::name,  Field::given_name, Field::family_name, Field::email,  Field::manager_email,
    Field::track, Field::level,      Field::start_date,  Field::status, Field::title};

// "Reports To (Email)" -> "reportstoemail": the key header names are compared by.
std::string header_key(std::string_view name) {
  std::string key;
  for (char c : ascii_lower(trim(name))) {
    if (c != ' ' && c != '_' && c != '-' && c != '(' && c != ')' && c != '.') {
      key.push_back(c);
    }
  }
  return key;
}

std::string quoted_list(std::span<const std::string_view> names) {
  std::vector<std::string> items;
  for (auto name : names) {
    items.push_back(fmt::format("\"{}\"", name));
  }
  return join(items, ", ");
}

}  // namespace

std::string_view to_string(Field field) {
  switch (field) {
    case Field::name:
      return "name";
    case Field::given_name:
      return "given name";
    case Field::family_name:
      return "family name";
    case Field::email:
      return "email";
    case Field::manager_email:
      return "manager email";
    case Field::track:
      return "track";
    case Field::level:
      return "level";
    case Field::start_date:
      return "start date";
    case Field::status:
      return "status";
    case Field::title:
      return "job title";
  }
  return "?";
}

std::span<const std::string_view> accepted_names(Field field) {
  switch (field) {
    case Field::name:
      return k_name;
    case Field::given_name:
      return k_given;
    case Field::family_name:
      return k_family;
    case Field::email:
      return k_email;
    case Field::manager_email:
      return k_manager;
    case Field::track:
      return k_track;
    case Field::level:
      return k_level;
    case Field::start_date:
      return k_start;
    case Field::status:
      return k_status;
    case Field::title:
      return k_title;
  }
  return {};
}

std::string ColumnMap::header_of(Field field) const {
  auto column = this->column(field);
  return column ? header[*column] : std::string(to_string(field));
}

namespace {

Result<std::map<std::string, std::size_t>> header_keys(std::span<const std::string> header,
                                                       std::string_view file) {
  std::map<std::string, std::size_t> keys;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string key = header_key(header[i]);
    if (key.empty()) {
      continue;
    }
    auto [it, inserted] = keys.emplace(key, i);
    if (!inserted) {
      return fail("people.duplicate-column",
                  fmt::format("columns {} and {} are both called \"{}\"", it->second + 1, i + 1,
                              printable(header[i])),
                  Location{std::string(file), 1, 0}, "rename or remove one of them");
    }
  }
  return keys;
}

Error missing_columns(const ColumnMap& map, std::string_view file) {
  std::vector<std::string> missing;
  std::string accepted;
  for (Field field : {Field::name, Field::email, Field::level}) {
    if (!map.has(field) && !(field == Field::name && map.has(Field::given_name)) &&
        !(field == Field::level && map.has(Field::title))) {
      missing.push_back(fmt::format("no {} column", field == Field::level
                                                        ? std::string_view("level or job title")
                                                        : to_string(field)));
      accepted += fmt::format("\n  {}: {}", to_string(field), quoted_list(accepted_names(field)));
      if (field == Field::name) {
        accepted += fmt::format(", or {} with {}", quoted_list(accepted_names(Field::given_name)),
                                quoted_list(accepted_names(Field::family_name)));
      }
      if (field == Field::level) {
        accepted += fmt::format("; or a job title: {}", quoted_list(accepted_names(Field::title)));
      }
    }
  }
  std::vector<std::string> seen;
  for (const auto& name : map.header) {
    seen.push_back(fmt::format("\"{}\"", name));
  }
  return Error{"people.missing-columns",
               fmt::format("{}; the header has {}", join(missing, ", "),
                           seen.empty() ? std::string("no columns") : join(seen, ", ")),
               Location{std::string(file), 1, 0},
               "name the columns as an HR system does (any case); accepted:" + accepted};
}

}  // namespace

Result<ColumnMap> map_columns(std::span<const std::string> header, std::string_view file) {
  ColumnMap map;
  for (const auto& name : header) {
    map.header.push_back(printable(name));
  }
  RUNG_TRY_ASSIGN(auto keys, header_keys(header, file));
  std::vector<bool> used(header.size(), false);
  for (Field field : k_all_fields) {
    for (auto name : accepted_names(field)) {
      auto it = keys.find(header_key(name));
      if (it != keys.end() && !used[it->second]) {
        map.columns[static_cast<std::size_t>(field)] = it->second;
        used[it->second] = true;
        break;
      }
    }
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (!used[i] && !header[i].empty()) {
      map.ignored.push_back(map.header[i]);
    }
  }
  const bool has_name = map.has(Field::name) || map.has(Field::given_name);
  if (!has_name || !map.has(Field::email) || (!map.has(Field::level) && !map.has(Field::title))) {
    return tl::unexpected(missing_columns(map, file));
  }
  return map;
}

std::optional<store::PersonStatus> parse_status(std::string_view text) {
  const std::string value = ascii_lower(trim(text));
  if (value.empty() || std::find(k_active.begin(), k_active.end(), value) != k_active.end()) {
    return store::PersonStatus::active;
  }
  if (std::find(k_left.begin(), k_left.end(), value) != k_left.end()) {
    return store::PersonStatus::left;
  }
  return std::nullopt;
}

std::string accepted_statuses() {
  std::vector<std::string> items;
  for (auto value : k_active) {
    items.emplace_back(value);
  }
  std::string active = join(items, ", ");
  items.clear();
  for (auto value : k_left) {
    items.emplace_back(value);
  }
  return fmt::format("active: {} (or empty); left: {}", active, join(items, ", "));
}

}  // namespace rung::people
