#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/cli/terminal.hpp"
#include "rung/core/utc.hpp"

namespace rung::cli {

namespace {

struct AuditArgs {
  std::string data_dir;         // --data: the data directory
  store::AuditQuery query;      // --actor, --action, --subject, --before-id, --limit
  std::string since;            // --since DATE: entries at or after
  std::string until;            // --until DATE: entries before (a plain date: through that day)
  std::string format = "text";  // --format: text or json
};

// Control characters shown as \xNN, so that a stored value cannot move the terminal's cursor
// or recolour it; other bytes (UTF-8 included) as they are.
std::string printable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += c;
    }
  }
  return out;
}

void print_text(std::ostream& out, const std::vector<store::AuditEntry>& entries) {
  if (entries.empty()) {
    out << "no audit entries match\n";
  }
  for (const auto& entry : entries) {
    out << fmt::format("#{}  {}  {}  {}  {}\n", entry.id, format_utc(entry.at),
                       printable(entry.actor), printable(entry.action), printable(entry.subject));
    if (!entry.before.empty()) {
      out << "    before: " << printable(entry.before) << '\n';
    }
    if (!entry.after.empty()) {
      out << "    after:  " << printable(entry.after) << '\n';
    }
  }
}

// A stored JSON value as JSON; "" as null; text that is not JSON as a string.
nlohmann::json json_value(const std::string& text) {
  if (text.empty()) {
    return nullptr;
  }
  auto value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? nlohmann::json(text) : value;
}

void print_json(std::ostream& out, const std::vector<store::AuditEntry>& entries,
                std::optional<store::Id> next) {
  auto list = nlohmann::json::array();
  for (const auto& entry : entries) {
    list.push_back({{"id", entry.id},
                    {"at", format_utc(entry.at)},
                    {"at_ms", entry.at},
                    {"actor", entry.actor},
                    {"action", entry.action},
                    {"subject", entry.subject},
                    {"before", json_value(entry.before)},
                    {"after", json_value(entry.after)}});
  }
  nlohmann::json document{{"entries", list},
                          {"next_before_id", next ? nlohmann::json(*next) : nullptr}};
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

Result<void> read_bounds(AuditArgs& args) {
  const auto bound = [](const std::string& text, const char* option,
                        DayEdge edge) -> Result<store::Millis> {
    if (text.empty()) {
      return 0;
    }
    if (auto millis = parse_utc(text, edge)) {
      return *millis;
    }
    return fail("audit.bad-date", fmt::format("{} '{}' is not a date", option, printable(text)), {},
                "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)");
  };
  RUNG_TRY_ASSIGN(args.query.since, bound(args.since, "--since", DayEdge::start));
  RUNG_TRY_ASSIGN(args.query.until, bound(args.until, "--until", DayEdge::end));
  return {};
}

Outcome run_audit(AuditArgs args, Io io) {
  RUNG_TRY(read_bounds(args));
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data_dir, StoreAccess::read_only));
  RUNG_TRY_ASSIGN(const auto entries, store->audit(args.query));
  // A full page may have more behind it.
  std::optional<store::Id> next;
  if (!entries.empty() && entries.size() == args.query.limit) {
    next = entries.back().id;
  }
  if (args.format == "json") {
    print_json(io.out, entries, next);
  } else {
    print_text(io.out, entries);
    if (next) {
      io.out << fmt::format("(more: add --before-id {})\n", *next);
    }
  }
  return k_exit_ok;
}

}  // namespace

Handler setup_audit(CLI::App& sub, Io io) {
  auto args = std::make_shared<AuditArgs>();
  add_data_option(sub, args->data_dir);
  sub.add_option("--actor", args->query.actor, "Only changes made by this login (exact)")
      ->option_text("LOGIN");
  sub.add_option("--action", args->query.action,
                 "Only this action (person.update), or a family ending in '.' (person.)")
      ->option_text("ACTION");
  sub.add_option("--subject", args->query.subject, "Only changes to this subject (person:12)")
      ->option_text("SUBJECT");
  sub.add_option("--since", args->since, "Only entries at or after DATE (UTC)")
      ->option_text("DATE");
  sub.add_option("--until", args->until, "Only entries before DATE; a plain date includes that day")
      ->option_text("DATE");
  sub.add_option("--before-id", args->query.before_id, "Only entries older than entry ID (paging)")
      ->option_text("ID");
  sub.add_option("--limit", args->query.limit, "Show at most N entries")
      ->option_text("N")
      ->capture_default_str();
  add_format_option(sub, args->format);
  sub.footer(
      "Prints the audit log of the data directory, newest first: who changed what, when, and the\n"
      "value before and after. Reads only; safe while `rung serve` runs. DATE is YYYY-MM-DD or\n"
      "YYYY-MM-DDTHH:MM:SSZ (UTC).\n"
      "Examples:\n"
      "  rung audit --since 2026-11-01\n"
      "  rung audit --action person. --subject person:12 --format json\n"
      "  rung audit --actor admin --limit 20 --before-id 340");
  return [args, io] { return run_audit(*args, io); };
}

}  // namespace rung::cli
