"""One conversation per room: the open question of the kitchen is answered only in the kitchen.

Home Assistant sends each utterance on a new connection, with a ``context`` naming the
satellite, the device and the conversation; a hub knows its satellites by name. Either way a
:class:`Conversations` keeps one :class:`~assistant.dialog.conversation.Dialog` per key, with
the member configured for that room (a child's room orders as the child, with approvals),
and the same 90 s expiry of a question as everywhere. A conversation unused for
:attr:`~assistant.doors.wyoming.settings.Limits.idle_conversation_s` is forgotten, and so is
the one unused the longest when more than
:attr:`~assistant.doors.wyoming.settings.Limits.max_conversations` would be open.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from assistant.dialog.conversation import Dialog
from assistant.doors.wyoming.settings import member_of

CONTEXT_KEYS = ("satellite_id", "device_id", "conversation_id")
"""Which of Home Assistant's ids names the conversation, first found first: a room's
speaker keeps one conversation even when Assist starts a new conversation id."""


def conversation_key(context: Mapping[str, str], connection: str) -> str:
    """The conversation an utterance belongs to: the first of :data:`CONTEXT_KEYS` in its
    ``context``, else its connection (a client that holds one connection for its turns)."""
    for name in CONTEXT_KEYS:
        value = context.get(name)
        if value:
            return f"{name}:{value}"
    return f"connection:{connection}"


@dataclass
class Conversation:
    """One room's conversation."""

    dialog: Dialog
    """Its dialog, with the room's member."""
    member: str | None
    """The member it orders as (None: the owner)."""
    used: float
    """When it last answered (monotonic seconds)."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while it answers: two utterances of one room never interleave."""


class Conversations:
    """The household's open conversations, safe for many threads."""

    def __init__(
        self,
        open_dialog: Callable[[str | None], Dialog],
        members: Mapping[str, str],
        default_member: str | None,
        idle_s: float,
        clock: Callable[[], float] = time.monotonic,
        most: int = 64,
    ) -> None:
        """``members``: the member of each room (satellite name, satellite or device id);
        ``most``: how many may be open at once (the one unused the longest goes first)."""
        self._open = open_dialog
        self._members = dict(members)
        self._default = default_member
        self._idle_s = idle_s
        self._most = most
        self._clock = clock
        self._open_ones: dict[str, Conversation] = {}
        self._lock = threading.Lock()

    def member_for(self, *names: str | None) -> str | None:
        """The member configured for the first of ``names`` that has one, else the default."""
        return member_of(self._members, names, self._default)

    @contextmanager
    def holding(self, key: str, member: str | None) -> Iterator[Conversation]:
        """The conversation ``key`` (opened with ``member`` when new), held for one turn."""
        conversation = self._get(key, member)
        with conversation.lock:
            yield conversation
            conversation.used = self._clock()

    def forget(self, key: str) -> None:
        """Close the conversation ``key``: its open question can no longer be answered."""
        with self._lock:
            conversation = self._open_ones.pop(key, None)
        if conversation is not None:
            with conversation.lock:
                conversation.dialog.forget()

    def __len__(self) -> int:
        with self._lock:
            return len(self._open_ones)

    def _get(self, key: str, member: str | None) -> Conversation:
        now = self._clock()
        with self._lock:
            idle = [k for k, c in self._open_ones.items() if now - c.used > self._idle_s]
            for k in idle:  # its question expired long ago; its memory goes now
                self._open_ones.pop(k).dialog.forget()
            conversation = self._open_ones.get(key)
            if conversation is None or conversation.member != member:
                while len(self._open_ones) >= self._most:
                    oldest = min(self._open_ones, key=lambda k: self._open_ones[k].used)
                    self._open_ones.pop(oldest).dialog.forget()
                conversation = Conversation(self._open(member), member, now)
                self._open_ones[key] = conversation
            return conversation
