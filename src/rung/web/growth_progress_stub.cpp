// A stand-in for the hub's progress chart until growth_views.cpp (branch assess-growth) defines
// web::progress_svg with assess/progress_chart: delete this file when that branch is merged.
#include "rung/web/review_page_support.hpp"

namespace rung::web {

std::string progress_svg(const Resources&, const auth::Viewer&, store::Id) {
  return {};
}

}  // namespace rung::web
