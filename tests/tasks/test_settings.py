"""Which task backend runs where: the database backend and the queued mail in production, the immediate backend
in tests (and in debug, by default)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

import pytest

from cms.settings import tasks_config
from tests.home.test_settings import PRODUCTION_ENV, run_python


def test_production_queues_tasks_in_the_database_and_mail_through_them():
    """With DJANGO_DEBUG off the tasks go to the database for the worker, and every mail through a task to SMTP."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TASKS['default']['BACKEND'], s.EMAIL_BACKEND, s.EMAIL_DELIVERY_BACKEND, s.EMAIL_TIMEOUT)"
    )
    result = run_python(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django_tasks_db.DatabaseBackend",
        "ops.mail.QueuedEmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
        "10",
    ]


def test_tests_run_tasks_immediately():
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_an_unknown_backend_name_is_refused_with_the_variable_named():
    assert tasks_config("database")["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    with pytest.raises(ImproperlyConfigured, match="DJANGO_TASKS_BACKEND"):
        tasks_config("celery")
