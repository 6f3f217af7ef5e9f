#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/core/error.hpp"
#include "rung/store/review_records.hpp"
#include "rung/store/store.hpp"

// Reading query rows into records, shared by the SQL backends (sqlite/, postgres/): both select
// the same columns in the same order, and their statements offer the same column_int,
// column_text and column_null. A backend's rows.hpp brings these names into its namespace.
namespace rung::store::rows {

// A statement's text from its shared head (the columns) and its own tail.
inline std::string sql(std::string_view head, std::string_view tail) {
  return fmt::format("{}{}", head, tail);
}

// An integer column that may be NULL.
template <class Row>
std::optional<Id> optional_int(Row& row, int index) {
  return row.column_null(index) ? std::nullopt : std::optional<Id>(row.column_int(index));
}

// Every row of `query`, each turned into a T by `read(row)`.
template <class T, class Query, class Read>
Result<std::vector<T>> all_rows(Query& query, Read read) {
  std::vector<T> out;
  while (true) {
    RUNG_TRY_ASSIGN(const bool row, query->step());
    if (!row) {
      return out;
    }
    out.push_back(read(*query));
  }
}

// The first row of `query` as a T, or nullopt when there is none.
template <class T, class Query, class Read>
Result<std::optional<T>> one_row(Query& query, Read read) {
  RUNG_TRY_ASSIGN(const bool row, query->step());
  if (!row) {
    return std::nullopt;
  }
  return read(*query);
}

// A list column's text (a JSON array), and back; an unreadable value (hand-edited data) reads
// as empty.
template <class T>
std::string json_list(const std::vector<T>& items) {
  return nlohmann::json(items).dump();
}

template <class T>
std::vector<T> parse_list(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<T> out;
  if (parsed.is_array()) {
    for (const auto& item : parsed) {
      if (item.is_number_integer() || item.is_string()) {
        out.push_back(item.get<T>());
      }
    }
  }
  return out;
}

// One record from a row of its table's column list (k_person_columns, ... in the writers).
inline constexpr auto read_person = [](auto& row) -> Person {
  Person person;
  person.id = row.column_int(0);
  person.name = row.column_text(1);
  person.email = row.column_text(2);
  if (!row.column_null(3)) {
    person.manager = row.column_int(3);
  }
  person.track = row.column_text(4);
  person.level = row.column_text(5);
  person.start_date = row.column_text(6);
  person.status = row.column_text(7) == "left" ? PersonStatus::left : PersonStatus::active;
  return person;
};

inline constexpr auto read_account = [](auto& row) -> Account {
  return Account{row.column_int(0),      row.column_text(1),     row.column_text(2),
                 row.column_int(3) != 0, row.column_int(4) != 0, row.column_int(5),
                 row.column_int(6),      row.column_int(7)};
};

inline constexpr auto read_rating = [](auto& row) -> Rating {
  return Rating{row.column_int(0), row.column_text(1), row.column_text(2), row.column_int(3)};
};

inline constexpr auto read_plan = [](auto& row) -> GrowthPlanRecord {
  return GrowthPlanRecord{row.column_int(0), row.column_int(1), row.column_text(2),
                          row.column_int(3)};
};

inline constexpr auto read_item = [](auto& row) -> PlanItem {
  return PlanItem{row.column_int(0),      row.column_text(1),
                  row.column_int(2) != 0, parse_list<Id>(row.column_text(3)),
                  row.column_text(4),     row.column_text(5),
                  row.column_text(6),     row.column_int(7)};
};

inline constexpr auto read_cycle = [](auto& row) -> ReviewCycle {
  return ReviewCycle{row.column_int(0),
                     row.column_text(1),
                     row.column_text(2),
                     row.column_text(3),
                     parse_list<std::string>(row.column_text(4)),
                     row.column_text(5) == "closed" ? CycleStatus::closed : CycleStatus::open};
};

inline constexpr auto read_assessment = [](auto& row) -> Assessment {
  Assessment a;
  a.id = row.column_int(0);
  a.person = row.column_int(1);
  a.role = row.column_text(2) == "manager" ? AuthorRole::manager : AuthorRole::self;
  a.author_account = row.column_int(3);
  a.author_person = optional_int(row, 4);
  a.level = row.column_text(5);
  a.cycle = optional_int(row, 6);
  const std::string status = row.column_text(7);
  a.status = status == "withdrawn"   ? AssessmentStatus::withdrawn
             : status == "submitted" ? AssessmentStatus::submitted
                                     : AssessmentStatus::draft;
  a.version = row.column_int(8);
  a.created_at = row.column_int(9);
  a.updated_at = row.column_int(10);
  a.submitted_at = row.column_int(11);
  return a;
};

inline constexpr auto read_case = [](auto& row) -> PromotionCase {
  PromotionCase c;
  c.id = row.column_int(0);
  c.person = row.column_int(1);
  c.from_track = row.column_text(2);
  c.from_level = row.column_text(3);
  c.target_track = row.column_text(4);
  c.target_level = row.column_text(5);
  c.cycle = optional_int(row, 6);
  c.opened_by_account = row.column_int(7);
  c.opened_by_person = optional_int(row, 8);
  c.manager_case = row.column_text(9);
  c.statement = row.column_text(10);
  c.status = case_status_from(row.column_text(11)).value_or(CaseStatus::draft);
  c.outcome = row.column_null(12) ? std::nullopt : case_outcome_from(row.column_text(12));
  c.rationale = row.column_text(13);
  c.decided_by = optional_int(row, 14);
  c.decided_at = row.column_int(15);
  c.effective_date = row.column_text(16);
  c.published = row.column_int(17) != 0;
  c.published_at = row.column_int(18);
  c.version = row.column_int(19);
  c.created_at = row.column_int(20);
  c.updated_at = row.column_int(21);
  return c;
};

// A guideline as its column's JSON text ([{"level": ..., "percent": ...}]), and back.
inline std::string guideline_json(const std::vector<GuidelineShare>& shares) {
  auto out = nlohmann::json::array();
  for (const auto& share : shares) {
    out.push_back({{"level", share.level}, {"percent", share.percent}});
  }
  return out.dump();
}

inline std::vector<GuidelineShare> parse_guideline(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<GuidelineShare> out;
  if (parsed.is_array()) {
    for (const auto& item : parsed) {
      if (item.is_object() && item.contains("level") && item["level"].is_string() &&
          item.contains("percent") && item["percent"].is_number_integer()) {
        out.push_back({item["level"].get<std::string>(), item["percent"].get<int>()});
      }
    }
  }
  return out;
}

inline constexpr auto read_calibration_session = [](auto& row) -> CalibrationSession {
  CalibrationSession s;
  s.id = row.column_int(0);
  s.cycle = row.column_int(1);
  s.name = row.column_text(2);
  s.scope = scope_kind_from(row.column_text(3)).value_or(ScopeKind::subtree);
  s.scope_person = optional_int(row, 4);
  s.scope_track = row.column_text(5);
  s.scope_levels = parse_list<std::string>(row.column_text(6));
  s.facilitator = row.column_int(7);
  s.calibrators = parse_list<Id>(row.column_text(8));
  s.guideline = parse_guideline(row.column_text(9));
  s.state = session_state_from(row.column_text(10)).value_or(SessionState::preparing);
  s.created_by = row.column_int(11);
  s.version = row.column_int(12);
  s.created_at = row.column_int(13);
  s.updated_at = row.column_int(14);
  s.opened_at = row.column_int(15);
  s.closed_at = row.column_int(16);
  return s;
};

inline constexpr auto read_pre_vote = [](auto& row) -> PreVote {
  PreVote v;
  v.session = row.column_int(0);
  v.calibrator = row.column_int(1);
  v.subject = vote_subject_from(row.column_text(2)).value_or(VoteSubject::outcome);
  v.subject_id = row.column_int(3);
  v.vote = vote_choice_from(row.column_text(4)).value_or(VoteChoice::question);
  v.note = row.column_text(5);
  v.version = row.column_int(6);
  v.updated_at = row.column_int(7);
  return v;
};

inline constexpr auto read_calibration_decision = [](auto& row) -> CalibrationDecision {
  return CalibrationDecision{row.column_int(0),  row.column_int(1),  row.column_int(2),
                             row.column_int(3),  row.column_text(4), row.column_text(5),
                             row.column_text(6), row.column_text(7), row.column_int(8),
                             row.column_int(9)};
};

// The columns of k_api_token_columns, in order.
inline constexpr std::string_view k_api_token_columns =
    "SELECT id, token_hash, account, name, read_only, created_at, expires_at, last_used_at, "
    "revoked_at FROM api_token ";

inline constexpr auto read_api_token = [](auto& row) -> ApiToken {
  ApiToken t;
  t.id = row.column_int(0);
  t.token_hash = row.column_text(1);
  t.account = row.column_int(2);
  t.name = row.column_text(3);
  t.read_only = row.column_int(4) != 0;
  t.created_at = row.column_int(5);
  t.expires_at = row.column_int(6);
  t.last_used_at = row.column_int(7);
  t.revoked_at = row.column_int(8);
  return t;
};

// The columns of k_login_state_columns, in order.
inline constexpr std::string_view k_login_state_columns =
    "SELECT state_hash, nonce, code_verifier, next, created_at FROM login_state ";

inline constexpr auto read_login_state = [](auto& row) -> LoginState {
  LoginState s;
  s.state_hash = row.column_text(0);
  s.nonce = row.column_text(1);
  s.code_verifier = row.column_text(2);
  s.next = row.column_text(3);
  s.created_at = row.column_int(4);
  return s;
};

// Schema 12 (several instances): the columns of k_pending_import_columns, in order.
inline constexpr std::string_view k_pending_import_columns =
    "SELECT token_hash, actor, filename, content, people_version, created_at, applied_at FROM "
    "pending_import ";

inline constexpr auto read_pending_import = [](auto& row) -> PendingImport {
  PendingImport p;
  p.token_hash = row.column_text(0);
  p.actor = row.column_text(1);
  p.filename = row.column_text(2);
  p.content = row.column_text(3);
  p.people_version = row.column_int(4);
  p.created_at = row.column_int(5);
  p.applied_at = row.column_int(6);
  return p;
};

}  // namespace rung::store::rows
