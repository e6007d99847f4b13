"""The household's web page (``jangbogi web``): server-rendered HTML forms, no JavaScript.

:mod:`.app` builds the Starlette app from a session factory and :class:`.settings.WebSettings`;
:mod:`.guard` is the one way into every page (session, CSRF, language); one module per area
(:mod:`.signin_pages`, :mod:`.orders`, :mod:`.approvals`, :mod:`.rhythm` with its
:mod:`.chart`, and :mod:`.buy`, the one-tap order through :mod:`.shops`); :mod:`.members`
is the one place that calls ``shop.signin``; templates are in ``templates/``.
"""
