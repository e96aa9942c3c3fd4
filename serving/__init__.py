"""The serving path: how a public request travels (routing, caching, middleware).

- ``middleware``: ``PageCacheMiddleware`` (the request scope, the anonymous page cache) and
  ``SiteMiddleware`` (the site and its root paths from derived data);
- ``views`` and ``urls``: Wagtail's serve view under its own URL name, routed by ``routing``
  (``request.routed``);
- ``generation``: the site-wide number every cache key includes, bumped after every committed change;
- ``pagecache`` and ``derived``: the two caches; ``cache``: failing open when Redis is unreachable;
- ``clock``: moments at which public output changes by time alone.

Imports flow one way: ``serving`` may import ``home`` (``home.bilingual``), ``images`` and Django/Wagtail,
never a feature app (news, heritage_pages, smartcity, search...); feature apps import ``serving``.
"""
