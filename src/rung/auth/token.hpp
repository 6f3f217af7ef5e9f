#pragma once

#include <string>
#include <string_view>

// Session tokens and the other random secrets of a session (the CSRF token). Safe to call
// from any thread.
namespace rung::auth {

// 32 random bytes as base64url without padding (43 characters): the value of the session
// cookie and of a session's CSRF token.
std::string new_token();

// What the store keeps of a token: BLAKE2b-256 of its bytes as 64 lower-case hex digits. A
// token of 32 random bytes needs no salt or slow hash: it cannot be guessed from its digest.
std::string token_hash(std::string_view token);

// Compares two secrets in time that depends only on their lengths, never on where they first
// differ. Different lengths are unequal; an empty secret equals nothing (a missing cookie or
// form field must never match).
bool equal_secrets(std::string_view a, std::string_view b);

}  // namespace rung::auth
