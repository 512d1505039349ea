"""A real SMTP server for Slipway's notification tests, on aiosmtpd (Debian: python3-aiosmtpd).

Listens on 127.0.0.1 on a port the system picks and prints "PORT <n>" once it accepts connections.
Each message received is saved in OUT as NNN.eml (the data as sent) and NNN.json (envelope, TLS,
login), written whole before they appear. Options: --cert/--key offer STARTTLS (and require it);
with --implicit-tls they serve TLS from the first byte instead (SMTPS); SMTP_TEST_USER and SMTP_TEST_PASSWORD in the environment require that login (over TLS only).
"""
import argparse
import asyncio
import json
import os
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Saver:
    def __init__(self, out, implicit_tls):
        self.out = out
        self.implicit_tls = implicit_tls
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.out, "%03d" % self.count)
        meta = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "tls": self.implicit_tls or session.ssl is not None,
            "authenticated": bool(session.authenticated),
        }
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".eml.tmp", base + ".eml")
        with open(base + ".json.tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 Message accepted"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == user and auth_data.password.decode() == password)
        return AuthResult(success=ok, handled=False)
    return check


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--implicit-tls", action="store_true")
    args = parser.parse_args()
    tls = None
    if args.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)
    user = os.environ.get("SMTP_TEST_USER")
    password = os.environ.get("SMTP_TEST_PASSWORD")
    implicit = args.implicit_tls
    handler = Saver(args.out, implicit)

    def factory():
        # SMTPS: the whole session is TLS, so STARTTLS is neither offered nor needed before a login
        return SMTP(handler, hostname="slipway-test-smtp", tls_context=None if implicit else tls,
                    require_starttls=tls is not None and not implicit,
                    authenticator=authenticator(user, password) if user else None,
                    auth_required=bool(user), auth_require_tls=not implicit)

    server = await asyncio.get_running_loop().create_server(factory, host="127.0.0.1", port=0,
                                                            ssl=tls if implicit else None)
    print("PORT", server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
