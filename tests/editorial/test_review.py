"""The review workflow through the real admin views: submit, approve or reject with a comment, and the
emails that tell the editors and the submitter."""

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Page, WorkflowState

from news.models import NewsPage
from smartcity.models import SmartCityProgrammePage
from tests.editorial.site import EditorialSiteTestCase
from tests.factories.editorial import edit_form_data
from tests.news.forms import news_form_data


@override_settings(WAGTAILADMIN_NOTIFICATION_FROM_EMAIL="redaksi@tanjungpinangkota.go.id")
class ReviewWorkflowTests(EditorialSiteTestCase):
    def submit_edit(self, user, page, **overrides):
        self.client.force_login(user)
        data = edit_form_data(self.client, page, **overrides)
        data["action-submit"] = "submit"
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        return Page.objects.get(pk=page.pk).specific

    def workflow_action(self, user, page, action, comment=""):
        """Approve or reject the page's current review step as ``user``, with a comment."""
        task_state = page.current_workflow_state.current_task_state
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
        return self.client.post(url, {"comment": comment})

    def mails_to(self, user):
        return [message for message in mail.outbox if message.to == [user.email]]

    def test_contributor_submits_news_and_editor_approves_with_comment(self):
        """The editors are told of the submission; after approval the news is live and the contributor is told."""
        self.client.force_login(self.contributor)
        data = news_form_data(**{"action-submit": "submit"})
        self.client.post(f"/admin/pages/add/news/newspage/{self.own_room.pk}/", data)
        page = NewsPage.objects.get(slug_ind="bimtek-tahap-i")
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        to_editor = self.mails_to(self.editor)
        self.assertEqual(len(to_editor), 1)
        self.assertIn("Bimtek Tahap I", to_editor[0].subject)
        self.assertEqual(self.mails_to(self.translator), [])

        mail.outbox.clear()
        response = self.workflow_action(self.editor, page, "approve", "Sudah baik, terbit.")
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(self.client.get("/id/berita/dlh/bimtek-tahap-i/").status_code, 200)
        [message] = self.mails_to(self.contributor)
        self.assertIn("Bimtek Tahap I", message.subject)
        self.assertEqual(message.from_email, "redaksi@tanjungpinangkota.go.id")
        self.assertIn(page.full_url, message.body)

    def test_editor_rejects_a_programme_translation_with_a_comment(self):
        """A rejected submission stays unpublished; the translator gets the reviewer's comment by email."""
        page = self.submit_edit(self.translator, self.programme, title_en="Online Public Services")
        self.assertEqual(page.current_workflow_state.workflow.name, "Editorial review / Tinjauan redaksi")
        mail.outbox.clear()
        comment = "Judul Inggris kurang tepat: gunakan Online Services Portal."
        self.workflow_action(self.editor, page, "reject", comment)
        page = SmartCityProgrammePage.objects.get(pk=page.pk)
        self.assertEqual(page.title_en, "Online Services")  # the live page is unchanged
        self.assertEqual(page.workflow_states.latest("created_at").status, WorkflowState.STATUS_NEEDS_CHANGES)
        [message] = self.mails_to(self.translator)
        self.assertIn(comment, message.body)
        self.assertIn(f"/admin/pages/{page.pk}/edit/", message.body)
        self.assertIn(comment, message.alternatives[0][0])  # the HTML version carries it too

    def test_resubmitted_after_changes_then_approved(self):
        """After a rejection the translator fixes the text and resubmits; the editor's approval publishes it."""
        page = self.submit_edit(self.translator, self.about, title_en="About Tanjungpinang City")
        self.workflow_action(self.editor, page, "reject", "Pakai 'About Tanjungpinang'.")
        page = self.submit_edit(self.translator, page, title_en="About Tanjungpinang")
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        mail.outbox.clear()
        self.workflow_action(self.editor, page, "approve")
        page = Page.objects.get(pk=page.pk).specific
        self.assertEqual(page.title_en, "About Tanjungpinang")
        self.assertEqual(len(self.mails_to(self.translator)), 1)

    def test_submitters_cannot_approve(self):
        """Neither a translator nor a contributor can approve a submission, their own included."""
        page = self.submit_edit(self.translator, self.about, title_en="About Tanjungpinang")
        for user in (self.translator, self.contributor):
            self.workflow_action(user, page, "approve")
            self.assertEqual(Page.objects.get(pk=page.pk).specific.title_en, "About the city")
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)

    def test_no_email_without_address_or_with_notifications_off(self):
        """Wagtail only emails active users with an address whose "rejected" notifications are on."""
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(self.translator)
        profile.rejected_notifications = False
        profile.save()
        page = self.submit_edit(self.translator, self.about, title_en="About Tanjungpinang")
        mail.outbox.clear()
        self.workflow_action(self.editor, page, "reject", "Belum.")
        self.assertEqual(self.mails_to(self.translator), [])
