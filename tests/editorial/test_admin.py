"""The translation status report, its filters and export, the dashboard panel and the editor panel, as an editor."""

import csv
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from editorial.models import PageTranslationStatus, TranslationState
from editorial.status import update_all
from home.models import OPD, StandardPage
from tests.factories.editorial import revise
from tests.factories.pages import home_page, standard_page

REPORT = "/admin/reports/translation-status/"


class AdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.translated = standard_page(cls.home, "Tentang Kota", "About the city")
        cls.stale = standard_page(cls.home, "Sejarah", "History")
        revise(cls.stale, summary_ind="Ringkasan sejarah yang baru")
        cls.missing = standard_page(cls.home, "Maklumat Pelayanan", None)
        cls.partly = standard_page(cls.home, "Kontak", "Contact", summary_en="")
        cls.opd = OPD.objects.create(name="Dinas Kebudayaan dan Pariwisata", acronym="Disbudpar", slug="disbudpar")
        update_all()
        PageTranslationStatus.objects.filter(page_id=cls.stale.pk).update(opd=cls.opd)

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(self.user)

    def listed_ids(self, response):
        return {status.page_id for status in response.context["object_list"]}


class ReportTests(AdminTestCase):
    def test_lists_every_page_with_its_state_and_an_edit_link(self):
        response = self.client.get(REPORT)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(
            {self.translated.pk, self.stale.pk, self.missing.pk, self.partly.pk} <= self.listed_ids(response)
        )
        self.assertContains(response, f'href="/admin/pages/{self.stale.pk}/edit/"')
        with translation.override("id"):
            self.assertContains(response, str(TranslationState.STALE.label))

    def test_filters_by_state_page_type_and_opd(self):
        """Each filter narrows the list to the matching pages."""
        by_state = self.listed_ids(self.client.get(REPORT, {"state": "stale"}))
        self.assertEqual(by_state, {self.stale.pk})
        standard = ContentType.objects.get_for_model(StandardPage)
        by_type = self.listed_ids(self.client.get(REPORT, {"content_type": standard.pk}))
        self.assertEqual(by_type, {self.translated.pk, self.stale.pk, self.missing.pk, self.partly.pk})
        self.assertEqual(self.listed_ids(self.client.get(REPORT, {"opd": self.opd.pk})), {self.stale.pk})
        both = self.listed_ids(self.client.get(REPORT, {"state": "missing", "content_type": standard.pk}))
        self.assertEqual(both, {self.missing.pk})

    def test_bad_filter_values_are_ignored_not_a_500(self):
        """Unknown values drop that filter only; the valid ones still apply."""
        everything = self.listed_ids(self.client.get(REPORT))
        for params in ({"state": "bogus"}, {"opd": "abc"}, {"opd": "999999"}, {"content_type": "x"}, {"p": "zz"}):
            with self.subTest(params=params):
                response = self.client.get(REPORT, params)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.listed_ids(response), everything)
        response = self.client.get(REPORT, {"state": "partly", "opd": "nonsense"})
        self.assertEqual(self.listed_ids(response), {self.partly.pk})

    def test_results_fragment_for_the_filter_form(self):
        response = self.client.get(REPORT + "results/", {"state": "missing"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Maklumat Pelayanan")
        self.assertNotContains(response, "Sejarah")

    def test_csv_export_is_a_translators_work_list(self):
        """The CSV has the agreed columns and one row per page, with field names and the editor URL."""
        response = self.client.get(REPORT, {"export": "csv", "state": "stale"})
        self.assertEqual(response.status_code, 200)
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
        self.assertEqual(len(rows), 2)
        self.assertEqual(len(rows[0]), 10)
        row = dict(zip(range(10), rows[1], strict=True))
        self.assertEqual(row[0], "Sejarah")
        self.assertEqual(row[1], str(self.stale.pk))
        self.assertEqual(row[2], "History")
        self.assertEqual(row[4], "Disbudpar")
        with translation.override("id"):
            self.assertEqual(row[6], str(StandardPage._meta.get_field("summary").verbose_name))
        self.assertEqual(row[8], "")  # its English address is its own ("history"), not the Indonesian one
        self.assertTrue(row[9].endswith(f"/admin/pages/{self.stale.pk}/edit/"))

    def test_xlsx_export(self):
        response = self.client.get(REPORT, {"export": "xlsx"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response["Content-Type"])

    def test_query_count_does_not_grow_with_the_list(self):
        """Same number of queries for 5 and for 8 pages (no N+1)."""
        with CaptureQueriesContext(connection) as few:
            self.client.get(REPORT)
        for title in ("Satu", "Dua", "Tiga"):
            standard_page(self.home, title, title + " en")
        update_all()
        with self.assertNumQueries(len(few)):
            response = self.client.get(REPORT)
        self.assertEqual(len(response.context["object_list"]), PageTranslationStatus.objects.count())

    def test_in_the_reports_menu(self):
        response = self.client.get("/admin/")
        self.assertContains(response, REPORT)

    def test_user_without_page_permissions_is_refused(self):
        """A staff user who may not edit pages cannot open the report or see the panel."""
        user = get_user_model().objects.create_user("visitor", "v@example.com", "pw")
        user.groups.add(Group.objects.get_or_create(name="Admin only")[0])
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(user)
        self.assertNotEqual(self.client.get(REPORT).status_code, 200)
        self.assertNotContains(self.client.get("/admin/"), 'id="translation-status-heading"')


class DashboardTests(AdminTestCase):
    def test_panel_counts_each_state_and_links_to_the_filtered_report(self):
        response = self.client.get("/admin/")
        self.assertContains(response, 'id="translation-status-heading"')
        expected = dict(PageTranslationStatus.objects.values_list("state").annotate(n=Count("pk")))
        self.assertEqual(expected[TranslationState.STALE], 1)
        for state in TranslationState.values:
            self.assertContains(response, f'href="{REPORT}?state={state}"')
            self.assertRegex(
                response.content.decode(),
                rf'data-translation-state="{state}">\s*<th scope="row">.*?</th>\s*<td>{expected.get(state, 0)}</td>',
            )


class EditViewTests(AdminTestCase):
    def test_edit_view_shows_the_state_and_the_fields(self):
        response = self.client.get(f"/admin/pages/{self.stale.pk}/edit/")
        self.assertContains(response, 'data-translation-state="stale"')
        with translation.override("id"):
            self.assertContains(response, str(StandardPage._meta.get_field("summary").verbose_name))
        self.assertContains(
            self.client.get(f"/admin/pages/{self.missing.pk}/edit/"), 'data-translation-state="missing"'
        )
        self.assertContains(
            self.client.get(f"/admin/pages/{self.home.pk}/edit/"), 'data-translation-state="translated"'
        )

    def test_create_view_has_no_state_yet(self):
        response = self.client.get(f"/admin/pages/add/home/standardpage/{self.home.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "data-translation-state")

    def test_editing_through_the_admin_updates_the_state(self):
        """An Indonesian-only edit published through the editor makes the page stale; an English edit fixes it."""
        url = f"/admin/pages/{self.translated.pk}/edit/"

        def post(summary_ind, summary_en, **extra):
            data = {
                "title_ind": "Tentang Kota",
                "title_en": "About the city",
                "slug_ind": "tentang-kota",
                "slug_en": "about-the-city",
                "summary_ind": summary_ind,
                "summary_en": summary_en,
                "body_ind": streamfield([("paragraph", rich_text("<p>Isi</p>"))]),
                "body_en": streamfield([("paragraph", rich_text("<p>Body</p>"))]),
                **extra,
            }
            response = self.client.post(url, nested_form_data(data))
            self.assertEqual(response.status_code, 302)
            return PageTranslationStatus.objects.get(page_id=self.translated.pk)

        self.assertEqual(post("Ringkasan", "Summary", **{"action-publish": "publish"}).state, "translated")
        stale = post("Ringkasan baru", "Summary", **{"action-publish": "publish"})
        self.assertEqual((stale.state, stale.stale_fields), ("stale", ["summary"]))
        self.assertContains(self.client.get(url), 'data-translation-state="stale"')
        self.assertEqual(post("Ringkasan baru", "New summary").state, "translated")
