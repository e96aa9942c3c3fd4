"""Editor traps removed: starting a page again points to the draft autosave kept, and a schedule is
confirmed with its date, in the editor's language."""

import re
from html import unescape

from django.contrib.messages import get_messages
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.users.models import UserProfile

from home.models import StandardPage
from tests.editorial.site import EditorialSiteTestCase, standard_page_data
from tests.factories.editorial import edit_form_data

# Thursday 14 March 2030, 09:30 in Tanjungpinang (Asia/Jakarta), as the admin's date-time field takes it.
GO_LIVE = "2030-03-14 09:30"
STANDARD_SLUG_ERROR = {"id": "Slug ini sudah dipakai", "en": "This slug is already in use"}


def shown_messages(response):
    """The texts of the messages the next page shows, without markup."""
    return [" ".join(unescape(strip_tags(str(message))).split()) for message in get_messages(response.wsgi_request)]


def speak(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


class StartingAgainTests(EditorialSiteTestCase):
    """An editor whose first attempt autosave kept as a draft starts the same page again."""

    def add_url(self):
        return f"/admin/pages/add/home/standardpage/{self.home.pk}/"

    def autosave(self, user, **overrides):
        """What the add form's autosave sends: a draft save that expects JSON; the new page's id."""
        self.client.force_login(user)
        response = self.client.post(
            self.add_url(), standard_page_data(**overrides), headers={"accept": "application/json"}
        )
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()["pk"]

    def start_again(self, user, **overrides):
        self.client.force_login(user)
        response = self.client.post(self.add_url(), standard_page_data(**overrides))
        self.assertEqual(response.status_code, 200)  # the form again, with its errors
        return response

    def test_own_draft_is_named_and_linked_once_in_indonesian(self):
        """One message, in Indonesian, on the Indonesian slug, with the draft's title and a link to its edit
        view; no bare "already in use" errors."""
        draft = self.autosave(self.editor)
        response = self.start_again(self.editor)
        form = response.context["form"]
        self.assertEqual(list(form.errors), ["slug_ind"])
        self.assertEqual(len(form.errors["slug_ind"]), 1)
        message = form.errors["slug_ind"][0]
        self.assertIn("Anda sudah memulai halaman dengan slug ini", message)
        self.assertIn("“Layanan Publik”", message)
        self.assertIn(f'<a href="/admin/pages/{draft}/edit/">Lanjutkan draf itu</a>', message)
        html = response.content.decode()
        self.assertIn(f'<a href="/admin/pages/{draft}/edit/">Lanjutkan draf itu</a>', html)  # a working link
        self.assertNotIn(STANDARD_SLUG_ERROR["id"], html)
        self.assertNotIn(STANDARD_SLUG_ERROR["en"], html)
        self.assertEqual(StandardPage.objects.filter(slug_ind="layanan-publik").count(), 1)

    def test_own_draft_message_in_english(self):
        """An editor whose admin speaks English reads the same message in English."""
        speak(self.editor, "en")
        draft = self.autosave(self.editor)
        message = self.start_again(self.editor).context["form"].errors["slug_ind"][0]
        self.assertIn("You already started a page with this slug", message)
        self.assertIn(f'<a href="/admin/pages/{draft}/edit/">Continue that draft</a>', message)

    def test_clash_in_english_only_still_points_to_the_draft(self):
        """The draft is found through whichever language's slug is taken; the free one gives no error."""
        draft = self.autosave(self.editor)
        form = self.start_again(self.editor, title_ind="Layanan Warga", slug_ind="layanan-warga").context["form"]
        self.assertEqual(list(form.errors), ["slug_en"])
        self.assertIn(f"/admin/pages/{draft}/edit/", form.errors["slug_en"][0])

    def test_someone_elses_draft_keeps_the_standard_message_in_indonesian(self):
        """Another user's draft is not theirs to continue: the standard slug errors, translated."""
        self.autosave(self.administrator)
        form = self.start_again(self.editor).context["form"]
        self.assertEqual(sorted(form.errors), ["slug_en", "slug_ind"])
        self.assertEqual(form.errors["slug_ind"], [STANDARD_SLUG_ERROR["id"]])
        self.assertEqual(form.errors["slug_en"], [STANDARD_SLUG_ERROR["id"]])
        self.assertFalse(form.non_field_errors())

    def test_own_page_that_has_been_live_keeps_the_standard_message(self):
        """A page of theirs that has been published is not an abandoned draft."""
        speak(self.editor, "en")
        page = Page.objects.get(pk=self.autosave(self.editor))
        page.get_latest_revision().publish()
        page.refresh_from_db()
        page.unpublish()
        form = self.start_again(self.editor).context["form"]
        self.assertEqual(form.errors["slug_ind"], [STANDARD_SLUG_ERROR["en"]])
        self.assertEqual(form.errors["slug_en"], [STANDARD_SLUG_ERROR["en"]])
        self.assertFalse(form.non_field_errors())

    def test_autosave_of_the_second_form_answers_json_without_creating_a_page(self):
        """The second form's own autosave is refused as before (a validation error), and makes no page."""
        self.autosave(self.editor)
        response = self.client.post(self.add_url(), standard_page_data(), headers={"accept": "application/json"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error_code"], "validation_error")
        self.assertEqual(StandardPage.objects.filter(slug_ind="layanan-publik").count(), 1)


class ScheduleMessageTests(EditorialSiteTestCase):
    """The confirmation of a schedule says when the page goes live."""

    def setUp(self):
        self.client.force_login(self.editor)

    def edit(self, page, **post):
        data = edit_form_data(self.client, page, go_live_at=GO_LIVE)
        data.update(post)
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        return shown_messages(response)

    def test_save_schedule_on_a_live_page_gives_the_date_in_indonesian(self):
        """Saving the schedule ("Simpan jadwal", a plain save) names the date and the step that makes it count."""
        self.assertEqual(
            self.edit(self.about),
            [
                "Halaman 'Tentang Kota' disimpan dengan jadwal terbit pada Kamis, 14 Maret 2030 pukul 09.30. "
                "Jadwal berlaku setelah Anda memilih “Jadwalkan terbit”."
            ],
        )
        self.assertNotIn("diperbarui", " ".join(self.edit(self.about)))

    def test_schedule_to_publish_a_live_page_gives_the_date(self):
        """Publishing with a future go-live time: the live page stays, this version is scheduled for the date."""
        shown = self.edit(self.about, **{"action-publish": "action-publish"})
        self.assertEqual(len(shown), 1)
        self.assertIn("dijadwalkan terbit pada Kamis, 14 Maret 2030 pukul 09.30", shown[0])
        self.assertIn("'Tentang Kota' sedang tayang", shown[0])

    def test_schedule_to_publish_in_english(self):
        speak(self.editor, "en")
        draft = StandardPage.objects.get(pk=self.about.pk)
        draft.unpublish()
        shown = self.edit(draft, **{"action-publish": "action-publish"})
        self.assertEqual(
            shown, ["Page 'About the city' is scheduled to go live on Thursday, 14 March 2030, 09:30. Edit"]
        )

    def test_new_page_scheduled_to_go_live(self):
        response = self.client.post(
            f"/admin/pages/add/home/standardpage/{self.home.pk}/",
            standard_page_data(go_live_at=GO_LIVE, **{"action-publish": "action-publish"}),
        )
        self.assertEqual(response.status_code, 302)
        shown = shown_messages(response)
        self.assertEqual(len(shown), 1)
        self.assertIn("'Layanan Publik' dibuat dan dijadwalkan terbit pada Kamis, 14 Maret 2030 pukul 09.30", shown[0])

    def test_contributor_is_told_who_makes_the_schedule_count(self):
        """Someone who may not publish saves a schedule: the message says an approval makes it count."""
        speak(self.contributor, "en")
        self.client.force_login(self.contributor)
        shown = self.edit(self.own_news)
        self.assertEqual(len(shown), 1)
        self.assertRegex(shown[0], re.escape("saved with a schedule to go live on Thursday, 14 March 2030, 09:30."))
        self.assertIn("when someone who may publish the page approves it", shown[0])

    def test_a_save_without_a_schedule_keeps_wagtails_message(self):
        data = edit_form_data(self.client, self.about)
        response = self.client.post(f"/admin/pages/{self.about.pk}/edit/", data)
        self.assertEqual(shown_messages(response), ["Halaman 'Tentang Kota' telah diperbarui."])
