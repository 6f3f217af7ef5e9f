#include <algorithm>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/export/xlsx.hpp"

namespace rung::exports {

namespace {

constexpr std::size_t k_max_units = 31;

// The length of the UTF-8 sequence starting with `lead` (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) {
    return 4;
  }
  if (lead >= 0xE0) {
    return 3;
  }
  return lead >= 0xC0 ? 2 : 1;
}

// The longest prefix of `text` that is at most `units` UTF-16 code units, at a character
// boundary (characters beyond U+FFFF count as two units, as Excel counts them).
std::string_view cut_to_units(std::string_view text, std::size_t units) {
  std::size_t used = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t length = sequence_length(static_cast<unsigned char>(text[at]));
    const std::size_t cost = length == 4 ? 2 : 1;
    if (used + cost > units || at + length > text.size()) {
      break;
    }
    used += cost;
    at += length;
  }
  return text.substr(0, at);
}

std::string replace_forbidden(std::string_view wanted) {
  std::string out;
  for (char c : wanted) {
    const bool forbidden = std::string_view("[]:*?/\\").find(c) != std::string_view::npos ||
                           static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    out += forbidden ? '-' : c;
  }
  return out;
}

// Without spaces or apostrophes at either end (Excel refuses a name that starts or ends with
// an apostrophe).
std::string tidy(std::string_view text) {
  std::string_view view = trim(text);
  while (!view.empty() && (view.front() == '\'' || view.back() == '\'')) {
    view = trim(view.front() == '\'' ? view.substr(1) : view.substr(0, view.size() - 1));
  }
  return std::string(view);
}

bool is_taken(std::string_view name, const std::vector<std::string>& taken) {
  const std::string lower = ascii_lower(name);
  if (lower == "history") {
    return true;
  }
  return std::any_of(taken.begin(), taken.end(),
                     [&](const std::string& other) { return ascii_lower(other) == lower; });
}

}  // namespace

std::string sheet_name(std::string_view wanted, std::vector<std::string>& taken) {
  std::string base = tidy(cut_to_units(tidy(replace_forbidden(wanted)), k_max_units));
  if (base.empty()) {
    base = "Sheet";
  }
  std::string name = base;
  for (int n = 2; is_taken(name, taken); ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    name = tidy(cut_to_units(base, k_max_units - suffix.size())) + suffix;
  }
  taken.push_back(name);
  return name;
}

}  // namespace rung::exports
