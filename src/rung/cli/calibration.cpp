// `rung calibration list --cycle ID` and `rung calibration export SESSION --format csv|json`:
// a cycle's calibration sessions, and one session's people with their pre-vote counts and its
// decisions (docs/calibration.md), read by the operator, who may read everything (no viewer,
// as `rung promotions export`).
#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/core/utc.hpp"
#include "rung/export/csv.hpp"
#include "rung/review/rules.hpp"

namespace rung::cli {

namespace {

using OJson = nlohmann::ordered_json;

struct CalibrationArgs {
  store::Id cycle = 0;         // list: --cycle
  store::Id session = 0;       // export: SESSION
  std::string format = "csv";  // export: csv or json; list: text or json
  std::string data_dir;        // --data
};

// One person of the session with the pre-votes cast on them and on their case.
struct SessionPersonRow {
  store::Person person;
  std::size_t agree = 0;
  std::size_t disagree = 0;
  std::size_t question = 0;
};

// One decision, with the names a person reads.
struct DecisionRow {
  store::CalibrationDecision decision;
  std::string person;
  std::string email;
  std::string by;  // the login of who decided
};

struct SessionExport {
  store::CalibrationSession session;
  store::ReviewCycle cycle;
  std::vector<SessionPersonRow> people;
  std::vector<DecisionRow> decisions;
};

Result<SessionExport> read_session(store::Reader& reader, store::Id id) {
  SessionExport out;
  RUNG_TRY_ASSIGN(const auto session, reader.calibration_session(id));
  if (!session) {
    return fail(ErrorKind::not_found, "review.not-found",
                fmt::format("no calibration session with id {}", id), {},
                "`rung calibration list --cycle ID` lists a cycle's sessions");
  }
  out.session = *session;
  RUNG_TRY_ASSIGN(const auto cycle, reader.cycle(session->cycle));
  if (!cycle) {
    return fail(ErrorKind::internal, "review.not-found",
                fmt::format("the review cycle {} of the session is gone", session->cycle));
  }
  out.cycle = *cycle;
  RUNG_TRY_ASSIGN(const auto everyone, reader.people());
  RUNG_TRY_ASSIGN(const auto votes, reader.pre_votes(id));
  std::map<store::Id, std::size_t> row_of;  // person id -> index in out.people
  std::vector<store::Id> ids;
  for (const auto& person : everyone) {
    RUNG_TRY_ASSIGN(const bool in, review::in_session(reader, *session, *cycle, person));
    if (in) {
      row_of[person.id] = out.people.size();
      out.people.push_back(SessionPersonRow{person});
      ids.push_back(person.id);
    }
  }
  RUNG_TRY_ASSIGN(const auto cases, reader.promotion_cases_of_people(ids));
  std::map<store::Id, store::Id> case_person;
  for (const auto& c : cases) {
    if (c.cycle == session->cycle) {
      case_person[c.id] = c.person;
    }
  }
  for (const auto& vote : votes) {
    store::Id person = vote.subject_id;
    if (vote.subject == store::VoteSubject::promotion) {
      const auto found = case_person.find(vote.subject_id);
      person = found == case_person.end() ? 0 : found->second;
    }
    const auto row = row_of.find(person);
    if (row == row_of.end()) {
      continue;  // someone who left the session's scope since
    }
    auto& counts = out.people[row->second];
    switch (vote.vote) {
      case store::VoteChoice::agree:
        ++counts.agree;
        break;
      case store::VoteChoice::disagree:
        ++counts.disagree;
        break;
      case store::VoteChoice::question:
        ++counts.question;
        break;
    }
  }
  RUNG_TRY_ASSIGN(const auto decisions, reader.calibration_decisions(id));
  for (const auto& d : decisions) {
    RUNG_TRY_ASSIGN(const auto person, reader.person(d.person));
    RUNG_TRY_ASSIGN(const auto account, reader.account(d.account));
    out.decisions.push_back(DecisionRow{d, person ? person->name : "", person ? person->email : "",
                                        account ? account->login : ""});
  }
  return out;
}

// One CSV: a row per person (kind "person", with the pre-vote counts), then a row per decision
// (kind "decision": the statement, "" for the outcome, before, after, reason, who, when).
std::string session_export_csv(const SessionExport& e) {
  constexpr std::array k_columns{"kind",     "person",     "email",     "level",  "agree",
                                 "disagree", "question",   "statement", "before", "after",
                                 "reason",   "decided_by", "decided_at"};
  std::string out;
  for (std::size_t i = 0; i < k_columns.size(); ++i) {
    out += (i == 0 ? "" : ",") + std::string(k_columns[i]);
  }
  out += "\r\n";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out += (i == 0 ? "" : ",") + exports::csv_field(exports::spreadsheet_safe(cells[i]));
    }
    out += "\r\n";
  };
  for (const auto& row : e.people) {
    line({"person", row.person.name, row.person.email, row.person.level, std::to_string(row.agree),
          std::to_string(row.disagree), std::to_string(row.question), "", "", "", "", "", ""});
  }
  for (const auto& row : e.decisions) {
    const auto& d = row.decision;
    line({"decision", row.person, row.email, "", "", "", "",
          d.statement.empty() ? std::string("outcome") : d.statement, d.before, d.after, d.reason,
          row.by, format_utc(d.at)});
  }
  return out;
}

std::string session_export_json(const SessionExport& e) {
  OJson people = OJson::array();
  for (const auto& row : e.people) {
    people.push_back(
        {{"person", row.person.id},
         {"name", row.person.name},
         {"email", row.person.email},
         {"level", row.person.level},
         {"pre_votes",
          {{"agree", row.agree}, {"disagree", row.disagree}, {"question", row.question}}}});
  }
  OJson decisions = OJson::array();
  for (const auto& row : e.decisions) {
    const auto& d = row.decision;
    decisions.push_back({{"person", d.person},
                         {"name", row.person},
                         {"email", row.email},
                         {"assessment", d.assessment},
                         {"statement", d.statement.empty() ? OJson(nullptr) : OJson(d.statement)},
                         {"before", d.before},
                         {"after", d.after},
                         {"reason", d.reason},
                         {"decided_by", row.by},
                         {"decided_at", format_utc(d.at)}});
  }
  const OJson out{{"session",
                   {{"id", e.session.id},
                    {"name", e.session.name},
                    {"state", store::to_string(e.session.state)},
                    {"cycle", {{"id", e.cycle.id}, {"name", e.cycle.name}}}}},
                  {"people", std::move(people)},
                  {"decisions", std::move(decisions)}};
  return out.dump(2, ' ', false, OJson::error_handler_t::replace) + "\n";
}

Outcome run_session_list(const CalibrationArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data_dir, StoreAccess::read_only));
  RUNG_TRY_ASSIGN(const auto cycle, store->cycle(args.cycle));
  if (!cycle) {
    return fail(ErrorKind::not_found, "review.not-found",
                fmt::format("no review cycle with id {}", args.cycle), {},
                "the admin's review cycles page lists them");
  }
  RUNG_TRY_ASSIGN(auto sessions, store->calibration_sessions());
  std::erase_if(sessions, [&](const auto& s) { return s.cycle != args.cycle; });
  if (args.format == "json") {
    OJson list = OJson::array();
    for (const auto& s : sessions) {
      RUNG_TRY_ASSIGN(const auto decisions, store->calibration_decisions(s.id));
      RUNG_TRY_ASSIGN(const auto votes, store->pre_votes(s.id));
      list.push_back({{"id", s.id},
                      {"name", s.name},
                      {"state", store::to_string(s.state)},
                      {"scope", store::to_string(s.scope)},
                      {"pre_votes", votes.size()},
                      {"decisions", decisions.size()}});
    }
    const OJson out{{"cycle", {{"id", cycle->id}, {"name", cycle->name}}},
                    {"sessions", std::move(list)}};
    io.out << out.dump(2, ' ', false, OJson::error_handler_t::replace) << "\n";
    return k_exit_ok;
  }
  if (sessions.empty()) {
    io.out << fmt::format(
        "No calibration session in {} yet: an admin creates them on the "
        "cycle's sessions page.\n",
        cycle->name);
    return k_exit_ok;
  }
  for (const auto& s : sessions) {
    RUNG_TRY_ASSIGN(const auto decisions, store->calibration_decisions(s.id));
    RUNG_TRY_ASSIGN(const auto votes, store->pre_votes(s.id));
    io.out << fmt::format("{:>4}  {:<10}  {}  ({} pre-votes, {} decisions)\n", s.id,
                          store::to_string(s.state), s.name, votes.size(), decisions.size());
  }
  return k_exit_ok;
}

Outcome run_session_export(const CalibrationArgs& args, Io io) {
  RUNG_TRY_ASSIGN(const auto store, open_data_store(args.data_dir, StoreAccess::read_only));
  RUNG_TRY_ASSIGN(const auto exported, read_session(*store, args.session));
  io.out << (args.format == "json" ? session_export_json(exported) : session_export_csv(exported));
  return k_exit_ok;
}

}  // namespace

Handler setup_calibration(CLI::App& sub, Io io) {
  sub.require_subcommand(1);
  auto args = std::make_shared<CalibrationArgs>();
  CLI::App* list = sub.add_subcommand("list", "A review cycle's calibration sessions");
  list->add_option("--cycle", args->cycle, "The review cycle, by id")
      ->required()
      ->option_text("ID");
  list->add_option("--format", args->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  add_data_option(*list, args->data_dir);
  list->footer("One line per session: id, state, name, and how many pre-votes and decisions.");

  CLI::App* exported = sub.add_subcommand(
      "export", "One session: its people with their pre-vote counts, and its decisions");
  exported->add_option("SESSION", args->session, "The session, by id")->required();
  exported->add_option("--format", args->format, "Output format: csv or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  add_data_option(*exported, args->data_dir);
  exported->footer(
      "CSV: a row per person of the session (kind person: level and the pre-votes cast on\n"
      "them and their case: agree, disagree, question), then a row per decision (kind\n"
      "decision: the statement, or outcome; before, after, reason, who and when, UTC). CSV\n"
      "cells that a spreadsheet would run as a formula start with a quote. Reads the store,\n"
      "safe while `rung serve` runs.\n"
      "Exit status: 0 printed; 2 the session or the store cannot be used.");
  return [args, list, io] {
    if (list->parsed()) {
      CalibrationArgs listed = *args;
      if (listed.format == "csv") {
        listed.format = "text";
      }
      return run_session_list(listed, io);
    }
    return run_session_export(*args, io);
  };
}

}  // namespace rung::cli
