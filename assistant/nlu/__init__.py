"""Understanding: utterance text -> :class:`~assistant.nlu.schema.Intent`.

The core (``parser``, ``grammar``, ``template``, ``schedule``, ``choice``, ``pin``) asks the
language packs in ``lang/<code>/`` (:mod:`assistant.nlu.packs`) for everything that depends
on the language. Nothing here touches the database: the caller passes the catalog's product
words in, product phrases stay as heard, and the shop matches them to the catalog.
"""
