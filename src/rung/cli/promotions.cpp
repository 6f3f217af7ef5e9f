// `rung promotions export --cycle ID --format csv|json`: a cycle's published promotion
// decisions for HR and compensation systems (docs/promotions.md), read by the operator, who may
// read everything (no viewer, as `rung raters`).
#include <array>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/core/utc.hpp"
#include "rung/export/csv.hpp"

namespace rung::cli {

namespace {

struct ExportArgs {
  store::Id cycle = 0;
  std::string format = "csv";  // --format: csv or json
  std::string data_dir;        // --data
};

// One decision as HR systems take it.
struct Row {
  std::string person;
  std::string email;
  std::string from_level;
  std::string to_level;
  std::string effective_date;  // "" unless approved
  std::string outcome;         // approved, not_now, withdrawn
  std::string decided_at;      // UTC, ISO 8601
};

constexpr std::array k_columns{"person",         "email",   "from_level", "to_level",
                               "effective_date", "outcome", "decided_at"};

std::string csv_of(const std::vector<Row>& rows) {
  std::string out;
  for (std::size_t i = 0; i < k_columns.size(); ++i) {
    out += (i == 0 ? "" : ",") + std::string(k_columns[i]);
  }
  out += "\r\n";
  for (const Row& row : rows) {
    const std::array cells{row.person,         row.email,   row.from_level, row.to_level,
                           row.effective_date, row.outcome, row.decided_at};
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out += (i == 0 ? "" : ",") + exports::csv_field(exports::spreadsheet_safe(cells[i]));
    }
    out += "\r\n";
  }
  return out;
}

std::string json_of(const store::ReviewCycle& cycle, const std::vector<Row>& rows) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Row& row : rows) {
    list.push_back({{"person", row.person},
                    {"email", row.email},
                    {"from_level", row.from_level},
                    {"to_level", row.to_level},
                    {"effective_date", row.effective_date.empty()
                                           ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(row.effective_date)},
                    {"outcome", row.outcome},
                    {"decided_at", row.decided_at}});
  }
  nlohmann::ordered_json out{{"cycle", {{"id", cycle.id}, {"name", cycle.name}}},
                             {"decisions", std::move(list)}};
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Result<std::vector<Row>> rows_of(store::Reader& reader, store::Id cycle) {
  RUNG_TRY_ASSIGN(const auto cases, reader.promotion_cases_in_cycle(cycle));
  std::vector<Row> out;
  for (const auto& c : cases) {
    if (c.status != store::CaseStatus::decided || !c.published || !c.outcome) {
      continue;
    }
    RUNG_TRY_ASSIGN(const auto person, reader.person(c.person));
    out.push_back(Row{person ? person->name : "", person ? person->email : "", c.from_level,
                      c.target_level, c.effective_date, std::string(store::to_string(*c.outcome)),
                      format_utc(c.decided_at)});
  }
  return out;
}

Outcome run_export(const ExportArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data_dir, StoreAccess::read_only));
  RUNG_TRY_ASSIGN(const auto cycle, store->cycle(args.cycle));
  if (!cycle) {
    return fail(ErrorKind::not_found, "review.not-found",
                fmt::format("no review cycle with id {}", args.cycle), {},
                "the admin's review cycles page lists them");
  }
  RUNG_TRY_ASSIGN(const auto rows, rows_of(*store, args.cycle));
  io.out << (args.format == "json" ? json_of(*cycle, rows) : csv_of(rows));
  return k_exit_ok;
}

}  // namespace

Handler setup_promotions(CLI::App& sub, Io io) {
  sub.require_subcommand(1);
  auto args = std::make_shared<ExportArgs>();
  CLI::App* exported =
      sub.add_subcommand("export", "A cycle's published promotion decisions, for HR systems");
  exported->add_option("--cycle", args->cycle, "The review cycle, by id")
      ->required()
      ->option_text("ID");
  exported->add_option("--format", args->format, "Output format: csv or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  add_data_option(*exported, args->data_dir);
  exported->footer(
      "One row per published decision of the cycle, in case order: person, email, from_level,\n"
      "to_level, effective_date (approvals only), outcome (approved, not_now, withdrawn),\n"
      "decided_at (UTC). CSV cells that a spreadsheet would run as a formula start with a\n"
      "quote. Reads the store, safe while `rung serve` runs.\n"
      "Exit status: 0 printed; 2 the cycle or the store cannot be used.");
  return [args, io] { return run_export(*args, io); };
}

}  // namespace rung::cli
