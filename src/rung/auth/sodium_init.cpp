#include "rung/auth/sodium_init.hpp"

#include <stdexcept>

#include <sodium.h>

namespace rung::auth {

void ensure_sodium() {
  // sodium_init is itself thread-safe and returns 1 once initialised; the static only saves
  // the call on every use after the first.
  static const int status = sodium_init();
  if (status < 0) {
    throw std::runtime_error("libsodium could not be initialised");
  }
}

}  // namespace rung::auth
