"""Scheduled publishing: an editor sets "go live at" in the admin, and ``publish_scheduled`` (run by cron)
publishes the page, both languages, once that time has passed; "expire at" takes it down again."""

import datetime
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page

from home.models import StandardPage
from tests.editorial.site import EditorialSiteTestCase, standard_page_data
from tests.factories.editorial import edit_form_data


def admin_datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def run_publish_scheduled(at):
    """Run the cron command as if the clock showed ``at``."""
    with mock.patch("django.utils.timezone.now", return_value=at):
        call_command("publish_scheduled", verbosity=0)


class ScheduledPublishingTests(EditorialSiteTestCase):
    def setUp(self):
        self.now = timezone.now()
        self.client.force_login(self.editor)

    def test_scheduled_change_to_a_live_page_is_published_when_its_time_comes(self):
        """The live page keeps its text until the go-live time; then both languages' new text is live."""
        go_live = self.now + datetime.timedelta(days=2)
        data = edit_form_data(
            self.client,
            self.about,
            title_ind="Tentang Kota Tanjungpinang",
            title_en="About Tanjungpinang",
            go_live_at=admin_datetime(go_live),
        )
        data["action-publish"] = "publish"
        self.assertEqual(self.client.post(f"/admin/pages/{self.about.pk}/edit/", data).status_code, 302)
        page = StandardPage.objects.get(pk=self.about.pk)
        self.assertEqual((page.title_ind, page.title_en), ("Tentang Kota", "About the city"))
        self.assertIsNotNone(page.scheduled_revision)

        run_publish_scheduled(self.now + datetime.timedelta(days=1))
        self.assertEqual(StandardPage.objects.get(pk=page.pk).title_en, "About the city")

        run_publish_scheduled(go_live + datetime.timedelta(minutes=1))
        page = StandardPage.objects.get(pk=page.pk)
        self.assertEqual((page.title_ind, page.title_en), ("Tentang Kota Tanjungpinang", "About Tanjungpinang"))
        self.assertIsNone(page.scheduled_revision)

    def test_new_page_goes_live_at_its_time_and_expires(self):
        """A new page scheduled for tomorrow is absent until the command runs after its go-live time."""
        go_live = self.now + datetime.timedelta(days=1)
        expire = self.now + datetime.timedelta(days=10)
        data = standard_page_data(
            go_live_at=admin_datetime(go_live), expire_at=admin_datetime(expire), **{"action-publish": "publish"}
        )
        self.client.post(f"/admin/pages/add/home/standardpage/{self.home.pk}/", data)
        page = StandardPage.objects.get(slug_ind="layanan-publik")
        self.assertFalse(page.live)
        self.client.logout()
        self.assertEqual(self.client.get("/id/layanan-publik/").status_code, 404)

        run_publish_scheduled(go_live + datetime.timedelta(minutes=1))
        self.assertTrue(Page.objects.get(pk=page.pk).live)
        self.assertEqual(self.client.get("/id/layanan-publik/").status_code, 200)
        self.assertEqual(self.client.get("/en/public-services/").status_code, 200)

        run_publish_scheduled(expire + datetime.timedelta(minutes=1))
        page = Page.objects.get(pk=page.pk)
        self.assertFalse(page.live)
        self.assertTrue(page.expired)
