"""OPD-scoped publishing, proved through the real admin views: contributors write only their own OPD's
news and cannot publish; Diskominfo editors review and publish through the moderation workflow."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from editorial.roles import EDITORS_GROUP, contributor_group_name
from news.models import NewsPage
from news.permissions import setup_news_permissions
from tests.factories import news as factories
from tests.factories.pages import home_page
from tests.news.forms import news_form_data


class SetupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.index = factories.news_index()
        factories.opd("diskominfo", "Diskominfo")
        factories.opd("dlh", "DLH")

    def test_setup_is_idempotent(self):
        """A second run creates no group, newsroom, permission or workflow (``setup_roles`` runs this part)."""
        before = Group.objects.count()  # Wagtail's own Moderators and Editors
        setup_news_permissions()
        counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
        self.assertEqual(counts[0] - before, 3)
        setup_news_permissions()
        self.assertEqual(counts, (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count()))
        report = setup_news_permissions()
        self.assertEqual((report.groups_created, report.permissions_added), ([], 0))

    def test_each_opd_group_is_scoped_to_its_newsroom_without_publish(self):
        setup_news_permissions()
        group = Group.objects.get(name="OPD contributor / Kontributor OPD: dlh")
        perms = GroupPagePermission.objects.filter(group=group).select_related("page", "permission")
        self.assertEqual({perm.page.specific.opd.slug for perm in perms}, {"dlh"})
        self.assertEqual({perm.permission.codename for perm in perms}, {"add_page", "change_page"})
        moderators = GroupPagePermission.objects.filter(group__name=EDITORS_GROUP)
        self.assertIn("publish_page", {perm.permission.codename for perm in moderators})
        self.assertEqual(WorkflowPage.objects.get(page=self.index).workflow.name, "Editorial review / Tinjauan redaksi")


class OPDScopedPublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.index = factories.news_index()
        cls.diskominfo = factories.opd("diskominfo", "Diskominfo")
        cls.dlh = factories.opd("dlh", "DLH")
        setup_news_permissions(cls.index)
        cls.own_room = factories.newsroom(cls.dlh)
        cls.other_room = factories.newsroom(cls.diskominfo)
        User = get_user_model()
        cls.contributor = User.objects.create_user("kontributor", password="pw")
        cls.contributor.groups.add(Group.objects.get(name=contributor_group_name(cls.dlh)))
        cls.editor = User.objects.create_user("redaktur", password="pw")
        cls.editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
        cls.other_news = factories.news_page(cls.other_room, "Berita Diskominfo", "Diskominfo news")
        cls.own_news = factories.news_page(cls.own_room, "Berita DLH", "DLH news")

    def add_url(self, room):
        return f"/admin/pages/add/news/newspage/{room.pk}/"

    def test_contributor_creates_news_for_own_opd(self):
        self.client.force_login(self.contributor)
        response = self.client.post(self.add_url(self.own_room), news_form_data())
        self.assertEqual(response.status_code, 302)
        page = NewsPage.objects.get(slug_ind="bimtek-tahap-i")
        self.assertEqual(page.owner_opd, self.dlh)
        self.assertEqual(page.owner, self.contributor)
        self.assertFalse(page.live)

    def test_contributor_cannot_publish(self):
        """Posting "publish" saves a draft: the page stays offline."""
        self.client.force_login(self.contributor)
        self.client.post(self.add_url(self.own_room), news_form_data(**{"action-publish": "publish"}))
        page = NewsPage.objects.get(slug_ind="bimtek-tahap-i")
        self.assertFalse(page.live)
        self.assertEqual(self.client.get("/id/berita/dlh/bimtek-tahap-i/").status_code, 404)
        # Nor through the edit view of an existing page.
        data = news_form_data(
            title_ind="Judul baru", slug_ind="berita-dlh", slug_en="dlh-news", **{"action-publish": "publish"}
        )
        self.client.post(f"/admin/pages/{self.own_news.pk}/edit/", data)
        self.own_news.refresh_from_db()
        self.assertEqual(self.own_news.title_ind, "Berita DLH")
        self.assertTrue(self.own_news.has_unpublished_changes)

    def test_contributor_can_edit_own_opd_news(self):
        self.client.force_login(self.contributor)
        data = news_form_data(title_ind="Berita DLH diperbarui", slug_ind="berita-dlh")
        response = self.client.post(f"/admin/pages/{self.own_news.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        self.own_news.refresh_from_db()
        latest = self.own_news.get_latest_revision_as_object()
        self.assertEqual(latest.title_ind, "Berita DLH diperbarui")

    def test_contributor_cannot_create_in_another_opd(self):
        self.client.force_login(self.contributor)
        self.assertRedirects(self.client.get(self.add_url(self.other_room)), "/admin/")
        self.client.post(self.add_url(self.other_room), news_form_data())
        self.assertFalse(NewsPage.objects.filter(slug_ind="bimtek-tahap-i").exists())

    def test_contributor_cannot_edit_another_opds_news(self):
        self.client.force_login(self.contributor)
        url = f"/admin/pages/{self.other_news.pk}/edit/"
        self.assertRedirects(self.client.get(url), "/admin/")
        data = news_form_data(title_ind="Dibajak", slug_ind="berita-diskominfo")
        self.client.post(url, data)
        self.other_news.refresh_from_db()
        self.assertEqual(self.other_news.get_latest_revision_as_object().title_ind, "Berita Diskominfo")

    def test_submitted_news_is_published_by_a_diskominfo_editor(self):
        """Contributor submits to moderation; the Diskominfo editor approves; the page goes live."""
        self.client.force_login(self.contributor)
        self.client.post(self.add_url(self.own_room), news_form_data(**{"action-submit": "submit"}))
        page = NewsPage.objects.get(slug_ind="bimtek-tahap-i")
        workflow_state = page.current_workflow_state
        self.assertIsNotNone(workflow_state)
        self.assertFalse(page.live)
        task_state = workflow_state.current_task_state
        # The contributor cannot approve their own submission.
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
        self.client.post(url, {"comment": ""})
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.client.force_login(self.editor)
        response = self.client.post(url, {"comment": "Terbit."})
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(self.client.get("/id/berita/dlh/bimtek-tahap-i/").status_code, 200)

    def test_diskominfo_editor_can_edit_any_opd_news(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(f"/admin/pages/{self.other_news.pk}/edit/").status_code, 200)
        self.assertEqual(self.client.get(f"/admin/pages/{self.own_news.pk}/edit/").status_code, 200)
