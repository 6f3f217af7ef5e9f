// The one printer of command errors (command.hpp): what run() prints when a handler fails.
#include <sstream>

#include <gtest/gtest.h>

#include "rung/cli/command.hpp"

namespace rung::cli {
namespace {

TEST(Finish, AnExitCodeIsReturnedAsItIs) {
  std::ostringstream err;
  EXPECT_EQ(finish(Outcome(k_exit_findings), err), k_exit_findings);
  EXPECT_EQ(err.str(), "");
}

TEST(Finish, ErrorsArePrintedOnePerLineThenTheNote) {
  std::ostringstream err;
  const Failure failure({Error{"yaml.syntax", "bad", Location{"l.yaml", 3, 7}, "quote it"},
                         Error{"file.not-found", "gone"}},
                        "rung import: nothing written");
  EXPECT_EQ(finish(tl::unexpected(failure), err), k_exit_unusable);
  EXPECT_EQ(err.str(),
            "l.yaml:3:7: error[yaml.syntax]: bad\n"
            "  hint: quote it\n"
            "error[file.not-found]: gone\n"
            "rung import: nothing written\n");
}

TEST(Finish, OneErrorFailsAsUnusableUnlessTheCommandSaysOtherwise) {
  std::ostringstream err;
  const Outcome failed = fail(ErrorKind::not_found, "store.open", "there is no database");
  EXPECT_EQ(finish(failed, err), k_exit_unusable);
  EXPECT_EQ(err.str(), "error[store.open]: there is no database\n");
  std::ostringstream refused;
  EXPECT_EQ(finish(tl::unexpected(Failure({Error{"auth.login-taken", "taken"}}, "", 1)), refused),
            k_exit_findings);
}

}  // namespace
}  // namespace rung::cli
