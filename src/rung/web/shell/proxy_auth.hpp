#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rung/web/http/cidr.hpp"
#include "rung/web/http/http.hpp"

// Sign-in behind an authenticating proxy (oauth2-proxy, Authelia, Pomerium, nginx
// auth_request): `rung serve --auth-header NAME --trusted-proxy CIDR[,CIDR]` (docs/auth.md). The
// proxy signs the person in and passes their email in a header; Rung believes that header only
// from a TCP peer inside a trusted block (never X-Forwarded-For, which anyone can send). This
// file reads the header of one request; App::route turns an email into a session
// (auth::Sessions::sign_in_vouched) and logs every ignored header, never its value.
namespace rung::web {

// (--no-password-sign-in is auth::SessionOptions::password_sign_in.)
struct ProxyAuthOptions {
  std::string header;         // --auth-header: the email header's name; empty: off
  std::vector<Cidr> trusted;  // --trusted-proxy: the peers whose header counts (required)
};

enum class ProxyHeader {
  absent,   // no such header (nor a look-alike): nothing to do
  ignored,  // there, but not believed: `reason` says why (for the log)
  present,  // one header from a trusted peer: `email` (trimmed)
};

struct ProxyIdentity {
  ProxyHeader state = ProxyHeader::absent;
  std::string email;   // when present
  std::string reason;  // when ignored: "from 203.0.113.9, not a trusted proxy", ...
};

// The identity `request` carries under `options` (`options.header` non-empty). Ignored: a peer
// outside every trusted block (the TCP peer in request.remote, "ADDRESS:PORT"), the header
// given more than once, a look-alike name beside or instead of it (the same name but for '_'
// and '-', "X_Forwarded_Email" for "X-Forwarded-Email": some servers fold them together), and
// an empty value.
ProxyIdentity proxy_identity(const Request& request, const ProxyAuthOptions& options);

}  // namespace rung::web
