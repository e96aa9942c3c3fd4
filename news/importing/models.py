"""What an import remembers: each run (its progress and report), each entry it made a page of, and each
image it brought in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One upload on the admin screen: its dry-run summary, then the import's progress and report."""

    class Status(models.TextChoices):
        ANALYSED = "analysed", _("Checked (dry run)")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    file_name = models.CharField(_("file name"), max_length=255)
    stored_file = models.CharField(max_length=500, blank=True)  # the upload on the server, removed after the run
    file_format = models.CharField(_("format"), max_length=20, blank=True)
    options = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ANALYSED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)  # the dry run's report
    report = models.JSONField(default=dict, blank=True)  # the import's report
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name

    @property
    def percent(self):
        return min(100, round(100 * self.processed / self.total)) if self.total else 0


class ImportedEntry(models.Model):
    """The export entry a page came from, so that running an import again updates the page."""

    source = models.CharField(max_length=20)  # "blogger" or "wordpress"
    entry_id = models.CharField(max_length=500)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    content_hash = models.CharField(max_length=64)
    # The revision the import wrote: a later one means an editor changed the page, and a new run keeps it.
    revision_id = models.BigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "entry_id"], name="imported_entry_unique")]

    def __str__(self):
        return f"{self.source}:{self.entry_id}"


class ImportedImage(models.Model):
    """An image brought in from an address (or file name), so that later entries and runs reuse it."""

    key = models.CharField(max_length=64, unique=True)  # SHA-256 of the image's size-free address
    source = models.TextField()
    image = models.ForeignKey("images.CityImage", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return self.source
