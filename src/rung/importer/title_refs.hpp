#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rung::importer {

struct LevelTitle {
  std::string level_id;
  std::string title;
};

// Ids of the levels whose title the statement mentions: exactly, ignoring ASCII case, as whole
// words ("... the skills of a senior software engineer." mentions "Senior Software Engineer").
// A title found only inside a longer mentioned title ("Reliability Engineer I" inside "Senior
// Reliability Engineer I") does not count. `own_level` is never returned. Ids come in the order
// of `titles`, each once.
std::vector<std::string> find_title_refs(std::string_view statement,
                                         std::span<const LevelTitle> titles,
                                         std::string_view own_level);

}  // namespace rung::importer
