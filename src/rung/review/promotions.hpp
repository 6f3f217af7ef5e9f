#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rung/assess/readiness.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/packet.hpp"
#include "rung/store/store.hpp"

// The values of promotion cases (docs/promotions.md) that review::Service hands out.
namespace rung::review {

// What open_case() opens.
struct CaseRequest {
  store::Id person = 0;
  std::string target_level;        // a level id: the next of the person's track, or another track's
  std::optional<store::Id> cycle;  // none: a case outside any review cycle
  std::string manager_case;        // the manager's written case; may be empty at first
};

// What decide() records.
struct Decision {
  store::CaseOutcome outcome = store::CaseOutcome::approved;
  std::string rationale;       // required
  std::string effective_date;  // "YYYY-MM-DD": required for an approval, ignored otherwise
};

// The levels a case for `person` may target, in ladder order: the next level of their track, and
// the levels of other tracks at a higher grade of the general ladder (the rule open_case
// checks, for the forms that offer the choice).
std::vector<std::string> promotion_targets(const model::Ladder& ladder,
                                           const store::Person& person);

// What a viewer may do with a case now (the pages show only these actions).
struct CaseActions {
  bool edit_case = false;       // the manager's text: someone above the person, or an admin
  bool edit_statement = false;  // the person's statement: the person, while not decided
  bool submit = false;          // draft -> submitted: someone above, or an admin
  bool start_review = false;    // submitted -> in_review: admins
  bool decide = false;          // submitted or in_review -> decided: admins
  bool publish = false;         // a decided case outside a cycle, not yet published: admins
};

// A case as a viewer sees it. Until the decision is published, only admins see its outcome:
// for everyone else `promotion` carries no outcome, rationale, decider or effective date.
struct CaseView {
  store::PromotionCase promotion;
  store::Person person;           // as the store holds them now
  std::string opened_by_login;    // "" when the account is gone
  bool decision_visible = false;  // the outcome is shown (published, or the viewer is an admin)
  CaseActions actions;
};

// What the case gathers for its readers: the promotion packet of the person at the level the
// case started from (packet.hpp: latest submitted self and manager assessments with evidence), and
// readiness for the case's target level from the same latest ratings, with its blockers.
struct CasePacket {
  Packet packet;
  assess::Readiness target;
};

// What publishing did.
struct Published {
  std::vector<store::PromotionCase> cases;  // the cases published now, in id order
  std::size_t promoted = 0;                 // people whose level changed
};

}  // namespace rung::review
