"""The text conversation: the voice loop with the microphone replaced by a keyboard.

With ``as_json`` each reply is one JSON object on one line (:class:`~assistant.dialog.turn.Turn`:
the reply, what is awaited, the options, the basket), for programs that talk to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the greeting is printed before the dialog (and the database) is imported
    from assistant.dialog.conversation import Dialog

GREETING = "장보기입니다. 무엇을 도와드릴까요? (끝내려면 '그만')"
PROMPT = "> "
"""What a terminal shows when it waits for a line."""


def run_lines(
    dialog: Dialog,
    lines: Iterable[str],
    out: TextIO,
    clock: Callable[[], datetime],
    *,
    as_json: bool = False,
) -> int:
    """Answer each line with one line (a JSON object with ``as_json``), flushed at once;
    returns the number of utterances handled."""
    handled = 0
    for raw in lines:
        reply = dialog.handle(raw.rstrip("\n"), clock())
        if as_json:
            said = json.dumps(dialog.turn(reply).to_json(), ensure_ascii=False)
        else:
            said = reply.text.replace("\n", " ")
        out.write(said + "\n")
        out.flush()
        handled += 1
        if reply.end:
            break
    return handled


def interactive_lines(
    prompt: str = PROMPT, secret: Callable[[], bool] = lambda: False
) -> Iterable[str]:
    """Lines typed at a terminal, until end of input or Ctrl-C; when ``secret()`` says the
    next line is a PIN it is read without echo."""
    import getpass

    while True:
        try:
            yield getpass.getpass(prompt) if secret() else input(prompt)
        except (EOFError, KeyboardInterrupt):
            print()
            return
