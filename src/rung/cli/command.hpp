#pragma once

#include <functional>
#include <ostream>
#include <span>
#include <string_view>

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

using Handler = std::function<int()>;

// One subcommand: its name, a one-line help, and a setup function that declares the
// subcommand's options on `sub` and returns the handler to run once the arguments are parsed.
struct Command {
  std::string_view name;
  std::string_view help;
  Handler (*setup)(CLI::App& sub, Io io);
};

// The table of subcommands, in the order `rung --help` lists them.
std::span<const Command> commands();

// Parses argv, runs the chosen subcommand and returns the process exit code. Catches every
// exception (the one place that does) and turns it into exit code 2 with a message on io.err.
int run(int argc, const char* const* argv, Io io);

}  // namespace rung::cli
