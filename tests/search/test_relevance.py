"""Relevance on a judged bilingual corpus: MRR@10 and recall@10 per language must reach 0.9."""

from django.test import TestCase
from django.utils import translation

from home.demo import stream
from home.models import StandardPage
from search.query import site_search
from tests.factories.pages import home_page, publish
from tests.search.relevance.corpus import PAGES, QUERIES

K = 10
THRESHOLD = 0.9


def metrics(language):
    """(MRR@10, recall@10, failures) over the judged queries of ``language``."""
    reciprocal_ranks, recalls, failures = [], [], []
    for query, relevant in QUERIES[language]:
        found = [result.page.slug_ind for result in site_search(query, language, per_page=K).page.object_list]
        rank = next((i + 1 for i, slug in enumerate(found) if slug in relevant), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        recalls.append(len(relevant & set(found)) / len(relevant))
        if rank != 1 or recalls[-1] < 1:
            failures.append((query, found[:3], sorted(relevant)))
    return sum(reciprocal_ranks) / len(reciprocal_ranks), sum(recalls) / len(recalls), failures


class RelevanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
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
        """The judged set has at least 20 queries per language over at least 20 pages."""
        self.assertGreaterEqual(len(PAGES), 20)
        self.assertTrue(all(len(QUERIES[language]) >= 20 for language in ("id", "en")))

    def test_indonesian_relevance(self):
        """Indonesian queries (with morphological variants) reach MRR@10 and recall@10 of 0.9."""
        mrr, recall, failures = metrics("id")
        print(f"\nIndonesian: MRR@10={mrr:.3f} recall@10={recall:.3f} misses={failures}")
        self.assertGreaterEqual(mrr, THRESHOLD, failures)
        self.assertGreaterEqual(recall, THRESHOLD, failures)

    def test_english_relevance(self):
        """English queries (stemmed, plus Indonesian-only pages through fallback) reach 0.9."""
        mrr, recall, failures = metrics("en")
        print(f"\nEnglish: MRR@10={mrr:.3f} recall@10={recall:.3f} misses={failures}")
        self.assertGreaterEqual(mrr, THRESHOLD, failures)
        self.assertGreaterEqual(recall, THRESHOLD, failures)
