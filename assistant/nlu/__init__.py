"""Understanding: utterance text -> :class:`~assistant.nlu.schema.Intent`.

Nothing here touches the database; product phrases stay as heard and the shop
matches them to the catalog.
"""
