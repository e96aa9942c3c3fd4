"""Stored English states from real revisions: signal upkeep, page types, OPDs and the recompute command."""

from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import translation

from wagtail.models import Page

from editorial import status as status_module
from editorial.models import PageTranslationStatus, TranslationState
from editorial.status import opd_field_name, translated_fields, update_all, update_page
from home.models import OPD, HomePage, StandardPage
from tests.factories.editorial import revise
from tests.factories.pages import home_page, standard_page


def state_of(page):
    return PageTranslationStatus.objects.get(page_id=page.pk)


class ComputedFromRevisionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def test_real_revisions_give_each_state(self):
        """Translated, stale, translated again, draft-only change and emptied English title, on a real page."""
        page = standard_page(self.home, "Sejarah Kota", "City history")
        self.assertEqual(update_page(page).state, TranslationState.TRANSLATED)

        revise(page, summary_ind="Ringkasan sejarah yang baru")
        stale = update_page(page)
        self.assertEqual((stale.state, stale.stale_fields), (TranslationState.STALE, ["summary"]))

        revise(page, publish=False, summary_en="A new summary of the city's history")
        self.assertEqual(update_page(page).state, TranslationState.TRANSLATED)

        revise(page, publish=False, summary_ind="Draf ringkasan")
        self.assertEqual(update_page(page).state, TranslationState.TRANSLATED)

        revise(page, publish=False, title_en="")
        missing = update_page(page)
        self.assertEqual(missing.state, TranslationState.MISSING)
        self.assertIn("title", missing.empty_fields)

    def test_partly_translated_page_lists_its_empty_fields(self):
        page = standard_page(self.home, "Kontak", "Contact", summary_en="")
        status = update_page(page)
        self.assertEqual((status.state, status.empty_fields), (TranslationState.PARTLY, ["summary"]))

    def test_translated_fields_come_from_modeltranslation_without_addresses_and_seo(self):
        """Slug, URL path, SEO title and search description never decide the state; title comes first."""
        self.assertEqual(translated_fields(StandardPage), ["title", "summary", "body"])
        self.assertEqual(translated_fields(HomePage)[0], "title")
        self.assertNotIn("slug", translated_fields(HomePage))
        self.assertNotIn("search_description", translated_fields(HomePage))

    def test_opd_field_is_declared_by_the_page_type(self):
        """``opd_field`` names the agency foreign key; pages without one have no OPD."""
        self.assertIsNone(opd_field_name(StandardPage))

        class WithOPD:
            opd_field = "lead_opd"

        self.assertEqual(opd_field_name(WithOPD), "lead_opd")

    def test_opd_is_stored_from_the_declared_field(self):
        """The row keeps the OPD id read from the page's declared field (news pages declare ``owner_opd``)."""
        opd = OPD.objects.create(name="Dinas Komunikasi dan Informatika", acronym="Diskominfo", slug="diskominfo")
        page = standard_page(self.home, "Layanan", "Services")
        page.agency_id = opd.pk  # stands in for a page type's OPD foreign key
        with mock.patch.object(status_module, "opd_field_name", return_value="agency"):
            self.assertEqual(update_page(page).opd, opd)
        self.assertIsNone(update_page(page).opd)


class SignalUpkeepTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def test_creating_and_publishing_stores_the_state(self):
        """A page created and published in code gets its row at once; a published Indonesian edit updates it."""
        page = standard_page(self.home, "Wisata", "Tourism")
        self.assertEqual(state_of(page).state, TranslationState.TRANSLATED)
        revise(page, title_ind="Wisata Kota")
        self.assertEqual(state_of(page).stale_fields, ["title"])

    def test_a_draft_revision_updates_the_state(self):
        page = standard_page(self.home, "Budaya", "Culture")
        revise(page, publish=False, title_en="")
        self.assertEqual(state_of(page).state, TranslationState.MISSING)

    def test_unpublishing_recomputes_and_deleting_removes_the_row(self):
        page = standard_page(self.home, "Arsip", "Archive")
        PageTranslationStatus.objects.filter(page_id=page.pk).update(state=TranslationState.MISSING)
        page.unpublish()
        self.assertEqual(state_of(page).state, TranslationState.TRANSLATED)
        Page.objects.get(pk=page.pk).delete()
        self.assertFalse(PageTranslationStatus.objects.filter(page_id=page.pk).exists())

    def test_deleting_a_live_page_without_a_row_leaves_none(self):
        """Wagtail unpublishes a live page while deleting it; that must not create a row for a vanishing page."""
        page = standard_page(self.home, "Sementara", "Temporary")
        PageTranslationStatus.objects.filter(page_id=page.pk).delete()
        Page.objects.get(pk=page.pk).delete()
        self.assertFalse(PageTranslationStatus.objects.filter(page_id=page.pk).exists())

    def test_a_rolled_back_change_leaves_no_state(self):
        """The state is written in the editor's transaction, so it rolls back with the page."""
        with self.assertRaises(RuntimeError), transaction.atomic():
            page = standard_page(self.home, "Batal", "Cancelled")
            raise RuntimeError
        self.assertFalse(PageTranslationStatus.objects.filter(page_id=page.pk).exists())


class UpdateCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        with translation.override("id"):
            cls.stale = standard_page(cls.home, "Tentang Kota", "About the city")
            revise(cls.stale, summary_ind="Ringkasan baru")
            cls.missing = standard_page(cls.home, "Maklumat", None)

    def run_command(self):
        out = StringIO()
        call_command("update_translation_status", stdout=out)
        return out.getvalue()

    def test_command_computes_every_page_and_is_idempotent(self):
        """Two runs give the same rows; the report line counts the states."""
        output = self.run_command()
        rows = list(PageTranslationStatus.objects.order_by("pk").values_list("page_id", "state", "stale_fields"))
        self.assertEqual(len(rows), Page.objects.filter(depth__gt=1).count())
        self.run_command()
        self.assertEqual(
            rows, list(PageTranslationStatus.objects.order_by("pk").values_list("page_id", "state", "stale_fields"))
        )
        self.assertEqual(state_of(self.stale).state, TranslationState.STALE)
        self.assertEqual(state_of(self.missing).state, TranslationState.MISSING)
        self.assertIn(f"{len(rows)} pages", output)

    def test_update_all_returns_every_state(self):
        counts = update_all()
        self.assertEqual(list(counts), list(TranslationState.values))
        self.assertEqual(counts[TranslationState.STALE], 1)
        self.assertGreaterEqual(counts[TranslationState.MISSING], 1)  # Wagtail's welcome page has no English either
        self.assertEqual(sum(counts.values()), Page.objects.filter(depth__gt=1).count())
