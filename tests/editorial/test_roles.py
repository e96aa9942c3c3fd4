"""The editorial roles: the setup command, and what each role can and cannot do through the real admin views."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase

from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage

from cms.roles import setup_roles
from editorial.roles import (
    ADMINISTRATORS_GROUP,
    EDITORS_GROUP,
    REVIEW_TASK_NAME,
    TRANSLATORS_GROUP,
    WORKFLOW_NAME,
    contributor_group_name,
)
from home.models import StandardPage
from news.models import NewsPage
from news.permissions import setup_news_permissions
from smartcity.models import SmartCityProgrammePage
from tests.editorial.site import EditorialSiteTestCase, standard_page_data
from tests.factories import news
from tests.factories.editorial import edit_form_data
from tests.factories.pages import home_page, standard_page


def page_codenames(group_name, page):
    perms = GroupPagePermission.objects.filter(group__name=group_name, page=page)
    return set(perms.values_list("permission__codename", flat=True))


class SetupRolesCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.index = news.news_index()
        news.opd("dlh", "DLH")

    def counts(self):
        return (
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            Workflow.objects.count(),
            sum(group.permissions.count() for group in Group.objects.all()),
        )

    def test_command_creates_every_role_and_is_idempotent(self):
        """The first run creates the four kinds of group; a second run adds nothing at all."""
        out = StringIO()
        call_command("setup_roles", stdout=out)
        self.assertIn("Roles are set up", out.getvalue())
        for name in (ADMINISTRATORS_GROUP, EDITORS_GROUP, TRANSLATORS_GROUP, "OPD contributor / Kontributor OPD: dlh"):
            self.assertIn(f"Created group {name}", out.getvalue())
        before = self.counts()
        call_command("setup_roles", stdout=StringIO())
        setup_news_permissions()  # the news part alone adds nothing either
        self.assertEqual(before, self.counts())
        report = setup_roles()
        self.assertEqual((report.groups_created, report.permissions_added, report.workflow_created), ([], 0, False))

    def test_page_permissions_of_each_role(self):
        """Editors add/change/publish on the home page, translators only change, administrators everything."""
        setup_roles()
        self.assertEqual(
            page_codenames(EDITORS_GROUP, self.home),
            {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
        )
        self.assertEqual(page_codenames(TRANSLATORS_GROUP, self.home), {"change_page"})
        self.assertEqual(len(page_codenames(ADMINISTRATORS_GROUP, Page.get_first_root_node())), 6)
        self.assertTrue(Group.objects.get(name=EDITORS_GROUP).permissions.filter(codename="change_opd").exists())
        self.assertFalse(Group.objects.get(name=EDITORS_GROUP).permissions.filter(codename="delete_opd").exists())

    def test_review_workflow_covers_the_site_news_and_programmes(self):
        """One workflow, reviewed by the editors, assigned to the home page and the city newsroom."""
        setup_roles()
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        self.assertEqual(WorkflowPage.objects.get(page=self.home).workflow, workflow)
        self.assertEqual(WorkflowPage.objects.get(page=self.index).workflow, workflow)
        task = GroupApprovalTask.objects.get(name=REVIEW_TASK_NAME)
        self.assertEqual(list(task.groups.values_list("name", flat=True)), [EDITORS_GROUP])

    def test_groups_made_before_issue_8_are_renamed_not_duplicated(self):
        """An existing "Diskominfo editors" group keeps its members and becomes "Editor / Redaktur"."""
        legacy = Group.objects.create(name="Diskominfo editors")
        legacy_contributors = Group.objects.create(name="News contributors: dlh")
        Workflow.objects.create(name="News review")
        setup_roles()
        self.assertEqual(Group.objects.get(pk=legacy.pk).name, EDITORS_GROUP)
        self.assertEqual(Group.objects.get(pk=legacy_contributors.pk).name, "OPD contributor / Kontributor OPD: dlh")
        self.assertFalse(Group.objects.filter(name__in=["Diskominfo editors", "News contributors: dlh"]).exists())
        self.assertEqual(Workflow.objects.filter(name=WORKFLOW_NAME).count(), 1)
        self.assertFalse(Workflow.objects.filter(name="News review").exists())


class RoleMatrixTests(EditorialSiteTestCase):
    """Add, edit, publish, delete and submit, per role, page type and OPD."""

    def add_standard_page(self, user, publish=True):
        self.client.force_login(user)
        data = standard_page_data(**({"action-publish": "publish"} if publish else {}))
        return self.client.post(f"/admin/pages/add/home/standardpage/{self.home.pk}/", data)

    def edit(self, user, page, publish=True, **overrides):
        self.client.force_login(user)
        data = edit_form_data(self.client, page, **overrides)
        if publish:
            data["action-publish"] = "publish"
        return self.client.post(f"/admin/pages/{page.pk}/edit/", data)

    def delete(self, user, page):
        self.client.force_login(user)
        return self.client.post(f"/admin/pages/{page.pk}/delete/")

    def assertLiveTitle(self, page, title_en):
        page.refresh_from_db()
        self.assertEqual(page.specific.title_en, title_en)

    # Administrator -------------------------------------------------------------------------------

    def test_administrator_adds_publishes_and_deletes(self):
        """The Administrator group, without superuser status, adds and publishes a page, then deletes it."""
        self.assertEqual(self.add_standard_page(self.administrator).status_code, 302)
        page = StandardPage.objects.get(slug_ind="layanan-publik")
        self.assertTrue(page.live)
        self.assertEqual(self.delete(self.administrator, page).status_code, 302)
        self.assertFalse(StandardPage.objects.filter(pk=page.pk).exists())

    def test_administrator_manages_users_and_groups(self):
        """Only the administrator reaches user and group management."""
        self.client.force_login(self.administrator)
        self.assertEqual(self.client.get("/admin/users/").status_code, 200)
        self.assertEqual(self.client.get("/admin/groups/").status_code, 200)
        for user in (self.editor, self.translator, self.contributor):
            self.client.force_login(user)
            self.assertEqual(self.client.get("/admin/users/").status_code, 302)

    # Editor --------------------------------------------------------------------------------------

    def test_editor_publishes_every_page_type(self):
        """An editor edits and publishes a standard page, any OPD's news, a programme and a heritage site."""
        for page in (self.about, self.own_news, self.other_news, self.programme, self.site):
            with self.subTest(page=type(page).__name__):
                response = self.edit(self.editor, page, title_en=f"{page.title_en} (checked)")
                self.assertEqual(response.status_code, 302)
                self.assertLiveTitle(page, f"{page.title_en} (checked)")
                self.assertFalse(Page.objects.get(pk=page.pk).has_unpublished_changes)

    def test_editor_adds_and_publishes_a_page(self):
        self.assertEqual(self.add_standard_page(self.editor).status_code, 302)
        self.assertTrue(StandardPage.objects.get(slug_ind="layanan-publik").live)

    def test_editor_deletes_a_page(self):
        """An editor may delete a single page, live or not."""
        self.assertEqual(self.delete(self.editor, self.about).status_code, 302)
        self.assertFalse(StandardPage.objects.filter(pk=self.about.pk).exists())

    def test_editor_edits_the_opd_register(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(f"/admin/snippets/home/opd/edit/{self.dlh.pk}/").status_code, 200)
        self.assertEqual(self.client.get(f"/admin/snippets/home/opd/delete/{self.dlh.pk}/").status_code, 302)

    # OPD contributor -----------------------------------------------------------------------------

    def test_contributor_edits_own_opd_news_without_publishing(self):
        """A contributor's "publish" on their own OPD's news only saves a draft."""
        response = self.edit(self.contributor, self.own_news, title_en="DLH news, updated")
        self.assertEqual(response.status_code, 302)
        self.assertLiveTitle(self.own_news, "DLH news")
        latest = NewsPage.objects.get(pk=self.own_news.pk).get_latest_revision_as_object()
        self.assertEqual(latest.title_en, "DLH news, updated")

    def test_contributor_cannot_touch_other_content(self):
        """Another OPD's news, standard pages and programmes (even their own OPD's) are closed to them."""
        self.client.force_login(self.contributor)
        for page in (self.other_news, self.about, self.programme, self.site):
            with self.subTest(page=type(page).__name__):
                self.assertRedirects(self.client.get(f"/admin/pages/{page.pk}/edit/"), "/admin/")
        self.assertRedirects(self.client.get(f"/admin/pages/add/home/standardpage/{self.home.pk}/"), "/admin/")
        self.assertEqual(self.delete(self.contributor, self.other_news).status_code, 302)
        self.assertTrue(NewsPage.objects.filter(pk=self.other_news.pk).exists())

    def test_contributor_cannot_delete_published_news(self):
        """Even their own OPD's live news stays: only a publisher may take a live page down."""
        self.delete(self.contributor, self.own_news)
        self.assertTrue(NewsPage.objects.filter(pk=self.own_news.pk, live=True).exists())

    # Translator ----------------------------------------------------------------------------------

    def test_translator_edits_existing_pages_in_both_languages(self):
        """The translator saves both languages' text of a standard page, news and a programme as drafts."""
        for page in (self.about, self.other_news, self.programme):
            with self.subTest(page=type(page).__name__):
                response = self.edit(
                    self.translator,
                    page,
                    publish=False,
                    title_ind=f"{page.title_ind} (revisi)",
                    title_en=f"{page.title_en} (revised)",
                )
                self.assertEqual(response.status_code, 302)
                latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
                self.assertEqual(
                    (latest.title_ind, latest.title_en), (f"{page.title_ind} (revisi)", f"{page.title_en} (revised)")
                )

    def test_translator_cannot_publish(self):
        """A translator's "publish" saves a draft; the live English title is unchanged."""
        self.edit(self.translator, self.about, title_en="About Tanjungpinang")
        self.assertLiveTitle(self.about, "About the city")
        self.assertTrue(StandardPage.objects.get(pk=self.about.pk).has_unpublished_changes)

    def test_translator_submits_for_review(self):
        """ "Submit for moderation" starts the editorial review of the translated page."""
        self.client.force_login(self.translator)
        data = edit_form_data(self.client, self.about, title_en="About Tanjungpinang")
        data["action-submit"] = "submit"
        self.client.post(f"/admin/pages/{self.about.pk}/edit/", data)
        state = StandardPage.objects.get(pk=self.about.pk).current_workflow_state
        self.assertIsNotNone(state)
        self.assertEqual(state.requested_by, self.translator)
        self.assertLiveTitle(self.about, "About the city")

    def test_translator_cannot_add_pages(self):
        self.client.force_login(self.translator)
        self.assertRedirects(self.client.get(f"/admin/pages/add/home/standardpage/{self.home.pk}/"), "/admin/")
        self.add_standard_page(self.translator, publish=False)
        self.assertFalse(StandardPage.objects.filter(slug_ind="layanan-publik").exists())

    def test_translator_cannot_delete_live_or_draft_pages(self):
        """Neither a live page nor a draft (which Wagtail's "change" alone would allow) can be deleted."""
        draft = standard_page(self.home, "Rancangan", "Draft")
        draft.unpublish()
        for page in (self.about, draft):
            with self.subTest(live=page.live):
                self.client.force_login(self.translator)
                self.assertEqual(self.client.get(f"/admin/pages/{page.pk}/delete/").status_code, 302)
                self.delete(self.translator, page)
                self.assertTrue(StandardPage.objects.filter(pk=page.pk).exists())

    def test_translator_cannot_move_or_unpublish(self):
        draft = standard_page(self.home, "Rancangan", "Draft")
        draft.unpublish()
        self.client.force_login(self.translator)
        self.client.post(f"/admin/pages/{draft.pk}/move/{self.about.pk}/confirm/")
        self.assertEqual(Page.objects.get(pk=draft.pk).get_parent().pk, self.home.pk)
        self.client.post(f"/admin/pages/{self.about.pk}/unpublish/")
        self.assertTrue(Page.objects.get(pk=self.about.pk).live)

    def test_translator_cannot_bulk_delete(self):
        draft = standard_page(self.home, "Rancangan", "Draft")
        draft.unpublish()
        self.client.force_login(self.translator)
        url = f"/admin/bulk/wagtailcore/page/delete/?next=/admin/pages/{self.home.pk}/&id={draft.pk}"
        self.client.post(url)
        self.assertTrue(StandardPage.objects.filter(pk=draft.pk).exists())

    def test_programme_type_is_under_review_for_translators(self):
        """A translator's programme edit goes to the editors' review, like news."""
        self.client.force_login(self.translator)
        data = edit_form_data(self.client, self.programme, title_en="Online Services (revised)")
        data["action-submit"] = "submit"
        self.client.post(f"/admin/pages/{self.programme.pk}/edit/", data)
        state = SmartCityProgrammePage.objects.get(pk=self.programme.pk).current_workflow_state
        self.assertEqual(state.workflow.name, WORKFLOW_NAME)


class ContributorGroupTests(TestCase):
    def test_contributor_group_name_is_bilingual_and_keyed_by_slug(self):
        """The name carries both languages and the OPD's slug, which never changes."""
        home_page()
        dlh = news.opd("dlh", "DLH")
        self.assertEqual(contributor_group_name(dlh), "OPD contributor / Kontributor OPD: dlh")
