#!/usr/bin/python3
"""A small OpenID Connect identity provider for Rung's tests (Debian's python3-jwcrypto).

Run it with Debian's /usr/bin/python3 (python3-jwcrypto is a Debian package):

    /usr/bin/python3 tests/support/oidc_provider.py --port-file PATH --secret-file PATH
        [--client-id rung] [--user ada@example.com]

It listens on 127.0.0.1 (a free port, written to --port-file once it listens) and serves:
  /.well-known/openid-configuration  discovery; the issuer is http://127.0.0.1:PORT
  /jwks                              the published keys (RS256)
  /authorize                         approves --user at once (a redirect back with a code), or
                                     without --user shows a tiny form asking for an email
  /token                             the code (once, with its PKCE verifier and redirect_uri,
                                     client_secret_basic or client_secret_post) for an ID token
  /control?mode=M[&user=EMAIL]       how to misbehave from now on (M below); answers "ok"
  /stats                             {"jwks_fetches": N, "token_calls": N} as JSON
Modes: normal, forged (signed by a key it does not publish, under the published kid),
wrong-audience, expired, wrong-nonce, unknown-kid (signed by a key published nowhere, under
a new kid), rotated (a new key, published beside the old, signs from now on), alg-none
(an unsigned token), unverified (email_verified false).
"""
import argparse
import base64
import hashlib
import html
import json
import secrets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from jwcrypto import jwk, jwt


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Provider:
    def __init__(self, client_id, secret, user):
        self.client_id = client_id
        self.secret = secret
        self.user = user
        self.mode = "normal"
        self.key = jwk.JWK.generate(kty="RSA", size=2048, kid="key-1", alg="RS256", use="sig")
        self.rotated = jwk.JWK.generate(kty="RSA", size=2048, kid="key-2", alg="RS256", use="sig")
        self.forger = jwk.JWK.generate(kty="RSA", size=2048, kid="key-1", alg="RS256", use="sig")
        self.stranger = jwk.JWK.generate(kty="RSA", size=2048, kid="key-9", alg="RS256")
        self.published = [self.key]
        self.codes = {}
        self.jwks_fetches = 0
        self.token_calls = 0
        self.lock = threading.Lock()
        self.issuer = ""

    def jwks(self):
        return {"keys": [json.loads(k.export_public()) for k in self.published]}

    def id_token(self, grant):
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": "sub-" + grant["user"], "aud": self.client_id,
                  "exp": now + 300, "iat": now, "nonce": grant["nonce"], "email": grant["user"],
                  "email_verified": True, "name": grant["user"].split("@")[0].title()}
        key = self.published[-1]
        if self.mode == "wrong-audience":
            claims["aud"] = "another-app"
        elif self.mode == "expired":
            claims["exp"] = now - 600
            claims["iat"] = now - 900
        elif self.mode == "wrong-nonce":
            claims["nonce"] = "n-" + secrets.token_urlsafe(16)
        elif self.mode == "unverified":
            claims["email_verified"] = False
        elif self.mode == "forged":
            key = self.forger
        elif self.mode == "unknown-kid":
            key = self.stranger
        if self.mode == "alg-none":
            header = b64url(json.dumps({"alg": "none", "kid": "key-1"}).encode())
            return header + "." + b64url(json.dumps(claims).encode()) + "."
        token = jwt.JWT(header={"alg": "RS256", "kid": key.key_id}, claims=claims)
        token.make_signed_token(key)
        return token.serialize()


class Handler(BaseHTTPRequestHandler):
    provider = None

    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type="application/json", headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        p = self.provider
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/.well-known/openid-configuration":
            base = p.issuer
            return self.reply(200, json.dumps({
                "issuer": base, "authorization_endpoint": base + "/authorize",
                "token_endpoint": base + "/token", "jwks_uri": base + "/jwks",
                "response_types_supported": ["code"], "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                          "client_secret_post"]}))
        if url.path == "/jwks":
            with p.lock:
                p.jwks_fetches += 1
            return self.reply(200, json.dumps(p.jwks()))
        if url.path == "/authorize":
            return self.authorize(query)
        if url.path == "/control":
            with p.lock:
                p.mode = query.get("mode", p.mode)
                p.user = query.get("user", p.user)
                if p.mode == "rotated" and p.rotated not in p.published:
                    p.published.append(p.rotated)
            return self.reply(200, "ok\n", "text/plain")
        if url.path == "/stats":
            return self.reply(200, json.dumps({"jwks_fetches": p.jwks_fetches,
                                               "token_calls": p.token_calls}))
        return self.reply(404, '{"error": "not_found"}')

    def authorize(self, query):
        p = self.provider
        if query.get("client_id") != p.client_id or query.get("response_type") != "code":
            return self.reply(400, "unknown client or response type\n", "text/plain")
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return self.reply(400, "PKCE S256 is required\n", "text/plain")
        user = query.get("email") or p.user
        if not user:
            fields = "".join('<input type="hidden" name="%s" value="%s">' % (
                html.escape(k), html.escape(v)) for k, v in query.items())
            return self.reply(200, "<!doctype html><title>Test provider</title><form>%s"
                              '<label>Email <input name="email"></label>'
                              '<button>Sign in</button></form>' % fields, "text/html")
        code = secrets.token_urlsafe(24)
        with p.lock:
            p.codes[code] = {"user": user, "nonce": query.get("nonce", ""),
                             "challenge": query["code_challenge"],
                             "redirect_uri": query.get("redirect_uri", "")}
        back = query["redirect_uri"] + "?" + urllib.parse.urlencode(
            {"code": code, "state": query.get("state", ""), "session_state": "s1",
             "iss": p.issuer})
        return self.reply(302, "", "text/plain", [("Location", back)])

    def do_POST(self):
        p = self.provider
        if urllib.parse.urlsplit(self.path).path != "/token":
            return self.reply(404, '{"error": "not_found"}')
        length = int(self.headers.get("Content-Length", "0"))
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        client_id, secret = form.get("client_id"), form.get("client_secret")
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            pair = base64.b64decode(auth[6:]).decode()
            client_id, _, secret = (urllib.parse.unquote_plus(x) for x in pair.partition(":"))
        with p.lock:
            p.token_calls += 1
            grant = p.codes.pop(form.get("code", ""), None)
        if client_id != p.client_id or secret != p.secret:
            return self.reply(401, '{"error": "invalid_client"}')
        if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
            return self.reply(400, '{"error": "invalid_grant"}')
        verifier = form.get("code_verifier", "")
        if b64url(hashlib.sha256(verifier.encode()).digest()) != grant["challenge"]:
            return self.reply(400, '{"error": "invalid_grant", "error_description": "PKCE"}')
        return self.reply(200, json.dumps({"access_token": secrets.token_urlsafe(16),
                                           "token_type": "Bearer", "expires_in": 300,
                                           "id_token": p.id_token(grant)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--secret-file", required=True)
    parser.add_argument("--client-id", default="rung")
    parser.add_argument("--user", default="")
    args = parser.parse_args()
    with open(args.secret_file) as f:
        secret = f.read().strip()
    Handler.provider = Provider(args.client_id, secret, args.user)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    Handler.provider.issuer = "http://127.0.0.1:%d" % port
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(port))
    import os
    os.rename(args.port_file + ".tmp", args.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
