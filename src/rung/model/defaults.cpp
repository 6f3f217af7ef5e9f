#include "rung/model/defaults.hpp"

namespace rung::model {

std::vector<ScalePoint> default_scale() {
  return {
      {"not-yet", "Not yet", 0, {}},
      {"sometimes", "Sometimes", 1, {}},
      {"consistently", "Consistently", 2, {}},
      {"role-model", "Role model", 3, {}},
  };
}

Readiness default_readiness() {
  return Readiness{"consistently", 0.8, {}};
}

}  // namespace rung::model
