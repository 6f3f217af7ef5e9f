#pragma once

#include <string_view>

// Internal to rung::format: when the writer may leave a text unquoted.
namespace rung::format {

// Where a scalar is written: block context, or inside a flow collection ({...} or [...]),
// where ',', '[', ']', '{' and '}' end a plain scalar.
enum class Context { block, flow };

// True when `text`, written as a plain (unquoted) YAML scalar in `context`, is read back as the
// same text by Rung and by other YAML 1.1 and 1.2 readers (PyYAML, editors): not empty, no
// space at either end, no control characters or line breaks, no leading indicator character,
// no ": " or " #", not a word YAML reads as null or a boolean (null, ~, yes, no, on, off,
// true, false, y, n in any case), nothing that looks like a number or a date. Conservative:
// a text it rejects is merely quoted.
bool is_plain_safe(std::string_view text, Context context);

// True for labels such as "2" or "10" that YAML reads as integers and Rung reads back as the
// same text: digits without a leading zero.
bool is_plain_integer(std::string_view text);

// True for an ISO date "2019-12-17" (four, two and two digits).
bool looks_like_iso_date(std::string_view text);

}  // namespace rung::format
