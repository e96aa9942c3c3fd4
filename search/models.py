"""Our own search index (one row per page and language) and the anonymous query log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [("id", "Bahasa Indonesia"), ("en", "English")]


class SearchEntry(models.Model):
    """A live, public page as site search sees it in one language.

    ``analyzer`` is the language the text is written in: an English row of a page
    with no English yet holds the Indonesian text (``is_fallback``) and is stemmed
    as Indonesian. Engine-specific columns live outside the model: on PostgreSQL a
    generated, GIN-indexed ``document`` tsvector (and ``title_words`` for
    autocomplete); on SQLite the FTS5 table ``search_entry_fts`` (see the migration).
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=5, choices=LANGUAGE_CHOICES)
    analyzer = models.CharField(max_length=5, choices=LANGUAGE_CHOICES)
    is_fallback = models.BooleanField(default=False)
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    opd = models.ForeignKey("home.OPD", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="search_entry_page_language")]
        indexes = [models.Index(fields=["language", "content_type"]), models.Index(fields=["language", "year"])]
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return f"{self.language}: {self.title}"


class QueryLog(models.Model):
    """How often a normalised query was searched per language and day. No IP, no user, no session."""

    query_text = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(
        _("results"), default=0, help_text=_("How many results the query found the last time it was searched.")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query_text", "language", "date"], name="search_querylog_unique_day")
        ]
        indexes = [models.Index(fields=["date", "language"])]
        verbose_name = _("search query log")
        verbose_name_plural = _("search query logs")

    def __str__(self):
        return f"{self.date} {self.language}: {self.query_text}"
