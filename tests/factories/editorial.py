"""Revise pages the way editors do: a new revision from the latest one, published or left as a draft."""

from django.utils import translation


def revise(page, publish=True, **fields):
    """Save a revision of ``page`` with ``fields`` changed (per-language names); publish it unless told not to."""
    with translation.override("id"):
        latest = page.get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(latest, name, value)
        revision = latest.save_revision(log_action=True)
        if publish:
            revision.publish()
    return revision
