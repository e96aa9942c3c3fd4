"""seed_demo leaves pages in every English state, and running it again changes nothing."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.models import Revision

from editorial.models import PageTranslationStatus, TranslationState
from tests.factories.demo import seed_demo


@override_settings(DEBUG=True)
class DemoTests(TestCase):
    def seed(self):
        seed_demo()

    def test_demo_shows_every_state_idempotently(self):
        self.seed()
        states = dict(PageTranslationStatus.objects.values_list("page__slug_ind", "state"))
        self.assertEqual(states["tentang-kota"], TranslationState.STALE)
        self.assertEqual(states["maklumat-pelayanan"], TranslationState.MISSING)
        self.assertEqual(states["pengaduan-masyarakat"], TranslationState.PARTLY)
        self.assertEqual(states["beranda"], TranslationState.TRANSLATED)
        about = PageTranslationStatus.objects.get(page__slug_ind="tentang-kota")
        self.assertEqual(about.stale_fields, ["summary"])
        revisions = Revision.objects.count()
        rows = sorted(PageTranslationStatus.objects.values_list("page_id", "state"))
        self.seed()
        self.assertEqual(Revision.objects.count(), revisions)
        self.assertEqual(sorted(PageTranslationStatus.objects.values_list("page_id", "state")), rows)


@override_settings(DEBUG=True)
class DemoAccountTests(TestCase):
    def test_demo_has_an_account_per_role_with_email_printed_with_passwords(self):
        """Administrator, editor, translator and OPD contributor can log in; seed_demo prints their passwords."""
        from django.contrib.auth import get_user_model

        from editorial.roles import ADMINISTRATORS_GROUP, EDITORS_GROUP, TRANSLATORS_GROUP

        out = StringIO()
        call_command("seed_demo", stdout=out)
        call_command("seed_demo", stdout=StringIO())  # idempotent: no duplicate account or group
        User = get_user_model()
        expected = {
            "admin": ("pinang-admin-2026", ADMINISTRATORS_GROUP),
            "redaktur-diskominfo": ("pinang-redaktur-2026", EDITORS_GROUP),
            "penerjemah": ("pinang-penerjemah-2026", TRANSLATORS_GROUP),
            "kontributor-disbudpar": ("pinang-kontributor-2026", "OPD contributor / Kontributor OPD: disbudpar"),
        }
        for username, (password, group) in expected.items():
            with self.subTest(username=username):
                user = User.objects.get(username=username)
                self.assertTrue(user.check_password(password))
                self.assertTrue(user.email)
                self.assertEqual(list(user.groups.values_list("name", flat=True)), [group])
                self.assertIn(f"{username} / {password}", out.getvalue())
        self.assertTrue(self.client.login(username="penerjemah", password="pinang-penerjemah-2026"))
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_no_accounts_without_debug_or_when_told_not_to(self):
        from django.contrib.auth import get_user_model

        seed_demo("--no-users")
        self.assertFalse(get_user_model().objects.filter(username="penerjemah").exists())
