"""Revise pages the way editors do: a new revision from the latest one, published or left as a draft."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html


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


def role_user(username, *groups, email=None):
    """An active, non-superuser account in the named groups, with an email address for notifications."""
    user = get_user_model().objects.create_user(
        username, email=email or f"{username}@tanjungpinangkota.go.id", password="pw", first_name=username
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def edit_form_data(client, page, **overrides):
    """The page's admin edit form as the logged-in user sees it, ready to post again with ``overrides``.

    Read from the edit view's HTML; StreamFields are drawn by JavaScript there, so any StreamField the
    HTML does not carry is posted empty unless ``overrides`` gives it (``streamfield([...])``).
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: data.getlist(key) if len(data.getlist(key)) > 1 else data[key] for key in data}
    for model_field in type(page.specific)._meta.get_fields():
        if isinstance(model_field, StreamField):
            names = [model_field.name] + [build_localized_fieldname(model_field.name, lang) for lang in ("id", "en")]
            for name in names:
                if f"{name}-count" not in data:
                    data[f"{name}-count"] = "0"
    for name in overrides:  # nested values such as streamfield([...]) replace all of the field's keys
        data = {key: item for key, item in data.items() if not key.startswith(f"{name}-")}
    data.update(nested_form_data(overrides))
    return data
