"""The PPID's private file storage: register documents, requesters' attachments and answers.

It lives outside ``MEDIA_ROOT`` (``PPID_PRIVATE_ROOT``), so no web server serves it, and it has no URL:
every file is streamed by a view that checks who may have it (``ppid/views.py``). Wagtail documents are
not used for these files because Wagtail serves every document at ``/documents/<id>/<name>`` and, with
the file system storage, the file also sits under ``MEDIA_ROOT``.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """A file system storage rooted at ``settings.PPID_PRIVATE_ROOT``, read when used (tests change it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PPID_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("PPID files have no public URL; they are served by the PPID views.")


_storage = PrivateStorage()


def private_storage():
    """The storage callable the models name (so migrations do not record a path)."""
    return _storage
