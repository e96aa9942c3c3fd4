"""A change to the holiday list moves the deadlines of the requests still open."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save


def on_holiday_changed(sender, instance, **kwargs):
    from ppid.handling import recompute_open_deadlines

    transaction.on_commit(recompute_open_deadlines)


def connect():
    from ppid.models import Holiday

    post_save.connect(on_holiday_changed, sender=Holiday, dispatch_uid="ppid.holiday_saved")
    post_delete.connect(on_holiday_changed, sender=Holiday, dispatch_uid="ppid.holiday_deleted")
