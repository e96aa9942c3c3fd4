"""The production settings plus the changes this benchmark proposes (see README.md), to measure them.

Not used by the site: ``benchmarks/http/run --proposed`` serves with it.
"""

from cms.settings import *  # noqa: F403  (an overlay, as cms/test_settings.py)

# A two-core server: PostgreSQL's parallel workers cost more to start than the small scans they split.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c max_parallel_workers_per_gather=0"  # noqa: F405
