"""What the security headers add to every answer, a page-cache hit included: microseconds per response.

    .venv/bin/python benchmarks/security_headers.py [--responses 20000]

Times the two middlewares of serving/headers.py (Content-Security-Policy, Permissions-Policy) around a
ready-made response, as on a cache hit, against the same response without them; prints microseconds each.
"""

import argparse
import os
import sys
import time
from pathlib import Path


def parse_args(argv=None):
    """The options (parsed before Django starts, so that --help is instant)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=20000)
    return parser.parse_args(argv)


if __name__ == "__main__":
    parse_args()  # --help and a mistyped option answer here

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.test_settings")

import django  # noqa: E402

django.setup()

from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from serving.headers import CSPMiddleware, PermissionsPolicyMiddleware  # noqa: E402


def per_response(handler, request, count):
    start = time.perf_counter()
    for _ in range(count):
        handler(request)
    return (time.perf_counter() - start) / count * 1e6


def main():
    args = parse_args()
    body = b"<!DOCTYPE html>" + b"x" * 30000

    def cached_page(request):
        return HttpResponse(body)

    with_headers = CSPMiddleware(PermissionsPolicyMiddleware(cached_page))
    for label, path in (("public page", "/id/"), ("admin page", "/admin/")):
        request = RequestFactory().get(path)
        per_response(with_headers, request, 200)  # warm: the policy is built once per worker
        bare = per_response(cached_page, request, args.responses)
        full = per_response(with_headers, request, args.responses)
        print(f"{label}: {bare:.1f} us without the headers, {full:.1f} us with them (+{full - bare:.1f} us)")


if __name__ == "__main__":
    main()
