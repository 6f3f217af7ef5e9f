#include "rung/lint/check.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rung::lint {

void Sink::report(model::SourceLoc loc, std::string element, std::string message,
                  std::string hint) {
  m_out.push_back(Diagnostic{std::string(m_rule.code), m_rule.severity, loc, std::move(element),
                             std::move(message), std::move(hint)});
}

std::string describe(const model::Level& level) {
  if (level.title.empty()) {
    return level.id;
  }
  return fmt::format("{} ({})", level.title, level.id);
}

std::string area_name(const model::Ladder& ladder, const std::string& area_id) {
  const model::Area* area = ladder.find_area(area_id);
  return area != nullptr && !area->name.empty() ? area->name : area_id;
}

std::string join_list(const std::vector<std::string>& items, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += i + 1 == items.size() ? fmt::format(" {} ", last) : std::string(", ");
    }
    out += items[i];
  }
  return out;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::size_t statement_count(const model::Ladder& ladder, const model::Level& level) {
  std::size_t count = 0;
  for (const auto& block : ladder.content_of(level)) {
    count += block.statements.size();
  }
  return count;
}

}  // namespace rung::lint
