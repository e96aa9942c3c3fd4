"""The admin dashboard says so when queued tasks have waited too long (the worker seems stopped), in the
editor's language, and says nothing while the queue moves."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from cms.settings import tasks_config
from ops.mail import send_email

WARNING_ID = "tugas latar belakang menunggu sejak"


@override_settings(TASKS=tasks_config("database"))
class StalledTasksPanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.admin)
        message = {"subject": "Uji", "body": "Isi", "from_email": "a@example.org", "to": ["b@example.org"]}
        message.update(cc=[], bcc=[], reply_to=[], headers={}, alternatives=[], attachments=[])
        message.update(content_subtype="plain", encoding=None)
        self.task = send_email.enqueue(message)

    def dashboard(self):
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_a_fresh_queue_is_not_reported(self):
        self.assertNotIn(WARNING_ID, self.dashboard())

    def test_tasks_waiting_for_long_are_reported(self):
        DBTaskResult.objects.filter(pk=self.task.id).update(enqueued_at=timezone.now() - timedelta(minutes=30))
        html = self.dashboard()
        self.assertIn(f"1 {WARNING_ID}", html)
        self.assertIn("layanan cms-tasks", html)

    @override_settings(TASKS=tasks_config("immediate"))
    def test_nothing_is_reported_without_the_database_backend(self):
        DBTaskResult.objects.filter(pk=self.task.id).update(enqueued_at=timezone.now() - timedelta(minutes=30))
        self.assertNotIn(WARNING_ID, self.dashboard())
