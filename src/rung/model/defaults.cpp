#include "rung/model/defaults.hpp"

namespace rung::model {

namespace {

// The definitions of Rung's scale, also written into ladders/engineering.yaml.
constexpr const char* k_not_yet = "You have not done this yet, or only with a lot of help.";
constexpr const char* k_sometimes =
    "You have done this, but not reliably: in some situations, or with guidance.";
constexpr const char* k_consistently =
    "You do this reliably, on your own, in most situations the level meets.";
constexpr const char* k_role_model =
    "You do this consistently and others learn it from you: you set the example beyond your team.";

}  // namespace

std::vector<ScalePoint> default_scale() {
  return {
      {"not-yet", "Not yet", 0, k_not_yet, {}},
      {"sometimes", "Sometimes", 1, k_sometimes, {}},
      {"consistently", "Consistently", 2, k_consistently, {}},
      {"role-model", "Role model", 3, k_role_model, {}},
  };
}

Readiness default_readiness() {
  return Readiness{"consistently", 0.8, {}};
}

}  // namespace rung::model
