#include "rung/web/shell/proxy_auth.hpp"

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/web/shell/gate.hpp"

namespace rung::web {

namespace {

// The name with ASCII letters lower-cased and '_' read as '-'.
std::string folded(std::string_view name) {
  std::string out = ascii_lower(name);
  for (char& c : out) {
    if (c == '_') {
      c = '-';
    }
  }
  return out;
}

ProxyIdentity ignored(std::string reason) {
  return ProxyIdentity{ProxyHeader::ignored, "", std::move(reason)};
}

}  // namespace

ProxyIdentity proxy_identity(const Request& request, const ProxyAuthOptions& options) {
  const std::string wanted = folded(options.header);
  int exact = 0;
  int lookalike = 0;
  std::string_view value;
  for (const auto& [name, field] : request.headers.fields()) {
    if (folded(name) != wanted) {
      continue;
    }
    if (iequals(name, options.header)) {
      ++exact;
      value = field;
    } else {
      ++lookalike;
    }
  }
  if (exact == 0 && lookalike == 0) {
    return ProxyIdentity{};
  }
  const std::string peer = client_address(request);
  if (!in_any(options.trusted, peer)) {
    return ignored(fmt::format("from {}, which is not a trusted proxy", peer.substr(0, 64)));
  }
  if (lookalike > 0) {
    return ignored(fmt::format("from {}: a look-alike of its name ('_' for '-') was sent",
                               peer.substr(0, 64)));
  }
  if (exact > 1) {
    return ignored(fmt::format("from {}: it was sent {} times", peer.substr(0, 64), exact));
  }
  const std::string_view email = trim(value);
  if (email.empty()) {
    return ignored(fmt::format("from {}: it was empty", peer.substr(0, 64)));
  }
  return ProxyIdentity{ProxyHeader::present, std::string(email), ""};
}

}  // namespace rung::web
