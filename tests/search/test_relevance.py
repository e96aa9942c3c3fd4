"""Relevance on a judged bilingual corpus: correctly spelled, misspelled and synonym queries.

MRR@10 over all judged queries must reach 0.95 per language (recall@10 0.9); each misspelled
query's intended page must be in the top 3; correcting and expanding must never change the top
result of a correctly spelled query.
"""

from django.test import TestCase
from django.utils import translation

from home.demo import stream
from home.models import OPD, StandardPage
from search import synonyms
from search.query import site_search
from tests.factories.pages import home_page, publish
from tests.search.relevance.corpus import OPDS, PAGES, QUERIES, SYNONYM_QUERIES, TYPO_QUERIES

K = 10
MRR_THRESHOLD = 0.95
RECALL_THRESHOLD = 0.9
LANGUAGES = ("id", "en")


def ranked(query, language, **options):
    return [result.page.slug_ind for result in site_search(query, language, per_page=K, **options).page.object_list]


def rank_of(found, relevant):
    return next((i + 1 for i, slug in enumerate(found) if slug in relevant), None)


def metrics(language, queries):
    """(MRR@10, recall@10, failures) over ``queries``."""
    reciprocal_ranks, recalls, failures = [], [], []
    for query, relevant in queries:
        found = ranked(query, language)
        rank = rank_of(found, relevant)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        recalls.append(len(relevant & set(found)) / len(relevant))
        if rank != 1 or recalls[-1] < 1:
            failures.append((query, found[:3], sorted(relevant)))
    return sum(reciprocal_ranks) / len(reciprocal_ranks), sum(recalls) / len(recalls), failures


class RelevanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        synonyms.seed_defaults()
        for slug, acronym, name_ind, name_en in OPDS:
            OPD.objects.create(slug=slug, acronym=acronym, name=name_ind, name_ind=name_ind, name_en=name_en)
        home = home_page()
        for slug, ind, en in PAGES:
            fields = {
                "title_ind": ind[0],
                "summary_ind": ind[1],
                "body_ind": stream(("paragraph", f"<p>{ind[2]}</p>")),
                "slug": slug,
                "slug_ind": slug,
            }
            if en:
                fields.update(
                    title_en=en[0],
                    summary_en=en[1],
                    body_en=stream(("paragraph", f"<p>{en[2]}</p>")),
                    slug_en=slug + "-en",
                )
            with translation.override("id"):
                publish(home, StandardPage(**fields))

    def test_corpus_is_large_enough(self):
        """At least 20 pages, and per language 20 correctly spelled, 20 misspelled and 20 synonym queries."""
        self.assertGreaterEqual(len(PAGES), 20)
        for language in LANGUAGES:
            for queries in (QUERIES, TYPO_QUERIES, SYNONYM_QUERIES):
                self.assertGreaterEqual(len(queries[language]), 20)

    def assert_relevance(self, language):
        queries = QUERIES[language] + TYPO_QUERIES[language] + SYNONYM_QUERIES[language]
        mrr, recall, failures = metrics(language, queries)
        print(f"\n{language}: {len(queries)} queries MRR@10={mrr:.3f} recall@10={recall:.3f} misses={failures}")
        for name, subset in (("typos", TYPO_QUERIES), ("synonyms", SYNONYM_QUERIES), ("spelled", QUERIES)):
            part = metrics(language, subset[language])
            print(f"  {name}: MRR@10={part[0]:.3f} recall@10={part[1]:.3f}")
        self.assertGreaterEqual(mrr, MRR_THRESHOLD, failures)
        self.assertGreaterEqual(recall, RECALL_THRESHOLD, failures)

    def test_indonesian_relevance(self):
        """Indonesian: morphology, typos and synonyms together reach MRR@10 0.95."""
        self.assert_relevance("id")

    def test_english_relevance(self):
        """English: stemming, fallbacks, typos and synonyms together reach MRR@10 0.95."""
        self.assert_relevance("en")

    def test_each_typo_finds_its_page_in_the_top_3_through_a_correction(self):
        """Every misspelled query is corrected ("Did you mean") and its intended page is in the top 3."""
        for language in LANGUAGES:
            for query, relevant in TYPO_QUERIES[language]:
                with self.subTest(language=language, query=query):
                    results = site_search(query, language, per_page=K)
                    self.assertTrue(results.correction)
                    found = [result.page.slug_ind for result in results.page.object_list]
                    self.assertLessEqual(rank_of(found, relevant) or 99, 3, (results.correction, found[:3]))

    def test_correct_queries_keep_their_top_result_and_are_not_corrected(self):
        """No correctly spelled query of the original set is corrected or changes its top result."""
        for language in LANGUAGES:
            for query, _relevant in QUERIES[language]:
                with self.subTest(language=language, query=query):
                    results = site_search(query, language, per_page=K)
                    self.assertEqual(results.correction, "")
                    plain = ranked(query, language, expand=False, correct=False)
                    self.assertEqual(results.page.object_list[0].page.slug_ind, plain[0])

    def test_synonym_queries_need_the_synonyms(self):
        """At least a third of the synonym queries do not find their page first without expansion."""
        for language in LANGUAGES:
            unaided = sum(
                rank_of(ranked(query, language, expand=False, correct=False), relevant) == 1
                for query, relevant in SYNONYM_QUERIES[language]
            )
            self.assertLessEqual(unaided, len(SYNONYM_QUERIES[language]) * 2 / 3, language)
