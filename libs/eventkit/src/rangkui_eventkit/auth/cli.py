"""`rangkui-token`: mint a development token for local runs (trusted only by services in
development mode).

    rangkui-token --role bkd_operator --sub operator1
    rangkui-token --role employee --nip 198503152010011001
    rangkui-token --role evaluator --unit SMAN-1-RANGKUI --nip 197001012000031002
    curl -H "Authorization: Bearer $(rangkui-token --role ppk)" localhost:8102/pipeline
"""

from __future__ import annotations

import argparse
import json
import sys

from rangkui_eventkit.auth.dev import mint_token
from rangkui_eventkit.auth.principal import Role


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rangkui-token", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--role",
        action="append",
        default=[],
        choices=[r.value for r in Role] + ["all"],
        help="a role of the caller (repeatable; 'all' for every role)",
    )
    parser.add_argument("--sub", default="dev-user", help="the subject (user id)")
    parser.add_argument("--nip", help="the caller's NIP (employees, officials)")
    parser.add_argument("--unit", action="append", default=[], help="a unit the caller heads")
    parser.add_argument("--username", help="preferred_username claim")
    parser.add_argument("--client-id", help="client id (integration role)")
    parser.add_argument("--ttl", type=int, default=3600, help="seconds until it expires")
    parser.add_argument("--claims", action="store_true", help="print the claims, not the token")
    args = parser.parse_args(argv)
    roles = [r.value for r in Role] if "all" in args.role else args.role
    if not roles:
        parser.error("give at least one --role")
    token = mint_token(
        roles=roles,
        subject=args.sub,
        nip=args.nip,
        units=args.unit,
        username=args.username,
        client_id=args.client_id,
        expires_in_s=args.ttl,
    )
    if args.claims:
        import jwt

        print(json.dumps(jwt.decode(token, options={"verify_signature": False}), indent=2))
    else:
        print(token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
