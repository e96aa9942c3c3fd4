"""The admin's word on the background worker: a dashboard panel when queued tasks have waited too long."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component

# Longer than any queue a working worker leaves behind (it checks every second).
STALLED_AFTER = timedelta(minutes=5)


def stalled_tasks():
    """``(count, oldest)`` of the tasks due more than ``STALLED_AFTER`` ago and still waiting; (0, None) when
    tasks are not queued in the database."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return 0, None
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=timezone.now() - STALLED_AFTER)
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return (waiting.count(), oldest) if oldest else (0, None)


class StalledTasksPanel(Component):
    """Shown only when the worker seems stopped: what waits, and since when."""

    name = "background_tasks"
    template_name = "ops/admin/stalled_tasks_panel.html"
    order = 50

    def __init__(self, count, oldest):
        self.count = count
        self.oldest = oldest

    def get_context_data(self, parent_context):
        return {"count": self.count, "oldest": self.oldest}


@hooks.register("construct_homepage_panels")
def add_stalled_tasks_panel(request, panels):
    count, oldest = stalled_tasks()
    if count:
        panels.append(StalledTasksPanel(count, oldest))
