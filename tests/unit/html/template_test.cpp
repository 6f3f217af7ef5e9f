#include "rung/html/template.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace rung::html {
namespace {

using Sources = std::vector<std::pair<std::string_view, std::string_view>>;

std::string render(std::string_view source, const Json& data, const Fragments& fragments = {}) {
  auto templates = Templates::compile(Sources{{"t", source}});
  if (!templates) {
    ADD_FAILURE() << templates.error().front().to_string();
    return "";
  }
  return templates->render("t", data, fragments);
}

std::string compile_error(Sources sources) {
  auto templates = Templates::compile(sources);
  if (templates) {
    ADD_FAILURE() << "expected a compile error";
    return "";
  }
  return templates.error().front().to_string();
}

TEST(Escape, ReplacesEveryCharacterThatEndsTextOrAnAttribute) {
  EXPECT_EQ(escape_html("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  EXPECT_EQ(escape_html("a & b \"c\""), "a &amp; b &quot;c&quot;");
  EXPECT_EQ(escape_html("ünïcödé — “quotes”"), "ünïcödé — “quotes”");
}

TEST(Template, EscapesValuesInTextAndInQuotedAttributes) {
  const Json data{{"text", "</p><script>x()</script>"}, {"title", "\" onmouseover=\"x()"}};
  EXPECT_EQ(
      render("<p title=\"{{title}}\">{{text}}</p>", data),
      "<p title=\"&quot; onmouseover=&quot;x()\">&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</p>");
}

TEST(Template, RefusesValuesInUnquotedOrSingleQuotedAttributes) {
  EXPECT_EQ(compile_error({{"t", "<a href={{url}}>x</a>"}}),
            "t:1:9: error[template.syntax]: a value inside an HTML tag must be within a "
            "double-quoted attribute");
  EXPECT_NE(compile_error({{"t", "<a\n title='{{x}}'>"}}).find("t:2:9:"), std::string::npos);
}

TEST(Template, RawOutputComesOnlyFromFragmentsNeverFromData) {
  const Json data{{"content", "<b>from data</b>"}};
  EXPECT_EQ(render("<main>{{{content}}}</main>", data, {{"content", "<p>page</p>"}}),
            "<main><p>page</p></main>");
  auto templates = Templates::compile(Sources{{"t", "{{{content}}}"}});
  ASSERT_TRUE(templates);
  EXPECT_THROW(templates->render("t", data), std::logic_error);
  EXPECT_NE(compile_error({{"t", "{{&content}}"}}).find("'{{&' is not supported"),
            std::string::npos);
}

TEST(Template, SectionsIterateArraysEnterObjectsAndTestTruth) {
  const Json data{{"items", {{{"name", "a"}}, {{"name", "b"}}}},
                  {"track", {{"name", "SWE"}}},
                  {"flag", true},
                  {"empty", Json::array()},
                  {"zero", 0},
                  {"blank", ""}};
  EXPECT_EQ(render("{{#items}}[{{name}}]{{/items}}", data), "[a][b]");
  EXPECT_EQ(render("{{#track}}{{name}}{{/track}} {{track.name}}", data), "SWE SWE");
  EXPECT_EQ(render("{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}", data), "yes");
  EXPECT_EQ(render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", data), "none");
  EXPECT_EQ(render("{{^zero}}0{{/zero}}{{^blank}}b{{/blank}}{{^missing}}m{{/missing}}", data),
            "0bm");
}

TEST(Template, NamesResolveOutwardsThroughEnclosingSections) {
  const Json data{{"site", "Rung"}, {"levels", {{{"title", "L1"}}, {{"title", "L2"}}}}};
  EXPECT_EQ(render("{{#levels}}{{title}}@{{site}} {{/levels}}", data), "L1@Rung L2@Rung ");
  EXPECT_EQ(render("{{#levels}}{{.}}{{/levels}}", Json{{"levels", {"a", "<b>"}}}), "a&lt;b&gt;");
}

TEST(Template, NumbersAndBooleansPrintAndMissingNamesPrintNothing) {
  EXPECT_EQ(render("{{n}} {{f}} {{b}} [{{missing}}] [{{null}}]",
                   Json{{"n", 3}, {"f", 0.5}, {"b", false}, {"null", nullptr}}),
            "3 0.5 false [] []");
}

TEST(Template, AnObjectWhereTextBelongsIsAProgrammerError) {
  auto templates = Templates::compile(Sources{{"t", "{{track}}"}});
  ASSERT_TRUE(templates);
  EXPECT_THROW(templates->render("t", Json{{"track", {{"id", "x"}}}}), std::logic_error);
  EXPECT_THROW(templates->render("nope", Json::object()), std::logic_error);
}

TEST(Template, PartialsRenderInTheCurrentContext) {
  auto templates = Templates::compile(
      Sources{{"page", "<ul>{{#items}}{{>item}}{{/items}}</ul>"}, {"item", "<li>{{name}}</li>"}});
  ASSERT_TRUE(templates);
  EXPECT_EQ(templates->render("page", Json{{"items", {{{"name", "x&y"}}}}}),
            "<ul><li>x&amp;y</li></ul>");
}

TEST(Template, StandaloneTagLinesLeaveNoBlankLines) {
  EXPECT_EQ(render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n",
                   Json{{"items", {"a", "b"}}}),
            "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
  EXPECT_EQ(render("a\n{{! a comment }}\nb", Json::object()), "a\nb");
  EXPECT_EQ(render("x {{#f}}y{{/f}} z\n", Json{{"f", true}}), "x y z\n");
}

TEST(Template, CompileErrorsNameTheTemplateLineAndColumn) {
  EXPECT_EQ(compile_error({{"page", "a\n  {{#items}}\nb"}}),
            "page:2:3: error[template.syntax]: section 'items' is never closed");
  EXPECT_EQ(compile_error({{"page", "{{#a}}{{/b}}"}}),
            "page:1:7: error[template.syntax]: '{{/b}}' closes section 'a'");
  EXPECT_EQ(compile_error({{"page", "{{/b}}"}}),
            "page:1:1: error[template.syntax]: '{{/b}}' closes no section");
  EXPECT_EQ(compile_error({{"page", "x {{name"}}),
            "page:1:3: error[template.syntax]: tag is not closed with '}}'");
  EXPECT_EQ(compile_error({{"page", "{{>missing}}"}}),
            "page:1:1: error[template.syntax]: no template 'missing' for this partial");
  EXPECT_EQ(compile_error({{"page", "{{ }}"}}),
            "page:1:1: error[template.syntax]: tag has no name");
}

}  // namespace
}  // namespace rung::html
