"""On the real stack (gunicorn with 3 workers, Redis, PostgreSQL), no answer shows the state before a change.

For each kind of change an editor can make, every URL that can show the changed page (the page, its
listing, the per-OPD view, every feed, search and autocomplete, the sitemaps, the heritage GeoJSON and CSV,
the smart city exports, the related lists on other pages, the home page) is fetched from the cached
server right after the change, all at once, and compared with a cache-free server (no cache at all) on
whether the changed page is shown. The cached server was warm before each change (its answers were in the
cache). Then the same with 8 clients fetching distinct URLs while changes happen.

The changes are made in this process, through the ORM and Wagtail's APIs, on the same database (this is
a transactional test: every change is committed, as an editor's is).
"""

import datetime
import io
import threading
import time

from django.core.management import call_command
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from PIL import Image as PILImage

from home import bilingual
from tests.serving import stack
from tests.serving.redis import TEST_REDIS_URL, redis_available

CACHED_PORT, TRUTH_PORT = 8201, 8202
PREFIX = "cms-stack"

pytestmark = [
    pytest.mark.skipif(not redis_available(), reason="Redis is not running at TEST_REDIS_URL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker):
    """One cached server (3 workers, Redis) and one cache-free server (the truth), for the whole module."""
    with django_db_blocker.unblock():
        if not stack.using_postgresql():
            pytest.skip("the real-stack tests run on PostgreSQL (DATABASE_URL)")
    caching = override_settings(CACHES=stack.redis_caches(TEST_REDIS_URL, PREFIX), PAGE_CACHE=False)
    caching.enable()
    cached = truth = None
    try:
        cached = stack.Server(CACHED_PORT, workers=3, redis_url=TEST_REDIS_URL, prefix=PREFIX)
        truth = stack.Server(TRUTH_PORT, workers=2, no_cache=True)
        yield cached, truth
    finally:
        for server in (cached, truth):
            if server is not None:
                server.stop()
        caching.disable()


def png(name):
    from django.core.files.images import ImageFile

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (20, 120, 90)).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


class CitySite:
    """A small city site with one news item, heritage site and programme linked together."""

    def __init__(self):
        from wagtail.documents.models import Document

        from heritage_pages.models import HeritageSiteDocument
        from images.models import CityImage
        from news.models import NewsRelatedPage
        from tests.factories import heritage_pages, news, smartcity
        from tests.factories.pages import home_page

        self.home = home_page()
        self.index = news.news_index(self.home)
        self.dlh = news.opd("dlh", "DLH", "Dinas Lingkungan Hidup", "Environment Agency")
        self.dinkes = news.opd("dinkes", "Dinkes", "Dinas Kesehatan", "Health Agency")
        self.room = news.newsroom(self.dlh, self.index)
        self.other_room = news.newsroom(self.dinkes, self.index)
        self.heritage_index = heritage_pages.heritage_index(self.home)
        self.document = Document.objects.create(title="Kajian lama", file=io_file("kajian.pdf"))
        self.heritage = heritage_pages.heritage_site(
            self.heritage_index,
            "Gedung Zamrudwarisan",
            "Zamrudwarisan Building",
            documents=[HeritageSiteDocument(document=self.document)],
        )
        self.masterplan = smartcity.masterplan(self.home)
        self.dimension = smartcity.dimension(self.masterplan)
        self.programme = smartcity.programme(self.dimension, "Program Zamrudcerdas", "Zamrudcerdas Programme")
        self.image = CityImage.objects.create(title="Pasar", file=png("pasar.png"), alt_text_ind="Foto pasar")
        self.news = news.news_page(
            self.room,
            "Festival Zamrudberita",
            "Zamrudberita Festival",
            live=False,
            hero_image=self.image,
            news_type="berita",
            owner_opd=self.dlh,
            related_pages=[NewsRelatedPage(page=self.heritage), NewsRelatedPage(page=self.programme)],
        )

    def urls(self):
        """Every URL that can show the news item, the heritage site or the programme, in both languages."""
        urls = []
        for language in bilingual.LANGUAGE_CODES:
            news_index = bilingual.page_url(self.index, language)
            heritage_index = bilingual.page_url(self.heritage_index, language)
            masterplan = bilingual.page_url(self.masterplan, language)
            urls += [f"/{language}/", news_index, bilingual.page_url(self.room, language)]
            urls += [f"{news_index}{route}" for route in ("rss/", "atom/", "type/berita/rss/", "type/berita/atom/")]
            for opd in ("dlh", "dinkes"):
                urls += [f"{news_index}opd/{opd}/{route}" for route in ("", "rss/", "atom/")]
            urls += [heritage_index, f"{heritage_index}geojson/", f"{heritage_index}csv/"]
            urls += [masterplan, bilingual.page_url(self.dimension, language)]
            exports = ("programmes/csv/", "budget-lines/csv/", "indicators/csv/", "json/")
            urls += [f"{masterplan}export/{export}" for export in exports]
            for page in (self.heritage, self.programme):
                urls.append(bilingual.page_url(page, language))
            urls += [f"/{language}/berita/dlh/festival-zamrudberita/", f"/{language}/news/dlh/zamrudberita-festival/"]
            with translation.override(language):
                search, suggest = reverse("search"), reverse("search_suggest")
            for word in ("zamrudberita", "zamrudwarisan", "zamrudcerdas", "zamrudjadwal"):
                urls += [f"{search}?q={word}", f"{suggest}?q={word}"]
        urls += ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-pages-id.xml"]
        return list(dict.fromkeys(urls))


def io_file(name):
    from django.core.files.base import ContentFile

    return ContentFile(b"%PDF-1.4 kajian", name=name)


def assert_nothing_stale(servers, urls, marker, before=None):
    """The cached server agrees with the cache-free one, URL by URL, on the status and on whether
    ``marker`` is shown; and the change was visible somewhere (so a stale answer would have been caught)."""
    cached, truth = servers
    now_cached = stack.fetch_all(cached.port, urls)
    now_true = stack.fetch_all(truth.port, urls)
    stale = [
        (url, now_cached[url].status, now_true[url].status, now_cached[url].cache)
        for url in urls
        if (now_cached[url].status, now_cached[url].shows(marker))
        != (now_true[url].status, now_true[url].shows(marker))
    ]
    assert not stale, f"{len(stale)} of {len(urls)} URLs answer from before the change ({marker}): {stale}"
    errors = [url for url, answer in now_true.items() if answer.status >= 500]
    assert not errors, errors
    if before is not None:
        changed = [
            url
            for url in urls
            if (before[url].status, before[url].shows(marker)) != (now_true[url].status, now_true[url].shows(marker))
        ]
        assert changed, f"the change to {marker} showed nowhere: the test could not have seen a stale page"
    return now_cached


def publish_scheduled():
    call_command("publish_scheduled", stdout=io.StringIO())


def kinds_of_change(site):
    """(name, marker, change) for each kind of change, in an order where each starts from the last."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.models import Page, PageViewRestriction

    from home.models import SiteSettings
    from news.models import NewsPage

    state = {}

    def publish():
        site.news.refresh_from_db()
        site.news.save_revision().publish()

    def image():
        site.image.alt_text_ind = "Foto zamrudgambar"
        site.image.save()

    def opd():
        site.dlh.name_ind = site.dlh.name = "Dinas Zamrudopd"
        site.dlh.save()

    def settings():
        values = SiteSettings.for_site(site.home.get_site())
        values.footer_text_ind = values.footer_text_en = "Zamrudsetelan"
        values.save()

    def document():
        site.document.title = "Kajian zamruddokumen"
        site.document.save()

    def promotion():
        SearchPromotion.objects.create(
            query=Query.get("zamrudberita"), page=site.heritage, description="Zamrudpromosi", sort_order=0
        )

    def restrict():
        state["restriction"] = PageViewRestriction.objects.create(
            page=site.heritage, restriction_type=PageViewRestriction.LOGIN
        )

    def change_restriction():
        restriction = state["restriction"]
        restriction.restriction_type, restriction.password = PageViewRestriction.PASSWORD, "rahasia"
        restriction.save()

    def lift_restriction():
        state["restriction"].delete()

    def move():
        NewsPage.objects.get(pk=site.news.pk).move(site.other_room, pos="last-child")

    def copy():
        state["copy"] = Page.objects.get(pk=site.news.pk).specific.copy(
            to=site.room,
            update_attrs={
                "slug": "salinan-zamrudsalin",
                "slug_ind": "salinan-zamrudsalin",
                "slug_en": None,
                "title_ind": "Salinan Zamrudsalin",
                "title": "Salinan Zamrudsalin",
                "title_en": "Zamrudsalin copy",
            },
            keep_live=True,
        )

    def delete():
        Page.objects.get(pk=state["copy"].pk).delete()

    def unpublish():
        Page.objects.get(pk=site.news.pk).specific.unpublish()

    def schedule():
        """A draft with an approved go-live time (made before the warm-up: drafts change nothing public)."""
        from tests.factories import news

        page = news.news_page(site.room, "Lomba Zamrudjadwal", "Zamrudjadwal Contest", live=False, owner_opd=site.dlh)
        page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(seconds=1))
        state["scheduled"] = page

    def expire():
        """The expiry time passes (set long ago: no save now), then publish_scheduled unpublishes it."""
        Page.objects.filter(pk=state["scheduled"].pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))

    return [
        ("publish", "zamrudberita", None, publish),
        ("image", "zamrudgambar", None, image),
        ("OPD", "Zamrudopd", None, opd),
        ("site settings", "Zamrudsetelan", None, settings),
        ("document", "zamruddokumen", None, document),
        ("search promotion", "Zamrudpromosi", None, promotion),
        ("view restriction added", "zamrudwarisan", None, restrict),
        ("view restriction changed", "Gedung Zamrudwarisan", None, change_restriction),
        ("view restriction removed", "zamrudwarisan", None, lift_restriction),
        ("move", "zamrudberita", None, move),
        ("copy", "zamrudsalin", None, copy),
        ("delete", "zamrudsalin", None, delete),
        ("unpublish", "zamrudberita", None, unpublish),
        ("scheduled go-live", "zamrudjadwal", schedule, publish_scheduled),
        ("scheduled expiry", "zamrudjadwal", expire, publish_scheduled),
    ]


def test_every_kind_of_change_shows_at_once_on_every_url(servers):
    site = CitySite()
    urls = site.urls()
    assert len(urls) >= 30
    cached, _truth = servers
    stack.fetch_all(cached.port, urls)  # warm
    warm = stack.fetch_all(cached.port, urls)
    hits = [url for url, answer in warm.items() if answer.cache == "hit"]
    assert len(hits) >= 0.9 * len(urls), [url for url in urls if url not in hits]  # the cache was in use
    before = warm
    for name, marker, prepare, change in kinds_of_change(site):
        if prepare:
            prepare()
            before = stack.fetch_all(cached.port, urls)  # warm again: the draft made no new generation
        change()
        try:
            before = assert_nothing_stale(servers, urls, marker, before)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from None


def test_eight_clients_on_distinct_urls_never_see_the_past(servers):
    """While changes are made, each of 8 clients fetches its own URLs over and over; every answer that
    began after a change was committed agrees with the cache-free server's answer after that change."""
    from wagtail.models import Page, PageViewRestriction

    site = CitySite()
    urls = site.urls()
    cached, truth = servers
    marker = "zamrudberita"
    groups = [urls[index::8] for index in range(8)]
    answers, stop = [], threading.Event()

    def client(group):
        while not stop.is_set():
            for url in group:
                answers.append(stack.fetch(cached.port, url))

    def restrict():
        PageViewRestriction.objects.create(page=site.news, restriction_type=PageViewRestriction.LOGIN)

    def lift():
        PageViewRestriction.objects.filter(page=site.news).delete()

    changes = [
        lambda: site.news.save_revision().publish(),
        restrict,
        lift,
        lambda: Page.objects.get(pk=site.news.pk).specific.unpublish(),
        lambda: Page.objects.get(pk=site.news.pk).specific.save_revision().publish(),
    ]
    stack.fetch_all(cached.port, urls)  # warm
    threads = [threading.Thread(target=client, args=(group,)) for group in groups]
    for thread in threads:
        thread.start()
    periods = []  # (committed at, truth after it)
    try:
        for change in changes:
            time.sleep(0.5)
            started = time.monotonic()
            change()
            committed = time.monotonic()
            truth_now = stack.fetch_all(truth.port, urls)
            periods.append((started, committed, truth_now))
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    checked, stale = 0, []
    for index, (_started, committed, truth_now) in enumerate(periods):
        next_change = periods[index + 1][0] if index + 1 < len(periods) else float("inf")
        for answer in answers:
            if answer.started >= committed and answer.ended <= next_change:
                checked += 1
                expected = truth_now[answer.url]
                if (answer.status, answer.shows(marker)) != (expected.status, expected.shows(marker)):
                    stale.append((answer.url, answer.status, expected.status, answer.cache))
    assert checked >= len(urls), checked
    assert not stale, f"{len(stale)} of {checked} answers showed the past: {stale[:10]}"
