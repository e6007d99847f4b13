"""``jangbogi member password NAME [--clear]``: a member's password for the household's web
page (:mod:`assistant.shop.signin`). The password is read from the terminal without echo
(twice) or as one line of stdin, never from the command line, and never printed."""

from __future__ import annotations

import argparse
import sys

from assistant.cli.common import Subparsers, with_db
from assistant.cli.output import say, shown
from assistant.locales.messages import Msg


def add_parser(m_sub: Subparsers) -> None:
    """Add ``member password`` to the ``member`` group."""
    p = with_db(m_sub.add_parser(
        "password",
        help="set the member's password for the web page (read from the terminal or stdin, "
        "never from the command line), or --clear it",
    ))  # fmt: skip
    p.add_argument("name")
    p.add_argument(
        "--household", metavar="NAME", help="default: the member of that name in any household"
    )
    p.add_argument(
        "--clear", action="store_true", help="remove it: the member can no longer sign in"
    )
    p.add_argument("typed", nargs="*", help=argparse.SUPPRESS)  # refused, never echoed
    p.set_defaults(handler=cmd_member_password)


def _read_password() -> str:
    """The new password from the terminal (asked twice, not echoed) or the first line of
    stdin (without its line ending; spaces are part of a password)."""
    from assistant.errors import AccountError, ErrorCode

    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("new password (8 to 200 characters): ")
        if getpass.getpass("again: ") != first:
            raise AccountError(ErrorCode.PASSWORDS_DIFFER)
        return first
    return sys.stdin.readline().removesuffix("\n").removesuffix("\r")


def cmd_member_password(args: argparse.Namespace) -> int:
    """Set (or ``--clear``) a member's web password."""
    from assistant.cli.common import engine
    from assistant.errors import AccountError, ErrorCode
    from assistant.shop import signin
    from assistant.store import db

    if args.typed:
        raise AccountError(ErrorCode.PASSWORD_ON_COMMAND_LINE)
    password = "" if args.clear else signin.check_password(_read_password())
    factory = db.session_factory(engine(args))  # after the password: refused before opening
    who = shown(args.name)
    if args.clear:
        signin.clear_password(factory, args.name, household=args.household)
        print(say()(Msg.CLI_PASSWORD_REMOVED, name=who))
    else:
        signin.set_password(factory, args.name, password, household=args.household)
        print(say()(Msg.CLI_PASSWORD_SET, name=who))
    return 0
