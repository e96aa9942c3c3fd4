"""The admin screen: an administrator uploads an export, reads the dry run, starts the import (a background
task) and reads the report, in English or Indonesian; editors and contributors are refused."""

import datetime
import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.users.models import UserProfile

from cms.roles import setup_roles
from editorial.roles import ADMINISTRATORS_GROUP, EDITORS_GROUP, contributor_group_name
from news.importing.models import ImportRun
from news.models import NewsPage
from tests.factories.editorial import role_user
from tests.news.importing import exports
from tests.news.importing.helpers import build_site


def speak(user, language):
    """Set the admin language the user chose in their account."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@override_settings(NEWS_IMPORT_DIR=tempfile.mkdtemp(prefix="import-uploads-"))
class ImportScreenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        setup_roles()
        cls.admin = role_user("admin-kominfo", ADMINISTRATORS_GROUP)
        cls.editor = role_user("redaktur", EDITORS_GROUP)
        cls.contributor = role_user("kontributor", contributor_group_name(cls.site["dlh"]))
        speak(cls.admin, "en")

    def upload(self, text, name="blog.xml"):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                reverse("news_import"),
                {"export": SimpleUploadedFile(name, text.encode()), "opd": self.site["diskominfo"].pk},
            )

    def test_upload_dry_run_then_import(self):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("news_import"))
        self.assertContains(response, "Upload and check")
        pages = Page.objects.count()
        response = self.upload(exports.blogger())
        run = ImportRun.objects.get()
        self.assertRedirects(response, reverse("news_import_run", args=[run.pk]))
        self.assertEqual(run.status, ImportRun.Status.ANALYSED)
        self.assertEqual(Page.objects.count(), pages)  # the dry run changed nothing
        response = self.client.get(reverse("news_import_run", args=[run.pk]))
        self.assertContains(response, "What the import would do")
        self.assertContains(response, "<td>pages created</td><td>5</td>", html=True)
        self.assertContains(response, "skipped: its date “kemarin sore” cannot be read.")
        self.assertContains(response, "Start the import")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("news_import_start", args=[run.pk]))
        run.refresh_from_db()
        self.assertEqual(run.status, ImportRun.Status.DONE)
        self.assertEqual((run.processed, run.total), (9, 9))
        self.assertEqual(run.stored_file, "")  # the upload is deleted once imported
        self.assertTrue(NewsPage.objects.filter(slug_ind="bimtek-tahap-i-smart-city", live=True).exists())
        response = self.client.get(reverse("news_import_run", args=[run.pk]))
        self.assertContains(response, "What the import did")
        self.assertNotContains(response, "Start the import")
        self.assertNotContains(response, 'http-equiv="refresh"')
        # Starting again does nothing.
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("news_import_start", args=[run.pk]))
        self.assertEqual(NewsPage.objects.filter(slug_ind="bimtek-tahap-i-smart-city").count(), 1)

    def test_in_indonesian(self):
        speak(self.admin, "id")
        self.client.force_login(self.admin)
        self.assertContains(self.client.get(reverse("news_import")), "Unggah dan periksa")
        self.upload(exports.blogger())
        run = ImportRun.objects.get()
        response = self.client.get(reverse("news_import_run", args=[run.pk]))
        self.assertContains(response, "Yang akan dilakukan impor")
        self.assertContains(response, "dilewati: tanggalnya “kemarin sore” tidak terbaca.")

    def test_unreadable_file(self):
        self.client.force_login(self.admin)
        pages = Page.objects.count()
        self.upload("bukan xml sama sekali")
        run = ImportRun.objects.get()
        self.assertEqual(run.status, ImportRun.Status.FAILED)
        response = self.client.get(reverse("news_import_run", args=[run.pk]))
        self.assertContains(response, "Nothing was imported.")
        self.assertNotContains(response, "Start the import")
        self.assertEqual(Page.objects.count(), pages)

    def test_a_file_is_required(self):
        self.client.force_login(self.admin)
        response = self.client.post(reverse("news_import"), {"opd": self.site["diskominfo"].pk})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required.")
        self.assertFalse(ImportRun.objects.exists())

    def test_refused_to_editors_and_contributors(self):
        for user in (self.editor, self.contributor):
            self.client.force_login(user)
            with self.subTest(user.username):
                # Wagtail's answer to a refused admin view: back to the dashboard with a message.
                self.assertRedirects(self.client.get(reverse("news_import")), reverse("wagtailadmin_home"))
                response = self.upload(exports.blogger())
                self.assertRedirects(response, reverse("wagtailadmin_home"))
                self.assertFalse(ImportRun.objects.exists())
                menu = self.client.get(reverse("wagtailadmin_home")).content.decode()
                self.assertNotIn(reverse("news_import"), menu)

    def test_an_upload_never_imported_is_deleted_after_a_day(self):
        self.client.force_login(self.admin)
        self.upload(exports.blogger())
        run = ImportRun.objects.get()
        stored = Path(run.stored_file)
        self.assertTrue(stored.exists())
        ImportRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
        self.client.get(reverse("news_import"))
        run.refresh_from_db()
        self.assertEqual(run.stored_file, "")
        self.assertFalse(stored.exists())
        self.assertNotContains(self.client.get(reverse("news_import_run", args=[run.pk])), "Start the import")
