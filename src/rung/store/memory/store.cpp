#include "rung/store/memory/store.hpp"

#include <atomic>
#include <mutex>

#include "rung/store/memory/writer.hpp"
#include "rung/store/store_base.hpp"

namespace rung::store::memory {

namespace {

class MemoryStore final : public StoreBase {
 public:
  Result<void> write(const WriteBody& body) override {
    std::lock_guard write_lock(m_write_mutex);
    State copy = committed_state();
    StateWriter writer(copy);
    RUNG_TRY(body(writer));
    std::lock_guard lock(m_state_mutex);
    m_state = std::move(copy);
    ++m_generation;
    return {};
  }
  Result<void> backup(const std::filesystem::path&) override {
    return fail(ErrorKind::internal, "store.backup", "an in-memory store cannot be backed up");
  }
  std::uint64_t generation() const override { return m_generation; }
  std::string describe() const override { return "memory"; }

 private:
  // Under the state lock, held only for the read itself: a write works on a copy, so a read
  // inside a write body sees the last commit, as with SQLite.
  Result<void> read(const ReadBody& body) override {
    std::lock_guard lock(m_state_mutex);
    StateWriter reader(m_state);
    body(reader);
    return {};
  }

  State committed_state() {
    std::lock_guard lock(m_state_mutex);
    return m_state;
  }

  std::mutex m_write_mutex;  // one write at a time
  std::mutex m_state_mutex;  // guards m_state
  State m_state;
  std::atomic<std::uint64_t> m_generation{0};
};

}  // namespace

std::unique_ptr<Store> make_store() {
  return std::make_unique<MemoryStore>();
}

}  // namespace rung::store::memory
