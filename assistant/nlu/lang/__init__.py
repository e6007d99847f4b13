"""One package per language, ``<code>/``, each exposing ``PACK`` (a ``LangPack``, usually an
:class:`assistant.nlu.pack.Pack` made of its parts)."""
