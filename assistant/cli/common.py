"""What every command group shares: the ``--db`` and ``--household`` options and opening the
database (imported only when a command runs, so ``--help`` stays fast)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from assistant.shop.reads import HouseholdRef
    from assistant.store.lite import Reader
    from assistant.store.models import Household

Subparsers: TypeAlias = "argparse._SubParsersAction[Any]"
"""What ``add_subparsers`` returns: each command group's ``add_parsers`` adds to it."""


def group(
    sub: Subparsers,
    name: str,
    help: str,
    *,
    dest: str = "action",
    handler: Callable[[argparse.Namespace], int] | None = None,
) -> Subparsers:
    """Add the command group ``name ACTION ...``; returns where its actions are added.
    ``handler``: the one handler of every action (each reads ``args.<dest>``)."""
    parser = sub.add_parser(name, help=help)
    if handler is not None:
        parser.set_defaults(handler=handler)
    actions: Subparsers = parser.add_subparsers(dest=dest, required=True, metavar="ACTION")
    return actions


def with_json(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add ``--json`` (print JSON instead of a table) to ``p``."""
    p.add_argument("--json", action="store_true")
    return p


def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add ``--db`` to ``p``."""
    p.add_argument("--db", metavar="URL", help="database URL or SQLite file (env JANGBOGI_DB)")
    return p


def with_household(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add ``--db`` and ``--household`` to ``p``."""
    with_db(p).add_argument("--household", metavar="NAME", help="default: the first one")
    return p


def engine(args: argparse.Namespace, *, create: bool = False) -> Engine:
    """The database of ``--db``; ``create``: make or upgrade its schema first."""
    from assistant.config import resolve_db_url
    from assistant.store import db

    url = resolve_db_url(args.db)
    if create:
        made = db.make_engine(url, create=True)
        db.refuse_newer_schema(made)  # an upgrade could only fail on it, or worse
        db.upgrade(made)
        return made
    return db.open_engine(url)


@contextmanager
def session(args: argparse.Namespace) -> Iterator[Session]:
    """One transaction on the database of ``--db`` (committed unless the block raises)."""
    from assistant.store import db

    with db.transaction(db.session_factory(engine(args))) as s:
        yield s


def household(s: Session, args: argparse.Namespace) -> Household:
    """The household of ``--household`` (default: the first one)."""
    from assistant.shop import accounts

    return accounts.find_household(s, getattr(args, "household", None))


@contextmanager
def reader(args: argparse.Namespace) -> Iterator[Reader]:
    """The database of ``--db``, read-only and without SQLAlchemy (:mod:`assistant.store.lite`),
    for the commands that only read: refused as :func:`engine` refuses it."""
    from assistant.config import resolve_db_url
    from assistant.store.lite import open_reader

    with open_reader(resolve_db_url(args.db)) as r:
        yield r


def household_ref(r: Reader, args: argparse.Namespace) -> HouseholdRef:
    """The household of ``--household`` (default: the first one), read through ``r``."""
    from assistant.shop.reads import find_household

    return find_household(r, getattr(args, "household", None))
