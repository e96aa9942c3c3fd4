"""The newsroom's news types, and which of them describe an event.

Plain values: the page models, the newsroom's filters, listing and feeds import them from here without
importing one another.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsType(models.TextChoices):
    BERITA = "berita", _("News")
    BIMTEK = "bimtek", _("Technical guidance and training")
    PENGUMUMAN = "pengumuman", _("Announcement")
    SIARAN_PERS = "siaran-pers", _("Press release")
    SOSIALISASI = "sosialisasi", _("Public outreach")


# News types that describe an event and show the event-detail block.
EVENT_TYPES = frozenset({NewsType.BIMTEK, NewsType.SOSIALISASI})
