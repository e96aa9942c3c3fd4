"""With the database task backend (production's), an editor's change is queued as rows in the task table and
the worker (``manage.py db_worker``) carries them out: Wagtail's search index then finds the new text, and the
task rows never change the cache generation.

Transactional: the worker claims each task in a transaction of its own, as it does beside gunicorn."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

from wagtail.models import Page

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.settings import tasks_config
from serving import generation
from tests.factories.editorial import edit_form_data
from tests.factories.pages import standard_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_TASKS = tasks_config("database")
INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"
REFERENCE_TASK = "wagtail.tasks.update_reference_index_task"


def run_worker():
    """The worker as deployed, once: every task that is due, then exit."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def admin_search(user, words):
    """The admin's page search as ``user`` sees it (a client of its own, so no "published" message shows)."""
    client = Client()
    client.force_login(user)
    response = client.get("/admin/pages/search/", {"q": words})
    assert response.status_code == 200
    return response.content.decode()


def test_an_edit_is_indexed_by_the_worker(client):
    """An edit published in the admin queues Wagtail's search and reference index updates, which wait in the
    table while no worker runs; the admin search finds the new title once the worker has run them."""
    page = standard_page(title_ind="Tentang Kota", title_en="About the city")
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)

    with override_settings(TASKS=DATABASE_TASKS):
        data = edit_form_data(client, page, title_ind="Kelenteng Senggarang")
        data["action-publish"] = "publish"
        response = client.post(f"/admin/pages/{page.pk}/edit/", data)
        assert response.status_code == 302

        queued = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        assert queued.filter(task_path=INDEX_TASK).exists()
        assert queued.filter(task_path=REFERENCE_TASK).exists()
        assert "Kelenteng Senggarang" not in admin_search(admin, "Senggarang")

        before = generation.current()
        run_worker()

        assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
        assert generation.current() == before  # task rows (and the index they write) are no public change
        assert "Kelenteng Senggarang" in admin_search(admin, "Senggarang")
        assert Page.objects.live().search("Senggarang").count() == 1
