"""Build the news tree (city newsroom → OPD newsroom → news) through Wagtail's tree API."""

import datetime

from django.utils import timezone, translation

from home.models import OPD
from news.models import NewsIndexPage, NewsPage, OPDNewsroomPage
from tests.factories.pages import home_page, publish


def opd(slug="diskominfo", acronym=None, name_ind=None, name_en=None):
    acronym = acronym or slug.capitalize()
    found, _created = OPD.objects.get_or_create(
        slug=slug,
        defaults={
            "acronym": acronym,
            "name": name_ind or f"Dinas {acronym}",
            "name_ind": name_ind or f"Dinas {acronym}",
            "name_en": name_en or f"{acronym} Agency",
        },
    )
    return found


def news_index(parent=None):
    found = NewsIndexPage.objects.first()
    if found:
        return found
    page = NewsIndexPage(
        title_ind="Berita", title_en="News", slug="berita", slug_ind="berita", slug_en="news", intro_ind="Berita kota."
    )
    return publish(parent or home_page(), page)


def newsroom(agency, index=None):
    found = OPDNewsroomPage.objects.filter(opd=agency).first()
    if found:
        return found
    page = OPDNewsroomPage(
        title_ind=f"Berita {agency.acronym}",
        title_en=f"{agency.acronym} news",
        slug=agency.slug,
        slug_ind=agency.slug,
        slug_en=agency.slug,
        opd=agency,
    )
    return publish(index or news_index(), page)


def news_page(room, title_ind="Berita uji", title_en="Test news", slug_ind=None, live=True, tags=(), **fields):
    """A NewsPage in ``room`` (published unless ``live`` is False); ``tags`` are tag names."""
    slug_ind = slug_ind or title_ind.lower().replace(" ", "-")
    fields.setdefault("summary_ind", f"Ringkasan {title_ind}")
    if title_en:
        fields.setdefault("summary_en", f"Summary of {title_en}")
        fields.setdefault("slug_en", title_en.lower().replace(" ", "-"))
    fields.setdefault("publication_date", timezone.now() - datetime.timedelta(days=1))
    page = NewsPage(title_ind=title_ind, title_en=title_en or None, slug=slug_ind, slug_ind=slug_ind, **fields)
    page.tags.add(*tags)
    if live:
        return publish(room, page)
    with translation.override("id"):
        page.live = False
        room.add_child(instance=page)
        page.save_revision()
    page.refresh_from_db()
    return page
