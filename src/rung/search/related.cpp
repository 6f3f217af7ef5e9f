#include "rung/search/related.hpp"

#include <array>
#include <map>

#include "rung/core/words.hpp"

namespace rung::search {

namespace {

// Each group lists words and phrases that stand in for one another (see related.hpp).
const std::array<std::vector<std::string_view>, 2> k_groups = {{
    {"mentor", "coach", "teach", "level up"},
    {"hire", "recruit", "recruitment", "interview", "candidate"},
}};

StemPhrase stems_of(std::string_view phrase) {
  StemPhrase stems;
  for (const auto& token : tokenize_words(phrase)) {
    stems.push_back(stem(token.word));
  }
  return stems;
}

// For every single-word member's stem: the other members of its group.
std::map<std::string, std::vector<StemPhrase>, std::less<>> build_table() {
  std::map<std::string, std::vector<StemPhrase>, std::less<>> table;
  for (const auto& group : k_groups) {
    std::vector<StemPhrase> members;
    for (auto word : group) {
      members.push_back(stems_of(word));
    }
    for (const auto& member : members) {
      if (member.size() != 1) {
        continue;
      }
      auto& related = table[member.front()];
      for (const auto& other : members) {
        if (other != member) {
          related.push_back(other);
        }
      }
    }
  }
  return table;
}

}  // namespace

const std::vector<StemPhrase>& related_phrases(std::string_view stem) {
  static const auto table = build_table();
  static const std::vector<StemPhrase> none;
  auto it = table.find(stem);
  return it == table.end() ? none : it->second;
}

}  // namespace rung::search
