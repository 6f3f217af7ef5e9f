#pragma once

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

#include "rung/web/http/http.hpp"

namespace rung::web {

// `remote "METHOD /path?query" status bytes route 1.234ms`, with secrets in the query redacted
// and control characters never reaching the log (the target is already checked, but a refused
// one is logged too).
std::string access_log_line(const Request& request, const Response& response, double seconds);

// Lines collected in memory and written in batches, so that logging costs no system call per
// request. Thread-safe.
class AccessLog {
 public:
  explicit AccessLog(std::ostream& out, std::size_t flush_bytes = 64 * 1024)
      : m_out(out), m_flush_bytes(flush_bytes) {}
  ~AccessLog() { flush(); }

  void write(std::string_view line);
  void flush();

 private:
  std::ostream& m_out;
  std::size_t m_flush_bytes;
  std::mutex m_mutex;
  std::string m_buffer;
};

}  // namespace rung::web
