#include "rung/web/http/cidr.hpp"

#include <algorithm>
#include <charconv>

#include <arpa/inet.h>
#include <fmt/format.h>

namespace rung::web {

namespace {

Error bad_cidr(std::string_view text, std::string_view why) {
  return Error{"serve.bad-cidr",
               fmt::format("'{}' is not an address block: {}", text.substr(0, 80), why),
               {},
               "give blocks such as 10.0.0.0/8, 192.0.2.7 or fd00::/8, separated by commas",
               ErrorKind::invalid};
}

bool bit_set(const IpAddress& address, int bit) {
  return (address[static_cast<std::size_t>(bit / 8)] >> (7 - bit % 8)) & 1;
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.empty() || text.size() > 45) {
    return std::nullopt;
  }
  const std::string copy(text);
  IpAddress out{};
  in_addr v4{};
  if (inet_pton(AF_INET, copy.c_str(), &v4) == 1) {
    out[10] = 0xff;
    out[11] = 0xff;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(&v4.s_addr);
    std::copy(bytes, bytes + 4, out.begin() + 12);
    return out;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, copy.c_str(), &v6) == 1) {
    std::copy(v6.s6_addr, v6.s6_addr + 16, out.begin());
    return out;
  }
  return std::nullopt;
}

bool Cidr::contains(const IpAddress& address) const {
  for (int bit = 0; bit < prefix; ++bit) {
    if (bit_set(address, bit) != bit_set(network, bit)) {
      return false;
    }
  }
  return true;
}

Result<Cidr> parse_cidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  const std::string_view host = text.substr(0, slash);
  const auto address = parse_ip(host);
  if (!address) {
    return tl::unexpected(bad_cidr(text, "not an IPv4 or IPv6 address"));
  }
  const bool v4 = host.find(':') == std::string_view::npos;
  const int width = v4 ? 32 : 128;
  int bits = width;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || bits < 0 ||
        bits > width) {
      return tl::unexpected(bad_cidr(text, fmt::format("the prefix must be 0 to {}", width)));
    }
  }
  Cidr out;
  out.network = *address;
  out.prefix = v4 ? bits + 96 : bits;
  out.text = std::string(text);
  for (int bit = out.prefix; bit < 128; ++bit) {
    if (bit_set(out.network, bit)) {
      return tl::unexpected(bad_cidr(text, "the address has bits set past the prefix"));
    }
  }
  return out;
}

Result<std::vector<Cidr>> parse_cidr_list(std::string_view text) {
  std::vector<Cidr> out;
  while (true) {
    const std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    while (!item.empty() && item.front() == ' ') {
      item.remove_prefix(1);
    }
    while (!item.empty() && item.back() == ' ') {
      item.remove_suffix(1);
    }
    RUNG_TRY_ASSIGN(Cidr block, parse_cidr(item));
    out.push_back(std::move(block));
    if (comma == std::string_view::npos) {
      return out;
    }
    text.remove_prefix(comma + 1);
  }
}

bool in_any(const std::vector<Cidr>& blocks, std::string_view address) {
  const auto parsed = parse_ip(address);
  if (!parsed) {
    return false;
  }
  for (const Cidr& block : blocks) {
    if (block.contains(*parsed)) {
      return true;
    }
  }
  return false;
}

}  // namespace rung::web
