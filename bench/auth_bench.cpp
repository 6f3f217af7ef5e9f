// How many sign-ins per second this machine can check: Argon2id at libsodium's interactive
// limits (64 MiB and 2 passes per check) is the whole cost of a sign-in, by design.
//   BM_Auth_VerifyPassword/threads:N   one crypto_pwhash_str_verify per iteration, N threads
//   BM_Auth_SignIn/threads:N           Sessions::sign_in on an in-memory store: the check plus
//                                      the session write and its audit entry
// Read items_per_second (all threads together) in the console output, or 1000 / real time in
// ms for one thread. Argon2id's memory comes from malloc (libsodium), so the peak-heap column
// does not show it: each check in flight holds 64 MiB.
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include "rung/auth/password.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/store/memory/store.hpp"

namespace {

constexpr std::string_view k_login = "ada@example.com";
constexpr std::string_view k_password = "correct horse battery staple";

const std::string& stored_hash() {
  static const std::string hash = rung::auth::hash_password(k_password).value();
  return hash;
}

// One store and one Sessions shared by every thread, as in `rung serve`.
struct Server {
  Server() : store(rung::store::memory::make_store()), sessions(*store) {
    rung::store::Account account;
    account.login = std::string(k_login);
    account.password_hash = stored_hash();
    auto written = store->write([&](rung::store::Writer& writer) -> rung::Result<void> {
      RUNG_TRY(writer.insert_account(account));
      return {};
    });
    if (!written) {
      std::abort();
    }
  }
  std::unique_ptr<rung::store::Store> store;
  rung::auth::Sessions sessions;
};

Server& server() {
  static Server instance;
  return instance;
}

void BM_Auth_VerifyPassword(benchmark::State& state) {
  const std::string& hash = stored_hash();
  for (auto _ : state) {
    bool ok = rung::auth::verify_password(hash, k_password);
    if (!ok) {
      state.SkipWithError("the password did not verify");
    }
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Auth_VerifyPassword)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Threads(1)
    ->Threads(2);

void BM_Auth_SignIn(benchmark::State& state) {
  Server& shared = server();
  const std::string address = "192.0.2." + std::to_string(state.thread_index());
  for (auto _ : state) {
    auto signed_in = shared.sessions.sign_in(k_login, k_password, address);
    if (!signed_in) {
      state.SkipWithError(signed_in.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(signed_in);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Auth_SignIn)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

}  // namespace
