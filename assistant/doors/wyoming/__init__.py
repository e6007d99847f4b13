"""The Wyoming door: Jangbogi for Home Assistant's Assist and wyoming-satellite speakers.

- :mod:`.server`: ``jangbogi serve``, one Wyoming server offering asr, handle and tts;
- :mod:`.hub`: ``jangbogi hub``, the household's hub that satellites stream to;
- :mod:`.engine`: what every connection shares (one model, one parser, one database);
- :mod:`.conversations`: one conversation per room or conversation id, with its member;
- :mod:`.listening` and :mod:`.speaking`: audio in and out of one turn;
- :mod:`.wire`: reading events within limits; :mod:`.settings`: the limits and the allow-list.

The framing is the ``wyoming`` package's own; nothing here writes protocol bytes by hand.
"""
