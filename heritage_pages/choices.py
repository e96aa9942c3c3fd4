"""The heritage register's vocabularies (UU 11/2010): categories, legal statuses, levels, districts,
conditions and owners, with what each status means for a visitor.

Plain values: the page models, the register's filters, exports and the links between sites import them
from here without importing one another.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """The five kinds of cultural heritage in UU 11/2010, Pasal 1."""

    BENDA = "benda", _("Object (benda)")
    BANGUNAN = "bangunan", _("Building (bangunan)")
    STRUKTUR = "struktur", _("Structure (struktur)")
    SITUS = "situs", _("Site (situs)")
    KAWASAN = "kawasan", _("Area (kawasan)")


class LegalStatus(models.TextChoices):
    """Where the object stands in the chain registration → TACB study → designation (Pasal 29–37)."""

    ODCB = "odcb", _("Suspected cultural heritage object (ODCB)")
    TERDAFTAR = "terdaftar", _("Registered, not yet designated")
    DIREKOMENDASIKAN = "direkomendasikan", _("Recommended by the heritage experts team (TACB), not yet designated")
    DITETAPKAN = "ditetapkan", _("Designated cultural heritage")
    DIHAPUS = "dihapus", _("Removed from the register")


STATUS_EXPLANATIONS = {
    LegalStatus.ODCB: _(
        "This object is protected as if it were cultural heritage while it is studied, "
        "but it has not been designated as cultural heritage."
    ),
    LegalStatus.TERDAFTAR: _(
        "This object is registered and awaits study by the heritage experts team (TACB). "
        "It has not been designated as cultural heritage."
    ),
    LegalStatus.DIREKOMENDASIKAN: _(
        "The heritage experts team (TACB) has recommended this object for designation. "
        "It has not been designated as cultural heritage yet."
    ),
    LegalStatus.DITETAPKAN: _("This object has been designated as cultural heritage by decree."),
    LegalStatus.DIHAPUS: _("This object has been removed from the cultural heritage register."),
}


class Level(models.TextChoices):
    """Government level of a designation (penetapan) or a ranking (pemeringkatan)."""

    KOTA = "kota", _("City")
    PROVINSI = "provinsi", _("Provincial")
    NASIONAL = "nasional", _("National")


class Kecamatan(models.TextChoices):
    """Tanjungpinang's four districts."""

    BUKIT_BESTARI = "bukit-bestari", "Bukit Bestari"
    TANJUNGPINANG_BARAT = "tanjungpinang-barat", "Tanjungpinang Barat"
    TANJUNGPINANG_KOTA = "tanjungpinang-kota", "Tanjungpinang Kota"
    TANJUNGPINANG_TIMUR = "tanjungpinang-timur", "Tanjungpinang Timur"


class Condition(models.TextChoices):
    BAIK = "baik", _("Good")
    RUSAK_RINGAN = "rusak-ringan", _("Slightly damaged")
    RUSAK_BERAT = "rusak-berat", _("Badly damaged")
    MUSNAH = "musnah", _("Lost")


class Ownership(models.TextChoices):
    """Owners allowed by UU 11/2010."""

    NEGARA = "negara", _("The state")
    PEMDA = "pemerintah-daerah", _("Regional government")
    ADAT = "masyarakat-adat", _("Customary law community")
    PERORANGAN = "perorangan", _("Private person")
    BADAN_USAHA = "badan-usaha", _("Business entity")
    WAKAF = "wakaf", _("Religious endowment (wakaf)")


def is_designated(legal_status):
    """Only a designated object may be called cagar budaya."""
    return legal_status == LegalStatus.DITETAPKAN


def schema_type(is_visitable):
    """The schema.org type of a site: a tourist attraction when visitors may come, else a landmark."""
    return "TouristAttraction" if is_visitable else "LandmarksOrHistoricalBuildings"
