"""How the Wyoming door is bounded and who may use it: frozen, built once by the command."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

from assistant.errors import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

LOOPBACK: tuple[str, ...] = ("127.0.0.0/8", "::1/128")
"""Where a server bound to this machine only can be reached from."""
HOME_NETWORKS: tuple[str, ...] = (
    *LOOPBACK, "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fe80::/10", "fc00::/7",
)  # fmt: skip
"""Private and link-local networks: where a household's satellites live."""


@dataclass(frozen=True)
class Limits:
    """What one connection may send before it is cut or closed."""

    max_audio_s: float = 30.0
    """Audio after this many seconds of one stream is not recognised (the stream is cut)."""
    max_event_bytes: int = 1 << 20
    """An event whose data or payload is larger closes its connection (1 MiB: 30 s of audio)."""
    idle_conversation_s: float = 600.0
    """A conversation unused for this long is forgotten (its open question with it)."""
    max_conversations: int = 64
    """At most this many open conversations (each holds a few MB: its shop's product
    matcher); opening one more forgets the one unused the longest."""
    frames_queued_s: float = 30.0
    """A hub keeps at most this much unheard audio per satellite; older frames are dropped."""

    def __post_init__(self) -> None:
        if min(self.max_audio_s, self.idle_conversation_s, self.frames_queued_s,
               self.max_conversations) <= 0:  # fmt: skip
            raise ConfigError("the Wyoming limits must be positive")
        if self.max_event_bytes < 4096:
            raise ConfigError(f"--max-event-bytes must be 4096 or more, not {self.max_event_bytes}")


@dataclass(frozen=True)
class Access:
    """The addresses allowed to talk to the server, or to be a hub's satellites."""

    networks: tuple[Network, ...] = field(default_factory=tuple)
    """Allowed networks; empty allows every address."""

    @staticmethod
    def of(items: Iterable[str]) -> Access:
        """From ``--allow`` values: addresses or networks (``192.168.0.0/24``)."""
        networks = []
        for item in items:
            try:
                networks.append(ipaddress.ip_network(item.strip(), strict=False))
            except ValueError as exc:
                raise ConfigError(f"--allow {item!r} is not an address or network") from exc
        return Access(tuple(networks))

    def permits(self, host: str) -> bool:
        """Whether ``host`` (an IP address) is allowed; a name that is no address is not."""
        if not self.networks:
            return True
        try:
            address = ipaddress.ip_address(host.split("%")[0])
        except ValueError:
            return False
        return any(address in net for net in self.networks)


@dataclass(frozen=True)
class Endpoint:
    """A ``tcp://HOST:PORT`` address."""

    host: str
    port: int

    @staticmethod
    def parse(uri: str) -> Endpoint:
        """``tcp://HOST:PORT`` (IPv6 in brackets); anything else is a configuration error."""
        parsed = urlparse(uri)
        try:
            port = parsed.port
        except ValueError as exc:
            raise ConfigError(f"{uri!r}: the port must be a number 0..65535") from exc
        if parsed.scheme != "tcp" or not parsed.hostname or port is None:
            raise ConfigError(f"{uri!r} is not a tcp://HOST:PORT address")
        return Endpoint(parsed.hostname, port)

    @property
    def loopback(self) -> bool:
        """Whether only this machine can reach it."""
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"tcp://{host}:{self.port}"


def pairs(items: Iterable[str], what: str) -> dict[str, str]:
    """``NAME=VALUE`` options as a mapping; a malformed or repeated name is an error."""
    found: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or not value:
            raise ConfigError(f"{what} {item!r}: write NAME=VALUE")
        if name in found:
            raise ConfigError(f"{what}: {name!r} is given twice")
        found[name] = value
    return found


def member_of(members: Mapping[str, str], keys: Iterable[str | None], default: str | None) -> (
    str | None
):  # fmt: skip
    """The member configured for the first of ``keys`` that has one, else ``default``."""
    for key in keys:
        if key and key in members:
            return members[key]
    return default
