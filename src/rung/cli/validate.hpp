#pragma once

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/core/error.hpp"

namespace rung::cli {

// `rung validate FILE [--format text|json]`: loads a ladder file and reports every problem.
// Text: "FILE: ok (N tracks, N levels, N statements)" on stdout, or one error per line (plus
// hints) on stderr. JSON: on stdout, a list of {code, message, file, line, column, hint}
// (line, column and hint null when unknown), empty when the file is valid.
// Exit codes: k_exit_ok; k_exit_findings when the file is well-formed YAML of the right shape
// but breaks ladder rules (duplicate ids, unknown references, grades off the scale, ...);
// k_exit_unusable when it cannot be used at all (unreadable, too large, not UTF-8, malformed
// YAML, unknown keys, missing fields, wrong types). setup_validate (commands_list.hpp) declares
// the command's options.

// The exit code for a failed load: k_exit_findings when every error is a ladder rule
// ("ladder.*"), k_exit_unusable otherwise.
int exit_code_for(const Errors& errors);

}  // namespace rung::cli
