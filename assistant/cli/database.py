"""``jangbogi db upgrade`` and ``jangbogi demo init``: make the database ready to use."""

from __future__ import annotations

import argparse

from assistant.cli.common import Subparsers, engine, group, with_db
from assistant.cli.output import say
from assistant.locales.messages import Msg


def add_parsers(sub: Subparsers) -> None:
    """Add ``demo init`` and ``db upgrade``."""
    demo_sub = group(sub, "demo", help="demo household")
    init = demo_sub.add_parser("init", help="create the demo household and import the catalog")
    with_db(init).set_defaults(handler=cmd_demo_init)

    db_sub = group(sub, "db", help="database schema")
    upgrade = db_sub.add_parser("upgrade", help="create or upgrade the schema")
    with_db(upgrade).set_defaults(handler=cmd_db_upgrade)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    """Create the schema, or bring it up to this program's revision."""
    from assistant.store import db

    made = engine(args, create=True)
    print(say()(Msg.CLI_SCHEMA_AT, revision=db.current_revision(made),
                url=made.url.render_as_string()))  # fmt: skip
    return 0


def cmd_demo_init(args: argparse.Namespace) -> int:
    """The schema, the bundled catalog and the demo household. Safe to run again (``make
    run`` does, each time): it only adds what is missing; the products already there keep
    their live stock and prices (``catalog import`` is the way to update them)."""
    from assistant.config import bundled_catalog_path
    from assistant.shop.catalog import import_file
    from assistant.shop.household import DEMO_HOUSEHOLD, DEMO_MEMBER, ensure_demo_household
    from assistant.store import db
    from assistant.store.models import utcnow

    path = bundled_catalog_path()
    made = engine(args, create=True)
    with db.transaction(db.session_factory(made)) as session:
        summary = import_file(session, path, add_only=True)
        _household, created = ensure_demo_household(session, utcnow())
    print(say()(
        Msg.CLI_DEMO_READY, household=DEMO_HOUSEHOLD, member=DEMO_MEMBER, created=created,
        counted=created or bool(summary.added), added=summary.added, unchanged=summary.unchanged,
    ))  # fmt: skip
    return 0
