#pragma once

#include <string_view>

#include "rung/html/views.hpp"

// View models of the pages over compare/, search/ and lint/. Each takes the JSON those
// subsystems print for `rung compare|search|lint --format json` (the API's answer too) and
// adds what the page needs: URLs, the compare form's choices, text cut into marked pieces.
namespace rung::html {

// The compare page. `comparison` is compare::render_json's value, or null for the bare form;
// `a` and `b` preselect the form's choices. `error` (may be empty) is shown above the form.
Json compare_view(const model::Ladder& ladder, const Links& links, const Json& comparison,
                  std::string_view a, std::string_view b, std::string_view error = {});

// The search page. `result` is search::render_json's value, or null when nothing was asked.
Json search_view(const model::Ladder& ladder, const Links& links, const Json& result,
                 std::string_view query, std::string_view error = {});

// The lint page. `report` is lint::to_json's value.
Json lint_view(const model::Ladder& ladder, const Links& links, const Json& report);

}  // namespace rung::html
