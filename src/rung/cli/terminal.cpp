#include "rung/cli/terminal.hpp"

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>
#include <unistd.h>

namespace rung::cli {

void add_color_option(CLI::App& sub, std::string& mode) {
  sub.add_option("--color", mode, "Colour the output: auto (on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

void add_format_option(CLI::App& sub, std::string& format) {
  sub.add_option("--format", format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

bool use_color(std::string_view mode, const std::ostream& out) {
  if (mode == "always") {
    return true;
  }
  if (mode == "never" || &out != &std::cout || isatty(STDOUT_FILENO) == 0) {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return (no_color == nullptr || *no_color == '\0') &&
         (term == nullptr || std::string_view(term) != "dumb");
}

}  // namespace rung::cli
