// The compare and search unit tests use the company ladder built in code
// (tests/unit/support/document_ladder.hpp); this checks that it says what the built-in ladder
// says, statement for statement, so that those tests test the real document.
#include "../support/document_ladder.hpp"

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "rung/builtin/builtin.hpp"

namespace rung {
namespace {

// statement id -> "level id / area id / position of the area block / text", over every
// level's own statements.
std::map<std::string, std::string> statements_of(const model::Ladder& ladder) {
  std::map<std::string, std::string> out;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (std::size_t a = 0; a < level.areas.size(); ++a) {
        const auto& block = level.areas[a];
        for (const auto& statement : block.statements) {
          out[statement.id] =
              level.id + " / " + block.area + " / " + std::to_string(a) + " / " + statement.text;
        }
      }
    }
  }
  return out;
}

TEST(DocumentLadder, HasTheBuiltInLaddersStatements) {
  const model::Ladder document = test_data::document_ladder();
  const model::Ladder& builtin = builtin::engineering_ladder();
  EXPECT_EQ(statements_of(document), statements_of(builtin));
  EXPECT_EQ(document.level_ids(), builtin.level_ids());
  EXPECT_EQ(document.find_level("mgr-4")->shares, builtin.find_level("mgr-4")->shares);
}

}  // namespace
}  // namespace rung
