#include "rung/people/import.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "people_support.hpp"

namespace rung::people {
namespace {

using store::PersonStatus;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::person;
using testing::small_ladder;
using testing::table;

using testing::k_header;

ImportPlan plan(const std::string& rows, const std::vector<store::Person>& current = {}) {
  return plan_import(small_ladder(), current, table(k_header + rows));
}

std::vector<std::string> messages(const ImportPlan& plan) {
  std::vector<std::string> out;
  for (const auto& error : plan.errors) {
    out.push_back(std::to_string(error.row) + " [" + error.column + "] " + error.message);
  }
  return out;
}

TEST(PlanImport, CreatesEveryoneInAnEmptyStore) {
  const auto result = plan(
      "Ada,ADA@x.io ,,mgr-2,2020-01-31,Active\n"
      "Bob,bob@x.io,ada@x.io,SWE-2,,\n");
  EXPECT_THAT(result.errors, IsEmpty());
  ASSERT_EQ(result.changes.size(), 2U);
  const auto& ada = result.changes[0];
  EXPECT_EQ(ada.kind, ChangeKind::create);
  EXPECT_EQ(ada.row, 2);
  EXPECT_EQ(ada.after.email, "ada@x.io");
  EXPECT_EQ(ada.after.track, "mgr");
  EXPECT_EQ(ada.after.start_date, "2020-01-31");
  const auto& bob = result.changes[1];
  EXPECT_EQ(bob.after.level, "swe-2");
  EXPECT_EQ(bob.after_manager_email, "ada@x.io");
  EXPECT_FALSE(bob.after.manager.has_value());
  EXPECT_EQ(result.count(ChangeKind::create), 2U);
  EXPECT_THAT(result.notes, ElementsAre("no track column: each person's track is their level's"));
}

TEST(PlanImport, UpdatesDeactivatesReactivatesAndCountsTheUnchanged) {
  const std::vector<store::Person> current{
      person(1, "Ada", "ada@x.io", std::nullopt, "mgr-2"),
      person(2, "Bob", "bob@x.io", 1, "swe-1"),
      person(3, "Cy", "cy@x.io", 1, "swe-1"),
      person(4, "Di", "di@x.io", 1, "swe-1", PersonStatus::left),
      person(5, "Ed", "ed@x.io", 1, "swe-3"),
  };
  const auto result = plan(
      "Ada,ada@x.io,,mgr-2,,\n"
      "Bob,bob@x.io,ada@x.io,swe-2,,\n"
      "Cy,cy@x.io,ada@x.io,swe-1,,Terminated\n"
      "Di,di@x.io,ada@x.io,swe-1,,Active\n",
      current);
  EXPECT_THAT(messages(result), IsEmpty());
  EXPECT_EQ(result.unchanged, 1U);
  ASSERT_EQ(result.changes.size(), 4U);
  EXPECT_EQ(result.changes[0].kind, ChangeKind::update);
  EXPECT_EQ(result.changes[0].before.level, "swe-1");
  EXPECT_EQ(result.changes[0].after.level, "swe-2");
  EXPECT_EQ(result.changes[0].after.id, 2);
  EXPECT_EQ(result.changes[0].after.manager, 1);
  EXPECT_EQ(result.changes[1].kind, ChangeKind::deactivate);
  EXPECT_EQ(result.changes[1].row, 4);
  EXPECT_EQ(result.changes[2].kind, ChangeKind::reactivate);
  // Ed is not in the file: the file is the whole company, so Ed has left.
  EXPECT_EQ(result.changes[3].kind, ChangeKind::deactivate);
  EXPECT_EQ(result.changes[3].row, 0);
  EXPECT_EQ(result.changes[3].after.status, PersonStatus::left);
  EXPECT_EQ(result.changes[3].after.manager, 1);
  EXPECT_THAT(result.notes,
              ::testing::Contains(HasSubstr("1 active person in rung is not in the file")));
}

TEST(PlanImport, AManagerChangeIsAnUpdate) {
  const std::vector<store::Person> current{
      person(1, "Ada", "ada@x.io", std::nullopt, "mgr-2"),
      person(2, "Bob", "bob@x.io", 1, "swe-1"),
  };
  const auto result = plan(
      "Ada,ada@x.io,,mgr-2,,\n"
      "Bob,bob@x.io,new@x.io,swe-1,,\n"
      "New,new@x.io,ada@x.io,mgr-1,,\n",
      current);
  EXPECT_THAT(messages(result), IsEmpty());
  ASSERT_EQ(result.changes.size(), 2U);
  EXPECT_EQ(result.changes[0].kind, ChangeKind::update);
  EXPECT_EQ(result.changes[0].before_manager_email, "ada@x.io");
  EXPECT_EQ(result.changes[0].after_manager_email, "new@x.io");
  EXPECT_FALSE(result.changes[0].after.manager.has_value());  // new@x.io has no id yet
}

TEST(PlanImport, SkipsPeopleWhoLeftBeforeRungKnewThem) {
  const auto result = plan("Ada,ada@x.io,gone@x.io,swe-1,,Terminated\n");
  EXPECT_THAT(messages(result), IsEmpty());
  EXPECT_THAT(result.changes, IsEmpty());
  EXPECT_EQ(result.skipped, 1U);
}

TEST(PlanImport, ReportsDuplicateEmailsNamingBothRows) {
  const auto result = plan(
      "Ada,ada@x.io,,swe-1,,\n"
      "Ada L,Ada@X.io,,swe-1,,\n");
  EXPECT_THAT(messages(result),
              ElementsAre("3 [Email] duplicate email 'ada@x.io' (also on row 2)"));
}

TEST(PlanImport, ReportsUnknownManagers) {
  const auto result = plan(
      "Ada,ada@x.io,nobody@x.io,swe-1,,\n"
      "Bob,bob@x.io,Bob@x.io,swe-1,,\n"
      "Cy,cy@x.io,Jane Doe,swe-1,,\n",
      {person(9, "Old", "old@x.io", std::nullopt, "mgr-1")});
  EXPECT_THAT(messages(result),
              ElementsAre("2 [Manager Email] unknown manager email 'nobody@x.io'",
                          "3 [Manager Email] 'bob@x.io' is their own manager",
                          "4 [Manager Email] 'Jane Doe' is not an email address"));
  const auto stored = plan("Ada,ada@x.io,old@x.io,swe-1,,\n",
                           {person(9, "Old", "old@x.io", std::nullopt, "mgr-1")});
  EXPECT_THAT(messages(stored),
              ElementsAre("2 [Manager Email] manager email 'old@x.io' is not in the file"));
  EXPECT_THAT(stored.errors[0].hint, HasSubstr("marked as left"));
}

TEST(PlanImport, ReportsAManagerWhoLeft) {
  const auto result = plan(
      "Ada,ada@x.io,,swe-1,,Left\n"
      "Bob,bob@x.io,ada@x.io,swe-1,,\n");
  EXPECT_THAT(messages(result),
              ElementsAre("3 [Manager Email] manager 'ada@x.io' has left (row 2)"));
}

TEST(PlanImport, ReportsEachManagerCycleOnceWithItsChain) {
  const auto result = plan(
      "Top,top@x.io,,mgr-2,,\n"
      "Ada,ada@x.io,bob@x.io,swe-1,,\n"
      "Bob,bob@x.io,cy@x.io,swe-1,,\n"
      "Cy,cy@x.io,ada@x.io,swe-1,,\n"
      "Di,di@x.io,ada@x.io,swe-1,,\n");
  EXPECT_THAT(messages(result),
              ElementsAre("3 [Manager Email] manager cycle: ada@x.io -> bob@x.io -> cy@x.io -> "
                          "ada@x.io (rows 3, 4, 5)"));
}

TEST(PlanImport, ReportsLevelsTracksDatesStatusesAndEmptyFields) {
  const auto result = plan_import(small_ladder(), {},
                                  table("Name,Email,Track,Level,Hire Date,Status\n"
                                        "Ada,ada@x.io,,swe-4,,\n"
                                        "Bob,bob@x.io,,swe-22,,\n"
                                        "Cy,cy@x.io,mgr,swe-1,,\n"
                                        "Di,di@x.io,Software Engineer,swe-1,03/04/2020,\n"
                                        "Ed,ed@x.io,art,swe-1,2021-02-30,\n"
                                        ",,,,,Maybe\n"));
  EXPECT_THAT(
      messages(result),
      ElementsAre("2 [Level] unknown level 'swe-4'", "3 [Level] unknown level 'swe-22'",
                  "4 [Level] level 'swe-1' is not in track 'mgr' (it is in 'swe')",
                  "5 [Hire Date] '03/04/2020' is not a date in the form YYYY-MM-DD",
                  "6 [Track] unknown track 'art'", "6 [Hire Date] '2021-02-30' is not a real date",
                  "7 [Name] the name is empty", "7 [Email] the email is empty",
                  "7 [Level] the level is empty", "7 [Status] unknown status 'Maybe'"));
  EXPECT_EQ(result.errors[0].hint, "did you mean 'swe-1'?");
  EXPECT_EQ(result.errors[1].hint, "did you mean 'swe-2'?");
  EXPECT_THAT(result.errors[2].hint, HasSubstr("mgr-1, mgr-2"));
  EXPECT_THAT(result.errors[3].hint, HasSubstr("ambiguous"));
}

TEST(PlanImport, RefusesControlCharactersInKeptFields) {
  const auto result = plan("\"Ada\x1b[2J\",ada@x.io,,swe-1,,\n\"Bob\nSmith\",bob@x.io,,swe-1,,\n");
  EXPECT_THAT(messages(result),
              ElementsAre("2 [Name] the name 'Ada\\x1b[2J' holds a control character (a line "
                          "break, a tab, ...)",
                          "3 [Name] the name 'Bob\\x0aSmith' holds a control character (a line "
                          "break, a tab, ...)"));
  EXPECT_THAT(result.changes, IsEmpty());
}

TEST(PlanImport, AManagerWhoseRowHasAProblemIsNotReportedTwice) {
  const auto result = plan(
      "Ada,ada@x.io,,swe-9,,\n"
      "Bob,bob@x.io,ada@x.io,swe-1,,\n");
  EXPECT_THAT(messages(result), ElementsAre("2 [Level] unknown level 'swe-9'"));
}

TEST(PlanImport, APersonWithABadRowIsNotPlannedAsMissing) {
  const auto result =
      plan("Ada,ada@x.io,,swe-9,,\n", {person(1, "Ada", "ada@x.io", std::nullopt, "swe-1")});
  EXPECT_EQ(result.errors.size(), 1U);
  EXPECT_THAT(result.changes, IsEmpty());
}

TEST(PlanImport, ReportsMissingColumnsOnce) {
  const auto result = plan_import(small_ladder(), {}, table("Name,Email\nAda,ada@x.io\n"));
  ASSERT_EQ(result.errors.size(), 1U);
  EXPECT_EQ(result.errors[0].row, 1);
  EXPECT_EQ(result.errors[0].message,
            "no level or job title column; the header has \"Name\", \"Email\"");
  EXPECT_THAT(result.errors[0].hint, HasSubstr("\"Job Level\""));
}

TEST(PlanImport, JoinsGivenAndFamilyNamesAndNotesIgnoredColumns) {
  const auto result = plan_import(small_ladder(), {},
                                  table("Preferred Name,Last Name,Work Email,Level "
                                        "ID,Department\nAda,Lovelace,a@x.io,swe-1,R&D\n"));
  EXPECT_THAT(messages(result), IsEmpty());
  ASSERT_EQ(result.changes.size(), 1U);
  EXPECT_EQ(result.changes[0].after.name, "Ada Lovelace");
  EXPECT_THAT(result.notes, ::testing::Contains("ignored columns: Department"));
}

TEST(PlanImport, ALeaverKeepsTheirStoredManagerWhenTheFileNamesSomeoneUnknown) {
  const std::vector<store::Person> current{
      person(1, "Ada", "ada@x.io", std::nullopt, "mgr-2"),
      person(2, "Bob", "bob@x.io", 1, "swe-1"),
  };
  const auto result = plan("Bob,bob@x.io,gone@x.io,swe-1,,Terminated\n", current);
  EXPECT_THAT(messages(result), IsEmpty());
  ASSERT_EQ(result.changes.size(), 2U);
  EXPECT_EQ(result.changes[0].kind, ChangeKind::deactivate);
  EXPECT_EQ(result.changes[0].after_manager_email, "ada@x.io");
  EXPECT_EQ(result.changes[0].after.manager, 1);
}

}  // namespace
}  // namespace rung::people
