"""The shop: catalog, product matching, pricing, carts and orders.

Every door (text, voice, the reorder daemon) calls these functions; none of
them knows about audio or prints anything.
"""
