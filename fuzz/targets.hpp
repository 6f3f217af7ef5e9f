#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

// The fuzz targets: one function per parser, each taking any bytes. A target returns normally
// for every input, rejected or not; it aborts (FUZZ_CHECK) when a property it checks fails, and
// the sanitizers abort on memory errors and undefined behaviour. fuzz/entry.cpp makes each one a
// libFuzzer binary (`make fuzz`); fuzz/replay.cpp runs them all over the committed corpora and
// their mutations in `make test`.
namespace rung::fuzz {

using TargetFn = void (*)(const std::uint8_t* data, std::size_t size);

struct Target {
  std::string_view name;  // also the folder of its corpus (fuzz/corpus/NAME) and its dictionary
  TargetFn run;
};

std::span<const Target> targets();

// The input as text (parsers take string_view).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with a message on stderr when `condition` is false; the fuzzer keeps the input.
void check(bool condition, std::string_view what);

void ladder_yaml(const std::uint8_t* data, std::size_t size);
void import_text(const std::uint8_t* data, std::size_t size);
void import_layouts(const std::uint8_t* data, std::size_t size);
void hris_csv(const std::uint8_t* data, std::size_t size);
void ratings_text(const std::uint8_t* data, std::size_t size);
void http_decoding(const std::uint8_t* data, std::size_t size);
void http_request(const std::uint8_t* data, std::size_t size);
void template_values(const std::uint8_t* data, std::size_t size);

}  // namespace rung::fuzz
