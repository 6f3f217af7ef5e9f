#pragma once

#include <string>
#include <string_view>

#include "rung/core/error.hpp"

// Passwords: how they are stored (libsodium's Argon2id string, which carries its own salt and
// cost), how they are checked, and which new passwords are accepted. Nothing here logs or
// returns a password in an error message. Every function is safe to call from any thread.
namespace rung::auth {

// How much work a new hash costs. `interactive` is libsodium's recommendation for online use
// (OPSLIMIT_INTERACTIVE, MEMLIMIT_INTERACTIVE: about 64 MiB and a tenth of a second) and is what
// rung stores. `test_minimum` is the cheapest Argon2id libsodium allows, for unit tests only.
enum class HashCost { interactive, test_minimum };

// The Argon2id string of `password` (random salt). Error "auth.hash" when libsodium cannot
// get the memory it needs.
Result<std::string> hash_password(std::string_view password, HashCost cost = HashCost::interactive);

// True when `password` matches `hash` (a string from hash_password). False for a wrong
// password and for a hash that is not an Argon2 string. Takes as long as hashing did.
bool verify_password(std::string_view hash, std::string_view password);

// The longest and shortest password accepted (bytes; characters).
inline constexpr std::size_t k_max_password_bytes = 1024;
inline constexpr std::size_t k_min_password_chars = 12;

// Whether `password` may become the password of `login`: valid UTF-8, at least 12 characters
// (code points), at most 1024 bytes, and not the login itself (ignoring case and surrounding
// white space). Errors (never quoting the password): "auth.password-invalid-utf8",
// "auth.password-too-short", "auth.password-too-long", "auth.password-is-login".
Result<void> check_new_password(std::string_view password, std::string_view login);

// A random password for a new account or a reset, to be read aloud or typed from a screen:
// four groups of four letters and digits without look-alikes (no 0/o, 1/l/i), separated by
// '-' ("k7mq-3xhv-pa9d-wr2f"; about 79 bits). It passes check_new_password.
std::string one_time_password();

}  // namespace rung::auth
