"""One package per language, ``<code>/``, each exposing ``PACK`` (a ``LangPack``)."""
