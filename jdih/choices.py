"""The JDIH vocabularies: document types, statuses and relations, with their JDIHN names and labels.

They are plain values, so the page models, the register's filters and the structured data all import
them from here without importing one another.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    """The kinds of regional legal documents a city publishes (jenis/bentuk peraturan)."""

    PERDA = "perda", _("Regional regulation (Peraturan Daerah)")
    PERWALI = "perwali", _("Mayor's regulation (Peraturan Wali Kota)")
    KEPWALI = "kepwali", _("Mayor's decree (Keputusan Wali Kota)")
    INSTRUKSI = "instruksi", _("Mayor's instruction (Instruksi Wali Kota)")
    SURAT_EDARAN = "surat-edaran", _("Circular (Surat Edaran)")
    LAINNYA = "lainnya", _("Other")


# The official Indonesian name (JDIHN ``jenis``), its abbreviation (``singkatanJenis``) and the other
# abbreviations people search with (Tanjungpinang writes "Perwako" as often as "Perwali").
TYPE_NAMES = {
    DocumentType.PERDA: ("Peraturan Daerah", "PERDA", ("Perda",)),
    DocumentType.PERWALI: ("Peraturan Wali Kota", "PERWALI", ("Perwali", "Perwako", "Perwal")),
    DocumentType.KEPWALI: ("Keputusan Wali Kota", "KEPWALI", ("Kepwali", "Kepwako", "SK", "Keputusan")),
    DocumentType.INSTRUKSI: ("Instruksi Wali Kota", "INSWALI", ("Instruksi",)),
    DocumentType.SURAT_EDARAN: ("Surat Edaran Wali Kota", "SE", ("SE", "Surat Edaran")),
    DocumentType.LAINNYA: ("", "", ()),
}


class Status(models.TextChoices):
    """Whether the document is in force (status peraturan)."""

    BERLAKU = "berlaku", _("In force (berlaku)")
    TIDAK_BERLAKU = "tidak-berlaku", _("Not in force (tidak berlaku)")
    DICABUT = "dicabut", _("Revoked (dicabut)")
    DIUBAH = "diubah", _("Amended (diubah)")


# The JDIHN ``status`` value of each status.
STATUS_JDIHN = {
    Status.BERLAKU: "Berlaku",
    Status.TIDAK_BERLAKU: "Tidak Berlaku",
    Status.DICABUT: "Dicabut",
    Status.DIUBAH: "Diubah",
}
# Statuses a citing page warns about: the cited text no longer applies as written.
NOT_IN_FORCE = {Status.TIDAK_BERLAKU, Status.DICABUT}


class RelationKind(models.TextChoices):
    """How one document acts on another; the other document shows the inverse."""

    MENCABUT = "mencabut", _("revokes (mencabut)")
    MENGUBAH = "mengubah", _("amends (mengubah)")
    MELAKSANAKAN = "melaksanakan", _("implements (melaksanakan)")


# Headings on the document page for each direction of a relation.
OUTGOING_LABELS = {
    RelationKind.MENCABUT: _("Revokes"),
    RelationKind.MENGUBAH: _("Amends"),
    RelationKind.MELAKSANAKAN: _("Implements"),
}
INCOMING_LABELS = {
    RelationKind.MENCABUT: _("Revoked by"),
    RelationKind.MENGUBAH: _("Amended by"),
    RelationKind.MELAKSANAKAN: _("Implemented by"),
}
