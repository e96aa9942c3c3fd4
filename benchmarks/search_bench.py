"""Benchmark site_search on PostgreSQL: N bilingual pages, p50/p95 query latency per language.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/searchdb .venv/bin/python benchmarks/search_bench.py
    ... benchmarks/search_bench.py --pages 100000

Building 10,000+ real pages through Wagtail's API takes too long, so the benchmark
bulk-inserts minimal ``wagtailcore.Page`` rows (valid tree paths, both languages' slugs and
URL paths, live) and their ``SearchEntry`` rows directly. PostgreSQL computes the
tsvector columns itself (generated columns), exactly as for real pages. One page in ten
has no English (an Indonesian fallback row). The pages are removed at the end unless
``--keep`` is given. Timings cover the whole ``site_search`` call (index query, loading the
page of results, URLs, snippets) and, separately, the engine's index query alone.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402

from home.models import StandardPage  # noqa: E402
from search import text  # noqa: E402
from search.engines import engine  # noqa: E402
from search.models import SearchEntry  # noqa: E402
from search.query import site_search  # noqa: E402

SYLLABLES = "ba be bi bo bu da di du ga gi ka ke ki ku la li lo ma me mi mu na ni no pa pe pi ra ri ru sa se si ta ti tu".split()


def vocabulary(rng, size):
    """Pseudo-words, so that each page shares only some words with others (as real prose does)."""
    return sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 3, 3, 4]))) for _ in range(size)})


# Indonesian roots with the affixed forms that appear in real pages.
ID_ROOTS = {
    "bangun": ["pembangunan", "dibangun", "bangunan", "membangun"],
    "jalan": ["jalan", "perjalanan", "berjalan"],
    "budaya": ["kebudayaan", "budaya", "berbudaya"],
    "layan": ["pelayanan", "layanan", "dilayani"],
    "sehat": ["kesehatan", "sehat", "menyehatkan"],
    "didik": ["pendidikan", "peserta didik", "mendidik"],
    "daftar": ["pendaftaran", "mendaftar", "terdaftar"],
    "kelola": ["pengelolaan", "dikelola", "pengelola"],
    "perintah": ["pemerintah", "pemerintahan", "diperintahkan"],
    "usaha": ["pengusaha", "usaha", "berusaha"],
    "laut": ["laut", "lautan", "kelautan"],
    "pulau": ["pulau", "kepulauan", "pulau-pulau"],
    "sampah": ["sampah", "persampahan"],
    "air": ["air", "perairan"],
    "pajak": ["pajak", "perpajakan"],
    "wisata": ["wisata", "pariwisata", "berwisata"],
    "masjid": ["masjid"],
    "pasar": ["pasar", "pemasaran", "dipasarkan"],
    "ikan": ["ikan", "perikanan"],
    "sekolah": ["sekolah", "bersekolah"],
}
ID_FILLER = "kota warga tahun program kegiatan dinas kecamatan kelurahan rencana data baru umum daerah".split()
ID_FILLER += vocabulary(random.Random(1), 3000)
EN_ROOTS = {
    "build": ["building", "built", "builds", "buildings"],
    "road": ["road", "roads"],
    "culture": ["culture", "cultural"],
    "service": ["service", "services", "serving"],
    "health": ["health", "healthy"],
    "school": ["school", "schools", "schooling"],
    "register": ["registration", "registered", "register"],
    "manage": ["management", "managed", "managing"],
    "govern": ["government", "governance", "governing"],
    "business": ["business", "businesses"],
    "sea": ["sea", "seas"],
    "island": ["island", "islands"],
    "waste": ["waste", "wastes"],
    "water": ["water", "waters"],
    "tax": ["tax", "taxes", "taxation"],
    "tour": ["tourism", "tourist", "tours"],
    "mosque": ["mosque", "mosques"],
    "market": ["market", "markets", "marketing"],
    "fish": ["fish", "fishing", "fisheries"],
    "library": ["library", "libraries"],
}
EN_FILLER = "city residents year programme activity agency district village plan data new public regional".split()
EN_FILLER += [word + "x" for word in vocabulary(random.Random(2), 3000)]


def sentence(rng, topic_forms, filler, length):
    """A sentence of common and rarer words, with about one word in eight from the page's topics."""
    words = []
    for _ in range(length):
        if rng.random() < 0.12:
            words.append(rng.choice(topic_forms))
        else:
            words.append(
                filler[min(int(rng.paretovariate(1.0)) - 1, len(filler) - 1)]
                if rng.random() < 0.5
                else rng.choice(filler)
            )
    return " ".join(words).capitalize() + "."


def page_texts(rng, roots, filler):
    """Title, summary and body of one page about two of the topics."""
    topics = rng.sample(list(roots), 2)
    forms = [form for topic in topics for form in roots[topic]]
    title = " ".join([rng.choice(roots[topics[0]]), rng.choice(filler), rng.choice(roots[topics[1]])]).capitalize()
    summary = sentence(rng, forms, filler, 20)
    body = " ".join(sentence(rng, forms, filler, 15) for _ in range(10))
    return title, summary, body


def build(count, seed=7):
    rng = random.Random(seed)
    root = Page.get_first_root_node()
    locale = Locale.get_default()
    with translation.override("id"):
        parent = Page(title="Benchmark", title_ind="Benchmark", slug="search-bench", slug_ind="search-bench")
        root.add_child(instance=parent)
    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(StandardPage)
    now = timezone.now()
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def step(n):
        out = ""
        for _ in range(4):
            n, r = divmod(n, 36)
            out = alphabet[r] + out
        return out

    batch = 2000
    for start in range(0, count, batch):
        pages, entries = [], []
        for n in range(start, min(count, start + batch)):
            ind = page_texts(rng, ID_ROOTS, ID_FILLER)
            en = page_texts(rng, EN_ROOTS, EN_FILLER) if n % 10 else None
            title_id, title_en = ind[0], en[0] if en else ""
            slug = f"bench-{n}"
            pages.append(
                Page(
                    path=parent.path + step(n + 1),
                    depth=parent.depth + 1,
                    numchild=0,
                    title=title_id,
                    title_ind=title_id,
                    title_en=title_en or None,
                    draft_title=title_id,
                    slug=slug,
                    slug_ind=slug,
                    slug_en=slug if title_en else None,
                    url_path=f"{parent.url_path}{slug}/",
                    url_path_ind=f"{parent.url_path_ind}{slug}/",
                    url_path_en=f"{parent.url_path_en or parent.url_path}{slug}/",
                    content_type=content_type,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                    translation_key=uuid.uuid4(),
                    locale=locale,
                )
            )
            texts = {"id": ind, "en": en or ind}
            entries.append((texts, bool(title_en), 2015 + n % 11))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            rows = []
            for page, (texts, translated, year) in zip(created, entries, strict=True):
                for language in ("id", "en"):
                    fallback = language == "en" and not translated
                    title, summary, body = texts[language]
                    rows.append(
                        SearchEntry(
                            page_id=page.pk,
                            language=language,
                            analyzer="id" if fallback or language == "id" else "en",
                            is_fallback=fallback,
                            title=title,
                            summary=summary,
                            body=body,
                            content_type=content_type,
                            year=year,
                        )
                    )
            SearchEntry.objects.bulk_create(rows)
        print(f"  built {min(count, start + batch)} / {count}", end="\r", flush=True)
    Page.objects.filter(pk=parent.pk).update(numchild=count)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")
        cursor.execute("ANALYZE wagtailcore_page")
    print()
    return parent


def queries(language, n, rng):
    roots = ID_ROOTS if language == "id" else EN_ROOTS
    out = []
    for _ in range(n):
        size = rng.choice([1, 2, 2, 3])
        words = rng.sample(list(roots), size)
        # Indonesian visitors type roots or affixed forms; both must match through the stemmer.
        out.append(" ".join(rng.choice([w, rng.choice(roots[w])]) for w in words))
    return out


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(language, query_list):
    full, index_only, hits = [], [], []
    for query in query_list:
        terms = text.query_terms(query, language)
        started = time.perf_counter()
        engine().match(language, terms, {}, 200)
        index_only.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        with translation.override(language):
            results = site_search(query, language)
        full.append((time.perf_counter() - started) * 1000)
        hits.append(results.total)
    return full, index_only, hits


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="bilingual pages to build (10,000; try 100,000)")
    parser.add_argument("--queries", type=int, default=200, help="queries per language")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark pages afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure the pages kept by an earlier --keep run")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgresql://…")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("update_translation_fields", verbosity=0)
    parent = Page.objects.filter(slug_ind="search-bench", depth=2).first()
    if parent is not None and not args.reuse:
        remove(parent)
        parent = None
    if parent is None:
        print(f"Building {args.pages} bilingual pages (bulk insert of Page and SearchEntry rows, not Wagtail's API)…")
        started = time.perf_counter()
        parent = build(args.pages)
        print(f"Built in {time.perf_counter() - started:.1f} s.")
    parent.refresh_from_db()
    print(f"{SearchEntry.objects.count()} index entries ({parent.numchild} benchmark pages).")
    rng = random.Random(11)
    try:
        for language in ("id", "en"):
            query_list = queries(language, args.queries, rng)
            measure(language, query_list[:10])  # warm-up
            full, index_only, hits = measure(language, query_list)
            print(
                f"{language}: {len(query_list)} queries, median {statistics.median(hits):.0f} hits (capped at 200) | "
                f"site_search p50 {percentile(full, 50):.1f} ms, p95 {percentile(full, 95):.1f} ms | "
                f"index query p50 {percentile(index_only, 50):.1f} ms, p95 {percentile(index_only, 95):.1f} ms"
            )
    finally:
        if not args.keep:
            remove(parent)


def remove(parent):
    with transaction.atomic():
        pages = Page.objects.filter(path__startswith=parent.path).exclude(pk=parent.pk)
        SearchEntry.objects.filter(page__in=pages)._raw_delete(connection.alias)
        pages._raw_delete(connection.alias)
        Page.objects.filter(pk=parent.pk).update(numchild=0)
    parent.refresh_from_db()
    parent.delete()
    print("Benchmark pages removed.")


if __name__ == "__main__":
    main()
