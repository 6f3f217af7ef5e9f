#include "rung/web/http/form.hpp"

#include <gtest/gtest.h>

#include "rung/web/http/cookies.hpp"

namespace rung::web {
namespace {

TEST(Urlencoded, DecodesNamesAndValues) {
  auto form = parse_urlencoded("login=ada%40example.com&password=a+b%26c&empty=&flag");
  ASSERT_TRUE(form) << form.error().message;
  EXPECT_EQ(form->value("login"), "ada@example.com");
  EXPECT_EQ(form->value("password"), "a b&c");
  EXPECT_EQ(form->get("empty"), "");
  EXPECT_EQ(form->get("flag"), "");
  EXPECT_FALSE(form->get("missing"));
  EXPECT_EQ(form->value("missing"), "");
}

TEST(Urlencoded, RefusesBadEscapesAndInvalidUtf8) {
  auto bad_escape = parse_urlencoded("a=%zz");
  ASSERT_FALSE(bad_escape);
  EXPECT_EQ(bad_escape.error().code, "http.bad-form");
  auto bad_utf8 = parse_urlencoded("name=%ff%fe");
  ASSERT_FALSE(bad_utf8);
  EXPECT_NE(bad_utf8.error().message.find("'name' is not valid UTF-8"), std::string::npos);
}

TEST(Multipart, ReadsTextFieldsAndFilesAsSent) {
  const std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
      "token-1\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"people; 2024.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n"
      "Name,Email\r\nAda,ada@example.com\r\n\r\n"
      "--XyZ--\r\n";
  auto form = parse_multipart(body, "XyZ");
  ASSERT_TRUE(form) << form.error().message;
  EXPECT_EQ(form->value("csrf"), "token-1");
  const FormField* file = form->file("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "people; 2024.csv");
  EXPECT_EQ(file->value, "Name,Email\r\nAda,ada@example.com\r\n");
  EXPECT_FALSE(form->get("file")) << "a file is not a text field";
}

TEST(Multipart, RefusesTruncatedOrMalformedBodies) {
  const std::pair<std::string, std::string> cases[] = {
      {"no closing boundary", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue"},
      {"no end of headers", "--b\r\nContent-Disposition: form-data; name=\"a\""},
      {"unnamed part", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n"},
      {"wrong start", "garbage--b\r\n"},
  };
  for (const auto& [label, body] : cases) {
    auto form = parse_multipart(body, "b");
    EXPECT_FALSE(form) << label;
  }
  EXPECT_FALSE(parse_multipart("--\r\n", ""));
}

TEST(ParseForm, ChoosesTheParserByContentType) {
  Request request;
  request.method = Method::post;
  request.headers.add("Content-Type", "multipart/form-data; boundary=\"q\"");
  request.body = "--q\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--q--\r\n";
  auto multipart = parse_form(request);
  ASSERT_TRUE(multipart) << multipart.error().message;
  EXPECT_EQ(multipart->value("x"), "1");
  Request json;
  json.headers.add("Content-Type", "application/json");
  json.body = "{}";
  auto refused = parse_form(json);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("not 'application/json'"), std::string::npos);
  EXPECT_TRUE(parse_form(Request{}));
}

TEST(Cookies, FindsOneCookieAmongMany) {
  Request request;
  request.headers.add("Cookie", "theme=dark; rung_session=abc-_123;other=1");
  request.headers.add("Cookie", "later=\"quoted\"");
  EXPECT_EQ(cookie(request, "rung_session"), "abc-_123");
  EXPECT_EQ(cookie(request, "other"), "1");
  EXPECT_EQ(cookie(request, "later"), "quoted");
  EXPECT_FALSE(cookie(request, "rung"));
}

TEST(Cookies, AreHttpOnlyAndSameSiteLaxAndSecureWhenAsked) {
  EXPECT_EQ(set_cookie("rung_session", "t", CookieOptions{}),
            "rung_session=t; Path=/; HttpOnly; SameSite=Lax");
  EXPECT_EQ(set_cookie("rung_session", "t", CookieOptions{true, std::chrono::seconds(60)}),
            "rung_session=t; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=60");
  EXPECT_EQ(clear_cookie("rung_session", false),
            "rung_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

}  // namespace
}  // namespace rung::web
