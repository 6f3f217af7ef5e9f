#include <exception>
#include <ostream>

#include <CLI/CLI.hpp>

#include "rung/cli/command.hpp"

namespace rung::cli {

namespace {

constexpr std::string_view k_description =
    "Rung: engineering career ladders as code.\n"
    "With no ladder file, commands use the built-in ladder (ladders/engineering.yaml).";

int dispatch(int argc, const char* const* argv, Io io) {
  CLI::App app{std::string(k_description), "rung"};
  app.set_version_flag("--version", std::string("rung ") + RUNG_VERSION);
  app.require_subcommand(1);
  app.failure_message(CLI::FailureMessage::help);

  Handler chosen;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.help));
    Handler handler = command.setup(*sub, io);
    sub->callback([&chosen, handler] { chosen = handler; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    io.out << app.help();
    return k_exit_ok;
  } catch (const CLI::CallForAllHelp& e) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return k_exit_ok;
  } catch (const CLI::CallForVersion& e) {
    io.out << e.what() << '\n';
    return k_exit_ok;
  } catch (const CLI::ParseError& e) {
    const CLI::App* culprit = &app;
    for (const CLI::App* sub : app.get_subcommands()) {
      culprit = sub;
    }
    io.err << "rung: " << e.what() << "\n\n" << culprit->help();
    return k_exit_unusable;
  }
  return chosen ? finish(chosen(), io.err) : k_exit_unusable;
}

}  // namespace

int finish(const Outcome& outcome, std::ostream& err) {
  if (outcome) {
    return *outcome;
  }
  for (const Error& error : outcome.error().errors) {
    err << error.to_string() << '\n';
  }
  if (!outcome.error().note.empty()) {
    err << outcome.error().note << '\n';
  }
  return outcome.error().exit_code;
}

int run(int argc, const char* const* argv, Io io) {
  try {
    return dispatch(argc, argv, io);
  } catch (const std::exception& e) {
    io.err << "rung: internal error: " << e.what() << '\n';
    return k_exit_unusable;
  }
}

}  // namespace rung::cli
