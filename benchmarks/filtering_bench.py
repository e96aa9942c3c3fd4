"""What reading a listing's filters costs: microseconds per request, FilterSet against the bare parser.

    .venv/bin/python benchmarks/filtering_bench.py [--requests 5000]

For the heritage register (five filters, dynamic area choices) and the smart city board (five filters),
builds the listing's FilterSet from a typical query string and reads its active filters (what every listing,
export and cache key does), against reading the same values with ``serving.params`` alone, as the listings did
before they shared one mechanism. No database: the querysets are never evaluated.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000, help="requests per way (default 5000)")
    return parser.parse_args()


if __name__ == "__main__":
    ARGS = parse_arguments()  # --help answers before Django starts
    sys.path[0] = str(ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.test_settings")
    import django

    django.setup()

from django.http import QueryDict  # noqa: E402

from heritage_pages.filters import HeritageSiteFilterSet  # noqa: E402
from heritage_pages.models import Category, HeritageSitePage, Kecamatan, LegalStatus, Level  # noqa: E402
from serving import params  # noqa: E402
from smartcity.choices import Dimension, FundingSource, Horizon, Status  # noqa: E402
from smartcity.filters import ProgrammeFilterSet  # noqa: E402
from smartcity.models import SmartCityProgrammePage  # noqa: E402

HERITAGE_QUERY = QueryDict("kategori=bangunan&status=odcb&kecamatan=bukit-bestari&kawasan=7&page=2&x=<script>")
SMARTCITY_QUERY = QueryDict("dimension=branding&status=running&opd=dlh&source=nope&page=1")
AREAS = [(pk, pk) for pk in range(1, 40)]
OPDS = [(slug, slug) for slug in ("dlh", "diskominfo", "dinas-pupr", "bappeda", "dispar")]


def heritage_filterset():
    return HeritageSiteFilterSet(HERITAGE_QUERY, HeritageSitePage.objects.none(), choices={"kawasan": AREAS}).active


def heritage_parser():
    active = {}
    for name, choices in (
        ("kategori", Category),
        ("status", LegalStatus),
        ("tingkat", Level),
        ("kecamatan", Kecamatan),
    ):
        value = params.choice(HERITAGE_QUERY, name, choices)
        if value is not None:
            active[name] = value
    area = params.integer(HERITAGE_QUERY, "kawasan")
    if area in {pk for pk, _label in AREAS}:
        active["kawasan"] = area
    return active


def smartcity_filterset():
    return ProgrammeFilterSet(SMARTCITY_QUERY, SmartCityProgrammePage.objects.none(), choices={"opd": OPDS}).active


def smartcity_parser():
    choices = {"dimension": Dimension, "horizon": Horizon, "status": Status, "opd": OPDS, "source": FundingSource}
    return {name: value for name in choices if (value := params.choice(SMARTCITY_QUERY, name, choices[name]))}


def per_request(function, count):
    start = time.perf_counter()
    for _ in range(count):
        function()
    return (time.perf_counter() - start) / count * 1e6


def main():
    args = ARGS
    assert heritage_filterset() == heritage_parser(), (heritage_filterset(), heritage_parser())
    assert smartcity_filterset() == smartcity_parser(), (smartcity_filterset(), smartcity_parser())
    for name, filterset, bare in (
        ("heritage register", heritage_filterset, heritage_parser),
        ("smart city board", smartcity_filterset, smartcity_parser),
    ):
        print(
            f"{name}: FilterSet {per_request(filterset, args.requests):.0f} µs, "
            f"serving.params alone {per_request(bare, args.requests):.0f} µs per request"
        )


if __name__ == "__main__":
    main()
