"""The conversation: turn-taking, pending questions and the flows of each area.

``conversation`` (the core: :class:`~assistant.dialog.conversation.Dialog`, ``Reply``) parses
an utterance, keeps the session (``session``: the open question from ``pending`` and the
language) and routes it (``routes``: the ``{IntentName: handler}`` table and which flow
answers each open question) to one flow per area: ``products``, ``purchase``, ``cart``,
``orders``, ``subscriptions``, ``account``.
"""
