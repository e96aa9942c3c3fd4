"""The site-wide alert banner (peringatan): a flood, a road closure, a service outage.

Editors set the message in both languages, a severity, an optional link and the time it starts and ends;
every public page shows the alerts active at the moment it is rendered (``templates/alerts/banner.html``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class Severity(models.TextChoices):
    INFORMATION = "information", _("Information")
    WARNING = "warning", _("Warning")
    EMERGENCY = "emergency", _("Emergency")


# Shown first: emergencies, then warnings, then information.
SEVERITY_RANK = {Severity.EMERGENCY: 0, Severity.WARNING: 1, Severity.INFORMATION: 2}


class AlertQuerySet(models.QuerySet):
    def active(self, now=None):
        """The alerts shown at ``now``: started, and not ended (an alert without an end stays until removed)."""
        now = now or timezone.now()
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now), starts_at__lte=now)


class Alert(models.Model):
    """A notice shown above every public page between its start and end times."""

    message = models.TextField(
        _("message"),
        max_length=400,
        help_text=_("One or two short sentences: what happened, where, and what to do."),
    )
    severity = models.CharField(
        _("severity"),
        max_length=20,
        choices=Severity.choices,
        default=Severity.INFORMATION,
        help_text=_("Emergency is read out at once by screen readers; use it only when lives or safety are at stake."),
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page of this site with more information (it links to the page in the visitor's language)."),
    )
    link_url = models.URLField(
        _("link to another website"),
        blank=True,
        help_text=_("Or an address on another website. Leave both empty for no link."),
    )
    link_text = models.CharField(
        _("link text"),
        max_length=80,
        blank=True,
        help_text=_('What the link says, for example "Flood map". Empty: "More information".'),
    )
    starts_at = models.DateTimeField(
        _("starts at"), default=timezone.now, help_text=_("The banner appears at this time (WIB).")
    )
    ends_at = models.DateTimeField(
        _("ends at"),
        null=True,
        blank=True,
        help_text=_("The banner disappears at this time (WIB). Empty: it stays until you set an end or delete it."),
    )

    objects = AlertQuerySet.as_manager()

    panels = [
        FieldPanel("message"),
        FieldPanel("severity"),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("Link"),
        ),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
    ]

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message[:60]

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if self.link_page_id and self.link_url:
            errors["link_url"] = _("Choose a page of this site or an address on another website, not both.")
        if errors:
            raise ValidationError(errors)

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)


def active_alerts(now=None):
    """The alerts to show now, the most severe first, then the most recent (one query)."""
    alerts = list(Alert.objects.active(now).select_related("link_page"))
    return sorted(alerts, key=lambda alert: SEVERITY_RANK.get(alert.severity, 3))


def next_boundary(now=None):
    """The next moment after ``now`` an alert starts or ends (for ``serving.clock``), or None."""
    now = now or timezone.now()
    moments = Alert.objects.aggregate(
        starts=models.Min("starts_at", filter=Q(starts_at__gt=now)),
        ends=models.Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    return min((moment for moment in moments.values() if moment is not None), default=None)
