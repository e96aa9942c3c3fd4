"""seed_demo leaves pages in every English state, and running it again changes nothing."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.models import Revision

from editorial.models import PageTranslationStatus, TranslationState


@override_settings(DEBUG=True)
class DemoTests(TestCase):
    def seed(self):
        call_command("seed_demo", "--no-users", stdout=StringIO())

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
