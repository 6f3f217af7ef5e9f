#include "rung/lint/rules.hpp"

#include <array>

#include "rung/core/text.hpp"
#include "rung/lint/check.hpp"

namespace rung::lint {

namespace {

using enum Severity;

// Severities: an error is a defect that misleads the people who use the ladder (two levels
// with one name, unfinished text, a ladder that goes backwards, a readiness policy that cannot
// work); a warning is very likely a defect; a note is worth a look and often intended.
constexpr std::array k_rules{
    RuleInfo{"L001", "duplicate-title", error, "two levels of one track have the same title",
             check_duplicate_titles},
    RuleInfo{"L002", "title-mismatch", warning,
             "a level's detail page gives it another title than the overview",
             check_title_mismatch},
    RuleInfo{"L003", "unknown-title", warning,
             "a statement names a title or level that does not exist", check_unknown_titles},
    RuleInfo{"L004", "missing-area", warning, "a level lacks an area that the level below it has",
             check_missing_areas},
    RuleInfo{"L005", "thin-level", warning,
             "a level has no statements, far fewer than its siblings, or an empty area",
             check_thin_levels},
    RuleInfo{"L006", "unused-area", warning, "an area is declared but no level uses it",
             check_unused_areas},
    RuleInfo{"L007", "repeated-statement", warning,
             "a statement repeats, word for word or nearly, one of the level below",
             check_repeated_statements},
    RuleInfo{"L008", "placeholder-text", error,
             "text that is a placeholder (TODO, TBD, lorem ipsum, xxx, ...)", check_placeholders},
    RuleInfo{"L009", "foreign-vocabulary", warning,
             "a level whose wording appears nowhere else in the ladder", check_foreign_vocabulary},
    RuleInfo{"L010", "experience-order", error,
             "an experience range is inverted or lower than the level below",
             check_experience_order},
    RuleInfo{"L011", "experience-gap", warning,
             "years of experience that no level of a track covers", check_experience_gaps},
    RuleInfo{"L012", "experience-overlap", note, "experience ranges of consecutive levels overlap",
             check_experience_overlap},
    RuleInfo{"L013", "grade-order", error, "a level has a lower grade than the level below",
             check_grade_order},
    RuleInfo{"L014", "scale-readiness", error,
             "the rating scale and the readiness policy do not fit together",
             check_scale_readiness},
    RuleInfo{"L015", "unknown-rule", warning,
             "the ladder's lint settings turn off a rule that does not exist",
             check_disabled_codes},
    RuleInfo{"L016", "missing-experience", warning,
             "a level states no experience in a track whose other levels do",
             check_missing_experience},
};

}  // namespace

std::span<const RuleInfo> rules() {
  return k_rules;
}

const RuleInfo* find_rule(std::string_view code_or_name) {
  const std::string wanted = ascii_lower(code_or_name);
  for (const RuleInfo& rule : k_rules) {
    if (ascii_lower(rule.code) == wanted || rule.name == wanted) {
      return &rule;
    }
  }
  return nullptr;
}

}  // namespace rung::lint
