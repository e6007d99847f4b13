"""The web door's settings (built once in the CLI) and its secret key in the data directory."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ConfigError

SECRET_FILE = "web-secret-key"
"""The file in the data directory that holds the key signing the session cookies."""
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class WebSettings:
    """How the web door runs."""

    secret_key: str
    """Signs the session cookies (kept in the data directory, mode 0600)."""
    session_max_age_s: int = 7 * 24 * 3600
    """How long a session cookie lasts."""
    https_only: bool = False
    """Send the session cookie over HTTPS only (behind a TLS proxy)."""
    cookie_name: str = "jangbogi_session"
    """The session cookie's name."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def load_secret(data_dir: Path) -> str:
    """The secret key in ``data_dir``, made (random, mode 0600) the first time."""
    path = data_dir / SECRET_FILE
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return _read(path)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
        return _read(path)
    except OSError as exc:
        raise ConfigError(f"cannot keep the web secret key in {path}: {exc.strerror}") from exc


def _read(path: Path) -> str:
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise ConfigError(f"{path} holds no usable key; delete it to make a new one")
    return key
