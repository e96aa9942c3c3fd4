"""Point an editor who starts a page again to the draft that autosave kept of their first attempt.

Wagtail's autosave creates the page as a draft as soon as the add-page form is filled in. An editor who
leaves that form and starts again under the same parent meets the slug of their own draft; the page
models' validation (wagtail-modeltranslation's, once per language) says only "This slug is already in
use", on the Promote tab. When the page in the way is a never-published draft of the same user, those
errors become one message, in the editor's language, that names the draft and links to it. A clash with
anyone else's page, or with a page that has been live, keeps the standard message.
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import Page

# wagtail-modeltranslation's message for a slug another page under the same parent has.
SLUG_IN_USE = "This slug is already in use"


def own_drafts_in_the_way(form):
    """{slug field name: draft page} for each slug field whose value is taken by a never-published draft
    of the form's user under the same parent."""
    page, parent, user = form.instance, form.parent_page, form.for_user
    if not page._state.adding or parent is None or user is None or not user.is_authenticated:
        return {}
    fields = [build_localized_fieldname("slug", code) for code in mt_settings.AVAILABLE_LANGUAGES]
    if not any(name in form.errors for name in fields):
        return {}
    default = build_localized_fieldname("slug", mt_settings.DEFAULT_LANGUAGE)

    def slugs(values):
        """The slug a page answers to in each language: an empty one falls back to the default
        language's, as in the uniqueness check."""
        return {name: values.get(name) or values.get(default) or "" for name in fields}

    # A field with an error is not copied onto the page: read what the editor typed.
    entered = slugs({name: (form.data.get(form.add_prefix(name)) or "").strip() for name in fields})
    drafts = parent.get_children().filter(owner=user, live=False, first_published_at__isnull=True)
    in_the_way = {}
    for draft in drafts.order_by("-pk").values("pk", *fields):
        taken = slugs(draft)
        for name in fields:
            if name in form.errors and name not in in_the_way and entered[name] and entered[name] == taken[name]:
                in_the_way[name] = draft["pk"]
    pages = Page.objects.in_bulk(set(in_the_way.values()))
    return {name: pages[pk] for name, pk in in_the_way.items()}


def draft_message(draft):
    """The message that replaces the slug errors: what happened, and a link to the draft."""
    link = format_html(
        '<a href="{}">{}</a>', reverse("wagtailadmin_pages:edit", args=[draft.pk]), gettext("Continue that draft")
    )
    text = gettext(
        "You already started a page with this slug: “%(title)s” was kept as a draft when you left the form. "
        "%(link)s, or give this page another slug (Promote tab)."
    )
    # The catalogue's text is escaped like the title; only the link is markup.
    return mark_safe(escape(text) % {"title": escape(draft.get_admin_display_title()), "link": link})


def explain_own_drafts(form):
    """Replace the slug errors caused by the user's own draft with one message that links to it.

    The message stands on the first slug field the draft takes (the admin's "Go to the first error" leads
    there); it is a field error rather than a form error because Wagtail's error banner escapes links.
    """
    explained = set()
    for name, draft in own_drafts_in_the_way(form).items():
        del form.errors[name]
        if draft.pk not in explained:
            explained.add(draft.pk)
            form.add_error(name, ValidationError(draft_message(draft), code="own_draft"))
    standard_slug_errors_in_the_editors_language(form)


def standard_slug_errors_in_the_editors_language(form):
    """wagtail-modeltranslation words each slug field's "already in use" error in that field's language
    (it translates inside a per-language override); say it in the editor's language instead."""
    variants = set()
    for code in mt_settings.AVAILABLE_LANGUAGES:
        with translation.override(code):
            variants.add(gettext(SLUG_IN_USE))
    for code in mt_settings.AVAILABLE_LANGUAGES:
        errors = form.errors.get(build_localized_fieldname("slug", code))
        for index, error in enumerate(errors.as_data() if errors else ()):
            if any(str(message) in variants for message in error.messages):
                errors.data[index] = ValidationError(gettext(SLUG_IN_USE))


def install():
    """Run the check after every page form's model validation.

    Wagtail has no hook for page form validation, and several page types bring their own form class
    (each a WagtailAdminPageForm), so the check wraps the common base class's ``_post_clean``, where
    the page's own ``clean`` (with the slug checks) runs.
    """
    if getattr(WagtailAdminPageForm._post_clean, "explains_own_drafts", False):
        return
    original = WagtailAdminPageForm._post_clean

    def _post_clean(self):
        original(self)
        explain_own_drafts(self)

    _post_clean.explains_own_drafts = True
    WagtailAdminPageForm._post_clean = _post_clean
