"""The home page as a visitor uses it, in both languages: services, latest news (featured first), upcoming
events (gone once over), the heritage highlight and the smart city progress; all of it kept in the shared
cache and right at once after an editor publishes."""

import datetime

from django.test import TestCase, override_settings
from django.utils import timezone

from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import HomePage
from images.models import CityImage
from news import sections as news_sections
from news.models import NewsType
from serving import clock
from smartcity.choices import Dimension, Status
from tests.factories import news
from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.pages import home_page, standard_page
from tests.factories.smartcity import all_dimensions, masterplan, programme
from tests.integration.test_query_counts import ALERT_BANNER
from tests.serving.redis import REDIS_CACHES, redis_available


def now_plus(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def service(icon, label_id, label_en="", page=None, url=""):
    return ("service", {"icon": icon, "label_id": label_id, "label_en": label_en, "page": page, "url": url})


class HomeSectionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.room = news.newsroom(news.opd("diskominfo"))
        cls.old_featured = news.news_page(
            cls.room, "Berita unggulan lama", "Old featured news", featured=True, publication_date=now_plus(days=-30)
        )
        cls.newest = news.news_page(cls.room, "Berita terbaru", "Newest news", publication_date=now_plus(hours=-1))
        cls.middle = news.news_page(
            cls.room, "Berita kemarin", "News from yesterday", publication_date=now_plus(days=-1)
        )
        cls.upcoming = news.news_page(
            cls.room,
            "Bimtek masterplan",
            "Masterplan workshop",
            news_type=NewsType.BIMTEK,
            event_title_ind="Bimtek Tahap II Masterplan Smart City",
            event_title_en="",
            event_start=now_plus(days=3),
            event_end=now_plus(days=3, hours=6),
            publication_date=now_plus(days=-2),
        )
        cls.soonest = news.news_page(
            cls.room,
            "Sosialisasi pajak",
            "Tax outreach",
            news_type=NewsType.SOSIALISASI,
            event_title_ind="Sosialisasi pajak daerah",
            event_title_en="Local tax outreach",
            event_start=now_plus(days=1),
            publication_date=now_plus(days=-3),
        )
        cls.past = news.news_page(
            cls.room,
            "Bimtek lalu",
            "Past workshop",
            news_type=NewsType.BIMTEK,
            event_title_ind="Bimtek yang sudah lewat",
            event_title_en="A workshop already held",
            event_start=now_plus(days=-5),
            event_end=now_plus(days=-5, hours=4),
            publication_date=now_plus(days=-6),
        )
        heritage = heritage_index(cls.home)
        cls.mosque = heritage_site(heritage)
        cls.fort = heritage_site(heritage, "Benteng Bukit Kursi", "Bukit Kursi Fort")
        governance = all_dimensions(masterplan(cls.home))[Dimension.GOVERNANCE]
        programme(governance, "Layanan satu pintu", "One-stop service", status=Status.RUNNING)
        programme(governance, "Data kota", "City data", status=Status.RUNNING)
        programme(governance, "Kota cerdas", "Smart city", status=Status.PLANNED)
        cls.about = standard_page(cls.home, "Kependudukan", "Civil registration")
        home = HomePage.objects.get(pk=cls.home.pk)
        home.news_count = 3
        home.services = [
            service("id-card", "Administrasi kependudukan", "Civil registration", page=cls.about),
            service("health", "Layanan kesehatan", "", url="https://dinkes.example.org/"),
        ]
        home.save_revision().publish()

    def get(self, path):
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_sections_in_both_languages(self):
        for path, headings in (
            (
                "/id/",
                ("Layanan", "Berita terbaru", "Kegiatan mendatang", "Sorotan cagar budaya", "Kemajuan smart city"),
            ),
            ("/en/", ("Services", "Latest news", "Upcoming events", "Heritage highlight", "Smart city progress")),
        ):
            html = self.get(path)
            for heading in headings:
                self.assertIn(f">{heading}</h2>", html, f"{path}: {heading}")

    def test_latest_news_puts_featured_first_then_newest_up_to_the_editors_limit(self):
        html = self.get("/en/")
        positions = [html.index(title) for title in ("Old featured news", "Newest news", "News from yesterday")]
        self.assertEqual(positions, sorted(positions))
        # Three items: the older, unfeatured news items are left out.
        self.assertNotIn("Masterplan workshop</a></h3>", html.split('id="home-events"')[0])

    def test_upcoming_events_soonest_first_and_past_events_gone(self):
        html = self.get("/en/")
        events = html.split('id="home-events"')[1].split("</section>")[0]
        self.assertLess(events.index("Local tax outreach"), events.index("Bimtek Tahap II Masterplan Smart City"))
        self.assertNotIn("A workshop already held", events)
        # The workshop's English event title is empty: the Indonesian one is shown, marked as Indonesian.
        self.assertIn('lang="id">Bimtek Tahap II Masterplan Smart City</a>', events)

    def test_an_event_leaves_when_it_ends_with_no_cache_kept_past_that_moment(self):
        """The next event end is a serving.clock moment: no page or derived value is kept past it."""
        self.assertEqual(news_sections.next_event_end(), self.soonest.event_start)
        self.assertLessEqual(clock.next_change(), self.soonest.event_start)
        ids = [item.pk for item in news_sections.upcoming_event_items(self.home, 10, now=now_plus(days=2))]
        self.assertEqual(ids, [self.upcoming.pk])

    def test_services_in_the_visitors_language_with_honest_lang(self):
        html = self.get("/en/")
        self.assertIn('href="/en/civil-registration/"><svg class="service-link__icon"', html)
        self.assertIn("<span>Civil registration</span>", html)
        self.assertIn('<a href="https://dinkes.example.org/" lang="id">', html)
        self.assertIn("<span>Layanan kesehatan</span>", html)
        html = self.get("/id/")
        self.assertIn('href="/id/kependudukan/"', html)
        self.assertIn("<span>Administrasi kependudukan</span>", html)

    def test_heritage_highlight_is_the_chosen_site_else_the_newest(self):
        self.assertIn("Bukit Kursi Fort", self.get("/en/").split('id="home-heritage"')[1])
        home = HomePage.objects.get(pk=self.home.pk)
        home.heritage_highlight = self.mosque
        home.save_revision().publish()
        section = self.get("/en/").split('id="home-heritage"')[1].split("</section>")[0]
        self.assertIn("Sultan of Riau Grand Mosque", section)
        self.assertNotIn("Bukit Kursi Fort", section)

    def test_smart_city_progress_counts_programmes_by_status(self):
        section = self.get("/en/").split('id="home-smartcity"')[1].split("</section>")[0]
        self.assertIn("3 programmes in the masterplan", section)
        self.assertIn('<span class="progress-summary__count">2</span> Running', section)
        self.assertIn('<span class="progress-summary__count">1</span> Planned', section)

    def test_full_sections_cost_no_query_once_warm(self):
        """Every section is kept in the shared cache: once warm, the home page with news, events, heritage,
        smart city and services makes no query (with a hero image too: HOME in
        tests/integration/test_query_counts.py)."""
        for path in ("/id/", "/en/"):
            with self.subTest(path=path):
                self.client.get(path)
                self.client.get(path)
                with self.assertNumQueries(ALERT_BANNER):
                    self.assertEqual(self.client.get(path).status_code, 200)

    def test_hero_image_and_featured_sections_are_kept_and_follow_a_publish(self):
        """The hero's picture and the featured sections are kept rendered with the sections: a publish shows
        the new ones on the next view, and a preview shows the draft's without keeping them."""
        self.assertNotIn("hero__image", self.get("/id/"))
        home = HomePage.objects.get(pk=self.home.pk)
        home.hero_image = CityImage.objects.create(title="Tepi laut", file=get_test_image_file(size=(96, 40)))
        home.featured_sections_ind = [
            ("section", {"heading": "Cagar budaya", "text": "Peta situs", "page": self.about})
        ]
        home.save_revision().publish()
        for path in ("/id/", "/en/"):
            with self.subTest(path=path):
                self.get(path)
                page = self.get(path)
                self.assertEqual(page.count('class="hero__image"'), 1)
                self.assertIn("Cagar budaya", page)
        home = HomePage.objects.get(pk=self.home.pk)
        home.featured_sections_ind = [("section", {"heading": "Draf baru", "text": "Belum terbit", "page": self.about})]
        self.assertContains(home.make_preview_request(), "Draf baru")
        self.assertNotIn("Draf baru", self.get("/id/"))
        home.hero_image = None
        home.save_revision().publish()
        page = self.get("/id/")
        self.assertNotIn("hero__image", page)
        self.assertIn("Draf baru", page)

    def test_editor_can_hide_sections(self):
        home = HomePage.objects.get(pk=self.home.pk)
        home.news_count = 0
        home.events_count = 0
        home.show_smartcity_progress = False
        home.save_revision().publish()
        html = self.get("/id/")
        for anchor in ('id="home-news"', 'id="home-events"', 'id="home-smartcity"'):
            self.assertNotIn(anchor, html)

    def test_a_service_needs_exactly_one_link(self):
        from django.contrib.auth import get_user_model

        self.client.force_login(get_user_model().objects.create_superuser("svc", "s@example.com", "pw"))
        data = nested_form_data(
            {
                "title_ind": "Beranda",
                "title_en": "Home",
                "slug_ind": "beranda",
                "featured_sections_ind": streamfield([]),
                "featured_sections_en": streamfield([]),
                "services": streamfield(
                    [("service", {"icon": "map", "label_id": "Peta", "label_en": "Map", "page": "", "url": ""})]
                ),
                "news_count": 4,
                "events_count": 3,
            }
        )
        response = self.client.post(f"/admin/pages/{self.home.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="id")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "salah satu saja")


class HomeCacheBehaviour:
    """The home page is cached whole and its sections as derived data; publishing shows at once."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.room = news.newsroom(news.opd("diskominfo"))
        news.news_page(cls.room, "Berita pertama", "First news")

    def test_publishing_a_news_item_shows_on_the_home_page_at_once(self):
        self.client.get("/id/")
        self.assertEqual(self.client.get("/id/").headers["X-Cache"], "hit")
        news.news_page(self.room, "Berita baru terbit", "Just published", publication_date=now_plus(minutes=-1))
        response = self.client.get("/id/")
        self.assertEqual(response.headers["X-Cache"], "miss")
        self.assertContains(response, "Berita baru terbit")

    def test_unpublishing_an_event_removes_it_at_once(self):
        event = news.news_page(
            self.room,
            "Bimtek besok",
            "Workshop tomorrow",
            news_type=NewsType.BIMTEK,
            event_title_ind="Bimtek besok",
            event_start=now_plus(days=1),
        )
        self.assertContains(self.client.get("/id/"), "Bimtek besok</a></h3>")
        event.unpublish()
        self.assertNotContains(self.client.get("/id/"), "Bimtek besok")


@override_settings(PAGE_CACHE=True)
class LocalMemoryHomeCacheTests(HomeCacheBehaviour, TestCase):
    pass


@override_settings(PAGE_CACHE=True, CACHES=REDIS_CACHES)
class RedisHomeCacheTests(HomeCacheBehaviour, TestCase):
    @classmethod
    def setUpClass(cls):
        if not redis_available():
            raise AssertionError("Redis is needed at TEST_REDIS_URL for these tests")
        super().setUpClass()

    def setUp(self):
        from django.core.cache import caches

        for alias in ("default", "pages"):
            caches[alias].clear()
