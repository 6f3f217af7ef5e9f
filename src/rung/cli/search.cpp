#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/cli/terminal.hpp"
#include "rung/core/text.hpp"
#include "rung/search/index.hpp"
#include "rung/search/report.hpp"

namespace rung::cli {

namespace {

struct SearchArgs {
  std::string ladder_path;         // --ladder: ladder file; the built-in ladder when empty
  std::vector<std::string> words;  // the query, one or more words
  std::string format = "text";     // --format: text or json
  std::string color = "auto";      // --color: auto, always or never
  std::size_t limit = 0;           // --limit: at most this many hits; 0 = all
  bool no_related = false;         // --no-related: only the words themselves
};

Outcome run_search(const SearchArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const model::Ladder ladder, open_ladder(args.ladder_path));
  const search::Index index(ladder);
  const auto result = index.search(join(args.words, " "), {args.limit, !args.no_related});
  if (args.format == "json") {
    io.out << search::render_json(result);
  } else {
    io.out << search::render_text(result, {use_color(args.color, io.out)});
  }
  if (result.words.empty()) {
    return k_exit_unusable;
  }
  return result.total == 0 ? k_exit_findings : k_exit_ok;
}

}  // namespace

Handler setup_search(CLI::App& sub, Io io) {
  auto args = std::make_shared<SearchArgs>();
  sub.add_option("WORDS", args->words, "Words to find (every one must match)")->required();
  add_ladder_option(sub, args->ladder_path);
  add_format_option(sub, args->format);
  add_color_option(sub, args->color);
  sub.add_option("--limit", args->limit, "Show at most N statements (0: all)")
      ->option_text("N")
      ->capture_default_str();
  sub.add_flag("--no-related", args->no_related,
               "Match only the words themselves, not related words (mentor -> coach, teach)");
  sub.footer(
      "Ranking: the words as a phrase, then all words as written, then in other forms (mentor ->\n"
      "mentors, mentoring), then related words. Exit status 1 when nothing matches.\n"
      "Examples:\n"
      "  rung search mentor\n"
      "  rung search heart of the matter\n"
      "  rung search team leads --limit 3 --format json");
  return [args, io] { return run_search(*args, io); };
}

}  // namespace rung::cli
