#include "rung/web/http/access_log.hpp"

#include <fmt/format.h>

#include "rung/web/http/url.hpp"

namespace rung::web {

namespace {

std::string printable(std::string_view text, std::size_t max) {
  std::string out;
  for (char c : text.substr(0, max)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f || c == '"' ? '?' : c;
  }
  if (text.size() > max) {
    out += "...";
  }
  return out;
}

}  // namespace

std::string access_log_line(const Request& request, const Response& response, double seconds) {
  std::string_view target = request.target;
  const std::size_t question = target.find('?');
  std::string shown(target.substr(0, question));
  if (question != std::string_view::npos) {
    shown += '?';
    shown += redact_query(target.substr(question + 1));
  }
  return fmt::format("{} \"{} {}\" {} {} {} {:.3f}ms\n",
                     request.remote.empty() ? "-" : request.remote,
                     printable(request.method_name, 16), printable(shown, 300), response.status,
                     response.payload().size(), response.route, seconds * 1000);
}

void AccessLog::write(std::string_view line) {
  std::lock_guard lock(m_mutex);
  m_buffer += line;
  if (m_buffer.size() >= m_flush_bytes) {
    m_out << m_buffer << std::flush;
    m_buffer.clear();
  }
}

void AccessLog::flush() {
  std::lock_guard lock(m_mutex);
  if (!m_buffer.empty()) {
    m_out << m_buffer << std::flush;
    m_buffer.clear();
  }
}

}  // namespace rung::web
