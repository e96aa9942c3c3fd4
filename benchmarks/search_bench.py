"""Benchmark site_search on PostgreSQL: N bilingual pages, p50/p95 query latency per language.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/searchbench .venv/bin/python benchmarks/search_bench.py
    ... benchmarks/search_bench.py --pages 100000 --keep     # then --reuse to measure again
    ... benchmarks/search_bench.py --corpus uniform          # the earlier, harsher corpus

Building 10,000+ real pages through Wagtail's API takes too long, so the benchmark
bulk-inserts minimal ``wagtailcore.Page`` rows (valid tree paths, both languages' slugs and
URL paths, live) and their ``SearchEntry`` rows directly. PostgreSQL computes the
tsvector columns (generated columns) and the ranking table (triggers) itself, exactly as for
real pages. One page in ten has no English (an Indonesian fallback row). After building, it
runs VACUUM ANALYZE (the steady state autovacuum reaches: GIN pending lists merged, statistics
current). The pages are removed at the end unless ``--keep`` is given.

Two corpora (``--corpus``):

* ``zipf`` (default): word frequencies follow Zipf's law as in real prose. 20 topics (Indonesian
  roots with their affixed forms; English words with inflections) whose popularity is itself
  Zipf-like; a page is about a main and a second topic, its title names the main topic four
  times in five; the body also mentions other topics in passing; the rest of the text comes from
  a 20,000-word vocabulary drawn by Zipf rank. Queries: 1-3 topic words (popular topics asked
  more often, roots or affixed forms), a quarter of them with a vocabulary word as well.
* ``uniform``: the earlier corpus: every page about two equally likely topics named in its
  title, 3,000-word vocabulary half uniform, half Pareto; queries of 1-3 topic words. A
  one-word query matches ~10 % of all pages in its title: the worst case for ranking.

After building, the vocabulary kept with the index (``search.vocabulary``) is recounted from the
entries (the bulk insert bypasses ``index_page``), and each topic gets a synonym entry (the topic
root = two vocabulary words, both ways), so every query is expanded ("synonyms on"). Besides the
normal queries, a third set misspells one word of each query (a letter dropped, doubled, swapped
or replaced, never giving a word of the vocabulary): ``site_search`` then finds no page with every
word, looks the word up in the vocabulary (pg_trgm), corrects it and searches again.

Timings cover the whole ``site_search`` call (index queries, loading the page of results, URLs,
snippets, promotions) and, separately, the engine's index queries alone (AND and OR fill of the
query expanded with its synonyms; no correction). The number of pages
each query matches (all words / any word) is counted outside the timings and printed.
"""

import argparse
import itertools
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path


def parse_args(argv=None):
    """The options (parsed before Django starts, so that --help is instant)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="bilingual pages to build (10,000; try 100,000)")
    parser.add_argument("--queries", type=int, default=200, help="queries per language")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark pages afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure the pages kept by an earlier --keep run")
    parser.add_argument("--corpus", choices=["zipf", "uniform"], default="zipf", help="see the module docstring")
    parser.add_argument("--runs", type=int, default=2, help="timed runs over the same queries (each reported)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    parse_args()  # --help and a mistyped option answer here

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402

from home.models import StandardPage  # noqa: E402
from search import synonyms, text  # noqa: E402
from search import vocabulary as search_vocabulary  # noqa: E402
from search.engines import engine  # noqa: E402
from search.models import SearchEntry, SearchWord, Synonym  # noqa: E402
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


ZIPF_VOCABULARY = 20_000


def zipf_sampler(population, exponent=1.0):
    """``draw(rng, k)``: k items of ``population`` by Zipf rank (the first is the most frequent)."""
    weights = list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(len(population))))

    def draw(rng, k=1):
        return rng.choices(population, cum_weights=weights, k=k)

    return draw


class ZipfCorpus:
    """Zipf-distributed vocabulary and topic popularity (see the module docstring)."""

    def __init__(self, roots, common, vocabulary):
        self.roots = roots
        self.topics = zipf_sampler(list(roots), 0.8)
        self.words = zipf_sampler(common + vocabulary)
        self.vocabulary = common + vocabulary

    def form(self, rng, topic):
        return rng.choice(self.roots[topic])

    def text(self, rng, topics, length, topic_rate):
        words = self.words(rng, length)
        for i in range(length):
            draw = rng.random()
            if draw < topic_rate:
                words[i] = self.form(rng, topics[0] if draw < topic_rate * 0.65 else topics[1])
            elif draw < topic_rate + 0.002:  # another topic in passing
                words[i] = self.form(rng, self.topics(rng)[0])
        return " ".join(words)

    def page(self, rng):
        main = self.topics(rng)[0]
        second = main
        while second == main:
            second = self.topics(rng)[0]
        title = self.words(rng, rng.randint(3, 6))
        if rng.random() < 0.8:
            title[0] = self.form(rng, main)
        if rng.random() < 0.3:
            title[-1] = self.form(rng, second)
        summary = self.text(rng, (main, second), rng.randint(15, 25), 0.08)
        body = ". ".join(self.text(rng, (main, second), rng.randint(10, 20), 0.05) for _ in range(rng.randint(8, 14)))
        return " ".join(title).capitalize(), summary.capitalize() + ".", body.capitalize() + "."

    def query(self, rng):
        topics = []
        for _ in range(rng.choice([1, 2, 2, 3])):
            topic = self.topics(rng)[0]
            if topic not in topics:
                topics.append(topic)
        words = [rng.choice([topic, self.form(rng, topic)]) for topic in topics]
        if rng.random() < 0.25:  # a rarer word as well: ranks 50-5,000 of the vocabulary
            words.append(self.vocabulary[min(int(50 * rng.paretovariate(0.5)), 5000)])
        return " ".join(words)


CORPORA = {
    "zipf": {
        "id": ZipfCorpus(ID_ROOTS, ID_FILLER[:14], vocabulary(random.Random(3), ZIPF_VOCABULARY)),
        "en": ZipfCorpus(EN_ROOTS, EN_FILLER[:14], [w + "x" for w in vocabulary(random.Random(4), ZIPF_VOCABULARY)]),
    },
}


def build(count, corpus, seed=7):
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
            if corpus == "zipf":
                ind = CORPORA["zipf"]["id"].page(rng)
                en = CORPORA["zipf"]["en"].page(rng) if n % 10 else None
            else:
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
    print()
    print("VACUUM ANALYZE (merges GIN pending lists, refreshes statistics, as autovacuum would)…")
    with connection.cursor() as cursor:
        for table in ("search_searchentry", "wagtailcore_page", *rank_tables()):
            cursor.execute(f"VACUUM ANALYZE {table}")
    return parent


def rank_tables():
    return ["search_entry_rank"] if "search_entry_rank" in connection.introspection.table_names() else []


def queries(language, n, rng, corpus):
    if corpus == "zipf":
        return [CORPORA["zipf"][language].query(rng) for _ in range(n)]
    roots = ID_ROOTS if language == "id" else EN_ROOTS
    out = []
    for _ in range(n):
        size = rng.choice([1, 2, 2, 3])
        words = rng.sample(list(roots), size)
        # Indonesian visitors type roots or affixed forms; both must match through the stemmer.
        out.append(" ".join(rng.choice([w, rng.choice(roots[w])]) for w in words))
    return out


BENCH_SYNONYM_MARK = "search-bench synonym"


def add_synonyms(corpus):
    """One synonym entry per topic (its root = two rarer vocabulary words), so queries are expanded."""
    if corpus != "zipf":
        return 0
    rows = []
    for language in ("id", "en"):
        model = CORPORA["zipf"][language]
        for rank, topic in enumerate(model.roots):
            words = [model.vocabulary[200 + 2 * rank], model.vocabulary[201 + 2 * rank]]
            rows.append(
                Synonym(language=language, term=topic, equivalents=", ".join(words) + ", " + BENCH_SYNONYM_MARK)
            )
    Synonym.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def remove_synonyms():
    Synonym.objects.filter(equivalents__contains=BENCH_SYNONYM_MARK).delete()


def misspell(rng, word, known):
    """``word`` with one typing slip that is not itself a word of the vocabulary (or ``word`` if none)."""
    for _ in range(20):
        i = rng.randrange(1, len(word))
        slip = rng.choice(["drop", "double", "swap", "replace"])
        if slip == "drop":
            typo = word[:i] + word[i + 1 :]
        elif slip == "double":
            typo = word[:i] + word[i] + word[i:]
        elif slip == "swap" and i < len(word) - 1:
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            typo = word[:i] + rng.choice("aeiounrst") + word[i + 1 :]
        if typo != word and typo not in known:
            return typo
    return word


def typo_queries(language, query_list, rng):
    """Each query with its longest word misspelled."""
    known = set(SearchWord.objects.filter(language=language).values_list("word", flat=True))
    out = []
    for query in query_list:
        words = query.split()
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        if len(words[longest]) >= 4:
            words[longest] = misspell(rng, words[longest], known)
        out.append(" ".join(words))
    return out


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def match_counts(language, query_list):
    """How many pages each query matches with all words and with any word (outside the timings)."""
    configs = {"id": {"id": "indonesian"}, "en": {"en": "english", "id": "indonesian"}}[language]
    matches = " OR ".join(
        f"(analyzer = '{analyzer}' AND document @@ websearch_to_tsquery('{config}', %s))"
        for analyzer, config in configs.items()
    )
    all_words, any_word = [], []
    with connection.cursor() as cursor:
        for query in query_list:
            terms = text.query_terms(query, language)
            counts = []
            for operator in (" ", " or "):
                cursor.execute(
                    f"SELECT count(*) FROM search_searchentry WHERE language = %s AND ({matches})",
                    [language] + [operator.join(terms)] * len(configs),
                )
                counts.append(cursor.fetchone()[0])
            all_words.append(counts[0])
            any_word.append(counts[1])
    return all_words, any_word


def measure(language, query_list, corrections=None):
    full, index_only, hits = [], [], []
    for query in query_list:
        terms = text.query_terms(query, language)
        started = time.perf_counter()
        engine().match(language, synonyms.expand(terms, language), {}, 201)  # synonyms on, as site_search
        index_only.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        with translation.override(language):
            results = site_search(query, language)
        full.append((time.perf_counter() - started) * 1000)
        hits.append(results.total)
        if corrections is not None:
            corrections.append(results.correction)
    return full, index_only, hits


def load():
    """The machine's 1/5/15-minute load averages: the figures mean little on a busy machine."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg()) + f" ({os.cpu_count()} CPUs)"


def explain(language, query):
    """EXPLAIN ANALYZE of the index queries site_search runs for ``query``: the scans used and times."""
    with CaptureQueriesContext(connection) as captured:
        site_search(query, language)
    print(f"{language}: EXPLAIN ANALYZE of the index queries for {query!r}:")
    with connection.cursor() as cursor:
        for sql in [q["sql"] for q in captured.captured_queries if "@@" in q["sql"]]:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            lines = [row[0].strip() for row in cursor.fetchall()]
            scans = []
            for line in lines:
                if "Scan on search" in line or "Scan using" in line:
                    scan = line.split("  (")[0].removeprefix("->").strip()
                    executed = "never executed" not in line
                    rows = line.split("rows=")[-1].split(" ")[0] if executed else "-"
                    scans.append(f"{scan} [{'rows ' + rows if executed else 'not run'}]")
            total = next(line for line in lines if line.startswith("Execution Time"))
            print(f"    {total}: " + "; ".join(dict.fromkeys(scans)))


def main():
    args = parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgresql://…")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("update_translation_fields", verbosity=0)
    parent = Page.objects.filter(slug_ind="search-bench", depth=2).first()
    if parent is not None and not args.reuse:
        remove(parent)
        parent = None
    if parent is None:
        print(
            f"Building {args.pages} bilingual pages, {args.corpus} corpus "
            "(bulk insert of Page and SearchEntry rows, not Wagtail's API)…"
        )
        started = time.perf_counter()
        parent = build(args.pages, args.corpus)
        print(f"Built in {time.perf_counter() - started:.1f} s.")
    if args.reuse is False or not SearchWord.objects.exists():
        started = time.perf_counter()
        words = search_vocabulary.rebuild()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchword")
        print(f"Vocabulary recounted: {words} words in {time.perf_counter() - started:.1f} s.")
    remove_synonyms()
    print(f"{add_synonyms(args.corpus)} topic synonym entries added (removed at the end).")
    parent.refresh_from_db()
    print(f"{SearchEntry.objects.count()} index entries ({parent.numchild} benchmark pages).")
    rng = random.Random(11)
    print(f"PostgreSQL {connection.pg_version}; load average before measuring: {load()}")
    print(
        f"Measuring: {args.queries} queries per language for the {args.corpus} corpus (with --reuse, give the "
        f"--corpus the pages were built with), site_search(query, language) with no filters, page 1, 10 results a page; "
        f"{args.runs} timed runs after a 10-query warm-up."
    )
    try:
        for language in ("id", "en"):
            query_list = queries(language, args.queries, rng, args.corpus)
            all_words, any_word = match_counts(language, query_list)
            print(
                f"{language}: pages matched per query: all words median {statistics.median(all_words):.0f}, "
                f"p95 {percentile(all_words, 95)}, max {max(all_words)}; any word median "
                f"{statistics.median(any_word):.0f}, p95 {percentile(any_word, 95)}; examples: {query_list[:4]}"
            )
            measure(language, query_list[:10])  # warm-up
            for run in range(1, args.runs + 1):
                full, index_only, hits = measure(language, query_list)
                print(
                    f"{language} run {run}: site_search p50 {percentile(full, 50):.1f} ms, "
                    f"p95 {percentile(full, 95):.1f} ms | index queries p50 {percentile(index_only, 50):.1f} ms, "
                    f"p95 {percentile(index_only, 95):.1f} ms | results shown median {statistics.median(hits):.0f} "
                    f"(at most 200)"
                )
            typos = typo_queries(language, query_list, rng)
            measure(language, typos[:10])  # warm-up
            for run in range(1, args.runs + 1):
                corrected = []
                full, _index_only, hits = measure(language, typos, corrected)
                print(
                    f"{language} typo queries run {run}: site_search p50 {percentile(full, 50):.1f} ms, "
                    f"p95 {percentile(full, 95):.1f} ms | corrected {sum(bool(c) for c in corrected)} of "
                    f"{len(typos)} | examples: {list(zip(typos[:3], corrected[:3], strict=True))}"
                )
            explain(language, next(q for q in query_list if len(text.query_terms(q, language)) == 1))
        print(f"Load average after measuring: {load()}")
    finally:
        remove_synonyms()
        if not args.keep:
            remove(parent)
            search_vocabulary.rebuild()


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
