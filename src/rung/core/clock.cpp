#include "rung/core/clock.hpp"

#include <chrono>

namespace rung {

Millis system_now() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace rung
