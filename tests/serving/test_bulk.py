"""Bulk writes: one new generation per batch, and the side work of every save done once at the batch's end."""

from django.db import transaction
from django.test import TestCase
from django.utils import translation

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from editorial import status
from editorial.models import PageTranslationStatus
from images.models import CityImage
from news.models import NewsPage
from search import indexing
from search.models import SearchEntry, SearchWord
from serving import bulk, generation
from tests.factories.news import news_page, newsroom, opd
from tests.factories.pages import home_page, standard_page


def published(slug):
    """A published standard page with both languages' fields."""
    return standard_page(title_ind=slug.replace("-", " ").capitalize(), title_en=f"{slug} en", slug_ind=slug)


class BatchedGenerationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def test_saves_inside_a_batch_make_one_new_generation_at_its_end(self):
        """Pages saved in a batch leave the generation alone until the batch ends, then change it once."""
        before = generation.current()
        with generation.batched():
            published("satu")
            published("dua")
            self.assertEqual(generation.current(), before)
        self.assertNotEqual(generation.current(), before)

    def test_a_batch_that_fails_still_makes_a_new_generation(self):
        """An exception ends the batch too: what was saved before it is not served from stale caches."""
        before = generation.current()
        with self.assertRaises(RuntimeError), generation.batched():
            published("tiga")
            raise RuntimeError("stop")
        self.assertNotEqual(generation.current(), before)

    def test_a_batch_without_changes_keeps_the_generation(self):
        before = generation.current()
        with generation.batched():
            pass
        self.assertEqual(generation.current(), before)

    def test_a_nested_batch_belongs_to_the_outer_one(self):
        before = generation.current()
        with generation.batched():
            with generation.batched():
                published("empat")
            self.assertEqual(generation.current(), before)
        self.assertNotEqual(generation.current(), before)


class DeferringTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def test_published_pages_are_indexed_and_counted_at_the_end_of_the_block(self):
        """Inside the block nothing is indexed; at its end, each page is in both search indexes and its
        translation state is stored, as after an ordinary publish."""
        with transaction.atomic(), bulk.deferring():
            page = published("pasar-malam")
            self.assertFalse(SearchEntry.objects.filter(page_id=page.pk).exists())
            self.assertFalse(PageTranslationStatus.objects.filter(page_id=page.pk).exists())
            self.assertNotIn(page.pk, [result.pk for result in get_search_backend().search("Pasar malam", type(page))])
        self.assertEqual(SearchEntry.objects.filter(page_id=page.pk).count(), 2)
        self.assertTrue(PageTranslationStatus.objects.filter(page_id=page.pk).exists())
        found = get_search_backend().search("Pasar malam", type(page))
        self.assertIn(page.pk, [result.pk for result in found])

    def test_outside_a_block_each_save_does_its_own_work(self):
        page = published("taman-kota")
        self.assertEqual(SearchEntry.objects.filter(page_id=page.pk).count(), 2)
        self.assertTrue(PageTranslationStatus.objects.filter(page_id=page.pk).exists())

    def test_a_page_rolled_back_inside_the_block_is_skipped(self):
        """A savepoint rolled back after a save (a broken import entry) leaves keys of rows that are gone."""
        with transaction.atomic(), bulk.deferring():
            kept = published("tetap")
            try:
                with transaction.atomic():
                    published("batal")
                    raise RuntimeError("roll back")
            except RuntimeError:
                pass
        self.assertEqual(SearchEntry.objects.filter(page_id=kept.pk).count(), 2)
        self.assertEqual(SearchEntry.objects.filter(title__icontains="batal").count(), 0)

    def test_after_an_exception_nothing_runs(self):
        """The caller's transaction is rolled back after an exception, so no bulk pass runs."""
        calls = []
        bulk.register("test.calls", calls.extend)
        with self.assertRaises(RuntimeError), bulk.deferring():
            bulk.defer("test.calls", 1)
            raise RuntimeError("stop")
        self.assertEqual(calls, [])

    def test_each_key_is_passed_once(self):
        calls = []
        bulk.register("test.calls", calls.extend)
        with bulk.deferring():
            for key in (1, 2, 1, 2, 3):
                self.assertTrue(bulk.defer("test.calls", key))
        self.assertEqual(calls, [1, 2, 3])
        self.assertFalse(bulk.defer("test.calls", 4))

    def test_discarded_keys_are_not_passed_but_later_ones_are(self):
        """``discard`` forgets what was noted so far (its owner redid the work for everything); keys noted
        after it still reach the bulk pass."""
        calls = []
        bulk.register("test.calls", calls.extend)
        with bulk.deferring():
            bulk.defer("test.calls", 1)
            bulk.discard("test.calls")
            bulk.defer("test.calls", 2)
        self.assertEqual(calls, [2])
        bulk.discard("test.calls")  # outside a block: nothing to forget, no error

    def test_a_full_rebuild_inside_the_block_leaves_only_later_pages_to_the_end(self):
        """Site search's rebuild and the translation states' recount cover the pages published before them:
        only a page published after them is done again at the block's end, and every page ends up done."""
        from editorial import status
        from search import indexing

        with transaction.atomic(), bulk.deferring():
            before = published("sebelum")
            self.assertTrue(indexing.rebuild())
            status.update_all()
            pending = bulk._pending.get()
            self.assertNotIn(indexing.BULK, pending)
            self.assertNotIn(status.BULK, pending)
            after = published("sesudah")
            self.assertEqual(list(pending[indexing.BULK]), [after.pk])
            self.assertEqual(list(pending[status.BULK]), [after.pk])
        for page in (before, after):
            self.assertEqual(SearchEntry.objects.filter(page_id=page.pk).count(), 2)
            self.assertTrue(PageTranslationStatus.objects.filter(page_id=page.pk).exists())

    def test_an_inline_is_in_the_reference_index_as_part_of_its_page(self):
        """As Wagtail's own handler does, a child object (a news item's related page) is recorded under the
        page that owns it, never as an object of its own: the index ends as after ordinary saves."""
        from django.contrib.contenttypes.models import ContentType

        from wagtail.models import ReferenceIndex

        from news.models import NewsRelatedPage
        from tests.factories.news import news_page, newsroom, opd

        target = published("pelabuhan")
        room = newsroom(opd())

        def references(page):
            rows = ReferenceIndex.objects.filter(object_id=str(page.pk), to_object_id=str(target.pk))
            return sorted(rows.values_list("base_content_type", "content_type", "model_path"))

        outside = news_page(room, "Berita luar", "Outside news", related_pages=[NewsRelatedPage(page=target)])
        with transaction.atomic(), bulk.deferring():
            inside = news_page(room, "Berita dalam", "Inside news", related_pages=[NewsRelatedPage(page=target)])
        self.assertTrue(references(outside))
        self.assertEqual(references(inside), references(outside))
        child_type = ContentType.objects.get_for_model(NewsRelatedPage)
        self.assertFalse(ReferenceIndex.objects.filter(base_content_type=child_type).exists())


class BulkPassesTests(TestCase):
    """Each kind's bulk pass leaves what the per-save work leaves: after it, doing the per-object work again
    (Wagtail's reference index update, the site search's ``index_page``, the translation status's
    ``update_page``) changes nothing, also for pages that were already indexed and then changed."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        room = newsroom(opd())
        cls.images = [CityImage.objects.create(title=f"Foto {n}", file=get_test_image_file()) for n in range(3)]
        cls.pages = [
            news_page(
                room,
                title_ind=f"Pasar ikan {n}",
                title_en=f"Fish market {n}" if n else None,
                hero_image=cls.images[0],
                body_ind=[{"type": "image", "value": {"image": cls.images[n].pk, "caption": "Pasar", "credit": ""}}],
            )
            for n in range(2)
        ]

    def state(self):
        references = sorted(ReferenceIndex.objects.values_list(*(f.attname for f in ReferenceIndex._meta.fields)))
        entries = sorted(SearchEntry.objects.values_list(*(f.attname for f in SearchEntry._meta.fields)))
        words = sorted(SearchWord.objects.values_list("language", "word", "stem", "entries"))
        statuses = sorted(
            PageTranslationStatus.objects.values_list("page_id", "state", "stale_fields", "empty_fields", "opd_id")
        )
        return {"references": references, "entries": entries, "words": words, "statuses": statuses}

    def test_the_bulk_passes_leave_what_the_per_object_work_leaves(self):
        with transaction.atomic(), bulk.deferring():
            for n, page in enumerate(self.pages):
                page = NewsPage.objects.get(pk=page.pk)
                page.title_ind = f"Pasar sayur {n}"
                page.hero_image = self.images[2] if n else None
                page.body_ind = [{"type": "image", "value": {"image": self.images[2].pk, "caption": "", "credit": ""}}]
                with translation.override("id"):
                    page.save_revision().publish()
            page = published("halaman-baru")
        after_bulk = self.state()
        self.assertIn(str(self.images[2].pk), [row[5] for row in after_bulk["references"]])
        self.assertIn("sayur", {row[1] for row in after_bulk["words"]})
        with transaction.atomic():
            for each in [*self.pages, page]:
                each = Page.objects.get(pk=each.pk).specific
                ReferenceIndex.create_or_update_for_object(each)
                indexing.index_page(each)
                status.update_page(each)
        self.assertEqual(self.state(), after_bulk)
