"""The mixed run: steady traffic over many URLs while editors publish (called by ``benchmarks/web/run mixed``).

One gunicorn with the page cache on (as in production). Requests arrive at a fixed rate (20 a second by
default, open loop: a slow answer does not slow the arrivals) spread over 200 URLs of the seeded site
(news, heritage and programme pages, listings, OPD views, feeds, searches), each request the next of a
shuffled cycle; once a minute a news item is published (a new revision, as an editor would), which makes
a new generation: every URL then renders once more before it is cached again. Reported: the hit rate
(``X-Cache: hit``) and the p50/p95 server time, overall and for hits and misses, and per minute.
"""

import argparse
import os
import random
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.web.bench import ACCEPT_ENCODING, Server  # noqa: E402


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()


def pick_urls(count, seed=7):
    """``count`` public URLs of the seeded site, of every kind, in both languages."""
    from django.utils import translation

    from heritage_pages.models import HeritageSitePage
    from home import bilingual
    from news.models import NewsIndexPage, NewsPage, OPDNewsroomPage
    from smartcity.models import SmartCityProgrammePage

    rng = random.Random(seed)
    urls = ["/id/", "/en/", "/sitemap.xml"]
    index = NewsIndexPage.objects.live().first()
    for language in ("id", "en"):
        base = bilingual.page_url(index, language)
        urls += [base, f"{base}rss/", f"{base}atom/", f"{base}?page=2"]
        with translation.override(language):
            urls += [f"/{language}/search/?q={word}" for word in ("pasar", "penyengat", "smart+city", "bimtek")]
    for room in OPDNewsroomPage.objects.live().select_related("opd"):
        for language in ("id", "en"):
            base = bilingual.page_url(index, language)
            urls += [bilingual.page_url(room, language), f"{base}opd/{room.opd.slug}/"]
    details = list(NewsPage.objects.live().order_by("-publication_date")[:300])
    details += list(HeritageSitePage.objects.live())
    details += list(SmartCityProgrammePage.objects.live())
    rng.shuffle(details)
    for page in details:
        if len(urls) >= count:
            break
        urls.append(bilingual.page_url(page, rng.choice(("id", "en"))))
    return urls[:count]


def publish_one(rng):
    from news.models import NewsPage

    page = rng.choice(list(NewsPage.objects.live().order_by("-publication_date").values_list("pk", flat=True)[:50]))
    page = NewsPage.objects.get(pk=page)
    page.summary_ind = (page.summary_ind or "").rstrip(" .") + "."
    page.save_revision().publish()


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310  (our own local server)
        response.read()
        return started, time.monotonic() - started, response.status, response.headers.get("X-Cache", "-")


def percentile(values, fraction):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(fraction * len(values)))] * 1000


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=20, help="requests a second")
    parser.add_argument("--urls", type=int, default=200)
    parser.add_argument("--minutes", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8107)
    options = parser.parse_args(argv)
    setup_django()
    rng = random.Random(11)
    urls = pick_urls(options.urls)
    server = Server(options.port, options.workers, page_cache=True)
    results, failures = [], []
    try:
        base = server.base
        for url in urls:  # warm: the state a running site is in
            fetch(base + url)
        cycle = urls[:]
        rng.shuffle(cycle)
        stop = threading.Event()

        def one(url):
            try:
                results.append(fetch(base + url))
            except Exception as error:  # noqa: BLE001  (counted and reported)
                failures.append((url, repr(error)))

        def arrivals(pool):
            start, sent = time.monotonic(), 0
            while not stop.is_set():
                due = start + sent / options.rate
                delay = due - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                pool.submit(one, cycle[sent % len(cycle)])
                sent += 1

        began = time.monotonic()
        with ThreadPoolExecutor(32) as pool:
            sender = threading.Thread(target=arrivals, args=(pool,))
            sender.start()
            for minute in range(options.minutes):
                publish_one(rng)
                print(f"  minute {minute + 1}: published one news item", flush=True)
                time.sleep(max(0, began + 60 * (minute + 1) - time.monotonic()))
            stop.set()
            sender.join()
    finally:
        server.stop()

    hits = [elapsed for _s, elapsed, _st, cache in results if cache == "hit"]
    misses = [elapsed for _s, elapsed, _st, cache in results if cache != "hit"]
    every = hits + misses
    errors = [status for _s, _e, status, _c in results if status >= 500]
    lines = [
        f"Mixed run: {len(results)} requests in {options.minutes} min at {options.rate:g}/s over {len(urls)} URLs, "
        f"one publish a minute, gunicorn {options.workers} sync workers.",
        "",
        f"- hit rate: {len(hits) / max(1, len(every)):.1%} ({len(hits)} hits, {len(misses)} misses)",
        f"- all: p50 {percentile(every, 0.5):.1f} ms, p95 {percentile(every, 0.95):.1f} ms",
        f"- hits: p50 {percentile(hits, 0.5):.1f} ms, p95 {percentile(hits, 0.95):.1f} ms",
        f"- misses: p50 {percentile(misses, 0.5):.1f} ms, p95 {percentile(misses, 0.95):.1f} ms",
        f"- answers of 500 or more: {len(errors)}; failed requests: {len(failures)}",
    ]
    for minute in range(options.minutes):
        window = [cache for started, _e, _s, cache in results if minute * 60 <= started - began < (minute + 1) * 60]
        if window:
            lines.append(f"  - minute {minute + 1}: hit rate {window.count('hit') / len(window):.1%}")
    report = "\n".join(lines) + "\n"
    Path(ROOT / "benchmarks/web/last-mixed-run.md").write_text(report)
    print(report)
    return 1 if errors or failures else 0


if __name__ == "__main__":
    sys.exit(main())
