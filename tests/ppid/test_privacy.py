"""Personal data: old decided requests are anonymised by the command; open ones and recent ones are kept."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from ppid.models import InformationRequest, OutboxEmail, RequestStatus
from tests.factories.ppid import information_request, request_page


class AnonymiseTests(TestCase):
    def setUp(self):
        request_page()
        old = timezone.now() - timedelta(days=400)
        self.old, self.old_token = information_request(received_at=old, name="Lama Sekali")
        InformationRequest.objects.filter(pk=self.old.pk).update(
            status=RequestStatus.ANSWERED_FULL, decided_on=timezone.localdate(old)
        )
        OutboxEmail.objects.create(request=self.old, to="warga@example.org", subject="s", body="link")
        self.old_open, _ = information_request(received_at=old, name="Masih Terbuka")
        self.recent, _ = information_request(name="Baru Saja")
        InformationRequest.objects.filter(pk=self.recent.pk).update(status=RequestStatus.REFUSED)

    def test_dry_run_changes_nothing(self):
        out = StringIO()
        call_command("anonymise_ppid_requests", "--days", "365", "--dry-run", stdout=out)
        self.assertIn(self.old.registration_number, out.getvalue())
        self.assertEqual(InformationRequest.objects.get(pk=self.old.pk).name, "Lama Sekali")

    def test_anonymises_decided_requests_past_retention(self):
        call_command("anonymise_ppid_requests", "--days", "365", stdout=StringIO())
        old = InformationRequest.objects.get(pk=self.old.pk)
        self.assertEqual((old.name, old.email, old.identity_last4), ("—", "", ""))
        self.assertIsNotNone(old.anonymised_at)
        self.assertEqual(old.status, RequestStatus.ANSWERED_FULL)  # still counted in the yearly report
        self.assertFalse(OutboxEmail.objects.filter(to="warga@example.org").exists())
        self.assertEqual(InformationRequest.objects.get(pk=self.old_open.pk).name, "Masih Terbuka")
        self.assertEqual(InformationRequest.objects.get(pk=self.recent.pk).name, "Baru Saja")
        # the old status link no longer shows anything
        self.assertEqual(self.client.get(f"/id/ppid/permohonan/status/{self.old_token}/").status_code, 404)
