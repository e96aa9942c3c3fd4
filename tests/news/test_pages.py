"""News page types: tree rules, the real admin form in both languages, rendering, event details, JSON-LD, OG."""

import json
import re

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.bilingual import page_url
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage, NewsType, OPDNewsroomPage
from tests.factories import news as factories
from tests.factories.pages import home_page
from tests.news.forms import news_form_data

JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(response):
    return json_ld_of(response.content.decode())


def json_ld_of(html):
    return json.loads(JSON_LD_RE.search(html).group(1))


class NewsTreeTests(WagtailPageTestCase):
    def test_tree_rules(self):
        """City newsroom under home, OPD newsrooms under it, news only inside an OPD newsroom."""
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {OPDNewsroomPage})
        self.assertAllowedParentPageTypes(OPDNewsroomPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(OPDNewsroomPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {OPDNewsroomPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)


class NewsPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.index = factories.news_index(cls.home)
        cls.diskominfo = factories.opd("diskominfo", "Diskominfo", "Dinas Komunikasi dan Informatika")
        cls.dlh = factories.opd("dlh", "DLH", "Dinas Lingkungan Hidup", "Environment Agency")
        cls.room = factories.newsroom(cls.diskominfo, cls.index)

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(self.user)

    def create_through_admin(self, **overrides):
        self.assertCanCreate(self.room, NewsPage, news_form_data(**{"action-publish": "publish", **overrides}))
        return NewsPage.objects.get(slug_ind=overrides.get("slug_ind", "bimtek-tahap-i"))

    def test_create_through_admin_in_both_languages(self):
        """One admin form holds both languages; the publishing OPD comes from the newsroom."""
        page = self.create_through_admin(co_opds=[self.dlh.pk])
        self.assertTrue(page.live)
        self.assertEqual(page.title_en, "Technical guidance stage I")
        self.assertEqual(page.owner_opd, self.diskominfo)
        self.assertEqual(list(page.co_opds.all()), [self.dlh])
        self.assertEqual(sorted(tag.name for tag in page.tags.all()), ["bimtek", "smart city"])
        self.assertContains(self.client.get("/id/berita/diskominfo/bimtek-tahap-i/"), "Isi berita.")
        self.assertContains(self.client.get("/en/news/diskominfo/technical-guidance-stage-i/"), "News body.")

    def test_renders_localized_publication_date_in_wib(self):
        """The date and time show in Asia/Jakarta, in each language's style."""
        page = self.create_through_admin()
        self.assertEqual(timezone.localtime(page.publication_date).hour, 15)
        response = self.client.get("/id/berita/diskominfo/bimtek-tahap-i/")
        self.assertContains(response, '<html lang="id">')
        self.assertContains(response, "Rabu, 10 Juli 2019 pukul 15.30 WIB")
        self.assertContains(response, 'datetime="2019-07-10T15:30:00+07:00"')
        response = self.client.get("/en/news/diskominfo/technical-guidance-stage-i/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "Wednesday, 10 July 2019, 15:30 WIB")
        self.assertContains(response, "<h1>Technical guidance stage I</h1>", html=True)

    def test_admin_cannot_choose_another_publishing_opd(self):
        """A posted owner_opd is ignored: the page belongs to the newsroom's OPD."""
        page = self.create_through_admin(owner_opd=self.dlh.pk)
        self.assertEqual(page.owner_opd, self.diskominfo)

    def test_admin_form_refuses_a_nik_in_event_details(self):
        """A 16-digit number (a NIK) in the participants field is a form error, not published."""
        response = self.client.post(
            f"/admin/pages/add/news/newspage/{self.room.pk}/",
            news_form_data(target_participants_ind="Peserta 3172010101010001", **{"action-publish": "publish"}),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("target_participants_ind", response.context["form"].errors)
        self.assertFalse(NewsPage.objects.exists())

    def test_event_details_block_for_bimtek(self):
        """Bimtek news shows event details with the participant count; plain news does not."""
        start = timezone.make_aware(timezone.datetime(2019, 7, 9, 8, 30))
        page = factories.news_page(
            self.room,
            "Bimtek kota cerdas",
            "Smart city guidance",
            news_type=NewsType.BIMTEK,
            event_title_ind="Bimtek Tahap I",
            event_title_en="Guidance stage I",
            event_stage=NewsPage.Stage.I,
            event_start=start,
            event_end=start + timezone.timedelta(hours=8),
            event_mode=NewsPage.Mode.LURING,
            venue_name_ind="Aula Kantor Wali Kota",
            participant_count=80,
            speakers_ind=[{"type": "speaker", "value": {"name": "Narasumber A", "role": "Narasumber"}}],
        )
        response = self.client.get(page_url(page, "id"))
        self.assertContains(response, 'id="event-details-heading"')
        self.assertContains(response, "Tahap I")
        self.assertContains(response, "80 peserta")
        self.assertContains(response, "Aula Kantor Wali Kota")
        response = self.client.get(page_url(page, "en"))
        self.assertContains(response, "Stage I")
        self.assertContains(response, "80 participants")
        plain = factories.news_page(self.room, "Berita biasa", "Plain news")
        self.assertNotContains(self.client.get(page_url(plain, "id")), 'id="event-details-heading"')

    def test_json_ld_news_article_and_event(self):
        """Event news carries NewsArticle and Event JSON-LD; other news only NewsArticle."""
        start = timezone.make_aware(timezone.datetime(2019, 7, 9, 8, 30))
        page = factories.news_page(
            self.room,
            "Bimtek tahap dua",
            "Guidance stage two",
            news_type=NewsType.BIMTEK,
            event_title_ind="Bimtek Tahap II",
            event_start=start,
            event_mode=NewsPage.Mode.HYBRID,
            venue_name_ind="Aula",
            online_url="https://example.org/live",
        )
        article, event = json_ld(self.client.get(page_url(page, "id")))
        self.assertEqual(article["@type"], "NewsArticle")
        self.assertEqual(article["author"]["alternateName"], "Diskominfo")
        self.assertTrue(article["datePublished"].endswith("+07:00"))
        self.assertEqual(event["@type"], "Event")
        self.assertEqual(event["startDate"], "2019-07-09T08:30:00+07:00")
        self.assertEqual(event["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode")
        self.assertEqual([place["@type"] for place in event["location"]], ["Place", "VirtualLocation"])
        plain = factories.news_page(self.room, "Berita lain", "Other news")
        self.assertEqual([item["@type"] for item in json_ld(self.client.get(page_url(plain, "id")))], ["NewsArticle"])

    def test_open_graph_for_whatsapp(self):
        """og:type article and an absolute 1200×630 JPEG og:image with its size, the way WhatsApp wants it."""
        from home.demo import demo_image

        image = demo_image("Foto uji", "Foto uji", "Test photo", (10, 20, 30))
        page = factories.news_page(self.room, "Berita bergambar", "Picture news", hero_image=image)
        response = self.client.get(page_url(page, "id"))
        self.assertContains(response, '<meta property="og:type" content="article">')
        self.assertRegex(
            response.content.decode(), r'<meta property="og:image" content="http://testserver/[^"]+\.jpg">'
        )
        self.assertContains(response, '<meta property="og:image:width" content="1200">')
        self.assertContains(response, '<meta property="og:image:height" content="630">')
        self.assertContains(response, 'property="article:published_time"')

    def test_feed_links_in_head(self):
        """An article's head announces the city feeds and its OPD's feeds in the page's language."""
        page = factories.news_page(self.room, "Berita umpan", "Feed news")
        response = self.client.get(page_url(page, "id"))
        self.assertContains(response, 'type="application/rss+xml"', count=2)
        self.assertContains(response, 'href="/id/berita/opd/diskominfo/atom/"')

    def test_untranslated_news_falls_back_with_notice(self):
        page = factories.news_page(self.room, "Hanya Indonesia", "")
        response = self.client.get(page_url(page, "en"))
        self.assertContains(response, "This page is only available in Indonesian.")
        self.assertContains(response, "Hanya Indonesia")

    def test_preview_in_each_language(self):
        page = factories.news_page(self.room, "Pratinjau", "Preview")
        data = news_form_data(title_ind="Pratinjau", title_en="Preview", slug_ind="pratinjau", slug_en="preview")
        self.assertPageIsPreviewable(page, mode="id", post_data=data)
        self.assertPageIsPreviewable(page, mode="en", post_data=data)

    def test_tags_co_organisers_and_related_pages(self):
        """The article shows its tags, its co-organising OPDs (by acronym) and its live related pages; a preview
        shows those of the revision being edited, not the published ones."""
        from heritage_pages.models import HeritageSitePage
        from news.models import NewsRelatedPage
        from tests.factories.heritage_pages import heritage_index, heritage_site

        bappeda = factories.opd("bappeda", "Bappeda", "Badan Perencanaan")
        sites = heritage_index(self.home)
        live_site = heritage_site(sites, "Situs hidup", "Live site")
        draft_site = heritage_site(sites, "Situs draf", "Draft site")
        HeritageSitePage.objects.filter(pk=draft_site.pk).update(live=False)
        page = factories.news_page(self.room, "Berita tautan", "Linked news", tags=["zaitun", "anggrek"])
        page.co_opds.add(self.dlh, bappeda)
        page.save()  # a ParentalManyToManyField is written on save
        NewsRelatedPage.objects.create(news_page=page, page=draft_site, sort_order=0)
        NewsRelatedPage.objects.create(news_page=page, page=live_site, sort_order=1)
        html = self.client.get(page_url(page, "id")).content.decode()
        self.assertIn("Bersama Badan Perencanaan, Dinas Lingkungan Hidup", html)
        self.assertIn('<meta property="article:tag" content="zaitun">', html)
        self.assertIn('?tag=anggrek">anggrek</a>', html)
        self.assertIn("Situs hidup", html)
        self.assertNotIn("Situs draf", html)
        self.assertEqual(json_ld_of(html)[0]["keywords"], ["zaitun", "anggrek"])

        data = news_form_data(
            title_ind="Berita tautan",
            title_en="Linked news",
            slug_ind="berita-tautan",
            slug_en="linked-news",
            tags="pratinjau",
            co_opds=[self.diskominfo.pk],
        )
        preview_path = reverse("wagtailadmin_pages:preview_on_edit", kwargs={"page_id": page.pk})
        self.client.post(preview_path, data=data, QUERYSTRING="mode=id")
        preview = self.client.get(preview_path, data={"mode": "id"}).content.decode()
        self.assertIn('<meta property="article:tag" content="pratinjau">', preview)
        self.assertNotIn("zaitun", preview)
        self.assertIn("Bersama Dinas Komunikasi dan Informatika", preview)
        self.assertNotIn("Badan Perencanaan", preview)

    def test_kept_links_follow_a_publish_and_a_related_page_going_offline(self):
        """The tags, OPDs and related pages are kept until the content changes: a new revision and a related
        page being unpublished show on the next view."""
        from news.models import NewsPage, NewsRelatedPage
        from tests.factories.heritage_pages import heritage_index, heritage_site

        site = heritage_site(heritage_index(self.home), "Situs tautan", "Linked site")
        page = factories.news_page(self.room, "Berita kait", "Kept links news", tags=["awal"])
        page.related_pages.add(NewsRelatedPage(page=site))
        page.save_revision().publish()
        url = page_url(page, "en")
        first = self.client.get(url).content.decode()
        self.assertIn("Linked site", first)
        self.assertIn('content="awal"', first)
        page = NewsPage.objects.get(pk=page.pk)
        page.tags.add("kedua")
        page.co_opds.add(self.dlh)
        page.save_revision().publish()
        second = self.client.get(url).content.decode()
        self.assertIn('content="kedua"', second)
        self.assertIn("Environment Agency", second)
        site.unpublish()
        self.assertNotIn("Linked site", self.client.get(url).content.decode())

    def test_newsroom_redirects_to_the_stable_opd_view(self):
        """An OPD newsroom's own URL sends visitors to the city newsroom's per-OPD view."""
        response = self.client.get("/id/berita/diskominfo/")
        self.assertRedirects(response, "/id/berita/opd/diskominfo/")

    def test_index_renders_and_previews(self):
        self.assertPageIsRenderable(self.index)
        data = nested_form_data({"title_ind": "Berita", "title_en": "News", "slug_ind": "berita", "slug_en": "news"})
        self.assertPageIsPreviewable(self.index, mode="en", post_data=data)
        self.assertIsNotNone(streamfield)
