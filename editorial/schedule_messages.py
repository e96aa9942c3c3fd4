"""Confirmation messages that give the date when a page is scheduled to go live.

Wagtail confirms "Save schedule" (a plain draft save) with "Page '…' has been updated." and a scheduled
publish with "… has been scheduled for publishing." without saying when. The ``after_edit_page`` and
``after_create_page`` hooks (editorial/wagtail_hooks.py) run after Wagtail has queued that message; they
replace it with one that gives the date, in the editor's language and time zone.
"""

from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from wagtail.admin import messages as admin_messages


def _when(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def _go_live_at(page, publishing):
    """The time the page is scheduled to go live, or None: the approved schedule after a publish, the
    draft's schedule after a save."""
    if publishing:
        scheduled = page.scheduled_revision
        value = scheduled.approved_go_live_at if scheduled is not None else None
    else:
        value = page.go_live_at
    return value if value is not None and value > timezone.now() else None


def _replace_confirmation(request, text, buttons=None):
    """Replace the success message Wagtail queued in this request (an autosave queues none: nothing then).

    Django's message storage has no public way to change a queued message; ``_queued_messages`` has been
    its list of this request's messages since Django 1.2.
    """
    queued = getattr(messages.get_messages(request), "_queued_messages", None)
    if queued and queued[-1].level == messages.SUCCESS:
        queued[-1] = Message(messages.SUCCESS, admin_messages.render(text, buttons), extra_tags=queued[-1].extra_tags)


def _is_publish(request):
    return bool(request.POST.get("action-publish"))


def _is_plain_save(request):
    return not any(key.startswith("action-") and value for key, value in request.POST.items())


def after_edit(request, page):
    """Say when: after "Save schedule" (or any save with a schedule) and after "Schedule to publish"."""
    if request.method != "POST" or request.POST.get("revision"):
        return  # a revert keeps Wagtail's message, which names the version
    title = page.get_admin_display_title()
    if _is_publish(request) and (go_live_at := _go_live_at(page, publishing=True)):
        edit = admin_messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), gettext("Edit"))
        if page.live:
            text = gettext("Page '%(page_title)s' is live; this version is scheduled to go live on %(date)s.")
        else:
            text = gettext("Page '%(page_title)s' is scheduled to go live on %(date)s.")
        _replace_confirmation(request, text % {"page_title": title, "date": _when(go_live_at)}, [edit])
    elif _is_plain_save(request) and (go_live_at := _go_live_at(page, publishing=False)):
        if page.permissions_for_user(request.user).can_publish():
            text = gettext(
                "Page '%(page_title)s' saved with a schedule to go live on %(date)s. "
                "It takes effect when you choose “Schedule to publish”."
            )
        else:
            text = gettext(
                "Page '%(page_title)s' saved with a schedule to go live on %(date)s. "
                "It takes effect when someone who may publish the page approves it."
            )
        _replace_confirmation(request, text % {"page_title": title, "date": _when(go_live_at)})


def after_create(request, page):
    """Say when, after a new page is scheduled to go live."""
    if request.method != "POST" or not _is_publish(request):
        return
    if go_live_at := _go_live_at(page, publishing=True):
        edit = admin_messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), gettext("Edit"))
        text = gettext("Page '%(page_title)s' created and scheduled to go live on %(date)s.")
        _replace_confirmation(
            request, text % {"page_title": page.get_admin_display_title(), "date": _when(go_live_at)}, [edit]
        )
