"""``jangbogi web``: the household's web page (orders, e-receipts, approvals)."""

from __future__ import annotations

import argparse
import logging
import sys

from assistant.cli.common import Subparsers, engine, with_db

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080


def add_parsers(sub: Subparsers) -> None:
    """Add ``web``."""
    web = with_db(sub.add_parser("web", help="the household's web page (orders, approvals)"))
    web.add_argument(
        "--host", default=DEFAULT_HOST,
        help=f"where to listen (default {DEFAULT_HOST}: this machine only)",
    )  # fmt: skip
    web.add_argument("--port", type=int, default=DEFAULT_PORT,
                     help=f"TCP port (default {DEFAULT_PORT})")  # fmt: skip
    web.set_defaults(handler=cmd_web)


def cmd_web(args: argparse.Namespace) -> int:
    """Serve the web page until interrupted (SIGINT or SIGTERM end it cleanly)."""
    import uvicorn

    from assistant.config import default_data_dir
    from assistant.doors.web.app import build_app
    from assistant.doors.web.settings import WebSettings, is_loopback, load_secret
    from assistant.errors import ConfigError
    from assistant.store import db

    if not is_loopback(args.host):  # said first, before anything else is logged
        print(f"jangbogi web: listening on {args.host}: other machines can reach this page; "
              "put it behind HTTPS before it leaves the home network",
              file=sys.stderr, flush=True)  # fmt: skip
    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port {args.port}: not a TCP port (0-65535)")
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(name)s: %(message)s")  # fmt: skip
    factory = db.session_factory(engine(args))
    app = build_app(factory, WebSettings(secret_key=load_secret(default_data_dir())))
    print(f"jangbogi web: http://{_url_host(args.host)}:{args.port}/", file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                access_log=False, server_header=False)  # fmt: skip
    return 0


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
