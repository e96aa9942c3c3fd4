"""E-mails go through the outbox: saved with the change, sent after the commit over real SMTP, failures kept,
shown to staff and retried; a mail server that is down never loses a request."""

from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase, override_settings

from cms.roles import setup_roles
from ppid.models import InformationRequest, OutboxEmail
from ppid.roles import PPID_GROUP
from tests.factories.editorial import role_user
from tests.factories.ppid import request_page
from tests.ppid.smtp_server import SMTPServer, closed_port
from tests.ppid.test_requests import form_data

SMTP = "django.core.mail.backends.smtp.EmailBackend"


class OutboxTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        request_page()

    def setUp(self):
        cache.clear()

    def submit(self):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post("/id/ppid/permohonan/", form_data())

    def test_sent_over_smtp_after_commit(self):
        with (
            SMTPServer() as server,
            override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=server.port),
        ):
            response = self.submit()
        self.assertEqual(response.status_code, 200)
        email = OutboxEmail.objects.get()
        self.assertIsNotNone(email.sent_at)
        self.assertEqual(email.body, "")  # the status link is not kept once sent
        self.assertEqual(len(server.messages), 1)
        self.assertIn("rina@example.org", server.messages[0])

    def test_mail_server_down_keeps_the_request_and_the_email_then_retries(self):
        port = closed_port()
        with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=port, EMAIL_TIMEOUT=2):
            response = self.submit()
        self.assertEqual(response.status_code, 200)
        request_obj = InformationRequest.objects.get()
        self.assertContains(response, request_obj.registration_number)
        email = OutboxEmail.objects.get()
        self.assertIsNone(email.sent_at)
        self.assertEqual(email.attempts, 1)
        self.assertIn("ConnectionRefusedError", email.last_error)
        self.assertIn("/status/", email.body)

        setup_roles()
        self.client.force_login(role_user("petugas", PPID_GROUP))
        dashboard = self.client.get("/admin/")
        self.assertContains(dashboard, "e-mail kepada pemohon belum dapat dikirim")

        with (
            SMTPServer() as server,
            override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=server.port),
        ):
            out = StringIO()
            call_command("send_ppid_outbox", stdout=out)
        self.assertIn("Sent 1, still failing 0", out.getvalue())
        email.refresh_from_db()
        self.assertIsNotNone(email.sent_at)
        self.assertEqual(email.attempts, 2)
        self.assertEqual(len(server.messages), 1)
        self.assertIn(request_obj.registration_number, server.messages[0])

    def test_retry_gives_up_after_max_attempts(self):
        OutboxEmail.objects.create(to="a@example.org", subject="x", body="y", attempts=10)
        out = StringIO()
        call_command("send_ppid_outbox", stdout=out)
        self.assertIn("Sent 0, still failing 0", out.getvalue())
