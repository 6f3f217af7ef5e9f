#include "rung/web/http/cookies.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"

namespace rung::web {

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  for (const auto& [field, value] : request.headers.fields()) {
    if (!iequals(field, "Cookie")) {
      continue;
    }
    std::string_view rest = value;
    while (!rest.empty()) {
      const std::size_t semicolon = rest.find(';');
      const std::string_view pair = trim(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      const std::size_t eq = pair.find('=');
      if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) {
        std::string_view found = trim(pair.substr(eq + 1));
        if (found.size() >= 2 && found.front() == '"' && found.back() == '"') {
          found = found.substr(1, found.size() - 2);
        }
        return std::string(found);
      }
    }
  }
  return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieOptions& options) {
  std::string out = fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax", name, value);
  if (options.secure) {
    out += "; Secure";
  }
  if (options.max_age) {
    out += fmt::format("; Max-Age={}", options.max_age->count());
  }
  return out;
}

std::string clear_cookie(std::string_view name, bool secure) {
  return set_cookie(name, "", CookieOptions{secure, std::chrono::seconds(0)});
}

}  // namespace rung::web
