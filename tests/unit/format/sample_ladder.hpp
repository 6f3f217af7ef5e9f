#pragma once

#include "rung/model/ladder.hpp"

namespace rung::format::testing {

// A ladder built in code with every optional field set and texts that YAML would misread if
// they were written carelessly: quotes, colons, '#', leading dashes and spaces, typographic
// quotes, and words such as yes / no / null / 1.0.
inline model::LadderData full_ladder() {
  using namespace model;
  LadderData data;
  data.meta.name = "Engineering: the \"real\" ladder";
  data.meta.organization = "Acme # Inc";
  data.meta.published = "2019-12-17";
  data.meta.authors = {{"Yoni Baciu", "VP Engineering"}, {"O'Brien, Pat", ""}};
  data.meta.credits = {"SRE job ladder is based on the SRE job ladder by Dropbox",
                       "- a leading dash", "yes"};
  data.general = {"General: ladder", {"2", "3", "L4", "02", "yes", "4.5"}};
  data.areas = {{"role", "Role Highlights", {}},
                {"delivery", "Programming / Problem Solving, Delivery", {}},
                {"null", "null", {}}};
  data.scale = {{"not-yet", "Not yet", 0, "", {}},
                {"sometimes", "no", 1, "", {}},
                {"consistently", "“Consistently”", 5, "", {}}};
  data.readiness = {"consistently", 0.75, {}};
  Track swe{"swe", "Software Engineer", Family::individual_contributor, {}, {}};
  Level one;
  one.id = "swe-1";
  one.number = 1;
  one.title = "Software Engineer I";
  one.detail_title = "Software Engineer";
  one.grade = "2";
  one.experience = Experience{0, 3, {}};
  one.areas = {
      {"role",
       {{"swe-1-role-1", "You build small to medium sized well defined features", {}, {}},
        {"swe-1-role-2", "Note: this has a colon, a #hash and a trailing colon:", {"swe-2"}, {}},
        {"swe-1-role-3", "“Typographic” quotes, it’s fine — and ünïcödé", {}, {}},
        {"swe-1-role-4", "- starts with a dash", {}, {}},
        {"swe-1-role-5", " leading space", {}, {}},
        {"swe-1-role-6", "yes", {}, {}},
        {"swe-1-role-7", "null", {}, {}},
        {"swe-1-role-8", "1.0", {}, {}},
        {"swe-1-role-9", "'single' and \"double\" quotes", {}, {}},
        {"swe-1-role-10", "# not a comment", {}, {}}},
       {}},
      {"delivery", {{"swe-1-delivery-1", "2019-12-17", {"swe-2", "mgr-1"}, {}}}, {}}};
  Level two;
  two.id = "swe-2";
  two.number = 2;
  two.title = "No";
  two.grade = "L4";
  two.experience = Experience{8, std::nullopt, {}};
  two.areas = {{"delivery", {{"swe-2-delivery-1", "On", {}, {}}}, {}}};
  swe.levels = {one, two};
  Track mgr{"mgr", "Manager", Family::manager, {}, {}};
  Level m1;
  m1.id = "mgr-1";
  m1.number = 1;
  m1.title = "Director";
  m1.grade = "yes";
  m1.areas = {{"role", {{"mgr-1-role-1", "You run teams.", {}, {}}}, {}}};
  Level m2;
  m2.id = "mgr-2";
  m2.number = 2;
  m2.title = "VP";
  m2.grade = "4.5";
  m2.shares = "mgr-1";
  mgr.levels = {m1, m2};
  data.tracks = {swe, mgr};
  data.lint_disabled = {"title-mismatch", "repeated-statement"};
  return data;
}

}  // namespace rung::format::testing
