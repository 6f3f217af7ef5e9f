#include "rung/auth/password.hpp"

#include <algorithm>
#include <semaphore>
#include <thread>

#include <sodium.h>

#include "rung/auth/sodium_init.hpp"
#include "rung/core/text.hpp"

namespace rung::auth {

namespace {

// Letters and digits that cannot be mistaken for one another when read from a screen.
constexpr std::string_view k_readable = "abcdefghjkmnpqrstuvwxyz23456789";

std::size_t count_code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

// Argon2id takes 64 MiB per hash and a core's worth of time. Requests that sign in run on
// rung serve's blocking pool (32 threads), so without a bound a burst of sign-ins could take
// 2 GiB at once; more at once than there are cores would not finish sooner anyway.
class HashTurn {
 public:
  HashTurn() { slots().acquire(); }
  ~HashTurn() { slots().release(); }
  HashTurn(const HashTurn&) = delete;
  HashTurn& operator=(const HashTurn&) = delete;

 private:
  static std::counting_semaphore<>& slots() {
    static std::counting_semaphore<> s(
        std::max<std::ptrdiff_t>(2, std::thread::hardware_concurrency()));
    return s;
  }
};

}  // namespace

Result<std::string> hash_password(std::string_view password, HashCost cost) {
  ensure_sodium();
  const bool cheap = cost == HashCost::test_minimum;
  const auto ops = cheap ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const auto mem = cheap ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  std::string out(crypto_pwhash_STRBYTES, '\0');
  const HashTurn turn;
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), ops, mem) != 0) {
    return fail(ErrorKind::internal, "auth.hash",
                "could not hash a password: not enough memory for Argon2id", {},
                "free some memory and try again");
  }
  out.resize(out.find('\0'));
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES ||
      hash.find('\0') != std::string_view::npos) {
    return false;
  }
  // libsodium reads the hash as a C string.
  const std::string terminated(hash);
  const HashTurn turn;
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

Result<void> check_new_password(std::string_view password, std::string_view login) {
  if (find_invalid_utf8(password)) {
    return fail("auth.password-invalid-utf8", "the password is not valid UTF-8 text");
  }
  if (password.size() > k_max_password_bytes) {
    return fail("auth.password-too-long",
                "the password is longer than 1024 bytes; choose a shorter one");
  }
  if (count_code_points(password) < k_min_password_chars) {
    return fail("auth.password-too-short", "the password must have at least 12 characters", {},
                "a few unrelated words make a long password that is easy to remember");
  }
  if (ascii_lower(trim(password)) == ascii_lower(trim(login))) {
    return fail("auth.password-is-login", "the password must not be the login");
  }
  return {};
}

std::string one_time_password() {
  ensure_sodium();
  std::string out;
  for (int group = 0; group < 4; ++group) {
    if (group > 0) {
      out += '-';
    }
    for (int i = 0; i < 4; ++i) {
      out += k_readable[randombytes_uniform(static_cast<std::uint32_t>(k_readable.size()))];
    }
  }
  return out;
}

}  // namespace rung::auth
