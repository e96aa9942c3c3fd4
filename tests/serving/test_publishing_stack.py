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
from django.utils import timezone

import pytest

from tests.serving import stack
from tests.serving.redis import TEST_REDIS_URL, redis_available
from tests.serving.site import CitySite

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
