"""The serving path: how a public request travels (routing, caching, middleware).

Imports flow one way: ``serving`` may import ``home`` and Django/Wagtail, never a feature app; feature
apps may import ``serving``.
"""
