#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace rung::cli {

// Adds `--color auto|always|never` (default auto) to a subcommand.
void add_color_option(CLI::App& sub, std::string& mode);

// Adds `--format text|json` (default text) to a subcommand.
void add_format_option(CLI::App& sub, std::string& format);

// Whether output written to `out` gets ANSI colours: "always" yes, "never" no, "auto" when
// `out` is the process's standard output, that is a terminal, NO_COLOR is unset (no-color.org)
// and TERM is not "dumb".
bool use_color(std::string_view mode, const std::ostream& out);

}  // namespace rung::cli
