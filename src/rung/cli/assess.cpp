#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/core/fs.hpp"
#include "rung/review/packet.hpp"

namespace rung::cli {

namespace {

struct ExportArgs {
  std::string email;          // the person, by email
  std::string level;          // --level: default the person's own level
  std::string format = "md";  // --format: md or json
  std::string output;         // -o: a file instead of stdout
  std::string data_dir;       // --data
  std::string ladder_path;    // --ladder
};

Outcome run_export(const ExportArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const model::Ladder ladder, open_ladder(args.ladder_path));
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data_dir, StoreAccess::read_only));
  RUNG_TRY_ASSIGN(const auto packet, review::build_packet(*store, ladder, args.email, args.level));
  const auto text = args.format == "json" ? review::packet_json(ladder, packet)
                                          : review::packet_markdown(ladder, packet);
  if (args.output.empty()) {
    io.out << text;
    return k_exit_ok;
  }
  RUNG_TRY(write_file_atomic(args.output, text));
  return k_exit_ok;
}

}  // namespace

Handler setup_assess(CLI::App& sub, Io io) {
  sub.require_subcommand(1);
  auto chosen = std::make_shared<Handler>();
  auto args = std::make_shared<ExportArgs>();
  CLI::App* packet = sub.add_subcommand(
      "export", "A promotion packet: ratings side by side, evidence, fit and readiness");
  packet->add_option("PERSON_EMAIL", args->email, "The person, by email")->required();
  packet->add_option("--level", args->level, "The level assessed (default: the person's own)");
  packet->add_option("--format", args->format, "md (default) or json")
      ->check(CLI::IsMember({"md", "json"}));
  packet->add_option("-o,--output", args->output, "Write to FILE instead of standard output");
  add_data_option(*packet, args->data_dir);
  add_ladder_option(*packet, args->ladder_path);
  packet->footer(
      "Uses the latest submitted self and manager assessments of the level (drafts never).\n"
      "Exit status: 0 written; 2 the person, level, ladder or store cannot be used.");
  packet->callback([chosen, args, io] { *chosen = [args, io] { return run_export(*args, io); }; });
  return [chosen] { return *chosen ? (*chosen)() : k_exit_unusable; };
}

}  // namespace rung::cli
