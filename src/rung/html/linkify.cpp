#include "rung/html/linkify.hpp"

#include <algorithm>
#include <array>

namespace rung::html {

namespace {

constexpr std::array<std::string_view, 2> k_schemes{"https://", "http://"};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Where the next address starts at or after `from` (npos when none).
std::size_t next_address(std::string_view text, std::size_t from) {
  std::size_t best = std::string_view::npos;
  for (std::string_view scheme : k_schemes) {
    best = std::min(best, text.find(scheme, from));
  }
  return best;
}

// The address starting at `text[0]`, without what reads as the sentence around it.
std::string_view address_at(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && !is_space(text[end])) {
    ++end;
  }
  std::string_view out = text.substr(0, end);
  while (!out.empty()) {
    const char last = out.back();
    const bool unmatched_close = (last == ')' && out.find('(') == std::string_view::npos) ||
                                 (last == ']' && out.find('[') == std::string_view::npos);
    if (std::string_view(".,;:!?'\"").find(last) == std::string_view::npos && !unmatched_close) {
      break;
    }
    out.remove_suffix(1);
  }
  return out;
}

bool has_host(std::string_view address) {
  for (std::string_view scheme : k_schemes) {
    if (address.starts_with(scheme)) {
      return address.size() > scheme.size();
    }
  }
  return false;
}

}  // namespace

Json link_segments(std::string_view text) {
  Json out = Json::array();
  std::string pending;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = next_address(text, at);
    if (start == std::string_view::npos) {
      break;
    }
    const std::string_view address = address_at(text.substr(start));
    if (!has_host(address)) {
      pending.append(text.substr(at, start + 1 - at));
      at = start + 1;
      continue;
    }
    pending.append(text.substr(at, start - at));
    if (!pending.empty()) {
      out.push_back(Json{{"text", pending}, {"url", nullptr}});
      pending.clear();
    }
    out.push_back(Json{{"text", nullptr}, {"url", std::string(address)}});
    at = start + address.size();
  }
  pending.append(text.substr(std::min(at, text.size())));
  if (!pending.empty()) {
    out.push_back(Json{{"text", pending}, {"url", nullptr}});
  }
  return out;
}

}  // namespace rung::html
