#pragma once

#include <span>
#include <string_view>

#include "rung/lint/diagnostic.hpp"

namespace rung::lint {

struct Context;
class Sink;

// One lint rule. Codes and names are stable: ladder files and CI scripts refer to them.
struct RuleInfo {
  std::string_view code;     // "L007"
  std::string_view name;     // "repeated-statement"
  Severity severity;         // of every finding the rule makes
  std::string_view summary;  // one line: what it finds
  void (*check)(const Context&, Sink&);
};

// Every rule, in code order (L001 first). The same table docs/lint-rules.md documents.
std::span<const RuleInfo> rules();

// The rule with this code (any case: "l007") or name; nullptr when there is none.
const RuleInfo* find_rule(std::string_view code_or_name);

}  // namespace rung::lint
