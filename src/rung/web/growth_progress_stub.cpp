// A stand-in for the hub's progress chart until growth_pages.cpp (helper assess-growth) draws
// it with assess/progress_chart: delete this file when that lands.
#include "rung/web/handlers.hpp"

namespace rung::web::handlers {

std::string progress_svg(const Resources&, const Call&, store::Id) {
  return {};
}

}  // namespace rung::web::handlers
