// Peak heap use per benchmark: global operator new/delete count live bytes, and a
// benchmark::MemoryManager reports the high-water mark of each benchmark's run as
// "max_bytes_used" in the output (next to time). Counts only C++ allocations made through
// operator new (all of Rung's, yaml-cpp's and the standard library's), not malloc from C code.
#include <atomic>
#include <cstdlib>
#include <new>

#include <benchmark/benchmark.h>
#include <malloc.h>

namespace {

std::atomic<long long> g_live{0};
std::atomic<long long> g_peak{0};
std::atomic<long long> g_allocations{0};

void note_allocation(void* p) {
  long long size = static_cast<long long>(malloc_usable_size(p));
  long long live = g_live.fetch_add(size) + size;
  long long peak = g_peak.load();
  while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
  }
  g_allocations.fetch_add(1);
}

class PeakHeap : public benchmark::MemoryManager {
 public:
  void Start() override {
    g_peak.store(g_live.load());
    m_base = g_live.load();
    m_allocations = g_allocations.load();
  }
  void Stop(Result* result) override {
    result->max_bytes_used = g_peak.load() - m_base;
    result->num_allocs = g_allocations.load() - m_allocations;
  }

 private:
  long long m_base = 0;
  long long m_allocations = 0;
};

const bool g_registered = [] {
  static PeakHeap manager;
  benchmark::RegisterMemoryManager(&manager);
  return true;
}();

}  // namespace

void* operator new(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) {
    throw std::bad_alloc();
  }
  note_allocation(p);
  return p;
}

void operator delete(void* p) noexcept {
  if (p != nullptr) {
    g_live.fetch_sub(static_cast<long long>(malloc_usable_size(p)));
    std::free(p);
  }
}

void operator delete(void* p, std::size_t) noexcept {
  operator delete(p);
}
