#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Content coding and validators for HTTP caching.
namespace rung::web {

// The gzip form (RFC 1952) of `bytes`, at zlib's default level. Throws std::runtime_error only
// if zlib fails to allocate.
std::string gzip(std::string_view bytes);

// Whether an Accept-Encoding header value allows gzip: "gzip" or "*" listed without q=0.
bool accepts_gzip(std::string_view accept_encoding);

// A strong entity tag for `bytes`: a quoted 64-bit FNV-1a hash in hex, e.g. "\"1f3a...\"".
std::string strong_etag(std::string_view bytes);

// Whether an If-None-Match header value matches `etag`: "*", or `etag` among its comma-
// separated tags (a weak W/ prefix is ignored, as weak comparison asks).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

std::uint64_t fnv1a64(std::string_view bytes);

}  // namespace rung::web
