#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"

#include "plan.hpp"

// The HTTP/1.1 the loader speaks: one request it builds and the answers it reads back.
namespace save_bench {

// PUT /api/v1/people/{person}/assessments/{assessment}/ratings/{statement} with the writer's
// session cookie and CSRF header and the body {"version": V, "rating": "<scale>"}, keep-alive.
std::string save_request(const Writer& writer, std::string_view host, const Save& save,
                         std::int64_t version);

struct HttpAnswer {
  int status = 0;
  std::string body;
  bool closes = false;  // "Connection: close": the server ends the connection after this answer
};

// Takes one complete answer off the front of `buffer`: nullopt while it is incomplete. Reads
// the status line, Content-Length and Connection. Errors: "bench.http" (malformed, chunked).
rung::Result<std::optional<HttpAnswer>> take_answer(std::string& buffer);

// The version a 200 answer carries, when its statement and rating are the ones sent.
// nullopt for any other body.
std::optional<std::int64_t> acknowledged_version(const HttpAnswer& answer, const Save& save);

}  // namespace save_bench
