"""The demo seeds a PPID with its pages, a few register entries (one exempt) and two requests in different states,
and seeding again changes nothing."""

from django.test import TestCase

from ppid.models import Category, DIPDocument, DIPEntryPage, InformationRequest, PPIDIndexPage, RequestStatus
from tests.factories.demo import seed_demo


class DemoTests(TestCase):
    def test_seed_is_complete_and_idempotent(self):
        seed_demo()
        counts = (DIPEntryPage.objects.count(), DIPDocument.objects.count(), InformationRequest.objects.count())
        seed_demo()
        self.assertEqual(
            counts, (DIPEntryPage.objects.count(), DIPDocument.objects.count(), InformationRequest.objects.count())
        )
        self.assertEqual(PPIDIndexPage.objects.count(), 1)
        self.assertGreaterEqual(counts[0], 3)
        self.assertTrue(DIPEntryPage.objects.filter(category=Category.DIKECUALIKAN).exists())
        statuses = set(InformationRequest.objects.values_list("status", flat=True))
        self.assertEqual(len(statuses), 2)
        self.assertIn(RequestStatus.RECEIVED, statuses)
        for path in ("/id/ppid/", "/en/ppid/", "/id/ppid/daftar-informasi-publik/", "/en/ppid/report-2026/"):
            self.assertEqual(self.client.get(path).status_code, 200, path)
