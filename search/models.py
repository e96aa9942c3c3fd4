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
    # The page's own title (``title`` may add other title-weight fields, e.g. a news item's event title).
    heading = models.TextField(blank=True)
    # The other title-weight text when it says more than the heading (shown as a detail line).
    detail = models.TextField(blank=True)
    # Home and index pages: indexed by their title alone, and ranked below content pages.
    is_structural = models.BooleanField(default=False)

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


class SearchWord(models.Model):
    """The vocabulary kept with the index: every word of the entries of one language, with the number of
    entries it occurs in. It is what typo correction corrects towards, and what tells a word that exists.

    On PostgreSQL ``word`` has a pg_trgm GIN index; on SQLite the table ``search_word_trigram``
    holds each word's trigrams (both created by migration ``0004``).
    """

    language = models.CharField(max_length=5, choices=LANGUAGE_CHOICES)
    word = models.CharField(max_length=60)
    stem = models.CharField(max_length=60)
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="search_word_language_word")]
        indexes = [models.Index(fields=["language", "stem"])]
        verbose_name = _("search vocabulary word")
        verbose_name_plural = _("search vocabulary words")

    def __str__(self):
        return f"{self.language}: {self.word}"


class Synonym(models.Model):
    """A term and the words that mean the same to visitors, in one language (managed by editors).

    Searching for the term also finds its equivalents; with ``both_ways``, searching for an
    equivalent also finds the term and the other equivalents. Rows tied to an OPD are kept in
    step with the OPD's acronym and name automatically.
    """

    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="id")
    term = models.CharField(
        _("term"), max_length=100, help_text=_("A word or phrase visitors type, for example bimtek.")
    )
    equivalents = models.TextField(
        _("equivalents"),
        help_text=_("Words or phrases that mean the same, separated by commas, for example: bimbingan teknis."),
    )
    both_ways = models.BooleanField(
        _("both ways"),
        default=True,
        help_text=_("Searching for an equivalent also finds the term. Untick for a one-way expansion."),
    )
    opd = models.ForeignKey(
        "home.OPD",
        verbose_name=_("agency (OPD)"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Set for the acronym of an agency: kept in step with the agency automatically."),
    )

    class Meta:
        ordering = ["language", "term"]
        constraints = [models.UniqueConstraint(fields=["language", "term"], name="search_synonym_language_term")]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return f"{self.term} = {self.equivalents}"

    def equivalent_list(self):
        return [part.strip() for part in self.equivalents.split(",") if part.strip()]
