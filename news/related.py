"""News linking to a page (a heritage site or smart city programme): the list ``{% related_news page %}``
shows. It queries the news models; news/models.py never imports it."""

from django.utils import timezone
from django.utils.translation import get_language

from news.models import NewsPage, NewsRelatedPage
from serving.derived import remember


def related_news(page, limit=5):
    """Live, public news linking to ``page`` (a heritage site or programme), newest first, as a list.

    Derived data shared by every visitor: kept with ``remember()`` until any content changes (a news
    item is saved with its links), or at most ``DERIVED_TIMEOUT`` seconds for a scheduled date to pass.
    """

    def compute():
        # A semi-join on the link table rather than a join + DISTINCT: the same news, each once, but
        # PostgreSQL plans a DISTINCT over every selected column (~130 here) in milliseconds.
        linking = NewsRelatedPage.objects.filter(page=page).values("news_page_id")
        return list(
            NewsPage.objects.live()
            .public()
            .filter(pk__in=linking, publication_date__lte=timezone.now())
            .defer_streamfields()
            .select_related("owner_opd")  # the list shows each item's OPD, not its hero image
            .order_by("-publication_date", "-pk")[:limit]
        )

    return remember(f"news:related:{get_language()}:{page.pk}:{limit}", compute)
