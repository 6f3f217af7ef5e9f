// One libFuzzer binary per target (`make fuzz`): RUNG_FUZZ_TARGET names the function.
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  rung::fuzz::RUNG_FUZZ_TARGET(data, size);
  return 0;
}
