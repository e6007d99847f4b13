"""Every sentence the assistant says, per language, as Project Fluent message catalogs.

``locales/<code>/*.ftl`` hold the messages of one language; :class:`~assistant.locales.messages.Msg`
names each message once for all languages, so a missing or misspelled message fails the type
check (or ``tests/test_locales.py``) instead of a conversation. Code asks for a sentence with
``say(Msg.X, **args)``; it never builds one.
"""

from assistant.locales.messages import Msg
from assistant.locales.say import LANGUAGES, Say, Speaks, say_for

__all__ = ["LANGUAGES", "Msg", "Say", "Speaks", "say_for"]
