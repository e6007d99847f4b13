"""Where things live: the database URL and the bundled data files."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from assistant.errors import ConfigError

ENV_DB = "JANGBOGI_DB"
ENV_CATALOG = "JANGBOGI_CATALOG"
APP_NAME = "jangbogi"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The source checkout (tests and benchmarks only: the package never reads from it)."""


def bundled(*parts: str) -> Path:
    """A data file or folder shipped inside the installed package (``grammars/``, ``catalog/``,
    ``devices/``, ``locales/``), found through :mod:`importlib.resources` so that a wheel
    installed outside the source tree finds it too."""
    return Path(str(files("assistant").joinpath(*parts)))


def default_data_dir() -> Path:
    """The user's data directory (XDG: ``~/.local/share/jangbogi`` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    """A SQLite file in the user's data directory."""
    return f"sqlite:///{default_data_dir() / 'jangbogi.db'}"


def resolve_db_url(cli_value: str | None, environ: dict[str, str] | None = None) -> str:
    """``--db`` wins, then ``JANGBOGI_DB``, then the default SQLite file.

    A bare file path is accepted as a SQLite database.
    """
    env = os.environ if environ is None else environ
    value = cli_value or env.get(ENV_DB) or default_db_url()
    value = value.strip()
    if not value:
        raise ConfigError("empty database URL")
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def bundled_catalog_path(environ: dict[str, str] | None = None) -> Path:
    """The catalog shipped with the package (``assistant/catalog/products.csv``)."""
    env = os.environ if environ is None else environ
    path = Path(env.get(ENV_CATALOG) or bundled("catalog", "products.csv"))
    if not path.is_file():
        raise ConfigError(f"bundled catalog not found at {path}")
    return path
