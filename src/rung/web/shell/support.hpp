#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "rung/core/error.hpp"
#include "rung/web/http/http.hpp"
#include "rung/auth/viewer.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/shell/resources.hpp"

// What the handlers of every feature folder share beyond Resources and the response builders.
namespace rung::web {

// The view every page starts from: "site" (the ladder's name and links) and "page" (its
// `title`, with `nav` marked current in the header's navigation).
Json page_view(const Resources& resources, std::string title, std::string_view nav);

// The view every admin page starts from: page_view with "admin" and `section` current in the
// admin navigation, plus the session's CSRF token ("csrf") for its forms. The viewer must be
// signed in.
Json admin_view(const Resources& resources, const Call& call, std::string title,
                std::string_view section);

// The sign-in form with `status` (200, or 401 when a page needs a session), returning to
// `next` after signing in, showing `error` when not empty. Sets the form's double-submit CSRF
// cookie. The gate answers a request that needs a session with it; the account feature serves
// it at /sign-in.
Response sign_in_page(const Resources& resources, const Request& request, int status,
                      std::string_view next, std::string_view error);

// The value of a store read, or an exception that App::handle turns into a 500: a store that
// cannot be read is not something a handler can answer around.
template <class T>
T unwrap(Result<T> result) {
  if (!result) {
    throw std::runtime_error(result.error().message);
  }
  return std::move(*result);
}

}  // namespace rung::web
