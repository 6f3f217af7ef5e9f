#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rung/lint/diagnostic.hpp"
#include "rung/lint/lint.hpp"
#include "rung/lint/rules.hpp"
#include "rung/model/ladder.hpp"

// What the rule implementations share: what they read (Context), where they write (Sink), and
// the check functions the rule table (rules.cpp) points at. Internal to lint/.
namespace rung::lint {

struct Context {
  const model::Ladder& ladder;
  const Options& options;
};

// Collects the findings of one rule, stamping each with the rule's code and severity.
class Sink {
 public:
  Sink(const RuleInfo& rule, std::vector<Diagnostic>& out) : m_rule(rule), m_out(out) {}

  void report(model::SourceLoc loc, std::string element, std::string message,
              std::string hint = {});

 private:
  const RuleInfo& m_rule;
  std::vector<Diagnostic>& m_out;
};

// "Software Engineer II (swe-2)", or just the id when the level has no title.
std::string describe(const model::Level& level);

// The display name of an area id ("Role Highlights"), or the id when it is not declared.
std::string area_name(const model::Ladder& ladder, const std::string& area_id);

// "a", "a and b", "a, b and c" (with `last` in place of "and").
std::string join_list(const std::vector<std::string>& items, std::string_view last = "and");

// The median of a non-empty list (the mean of the middle two for an even count).
double median(std::vector<double> values);

// Number of statements that describe a level (its own or the ones it shares).
std::size_t statement_count(const model::Ladder& ladder, const model::Level& level);

void check_duplicate_titles(const Context& context, Sink& sink);     // L001
void check_title_mismatch(const Context& context, Sink& sink);       // L002
void check_unknown_titles(const Context& context, Sink& sink);       // L003
void check_missing_areas(const Context& context, Sink& sink);        // L004
void check_thin_levels(const Context& context, Sink& sink);          // L005
void check_unused_areas(const Context& context, Sink& sink);         // L006
void check_repeated_statements(const Context& context, Sink& sink);  // L007
void check_placeholders(const Context& context, Sink& sink);         // L008
void check_foreign_vocabulary(const Context& context, Sink& sink);   // L009
void check_experience_order(const Context& context, Sink& sink);     // L010
void check_experience_gaps(const Context& context, Sink& sink);      // L011
void check_experience_overlap(const Context& context, Sink& sink);   // L012
void check_grade_order(const Context& context, Sink& sink);          // L013
void check_scale_readiness(const Context& context, Sink& sink);      // L014
void check_disabled_codes(const Context& context, Sink& sink);       // L015
void check_missing_experience(const Context& context, Sink& sink);   // L016

}  // namespace rung::lint
