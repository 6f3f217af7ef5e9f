#include "support/run_rung.hpp"

#include <sstream>

#include "rung/cli/command.hpp"

namespace rung::test_support {

RunResult run_rung(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"rung"};
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }
  std::ostringstream out;
  std::ostringstream err;
  RunResult result;
  result.exit_code = cli::run(static_cast<int>(argv.size()), argv.data(), cli::Io{out, err});
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace rung::test_support
