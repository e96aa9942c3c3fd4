"""Index upkeep: publish, unpublish, delete, move, privacy, exclusion, rebuild; drafts never appear."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.utils import translation

from wagtail.models import PageViewRestriction

from home.models import OPD, StandardPage
from search import indexing
from search.models import SearchEntry
from search.query import site_search
from tests.factories.pages import home_page
from tests.factories.search import text_page


def found(query, language="id"):
    return [result.page.pk for result in site_search(query, language).page.object_list]


def fts_rows():
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_entry_fts")
        return cursor.fetchone()[0]


class IndexUpkeepTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def test_publish_indexes_both_languages_and_new_revisions(self):
        """Publishing writes one entry per language; publishing a new revision updates the text."""
        page = text_page("Taman Gurindam", "Taman tepi laut.", title_en="Gurindam Park", summary_en="A seaside park.")
        self.assertEqual(set(SearchEntry.objects.filter(page=page).values_list("language", flat=True)), {"id", "en"})
        self.assertEqual(found("gurindam"), [page.pk])
        with translation.override("id"):
            page.summary_ind = "Taman tepi laut dengan air mancur menari."
            page.save_revision().publish()
        self.assertEqual(found("mancur"), [page.pk])

    def test_drafts_never_appear(self):
        """A page saved as a draft is not indexed; its unpublished edits to a live page are not either."""
        draft = StandardPage(title_ind="Rancangan Rahasia", slug="rancangan", slug_ind="rancangan", summary_ind="x")
        with translation.override("id"):
            self.home.add_child(instance=draft)
            draft.save_revision()
        self.assertEqual(found("rancangan"), [])
        live = text_page("Halaman Terbit", "Isi terbit.")
        with translation.override("id"):
            live.summary_ind = "Isi draf tersembunyi."
            live.save_revision()
        self.assertEqual(found("tersembunyi"), [])
        self.assertEqual(found("terbit"), [live.pk])

    def test_unpublish_removes(self):
        """Unpublishing a page removes it from both languages."""
        page = text_page("Festival Pulau Penyengat", "Festival budaya.", title_en="Penyengat festival")
        page.unpublish()
        self.assertEqual(found("festival"), [])
        self.assertEqual(found("festival", "en"), [])
        self.assertFalse(SearchEntry.objects.filter(page=page).exists())

    def test_delete_removes(self):
        """Deleting a page removes its entries (and the SQLite FTS rows)."""
        before = fts_rows()
        page = text_page("Halaman Sementara", "Akan dihapus.")
        page.delete()
        self.assertFalse(SearchEntry.objects.filter(page_id=page.pk).exists())
        self.assertEqual(found("sementara"), [])
        self.assertEqual(fts_rows(), before)

    def test_private_pages_never_appear(self):
        """A page behind a view restriction, or under one, is removed; lifting it re-indexes."""
        section = text_page("Intranet Pegawai", "Khusus pegawai.")
        child = text_page("Jadwal Apel Pegawai", "Jadwal apel.", parent=section)
        restriction = PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
        self.assertEqual(found("pegawai"), [])
        restriction.delete()
        self.assertEqual(set(found("pegawai")), {section.pk, child.pk})

    def test_moving_under_a_private_section_removes(self):
        """A page moved under a private section leaves the index (post_page_move)."""
        private = text_page("Ruang Rapat", "Tertutup.")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        page = text_page("Notulen Rapat Dinas", "Notulen.")
        with translation.override("id"):
            page.move(private, pos="last-child")
        self.assertEqual(found("notulen"), [])

    def test_excluded_pages_are_not_indexed(self):
        """A page whose ``exclude_from_site_search`` is true is kept out of the index."""
        page = text_page("Halaman Uji Coba", "Tidak untuk pencarian.")
        page.exclude_from_site_search = True
        indexing.index_page(page)
        self.assertEqual(found("coba"), [])

    def test_rebuild_command(self):
        """rebuild_site_search restores an emptied index and is safe to run twice."""
        page = text_page("Gedung Gonggong", "Ikon kota.", title_en="Gonggong building")
        SearchEntry.objects.all().delete()
        self.assertEqual(found("gonggong"), [])
        out = StringIO()
        call_command("rebuild_site_search", stdout=out)
        call_command("rebuild_site_search", stdout=out)
        self.assertIn("Indexed", out.getvalue())
        self.assertEqual(found("gonggong"), [page.pk])
        self.assertEqual(found("gonggong", "en"), [page.pk])
        self.assertEqual(SearchEntry.objects.filter(page=page).count(), 2)
        if connection.vendor == "sqlite":
            self.assertEqual(fts_rows(), SearchEntry.objects.count())

    def test_declared_opd_and_date_hooks(self):
        """site_search_opd_field and site_search_date_field feed the OPD and year columns."""
        page = text_page("Berita Uji", "Ringkasan.")
        page.site_search_opd_field = "test_opd"
        page.test_opd_id = OPD.objects.create(name="Dinas Uji", name_ind="Dinas Uji", acronym="DU", slug="du").pk
        page.site_search_date_field = "last_published_at"
        entry = indexing.index_page(page)[0]
        self.assertEqual(entry.year, page.last_published_at.year)
        self.assertEqual(entry.opd_id, page.test_opd_id)
