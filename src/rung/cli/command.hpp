#pragma once

#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "rung/core/error.hpp"

namespace CLI {
class App;
}

namespace rung::cli {

// Where a command writes. Tests pass string streams; main passes std::cout and std::cerr.
struct Io {
  std::ostream& out;
  std::ostream& err;
};

// Exit codes shared by every command.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_findings = 1;  // the command ran and found problems (lint, validate)
inline constexpr int k_exit_unusable = 2;  // bad arguments or input that could not be used

// Why a command stopped: its errors, printed on io.err by run() one per line
// (Error::to_string, so "file:line:col: error[code]: message" plus "  hint: ..."), then `note`
// on a line of its own when there is one; the process exits with `exit_code`.
//
// Converts implicitly from an Error or Errors (exit code k_exit_unusable), so that a handler
// returning Outcome can pass a Result's or Results' error on with RUNG_TRY / RUNG_TRY_ASSIGN.
struct Failure {
  Failure(Error error) : errors{std::move(error)} {}
  Failure(Errors list) : errors(std::move(list)) {}
  Failure(Errors list, std::string note_line, int code = k_exit_unusable)
      : errors(std::move(list)), note(std::move(note_line)), exit_code(code) {}

  Errors errors;
  std::string note;  // a closing line after the errors ("nothing written")
  int exit_code = k_exit_unusable;
};

// What a command's handler returns: the exit code when it ran to the end (k_exit_ok, or
// k_exit_findings after printing its findings), or the Failure for run() to print.
using Outcome = tl::expected<int, Failure>;

using Handler = std::function<Outcome()>;

// One subcommand: its name, a one-line help, and a setup function that declares the
// subcommand's options on `sub` and returns the handler to run once the arguments are parsed.
struct Command {
  std::string_view name;
  std::string_view help;
  Handler (*setup)(CLI::App& sub, Io io);
};

// The table of subcommands, in the order `rung --help` lists them.
std::span<const Command> commands();

// Parses argv, runs the chosen subcommand and returns the process exit code. Prints a
// handler's Failure with finish(). Catches every exception (the one place that does) and
// turns it into exit code 2 with a message on io.err.
int run(int argc, const char* const* argv, Io io);

// The exit code of an outcome, after printing its Failure (if any) on `err` as Failure says:
// the one printer of command errors. run() uses it; so do functions that tests call without
// run() (user.hpp).
int finish(const Outcome& outcome, std::ostream& err);

}  // namespace rung::cli
