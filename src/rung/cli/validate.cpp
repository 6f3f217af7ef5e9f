#include "rung/cli/validate.hpp"

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/cli/ladder_source.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/model/ladder.hpp"

namespace rung::cli {

namespace {

constexpr std::string_view k_exit_codes =
    "Exit codes:\n"
    "  0  the ladder is valid\n"
    "  1  the file reads as a ladder but breaks ladder rules (duplicate ids, unknown\n"
    "     references, grades not on the general ladder, ...)\n"
    "  2  the file cannot be used: unreadable, too large, not UTF-8, malformed YAML,\n"
    "     unknown keys, missing fields or values of the wrong type";

struct ValidateArgs {
  std::string file;
  std::string format = "text";
};

// Keys in the documented order: code, message, file, line, column, hint.
nlohmann::ordered_json to_json(const Error& error) {
  using Json = nlohmann::ordered_json;
  auto known = [](int value) { return value > 0 ? Json(value) : Json(); };
  return {{"code", error.code},
          {"message", error.message},
          {"file", error.where.file},
          {"line", known(error.where.line)},
          {"column", known(error.where.column)},
          {"hint", error.hint.empty() ? Json() : Json(error.hint)}};
}

std::string count(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string summary(const std::string& file, const model::Ladder& ladder) {
  std::size_t levels = 0;
  for (const auto& track : ladder.tracks()) {
    levels += track.levels.size();
  }
  return fmt::format("{}: ok ({}, {}, {})", file, count(ladder.tracks().size(), "track"),
                     count(levels, "level"), count(ladder.statement_count(), "statement"));
}

Outcome run_validate(const ValidateArgs& args, Io io) {
  auto loaded = format::load_ladder_file(args.file);
  const bool json = args.format == "json";
  if (!loaded) {
    if (json) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& error : loaded.error()) {
        list.push_back(to_json(error));
      }
      io.out << list.dump(2) << '\n';
      return exit_code_for(loaded.error());
    }
    const int code = exit_code_for(loaded.error());
    return tl::unexpected(Failure(std::move(loaded).error(), "", code));
  }
  if (json) {
    io.out << "[]\n";
  } else {
    io.out << summary(args.file, model::Ladder(std::move(*loaded))) << '\n';
  }
  return k_exit_ok;
}

}  // namespace

int exit_code_for(const Errors& errors) {
  for (const auto& error : errors) {
    if (!error.code.starts_with("ladder.")) {
      return k_exit_unusable;
    }
  }
  return errors.empty() ? k_exit_ok : k_exit_findings;
}

Handler setup_validate(CLI::App& sub, Io io) {
  auto args = std::make_shared<ValidateArgs>();
  sub.add_option("FILE", args->file, "Ladder YAML file to check")->required();
  sub.add_option("--format", args->format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub.footer(std::string(k_exit_codes));
  return [args, io] { return run_validate(*args, io); };
}

}  // namespace rung::cli
