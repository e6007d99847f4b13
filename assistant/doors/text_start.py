"""A terminal conversation that shows its prompt at once and loads the rest behind it.

``jangbogi text`` on a terminal prints its greeting and prompt before it imports the
database, the dialog or the language libraries (Kiwi alone takes ~1 s); a
:class:`Loading` builds them in one background thread while the person types (Kiwi holds
the GIL while it loads, so a second thread would not finish sooner on two cores), and
:func:`first_line` waits for whichever comes first: the typed line; the dialog being ready
(its opening suggestion is printed then, in place of the still empty prompt, which is drawn
again below it); or the load failing (the error is raised in the main thread, so the command
reports it as it always did: one line and its exit code).

The first line then waits only for what it needs that is still loading: the dialog, and the
front end of the language it is written in (:meth:`assistant.nlu.parser.IntentParser.front_end`).
"""

from __future__ import annotations

import select
import sys
import threading
from collections.abc import Callable
from typing import Generic, TextIO, TypeVar

from assistant.doors.text import PROMPT

__all__ = ["POLL_S", "Loading", "first_line"]

T = TypeVar("T")

POLL_S = 0.02
"""How often the wait for the first line looks at the load (seconds)."""


class Loading(Generic[T]):
    """``build()`` then ``warm(value)`` in one daemon thread; :meth:`value` waits for the
    first, :attr:`error` is what either raised (never printed by the thread)."""

    def __init__(self, build: Callable[[], T], warm: Callable[[T], None]) -> None:
        self._build = build
        self._warm = warm
        self._value: T | None = None
        self.error: BaseException | None = None
        """What the build or the warm-up raised, if anything."""
        self._ready = threading.Event()
        self.done = threading.Event()
        """Set when the warm-up ended (or the build failed)."""
        self._thread = threading.Thread(target=self._run, name="text-load", daemon=True)

    def start(self) -> None:
        """Start loading."""
        self._thread.start()

    @property
    def ready(self) -> bool:
        """The build ended (with a value or an error)."""
        return self._ready.is_set()

    def value(self) -> T:
        """What ``build()`` returned, once it has; its exception if it raised."""
        self._ready.wait()
        if self._value is None:
            assert self.error is not None
            raise self.error
        return self._value

    def _run(self) -> None:
        try:
            self._value = self._build()
        except BaseException as exc:  # handed to the main thread, which raises it
            self.error = exc
            self._ready.set()
            self.done.set()
            return
        self._ready.set()
        try:
            self._warm(self._value)
        except BaseException as exc:  # handed to the main thread, which raises it
            self.error = exc
        self.done.set()


def first_line(
    loading: Loading[T],
    opening: Callable[[T], str | None],
    out: TextIO,
) -> tuple[str | None, bool]:
    """Show the prompt, start ``loading``, and wait for the first typed line: ``(line,
    opened)``; line None at the end of input or Ctrl-C. When the build is done before a
    line was sent, ``opening`` is asked what to say first (it is printed in place of the
    prompt, which is drawn again; ``opened`` True); a line already sent is answered first
    (``opened`` False: the caller offers the opening after that answer, as the voice loop
    does). A failed load raises here.
    """
    out.write(PROMPT)
    out.flush()
    loading.start()  # after the prompt is on the screen: the load competes with nothing shown
    opened = False
    try:
        while True:
            typed, _, _ = select.select([sys.stdin], [], [], POLL_S)
            if typed:
                return input(), opened  # a whole line: the terminal sends it on Enter
            error = loading.error
            if error is not None:
                out.write("\n")  # the error's line is not glued to the prompt
                out.flush()
                raise error
            if loading.ready and not opened:
                opened = True
                said = opening(loading.value())
                if said:  # \r: over the prompt, the screen reads as if it had come first
                    out.write(f"\r{said.replace(chr(10), ' ')}\n{PROMPT}")
                    out.flush()
    except (EOFError, KeyboardInterrupt):
        print(file=out)
        return None, opened
