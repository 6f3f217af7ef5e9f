#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"

// Address ranges (CIDR blocks) for `rung serve --trusted-proxy`, IPv4 and IPv6 alike. Addresses
// are kept as 16 bytes: an IPv4 address as its IPv4-mapped IPv6 form (::ffff:a.b.c.d), so a
// peer that the socket reports either way matches the same IPv4 block.
namespace rung::web {

using IpAddress = std::array<std::uint8_t, 16>;

struct Cidr {
  IpAddress network{};  // the block's first address (host bits cleared)
  int prefix = 128;     // leading bits that must match, over the 16-byte form
  std::string text;     // as given, for messages

  bool contains(const IpAddress& address) const;
};

// "192.0.2.7", "::1", "::ffff:192.0.2.7" (no port, no brackets, no zone). nullopt otherwise.
std::optional<IpAddress> parse_ip(std::string_view text);

// "10.0.0.0/8", "fd00::/8", or one address ("192.0.2.7": /32, "::1": /128). Errors
// "serve.bad-cidr" naming what is wrong (host bits set count as wrong: "10.0.0.1/8").
Result<Cidr> parse_cidr(std::string_view text);

// A comma-separated list of blocks (spaces around commas allowed); at least one.
Result<std::vector<Cidr>> parse_cidr_list(std::string_view text);

// Whether `address` (as parse_ip reads it) is inside any of `blocks`; false when unreadable.
bool in_any(const std::vector<Cidr>& blocks, std::string_view address);

}  // namespace rung::web
