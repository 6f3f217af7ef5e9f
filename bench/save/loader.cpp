#include "loader.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http_exchange.hpp"

namespace save_bench {

namespace {

using Clock = std::chrono::steady_clock;

struct Connection {
  const Writer* writer = nullptr;
  int fd = -1;
  WriterOutcome outcome;
  std::int64_t next = 0;  // the save in flight, or the next one to send
  std::string out;        // the request being written
  std::size_t sent = 0;
  std::string in;  // bytes of the answer read so far
  bool in_flight = false;
  bool done = false;
  Clock::time_point started;
};

int connect_to(const LoadOptions& options) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(options.port));
  if (inet_pton(AF_INET, options.host.c_str(), &address.sin_addr) != 1) {
    return -1;
  }
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    return -1;
  }
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

class Load {
 public:
  Load(const Plan& plan, const LoadOptions& options)
      : m_plan(plan), m_options(options), m_host(fmt::format("{}:{}", options.host, options.port)) {
    m_samples.reserve(1 << 20);
  }

  RunReport run() {
    m_start = Clock::now();
    m_last_answer = m_start;
    const auto deadline = m_start + m_options.duration;
    open_connections();
    while (step(deadline)) {
    }
    RunReport report;
    report.name = "rung-http";
    report.seconds = std::chrono::duration<double>(m_last_answer - m_start).count();
    report.ok = m_ok;
    report.rejected = m_rejected;
    report.socket_errors = m_socket_errors;
    report.reconnects = m_reconnects;
    report.latency = summarise(m_samples);
    for (auto& c : m_connections) {
      report.writers.push_back(std::move(c.outcome));
    }
    return report;
  }

 private:
  void open_connections() {
    m_connections.resize(m_plan.writers.size());
    for (std::size_t i = 0; i < m_plan.writers.size(); ++i) {
      Connection& c = m_connections[i];
      c.writer = &m_plan.writers[i];
      c.outcome.assessment = c.writer->assessment;
      c.fd = connect_to(m_options);
      if (c.fd < 0) {
        std::cerr << fmt::format("save-bench: cannot connect to {}: {}\n", m_host,
                                 std::strerror(errno));
        ++m_socket_errors;
        c.done = true;
        continue;
      }
      send_next(c);
    }
  }

  void send_next(Connection& c) {
    const Save save = nth_save(m_plan, c.next);
    c.out = save_request(*c.writer, m_host, save, c.outcome.version);
    c.sent = 0;
    c.in_flight = true;
    c.started = Clock::now();
    write_some(c);
  }

  // One poll round; false once every connection is done.
  bool step(Clock::time_point deadline) {
    std::vector<pollfd> fds;
    std::vector<Connection*> owners;
    for (auto& c : m_connections) {
      if (!c.done) {
        const short events = c.sent < c.out.size() ? POLLOUT : POLLIN;
        fds.push_back(pollfd{c.fd, events, 0});
        owners.push_back(&c);
      }
    }
    if (fds.empty()) {
      return false;
    }
    ::poll(fds.data(), fds.size(), 50);
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if ((fds[i].revents & POLLOUT) != 0) {
        write_some(*owners[i]);
      } else if (fds[i].revents != 0) {
        read_some(*owners[i], deadline);
      }
    }
    if (Clock::now() > deadline + m_options.grace) {
      give_up();
    }
    return true;
  }

  void write_some(Connection& c) {
    while (c.sent < c.out.size()) {
      const auto n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
      if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
          broken(c, fmt::format("write: {}", std::strerror(errno)));
        }
        return;
      }
      c.sent += static_cast<std::size_t>(n);
    }
  }

  void read_some(Connection& c, Clock::time_point deadline) {
    char buffer[16384];
    while (!c.done) {
      const auto n = ::recv(c.fd, buffer, sizeof buffer, 0);
      if (n == 0) {
        broken(c, "the server closed the connection");
        return;
      }
      if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
          broken(c, fmt::format("read: {}", std::strerror(errno)));
        }
        return;
      }
      c.in.append(buffer, static_cast<std::size_t>(n));
      auto answer = take_answer(c.in);
      if (!answer) {
        broken(c, answer.error().message);
        return;
      }
      if (*answer) {
        answered(c, **answer, deadline);
      }
    }
  }

  void answered(Connection& c, const HttpAnswer& answer, Clock::time_point deadline) {
    const auto now = Clock::now();
    m_samples.push_back(now - c.started);
    m_last_answer = now;
    c.in_flight = false;
    const Save save = nth_save(m_plan, c.next);
    const auto version = acknowledged_version(answer, save);
    if (!version) {
      // A 200 that does not echo the save may still have stored it.
      c.outcome.unanswered = answer.status == 200 ? 1 : 0;
      reject(c, fmt::format("answer {} {}", answer.status, answer.body));
      return;
    }
    ++m_ok;
    ++c.outcome.acknowledged;
    if (*version != c.outcome.version + 1) {
      ++m_rejected;
      std::cerr << fmt::format("save-bench: assessment {} answered version {} after {}\n",
                               c.writer->assessment, *version, c.outcome.version);
    }
    c.outcome.version = *version;
    c.outcome.last_rating[save.statement] = save.scale;
    ++c.next;
    if (now >= deadline) {
      finish(c);
    } else if (answer.closes) {
      reconnect(c);  // as a browser does when rung serve's --max-requests-per-connection is met
    } else if (c.in.empty()) {
      send_next(c);
    } else {
      broken(c, "bytes after the answer that no request asked for");
    }
  }

  void reconnect(Connection& c) {
    ::close(c.fd);
    ++m_reconnects;
    c.in.clear();
    c.fd = connect_to(m_options);
    if (c.fd < 0) {
      c.in_flight = false;
      broken(c, fmt::format("reconnect: {}", std::strerror(errno)));
      return;
    }
    send_next(c);
  }

  void reject(Connection& c, const std::string& why) {
    ++m_rejected;
    std::cerr << fmt::format("save-bench: assessment {}: {}\n", c.writer->assessment, why);
    finish(c);
  }

  void broken(Connection& c, const std::string& why) {
    ++m_socket_errors;
    if (c.in_flight) {
      c.outcome.unanswered = 1;
    }
    std::cerr << fmt::format("save-bench: assessment {}: {}\n", c.writer->assessment, why);
    finish(c);
  }

  void finish(Connection& c) {
    ::close(c.fd);
    c.fd = -1;
    c.done = true;
  }

  void give_up() {
    for (auto& c : m_connections) {
      if (!c.done) {
        broken(c, "no answer within the grace period");
      }
    }
  }

  const Plan& m_plan;
  LoadOptions m_options;
  std::string m_host;
  std::vector<Connection> m_connections;
  std::vector<std::chrono::nanoseconds> m_samples;
  Clock::time_point m_start;
  Clock::time_point m_last_answer;
  std::int64_t m_ok = 0;
  std::int64_t m_rejected = 0;
  std::int64_t m_socket_errors = 0;
  std::int64_t m_reconnects = 0;
};

}  // namespace

rung::Result<RunReport> run_load(const Plan& plan, const LoadOptions& options) {
  Load load(plan, options);
  RunReport report = load.run();
  if (report.ok == 0 && report.socket_errors == static_cast<std::int64_t>(plan.writers.size())) {
    return rung::fail("bench.load",
                      fmt::format("could not connect to {}:{}", options.host, options.port));
  }
  return report;
}

}  // namespace save_bench
