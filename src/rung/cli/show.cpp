#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/core/text.hpp"
#include "rung/format/ladder_json.hpp"
#include "rung/render/text.hpp"

namespace rung::cli {

namespace {

struct ShowOptions {
  std::string ladder_path;      // --ladder: ladder file; built-in ladder when empty
  std::string id;               // level or track id; the overview when empty
  std::string format = "text";  // --format: text or json
  bool all = false;             // --all: every track in full
  bool ids = false;             // --ids: print statement ids
};

Outcome show_one(const model::Ladder& ladder, const ShowOptions& options, Io io) {
  const bool json = options.format == "json";
  render::TextOptions text_options{options.ids};
  if (const model::Level* level = ladder.find_level(options.id)) {
    io.out << (json ? format::level_json(ladder, *level).dump(2) + "\n"
                    : render::level_text(ladder, *level, text_options));
    return k_exit_ok;
  }
  if (const model::Track* track = ladder.find_track(options.id)) {
    if (json) {
      format::Json levels = format::Json::array();
      for (const auto& level : track->levels) {
        levels.push_back(format::level_json(ladder, level));
      }
      io.out << format::Json{{"id", track->id}, {"name", track->name}, {"levels", levels}}.dump(2)
             << '\n';
    } else {
      io.out << render::track_text(ladder, *track, text_options);
    }
    return k_exit_ok;
  }
  Error error = model::require_level(ladder, options.id).error();
  std::vector<std::string> tracks;
  for (const auto& track : ladder.tracks()) {
    tracks.push_back(track.id);
  }
  error.message = fmt::format("no level or track '{}'; tracks are: {}; levels are: {}", options.id,
                              join(tracks), join(ladder.level_ids()));
  return tl::unexpected(std::move(error));
}

Outcome show(const ShowOptions& options, Io io) {
  RUNG_TRY_ASSIGN(const model::Ladder ladder, open_ladder(options.ladder_path));
  const bool json = options.format == "json";
  if (!options.id.empty()) {
    return show_one(ladder, options, io);
  }
  if (options.all) {
    if (json) {
      io.out << format::to_json(ladder.data()).dump(2) << '\n';
      return k_exit_ok;
    }
    io.out << render::overview_text(ladder);
    for (const auto& track : ladder.tracks()) {
      io.out << '\n'
             << std::string(60, '#') << '\n'
             << render::track_text(ladder, track, {options.ids});
    }
    return k_exit_ok;
  }
  io.out << (json ? format::overview_json(ladder).dump(2) + "\n" : render::overview_text(ladder));
  return k_exit_ok;
}

}  // namespace

Handler setup_show(CLI::App& sub, Io io) {
  auto options = std::make_shared<ShowOptions>();
  sub.add_option("ID", options->id,
                 "A level id (swe-3) or track id (swe); the overview when omitted");
  add_ladder_option(sub, options->ladder_path);
  sub.add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sub.add_flag("--all", options->all,
               "Print every track in full (with --format json: the whole model)");
  sub.add_flag("--ids", options->ids, "Print each statement's id");
  sub.footer(
      "Examples:\n"
      "  rung show               the tracks against the general ladder's grades\n"
      "  rung show swe-3         one level with its statements by area\n"
      "  rung show sre           every level of a track\n"
      "  rung show --all --ids   the whole ladder, with statement ids\n"
      "  rung show swe-3 --format json");
  return [options, io] { return show(*options, io); };
}

}  // namespace rung::cli
