#include "rung/html/pages.hpp"

#include "rung/html/assets.hpp"

namespace rung::html {

Results<Pages> Pages::load() {
  const auto sources = template_sources();
  RUNG_TRY_ASSIGN(Templates templates, Templates::compile(sources));
  return Pages(std::move(templates));
}

std::string Pages::render(std::string_view page, const Json& view) const {
  return render(page, view, {});
}

std::string Pages::render(std::string_view page, const Json& view, Fragments fragments) const {
  fragments.insert_or_assign("content", m_templates.render(page, view, fragments));
  return m_templates.render("layout", view, fragments);
}

}  // namespace rung::html
