#include "rung/people/hris.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace rung::people {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

ColumnMap map_ok(std::vector<std::string> header) {
  auto map = map_columns(header, "p.csv");
  EXPECT_TRUE(map.has_value()) << (map ? "" : map.error().to_string());
  return map ? *map : ColumnMap{};
}

TEST(Hris, MapsCommonHrisHeadersWhateverTheirCase) {
  const auto map = map_ok({"Employee ID", "FULL NAME", "work_email", "Reports To (Email)",
                           "Job Family", "job level", "Hire Date", "Employment Status"});
  EXPECT_EQ(map.column(Field::name), 1U);
  EXPECT_EQ(map.column(Field::email), 2U);
  EXPECT_EQ(map.column(Field::manager_email), 3U);
  EXPECT_EQ(map.column(Field::track), 4U);
  EXPECT_EQ(map.column(Field::level), 5U);
  EXPECT_EQ(map.column(Field::start_date), 6U);
  EXPECT_EQ(map.column(Field::status), 7U);
  EXPECT_THAT(map.ignored, ElementsAre("Employee ID"));
  EXPECT_EQ(map.header_of(Field::email), "work_email");
}

TEST(Hris, PrefersTheMoreSpecificColumn) {
  const auto map = map_ok({"Email", "Work Email", "Manager", "Manager Email", "Name", "Level ID"});
  EXPECT_EQ(map.column(Field::email), 1U);
  EXPECT_EQ(map.column(Field::manager_email), 3U);
  EXPECT_THAT(map.ignored, ElementsAre("Email", "Manager"));
}

TEST(Hris, AcceptsGivenAndFamilyNamesInsteadOfAFullName) {
  const auto map = map_ok({"Preferred Name", "Last Name", "Email", "Level"});
  EXPECT_FALSE(map.has(Field::name));
  EXPECT_EQ(map.column(Field::given_name), 0U);
  EXPECT_EQ(map.column(Field::family_name), 1U);
  EXPECT_EQ(map.header_of(Field::track), "track");
}

TEST(Hris, ListsMissingColumnsTheHeaderAndTheAcceptedNames) {
  auto map = map_columns(std::vector<std::string>{"Employee", "Mail", "Level"}, "p.csv");
  ASSERT_FALSE(map);
  EXPECT_EQ(map.error().code, "people.missing-columns");
  EXPECT_EQ(map.error().message,
            "no name column, no email column; the header has \"Employee\", \"Mail\", \"Level\"");
  EXPECT_THAT(map.error().hint, HasSubstr("\"Employee Name\""));
  EXPECT_THAT(map.error().hint, HasSubstr("\"Work Email\""));
  EXPECT_EQ(map.error().where.line, 1);
}

TEST(Hris, RefusesTwoColumnsWithTheSameName) {
  auto map = map_columns(std::vector<std::string>{"Name", "Email", "Level", "e-mail"}, "p.csv");
  ASSERT_FALSE(map);
  EXPECT_EQ(map.error().code, "people.duplicate-column");
  EXPECT_THAT(map.error().message, HasSubstr("columns 2 and 4"));
}

TEST(Hris, ParsesStatuses) {
  EXPECT_EQ(parse_status(""), store::PersonStatus::active);
  EXPECT_EQ(parse_status(" Active "), store::PersonStatus::active);
  EXPECT_EQ(parse_status("On Leave"), store::PersonStatus::active);
  EXPECT_EQ(parse_status("TERMINATED"), store::PersonStatus::left);
  EXPECT_EQ(parse_status("Inactive"), store::PersonStatus::left);
  EXPECT_EQ(parse_status("Left"), store::PersonStatus::left);
  EXPECT_EQ(parse_status("Maybe"), std::nullopt);
  EXPECT_THAT(accepted_statuses(), HasSubstr("terminated"));
}

}  // namespace
}  // namespace rung::people
