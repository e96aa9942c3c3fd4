"""JDIH: the city's legal documents (produk hukum daerah), with the national metadata of Permenkumham 8/2019.

One index page (the public register) with one page per document: pages get URLs, revisions, the
sitemap and site search for free. Titles are the official Indonesian text; an English title and
abstract are optional and follow the site's fallback rules (home/bilingual.py).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable

from editorial.panels import page_panels
from home import bilingual
from home.models import CityPage
from jdih import listing, structured_data
from jdih.choices import (  # noqa: F401 - importers and templates read these through jdih.models too
    INCOMING_LABELS,
    NOT_IN_FORCE,
    OUTGOING_LABELS,
    STATUS_JDIHN,
    TYPE_NAMES,
    DocumentType,
    RelationKind,
    Status,
)
from search.fields import SiteSearchField


def _year_validators():
    return [MinValueValidator(1945), MaxValueValidator(2100)]


class JDIHIndexPage(CityPage):
    """The public register of legal documents (JDIH), with filters by type, year, status and subject."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short introduction above the register's filters."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["jdih.LegalDocumentPage"]
    max_count = 1

    content_panels = page_panels(FieldPanel("intro"))

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing.listing_context(self, request))  # the filters and the page of documents
        return context

    class Meta:
        verbose_name = _("legal documents register (JDIH)")


class LegalDocumentPage(CityPage):
    """One legal document (Perda, Perwali, decree…) with its JDIH metadata, status, relations and PDF."""

    doc_type = models.CharField(
        _("document type"),
        max_length=20,
        choices=DocumentType.choices,
        db_index=True,
        help_text=_("The kind of document (jenis/bentuk peraturan)."),
    )
    other_type_name = models.CharField(
        _("name of the other type"),
        max_length=120,
        blank=True,
        help_text=_("Only for the type “other”: its official Indonesian name, for example Peraturan Bersama."),
    )
    other_type_abbreviation = models.CharField(
        _("abbreviation of the other type"),
        max_length=20,
        blank=True,
        help_text=_("Only for the type “other”: its abbreviation, for example PERBER."),
    )
    number = models.CharField(
        _("number"),
        max_length=60,
        help_text=_("The document's number as written on it, for example 5 or 188.45/12/2019."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=_year_validators(), db_index=True, help_text=_("The year in the document's number.")
    )
    teu_body = models.CharField(
        _("issuing body (T.E.U. badan)"),
        max_length=200,
        default="Tanjungpinang (Kota)",
        help_text=_("The corporate author in library form, for example: Tanjungpinang (Kota)."),
    )
    place_enacted = models.CharField(
        _("place of enactment"),
        max_length=120,
        default="Tanjungpinang",
        help_text=_("Where it was signed (tempat penetapan)."),
    )
    date_enacted = models.DateField(
        _("date of enactment"), null=True, blank=True, help_text=_("The date it was signed (tanggal penetapan).")
    )
    date_promulgated = models.DateField(
        _("date of promulgation"),
        null=True,
        blank=True,
        help_text=_("The date it was promulgated (tanggal pengundangan); never before the enactment."),
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where it was promulgated, for example: Lembaran Daerah Kota Tanjungpinang Tahun 2019 Nomor 5."),
    )
    subjects = models.CharField(
        _("subjects"),
        max_length=255,
        blank=True,
        help_text=_("Subject keywords, separated by commas, for example: RPJMD, perencanaan pembangunan."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.BERLAKU,
        db_index=True,
        help_text=_("A revoked document needs the document that revokes it or a reason."),
    )
    status_note = models.TextField(
        _("status note"),
        blank=True,
        help_text=_("Why the status is what it is, for example the reason a document was revoked."),
    )
    language = models.CharField(
        _("language of the document"), max_length=60, default="Indonesia", help_text=_("Usually Indonesia.")
    )
    field_of_law = models.CharField(
        _("field of law"),
        max_length=120,
        blank=True,
        help_text=_("The bidang hukum, for example: Hukum Administrasi Negara."),
    )
    call_number = models.CharField(
        _("call number"), max_length=120, blank=True, help_text=_("The library call number (nomor panggil), if any.")
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("official PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The official text as a PDF."),
    )
    abstract = models.TextField(
        _("abstract"), blank=True, help_text=_("What the document regulates, in a few sentences (abstrak).")
    )
    is_demo = models.BooleanField(
        _("demo document"),
        default=False,
        help_text=_("Tick for example records that are not official documents; the page says so."),
    )

    parent_page_types = ["jdih.JDIHIndexPage"]
    subpage_types = []

    serve_select_related = ["pdf"]

    content_panels = page_panels(
        MultiFieldPanel(
            [
                FieldPanel("doc_type"),
                FieldRowPanel([FieldPanel("other_type_name"), FieldPanel("other_type_abbreviation")]),
                FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
                FieldPanel("teu_body"),
            ],
            heading=_("Identification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("place_enacted"), FieldPanel("date_enacted")]),
                FieldPanel("date_promulgated"),
                FieldPanel("source"),
            ],
            heading=_("Enactment and promulgation"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note"), InlinePanel("relations", label=_("Relation"))],
            heading=_("Status and relations"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("subjects"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("field_of_law")]),
                FieldPanel("call_number"),
            ],
            heading=_("Subject and cataloguing"),
        ),
        FieldPanel("abstract"),
        FieldPanel("pdf"),
        InlinePanel("attachments", heading=_("Attachments (lampiran)"), label=_("Attachment")),
        FieldPanel("is_demo"),
    )

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("search_identifier", weight="A"),
        SiteSearchField("subjects", weight="B"),
        SiteSearchField("abstract", weight="B"),
        SiteSearchField("source", weight="C"),
    ]
    search_filter_fields = ["doc_type", "year", "status"]
    site_search_date_field = "date_enacted"

    # Identification -------------------------------------------------------------------------------

    def __str__(self):
        # Choosers and the citing pages' multiple-choice lists show which document it is, not only its title.
        return f"{self.short_identifier}: {self.title}"

    @property
    def type_name(self):
        """The type's official Indonesian name (JDIHN ``jenis``)."""
        if self.doc_type == DocumentType.LAINNYA:
            return self.other_type_name
        return TYPE_NAMES.get(self.doc_type, ("", "", ()))[0]

    @property
    def type_abbreviation(self):
        """The type's abbreviation (JDIHN ``singkatanJenis``)."""
        if self.doc_type == DocumentType.LAINNYA:
            return self.other_type_abbreviation
        return TYPE_NAMES.get(self.doc_type, ("", "", ()))[1]

    @property
    def identifier(self):
        """The citation form: "Peraturan Daerah Nomor 5 Tahun 2019"."""
        return f"{self.type_name} Nomor {self.number} Tahun {self.year}".strip()

    @property
    def short_identifier(self):
        """The short form used in lists: "Perda 5/2019"."""
        abbreviation = (self.type_abbreviation or self.type_name).capitalize()
        return f"{abbreviation} {self.number}/{self.year}"

    def search_identifier(self, language=None):
        """What site search matches besides the title: type names and abbreviations, number and year."""
        aliases = TYPE_NAMES.get(self.doc_type, ("", "", ()))[2]
        with translation.override(language or translation.get_language()):
            display = str(self.get_doc_type_display())
        parts = [self.type_name, self.type_abbreviation, *aliases, display]
        parts += [self.number, str(self.year), f"{self.number}/{self.year}"]
        return " ".join(part for part in parts if part)

    @property
    def subject_list(self):
        return [subject.strip() for subject in self.subjects.split(",") if subject.strip()]

    @property
    def meta_description(self):
        return self.search_description or (self.abstract or "")[:300] or self.identifier

    @property
    def is_in_force(self):
        return self.status not in NOT_IN_FORCE

    # Validation -------------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        self.validate_metadata()

    def validate_metadata(self):
        """The register's rules (type name, dates in order, unique number, revocation recorded), without
        Wagtail's own page checks, so an importer can check a row before storing its file."""
        errors = {}
        self.number = (self.number or "").strip()
        if self.doc_type == DocumentType.LAINNYA and not (self.other_type_name or "").strip():
            errors["other_type_name"] = _("Give the name of the document type.")
        if self.date_enacted and self.date_promulgated and self.date_promulgated < self.date_enacted:
            errors["date_promulgated"] = _("The promulgation date cannot be before the enactment date.")
        if self.doc_type and self.number and self.year:
            same = LegalDocumentPage.objects.filter(doc_type=self.doc_type, number__iexact=self.number, year=self.year)
            if self.doc_type == DocumentType.LAINNYA:  # each other type is a type of its own
                same = same.filter(other_type_name__iexact=(self.other_type_name or "").strip())
            duplicate = same.exclude(pk=self.pk).first()
            if duplicate is not None:
                # Interpolated when shown (params), so the message follows the language active then.
                errors["number"] = ValidationError(
                    _("%(identifier)s is already in the register: “%(title)s”."),
                    code="duplicate",
                    params={"identifier": duplicate.identifier, "title": duplicate.title},
                )
        if self.status == Status.DICABUT and not self.has_revocation_record():
            errors["status"] = _(
                "A revoked document needs the document that revokes it (a “revokes” relation on that "
                "document) or a reason in the status note."
            )
        if errors:
            raise ValidationError(errors)

    def has_revocation_record(self):
        """A reason in either language, or another document that records revoking this one."""
        if any(
            (bilingual.localized_value(self, "status_note", code) or "").strip() for code in bilingual.LANGUAGE_CODES
        ):
            return True
        return bool(self.pk) and LegalDocumentRelation.objects.filter(target=self, kind=RelationKind.MENCABUT).exists()

    # Relations and citations --------------------------------------------------------------------------

    def outgoing_relations(self):
        """This document's relations with their target documents, fetched once per instance (also from a
        preview's in-memory relations)."""
        if not hasattr(self, "_outgoing_relations"):
            relations = self.relations.select_related("target").all()
            self._outgoing_relations = [rel for rel in relations if rel.target_id]
        return self._outgoing_relations

    def relation_groups(self, live_only=True):
        """``[(label, [document, ...]), ...]``: what this document does to others, then the inverse."""
        groups = []
        outgoing = self.outgoing_relations()
        for kind in RelationKind:
            targets = [rel.target for rel in outgoing if rel.kind == kind]
            targets = [doc for doc in targets if doc.live or not live_only]
            if targets:
                groups.append((OUTGOING_LABELS[kind], targets))
        if self.pk:
            incoming = LegalDocumentRelation.objects.filter(target=self).select_related("source").order_by("pk")
            if live_only:
                incoming = incoming.filter(source__live=True)
            incoming = list(incoming)
            for kind in RelationKind:
                sources = [rel.source for rel in incoming if rel.kind == kind]
                if sources:
                    groups.append((INCOMING_LABELS[kind], sources))
        return groups

    def citing_pages(self):
        """Live, public pages elsewhere on the site that cite this document, by title."""
        if not self.pk:
            return []
        pages = []
        for manager in (self.cited_by_heritage_sites, self.cited_by_programmes, self.cited_by_news):
            pages += list(manager.live().public().order_by("path"))
        return pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["relation_groups"] = self.relation_groups()
        context["citing_pages"] = self.citing_pages()
        context["attachment_list"] = [
            item for item in self.attachments.select_related("document").all() if item.document_id
        ]
        context["json_ld"] = structured_data.json_ld_script(structured_data.legislation_data(self, request))
        return context

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")


class LegalDocumentRelation(Orderable):
    """One document acting on another (revokes, amends, implements); shown on both documents."""

    source = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(
        _("relation"),
        max_length=20,
        choices=RelationKind.choices,
        help_text=_("What this document does to the other one."),
    )
    target = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("other document"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        help_text=_("The document revoked, amended or implemented by this one."),
    )

    panels = [FieldPanel("kind"), PageChooserPanel("target", "jdih.LegalDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("relation")
        verbose_name_plural = _("relations")

    def clean(self):
        super().clean()
        if self.target_id and self.source_id and self.target_id == self.source_id:
            raise ValidationError({"target": _("A document cannot act on itself.")})


class LegalDocumentAttachment(Orderable):
    """An attachment (lampiran) to a legal document: a table, a map, a plan."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The attachment's file, usually a PDF."),
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("What the attachment is, for example: Lampiran I Peta Rencana.")
    )

    panels = [FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
