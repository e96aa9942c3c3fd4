"""The stored English state of every page, kept current by editorial/signals.py."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_content_type_label
from wagtail.models import GroupApprovalTask

from editorial import translation_state


class TranslationState(models.TextChoices):
    TRANSLATED = translation_state.TRANSLATED, _("Translated")
    PARTLY = translation_state.PARTLY, _("Partly translated")
    STALE = translation_state.STALE, _("Out of date")
    MISSING = translation_state.MISSING, _("No English")


class PageTranslationStatus(models.Model):
    """One row per page: its English state, computed from its revisions (see editorial/translation_state.py)."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="translation_status",
    )
    state = models.CharField(
        _("English state"),
        max_length=20,
        choices=TranslationState.choices,
        db_index=True,
        help_text=_("Whether the English version is complete and up to date with the Indonesian one."),
    )
    stale_fields = models.JSONField(
        _("out-of-date fields"),
        default=list,
        blank=True,
        help_text=_("Fields whose Indonesian text was changed and published after their English text last changed."),
    )
    empty_fields = models.JSONField(
        _("untranslated fields"),
        default=list,
        blank=True,
        help_text=_("Fields filled in Indonesian but empty in English."),
    )
    opd = models.ForeignKey(
        "home.OPD",
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The agency that owns the page, when its page type records one."),
    )
    updated_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("page translation status")
        verbose_name_plural = _("page translation statuses")

    def __str__(self):
        return f"{self.page_id}: {self.state}"

    def field_labels(self, names):
        """The editor-facing labels of ``names`` (translated field names) for this page's type."""
        model = self.page.content_type.model_class() if self.page.content_type_id else None
        labels = []
        for name in names:
            try:
                labels.append(str(model._meta.get_field(name).verbose_name) if model else name)
            except FieldDoesNotExist:  # a field removed from the model since the state was computed
                labels.append(name)
        return labels

    @property
    def stale_field_labels(self):
        return ", ".join(self.field_labels(self.stale_fields))

    @property
    def empty_field_labels(self):
        return ", ".join(self.field_labels(self.empty_fields))

    @property
    def english_slug_note(self):
        """A warning when the page has English but its English address still uses the Indonesian slug."""
        page = self.page
        if (page.title_en or "").strip() and (page.slug_en or page.slug_ind) == page.slug_ind:
            return _("Same as the Indonesian address")
        return ""

    @property
    def opd_acronym(self):
        return self.opd.acronym if self.opd_id else ""

    @property
    def page_type_label(self):
        return get_content_type_label(self.page.content_type)

    @property
    def admin_edit_url(self):
        """The page editor's absolute address, for the exported work list."""
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[self.page_id])


def _two_person_rule():
    return getattr(settings, "REVIEW_TWO_PERSON_RULE", False)


class EditorialReviewTask(GroupApprovalTask):
    """The editors' review step: Wagtail's group approval, plus the optional two-person rule.

    With ``REVIEW_TWO_PERSON_RULE`` on (``DJANGO_REVIEW_TWO_PERSON_RULE=1``), whoever submitted a page for
    review gets no "Approve" action on it, in the editor and in the dashboard's review list alike (both ask
    ``get_actions``); another editor must approve it. Requesting changes stays possible.
    """

    def submitted_by(self, obj, user):
        state = getattr(obj, "current_workflow_state", None)
        return state is not None and state.requested_by_id == user.pk

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if _two_person_rule() and self.submitted_by(obj, user):
            actions = [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and _two_person_rule():
            obj = task_state.workflow_state.content_object
            if self.submitted_by(obj, user):
                raise PermissionDenied(_("You submitted this page yourself: another editor must approve it."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve; optionally never the person who submitted the page")

    class Meta:
        verbose_name = _("editorial review task")
        verbose_name_plural = _("editorial review tasks")
