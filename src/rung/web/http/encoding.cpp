#include "rung/web/http/encoding.hpp"

#include <stdexcept>

#include <fmt/format.h>
#include <zlib.h>

#include "rung/core/text.hpp"

namespace rung::web {

namespace {

// Calls `on_item` with each trimmed comma-separated item of a header value.
template <class F>
void for_each_item(std::string_view value, F on_item) {
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    on_item(trim(value.substr(0, comma)));
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
  }
}

bool q_is_zero(std::string_view params) {
  const std::size_t q = ascii_lower(params).find("q=");
  if (q == std::string::npos) {
    return false;
  }
  std::string_view number = trim(params.substr(q + 2));
  while (!number.empty() && (number.front() == '0' || number.front() == '.')) {
    number.remove_prefix(1);
  }
  return number.empty() || number.front() == ';';
}

}  // namespace

std::string gzip(std::string_view bytes) {
  z_stream stream{};
  constexpr int k_gzip_window_bits = 15 + 16;
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, k_gzip_window_bits, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib: deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) {
    throw std::runtime_error("zlib: deflate did not finish");
  }
  return out;
}

bool accepts_gzip(std::string_view accept_encoding) {
  bool accepted = false;
  for_each_item(accept_encoding, [&](std::string_view item) {
    const std::size_t semicolon = item.find(';');
    const std::string coding = ascii_lower(trim(item.substr(0, semicolon)));
    const std::string_view params =
        semicolon == std::string_view::npos ? std::string_view() : item.substr(semicolon + 1);
    if ((coding == "gzip" || coding == "x-gzip" || coding == "*") && !q_is_zero(params)) {
      accepted = true;
    }
  });
  return accepted;
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string strong_etag(std::string_view bytes) {
  return fmt::format("\"{:016x}-{:x}\"", fnv1a64(bytes), bytes.size());
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  bool matched = false;
  for_each_item(if_none_match, [&](std::string_view item) {
    if (item.starts_with("W/")) {
      item.remove_prefix(2);
    }
    matched = matched || item == "*" || item == etag;
  });
  return matched;
}

}  // namespace rung::web
