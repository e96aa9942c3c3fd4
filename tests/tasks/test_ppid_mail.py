"""The PPID's e-mails to requesters with the database task backend: the task carries only the outbox row's id
(never the private status link), retries while the mail server is down, and sends once it is back. The task is
run here as the worker runs it (``Task.call``); tests/tasks/test_worker.py runs the worker itself."""

from django.core.cache import cache
from django.test import TestCase, override_settings

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.settings import tasks_config
from ppid.models import OutboxEmail
from ppid.outbox import deliver_email
from serving import generation
from tests.factories.ppid import request_page
from tests.ppid.test_requests import form_data
from tests.tasks.smtp import SMTPServer, free_port

TASK = "ppid.outbox.deliver_email"


class PPIDMailTaskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        request_page()

    def setUp(self):
        cache.clear()  # the form's rate limit counts in the cache

    def test_a_request_queues_its_confirmation_and_the_worker_sends_it_when_the_server_returns(self):
        port = free_port()
        with override_settings(
            TASKS=tasks_config("database"),
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_TIMEOUT=2,
            EMAIL_RETRY_DELAYS=[0],
        ):
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post("/id/ppid/permohonan/", form_data())
            self.assertEqual(response.status_code, 200)
            email = OutboxEmail.objects.get()
            self.assertIsNone(email.sent_at)  # nothing was sent in the request
            queued = DBTaskResult.objects.get(task_path=TASK)
            self.assertEqual(queued.args_kwargs, {"args": [email.pk], "kwargs": {}})
            self.assertNotIn("/status/", str(queued.args_kwargs))

            self.assertFalse(deliver_email.call(email.pk))  # the mail server is down
            email.refresh_from_db()
            self.assertEqual((email.attempts, email.sent_at), (1, None))
            self.assertIn("ConnectionRefusedError", email.last_error)
            retry = DBTaskResult.objects.get(
                task_path=TASK, status=TaskResultStatus.READY, args_kwargs__args=[email.pk, 2]
            )

            before = generation.current()
            with SMTPServer(port) as server:
                self.assertTrue(deliver_email.call(*retry.args_kwargs["args"]))
            self.assertEqual(generation.current(), before)  # an outbox row is nothing a visitor sees
            email.refresh_from_db()
            self.assertIsNotNone(email.sent_at)
            self.assertEqual(email.body, "")
            self.assertEqual([message["to"] for message in server.messages], [["rina@example.org"]])
            self.assertIn("/status/", server.messages[0]["content"])
