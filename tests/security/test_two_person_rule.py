"""The optional two-person rule: with it on, nobody approves a page they submitted; off, nothing changes."""

from django.test import override_settings
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Page, Task, WorkflowState

from editorial.models import EditorialReviewTask
from editorial.roles import REVIEW_TASK_NAME, as_editorial_review_task
from tests.editorial.site import EditorialSiteTestCase
from tests.factories.editorial import edit_form_data, role_user


class TwoPersonRuleTests(EditorialSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.second_editor = role_user("redaktur-dua", "Editor / Redaktur")

    def submit(self, user, page, **overrides):
        self.client.force_login(user)
        data = edit_form_data(self.client, page, **overrides)
        data["action-submit"] = "submit"
        self.assertEqual(self.client.post(f"/admin/pages/{page.pk}/edit/", data).status_code, 302)
        return Page.objects.get(pk=page.pk).specific

    def approve(self, user, page):
        task_state = page.current_workflow_state.current_task_state
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
        return self.client.post(url, {"comment": ""})

    def test_the_review_task_is_the_editorial_one(self):
        self.assertIsInstance(Task.objects.get(name=REVIEW_TASK_NAME).specific, EditorialReviewTask)

    @override_settings(REVIEW_TWO_PERSON_RULE=True)
    def test_the_submitter_cannot_approve_but_another_editor_can(self):
        page = self.submit(self.editor, self.about, title_en="About Tanjungpinang")
        self.approve(self.editor, page)  # refused: Wagtail's admin turns the refusal into a redirect with a message
        page.refresh_from_db()
        self.assertEqual(page.title_en, "About the city")  # the live page is unchanged
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        # The edit view offers the submitter no approve action either.
        self.client.force_login(self.editor)
        html = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        self.assertNotIn('value="approve"', html)
        self.assertEqual(self.approve(self.second_editor, page).status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.title_en, "About Tanjungpinang")
        self.assertTrue(page.live)

    def test_off_by_default_the_submitter_may_approve(self):
        page = self.submit(self.editor, self.about, title_en="About Tanjungpinang")
        self.assertEqual(self.approve(self.editor, page).status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.title_en, "About Tanjungpinang")

    def test_an_older_plain_group_task_is_converted_with_its_groups(self):
        plain = GroupApprovalTask.objects.create(name="Lama")
        plain.groups.add(*self.editor.groups.all())
        converted = as_editorial_review_task(GroupApprovalTask.objects.get(pk=plain.pk))
        self.assertEqual(converted.pk, plain.pk)
        self.assertEqual(set(converted.groups.all()), set(self.editor.groups.all()))
        self.assertIsInstance(Task.objects.get(pk=plain.pk).specific, EditorialReviewTask)
        self.assertEqual(as_editorial_review_task(converted).pk, plain.pk)  # idempotent
