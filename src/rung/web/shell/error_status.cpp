#include "rung/web/shell/error_status.hpp"

namespace rung::web {

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid:
      return 422;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::too_large:
      return 413;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

}  // namespace rung::web
