#pragma once

#include <functional>
#include <string>
#include <vector>

#include "rung/core/error.hpp"

// The HTTP calls Rung makes to an OpenID Connect provider (discovery, keys, the token
// endpoint), over libcurl. Tests pass a fake Fetch instead.
namespace rung::auth {

struct HttpCall {
  std::string url;
  std::string form;                  // POST this urlencoded body when non-empty; else GET
  std::vector<std::string> headers;  // "Name: value" lines (Authorization for client_secret_basic)
};

struct HttpReply {
  long status = 0;
  std::string body;
};

using Fetch = std::function<Result<HttpReply>(const HttpCall&)>;

// libcurl: http and https only, redirects not followed, certificates checked, 10 s to answer,
// at most 1 MiB read. Errors "oidc.unreachable" (unavailable); the message names the URL, never
// the body sent (it may hold the client secret). Thread-safe.
Result<HttpReply> curl_fetch(const HttpCall& call);

// Whether `url` may be used for an identity provider: https, or http to a loopback host
// (127.0.0.0/8, ::1, localhost: tests and a provider on the same machine).
bool acceptable_provider_url(const std::string& url);

}  // namespace rung::auth
