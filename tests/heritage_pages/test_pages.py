"""HeritageIndexPage and HeritageSitePage: tree rules, the admin form in both languages, rendering and links."""

import json
import re
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from heritage_pages.models import (
    Category,
    HeritageIndexPage,
    HeritageSiteGalleryImage,
    HeritageSitePage,
    HeritageSiteSource,
    LegalStatus,
    Level,
)
from home.models import HomePage, StandardPage
from images.models import CityImage
from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.pages import home_page


def site_form_data(**overrides):
    data = {
        "title_ind": "Gedung Mesiu",
        "title_en": "Gunpowder Store",
        "slug_ind": "gedung-mesiu",
        "slug_en": "gunpowder-store",
        "summary_ind": "Gudang mesiu di Pulau Penyengat.",
        "summary_en": "A gunpowder store on Penyengat Island.",
        "category": Category.BANGUNAN,
        "legal_status": LegalStatus.TERDAFTAR,
        "latitude": "0.922700",
        "longitude": "104.412900",
        "history_ind": streamfield([("paragraph", rich_text("<p>Sejarah gedung.</p>"))]),
        "history_en": streamfield([("paragraph", rich_text("<p>The building history.</p>"))]),
        "gallery_images": inline_formset([]),
        "documents": inline_formset([]),
        "sources": inline_formset([{"citation": "Arsip Disbudpar", "url": ""}]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data({key: value for key, value in data.items() if value is not None})


class TreeRulesTests(WagtailPageTestCase):
    def test_index_sits_under_home_once_and_holds_sites(self):
        """The register lives under the home page, once, and only holds heritage sites."""
        self.assertAllowedParentPageTypes(HeritageIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(HeritageIndexPage, {HeritageSitePage})
        self.assertEqual(HeritageIndexPage.max_count, 1)
        self.assertCanNotCreateAt(StandardPage, HeritageIndexPage)

    def test_sites_only_under_the_index_and_have_no_children(self):
        """A site is created only in the register; kawasan membership is a link, not nesting."""
        self.assertAllowedParentPageTypes(HeritageSitePage, {HeritageIndexPage})
        self.assertAllowedSubpageTypes(HeritageSitePage, set())
        self.assertCanNotCreateAt(HomePage, HeritageSitePage)
        self.assertCanNotCreateAt(Page, HeritageSitePage)


class EditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.index = heritage_index(cls.home)

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(self.user)

    def add_url(self):
        return f"/admin/pages/add/heritage_pages/heritagesitepage/{self.index.pk}/"

    def test_create_site_through_admin_form_with_both_languages(self):
        """An editor fills both languages in one form; the site is published and shown in each language."""
        self.assertCanCreate(self.index, HeritageSitePage, site_form_data())
        page = HeritageSitePage.objects.get(slug_ind="gedung-mesiu")
        self.assertTrue(page.live)
        self.assertEqual(page.summary_en, "A gunpowder store on Penyengat Island.")
        self.assertEqual(page.latitude, Decimal("0.922700"))
        self.assertEqual(page.sources.get().citation, "Arsip Disbudpar")
        self.assertContains(self.client.get("/id/warisan-budaya/gedung-mesiu/"), "Sejarah gedung.")
        self.assertContains(self.client.get("/en/heritage/gunpowder-store/"), "The building history.")

    def test_required_fields_give_form_errors(self):
        """Publishing without category, status, coordinates or Indonesian summary gives errors, not a 500."""
        data = site_form_data(category="", legal_status="", latitude="", longitude="", summary_ind="")
        response = self.client.post(self.add_url(), data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        for field in ("category", "legal_status", "latitude", "longitude", "summary_ind"):
            self.assertIn(field, errors)
        self.assertFalse(HeritageSitePage.objects.filter(slug_ind="gedung-mesiu").exists())

    def test_coordinates_must_be_on_earth(self):
        """A latitude beyond ±90 or longitude beyond ±180 is refused."""
        response = self.client.post(self.add_url(), site_form_data(latitude="104.4129", longitude="190"))
        errors = response.context["form"].errors
        self.assertIn("latitude", errors)
        self.assertIn("longitude", errors)
        self.assertFalse(HeritageSitePage.objects.filter(slug_ind="gedung-mesiu").exists())

    def test_coordinates_outside_the_city_are_saved_with_a_warning(self):
        """Swapped-looking or far-away coordinates are accepted but the editor is warned."""
        response = self.client.post(self.add_url(), site_form_data(latitude="-6.175400", longitude="106.827200"))
        self.assertEqual(response.status_code, 302)
        warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level == message_levels.WARNING]
        self.assertEqual(len(warnings), 1, warnings)
        self.assertIn("-6.175400, 106.827200", warnings[0])
        self.assertTrue(HeritageSitePage.objects.filter(slug_ind="gedung-mesiu").exists())

    def test_no_warning_inside_the_city(self):
        response = self.client.post(self.add_url(), site_form_data())
        self.assertEqual(response.status_code, 302)
        warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level == message_levels.WARNING]
        self.assertEqual(warnings, [])

    def test_designated_site_needs_a_level_and_only_designated_sites_are_ranked(self):
        """Designation without a level, or a ranking without designation, is refused with a clear message."""
        response = self.client.post(self.add_url(), site_form_data(legal_status=LegalStatus.DITETAPKAN))
        self.assertIn("designation_level", response.context["form"].errors)
        response = self.client.post(self.add_url(), site_form_data(ranking_level=Level.NASIONAL))
        self.assertIn("ranking_level", response.context["form"].errors)

    def test_parent_area_must_be_a_kawasan_or_situs(self):
        building = heritage_site(self.index, "Rumah Tua", "Old House", category=Category.BANGUNAN)
        response = self.client.post(self.add_url(), site_form_data(parent_area=str(building.pk)))
        self.assertIn("parent_area", response.context["form"].errors)

    def test_preview_in_each_language(self):
        """Preview mode "id" renders Indonesian and "en" English."""
        page = heritage_site(self.index, "Gedung Mesiu", "Gunpowder Store", slug_ind="gedung-mesiu")
        data = site_form_data()
        self.assertPageIsPreviewable(page, mode="id", post_data=data)
        self.assertPageIsPreviewable(page, mode="en", post_data=data)
        self.assertPageIsPreviewable(
            self.index, mode="en", post_data=nested_form_data({"title_ind": "Warisan", "slug_ind": "warisan-budaya"})
        )


class RenderingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.index = heritage_index(cls.home)
        cls.kawasan = heritage_site(
            cls.index,
            "Kawasan Pulau Penyengat",
            "Penyengat Island Area",
            slug_en="penyengat-island",
            category=Category.KAWASAN,
            legal_status=LegalStatus.DITETAPKAN,
            designation_level=Level.NASIONAL,
            decree_issuer="Menteri Pendidikan dan Kebudayaan",
            is_visitable=True,
        )
        cls.mosque = heritage_site(
            cls.index,
            "Masjid Raya Sultan Riau",
            "Sultan of Riau Grand Mosque",
            parent_area=cls.kawasan,
            legal_status=LegalStatus.ODCB,
            local_names="مسجد راي سلطان رياو",
        )
        cls.untranslated = heritage_site(cls.index, "Gedung Mesiu", "", parent_area=cls.kawasan)

    def test_renders_in_each_language_with_lang(self):
        """The site page is served under /id/ and /en/ with its own title and html lang."""
        response = self.client.get("/id/warisan-budaya/masjid-raya-sultan-riau/")
        self.assertContains(response, '<html lang="id">')
        self.assertContains(response, "<h1>Masjid Raya Sultan Riau</h1>", html=True)
        response = self.client.get("/en/heritage/sultan-of-riau-grand-mosque/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "<h1>Sultan of Riau Grand Mosque</h1>", html=True)
        self.assertContains(response, "مسجد راي سلطان رياو")

    def test_untranslated_site_follows_the_fallback_policy(self):
        """An English visitor to an Indonesian-only site gets a notice, lang="id" content and noindex."""
        response = self.client.get("/en/heritage/gedung-mesiu/")
        self.assertContains(response, "This page is only available in Indonesian.")
        self.assertContains(response, '<h1 lang="id">Gedung Mesiu</h1>', html=True)
        self.assertContains(response, '<meta name="robots" content="noindex">')
        self.assertNotContains(response, 'hreflang="en"')

    def test_index_renders_in_each_language(self):
        self.assertPageIsRenderable(self.index)
        self.assertContains(self.client.get("/id/warisan-budaya/"), "<h1>Warisan Budaya</h1>", html=True)
        self.assertContains(self.client.get("/en/heritage/"), "<h1>Heritage</h1>", html=True)

    def test_kawasan_lists_its_children_and_children_link_back(self):
        """The kawasan page links each live child site; each child links to its kawasan."""
        response = self.client.get("/id/warisan-budaya/kawasan-pulau-penyengat/")
        self.assertContains(
            response, '<a href="/id/warisan-budaya/masjid-raya-sultan-riau/">Masjid Raya Sultan Riau</a>'
        )
        self.assertContains(response, '<a href="/id/warisan-budaya/gedung-mesiu/">Gedung Mesiu</a>')
        response = self.client.get("/en/heritage/sultan-of-riau-grand-mosque/")
        self.assertContains(response, '<a href="/en/heritage/penyengat-island/">Penyengat Island Area</a>')

    def test_area_and_site_lists_show_published_changes_at_once(self):
        """The sites inside an area and a site's area link come from the shared cache, which any publish
        renews: a new site, a renamed area and an unpublished site show on the next view."""
        area_url, mosque_url = (
            "/id/warisan-budaya/kawasan-pulau-penyengat/",
            "/en/heritage/sultan-of-riau-grand-mosque/",
        )
        self.assertNotContains(self.client.get(area_url), "Gedung Tabib")
        self.assertContains(self.client.get(mosque_url), ">Penyengat Island Area</a>")
        heritage_site(self.index, "Gedung Tabib", "Physician House", parent_area=self.kawasan)
        self.assertContains(self.client.get(area_url), '<a href="/id/warisan-budaya/gedung-tabib/">Gedung Tabib</a>')
        area = HeritageSitePage.objects.get(pk=self.kawasan.pk)
        area.title_en = "Penyengat Heritage Area"
        area.save_revision().publish()
        self.assertContains(
            self.client.get(mosque_url), '<a href="/en/heritage/penyengat-island/">Penyengat Heritage Area</a>'
        )
        self.mosque.unpublish()
        self.assertNotContains(self.client.get(area_url), "Masjid Raya Sultan Riau")

    def test_preview_shows_the_area_chosen_in_the_form(self):
        """A preview links the parent area being edited, not the published page's (cached) one."""
        other = heritage_site(self.index, "Situs Kota Rebah", "Kota Rebah Site", category=Category.SITUS)
        for _view in range(2):  # the first view of a new site also creates its settings (a content change)
            self.assertContains(
                self.client.get("/id/warisan-budaya/masjid-raya-sultan-riau/"), "Kawasan Pulau Penyengat"
            )
        self.client.force_login(get_user_model().objects.create_superuser("editor", "e@example.com", "pw"))
        preview_url = f"/admin/pages/{self.mosque.pk}/edit/preview/"
        data = site_form_data(
            title_ind="Masjid Raya Sultan Riau",
            title_en="Sultan of Riau Grand Mosque",
            slug_ind="masjid-raya-sultan-riau",
            slug_en="sultan-of-riau-grand-mosque",
            parent_area=str(other.pk),
        )
        self.assertEqual(self.client.post(preview_url, data).json()["is_valid"], True)
        response = self.client.get(preview_url, {"mode": "id"})
        self.assertContains(response, '<a href="/id/warisan-budaya/situs-kota-rebah/">Situs Kota Rebah</a>')
        self.assertNotContains(response, "Kawasan Pulau Penyengat")
        self.assertContains(response, "<li>Arsip Disbudpar</li>", html=True)  # the form's source, not yet published

    def test_inline_lists_show_once_published(self):
        """Empty gallery, documents and sources cost no query and show nothing; rows published later show
        on the next view (which lists have rows is kept in the shared cache until content changes)."""
        url = "/id/warisan-budaya/masjid-raya-sultan-riau/"
        for _view in range(2):  # the first view of a new site also creates its settings (a content change)
            response = self.client.get(url)
        self.assertNotContains(response, 'id="sources-heading"')
        self.assertNotContains(response, 'id="gallery-heading"')
        mosque = HeritageSitePage.objects.get(pk=self.mosque.pk)
        mosque.sources.add(HeritageSiteSource(citation="Tuhfat al-Nafis"))
        mosque.gallery_images.add(
            HeritageSiteGalleryImage(
                image=CityImage.objects.create(title="Menara", file=get_test_image_file()), caption_ind="Menara masjid"
            )
        )
        mosque.save_revision().publish()
        response = self.client.get(url)
        self.assertContains(response, "<li>Tuhfat al-Nafis</li>", html=True)
        self.assertContains(response, "Menara masjid")
        self.assertNotContains(response, 'id="documents-heading"')

    def test_kawasan_hides_draft_children(self):
        draft = heritage_site(self.index, "Istana Kantor", "Office Palace", parent_area=self.kawasan, live=False)
        response = self.client.get("/id/warisan-budaya/kawasan-pulau-penyengat/")
        self.assertNotContains(response, draft.title)

    def test_sites_in_an_area_carry_their_badge_in_each_language(self):
        """The badges of the sites inside an area are kept with the area's derived data, per language."""
        child = '<li><a href="{}"{}>Gedung Mesiu</a> <span class="badge heritage-badge heritage-badge--terdaftar">{}</span></li>'
        self.assertContains(
            self.client.get("/id/warisan-budaya/kawasan-pulau-penyengat/"),
            child.format("/id/warisan-budaya/gedung-mesiu/", "", "Terdaftar, belum ditetapkan"),
        )
        self.assertContains(  # the site has no English: its title is the Indonesian one, and says so
            self.client.get("/en/heritage/penyengat-island/"),
            child.format("/en/heritage/gedung-mesiu/", ' lang="id"', "Registered, not yet designated"),
        )

    def test_badge_never_calls_an_undesignated_object_cagar_budaya(self):
        """An ODCB page's badge says "diduga" (suspected); only a designated page says designated."""
        response = self.client.get("/id/warisan-budaya/masjid-raya-sultan-riau/")
        badge = re.search(r'<span class="badge heritage-badge[^"]*">([^<]*)</span>', response.content.decode())
        self.assertEqual(badge.group(1), "Objek Diduga Cagar Budaya (ODCB)")
        self.assertNotContains(response, "Cagar Budaya (ditetapkan)")
        self.assertContains(response, "belum ditetapkan sebagai cagar budaya")
        response = self.client.get("/en/heritage/sultan-of-riau-grand-mosque/")
        self.assertNotContains(response, "Designated cultural heritage")
        response = self.client.get("/id/warisan-budaya/kawasan-pulau-penyengat/")
        self.assertContains(response, "heritage-badge--ditetapkan")
        self.assertContains(response, "Cagar Budaya (ditetapkan) · Nasional")

    def test_decree_without_number_says_so(self):
        """A designation decree whose number is unknown is shown as not recorded, never invented."""
        response = self.client.get("/en/heritage/penyengat-island/")
        self.assertContains(response, "Number not recorded")
        self.assertContains(response, "Issued by Menteri Pendidikan dan Kebudayaan")

    def test_json_ld_describes_the_site(self):
        """schema.org JSON-LD: TouristAttraction when visitable, with geo, and kawasan containment."""
        response = self.client.get("/en/heritage/penyengat-island/")
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode()).group(1)
        )
        self.assertEqual(data["@type"], "TouristAttraction")
        self.assertEqual(data["name"], "Penyengat Island Area")
        self.assertEqual(data["geo"]["longitude"], 104.4195)
        self.assertIn(
            "http://testserver/en/heritage/sultan-of-riau-grand-mosque/", [p["url"] for p in data["containsPlace"]]
        )
        response = self.client.get("/id/warisan-budaya/masjid-raya-sultan-riau/")
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode()).group(1)
        )
        self.assertEqual(data["@type"], "LandmarksOrHistoricalBuildings")
        self.assertEqual(
            data["containedInPlace"]["url"], "http://testserver/id/warisan-budaya/kawasan-pulau-penyengat/"
        )

    def test_open_graph_tags(self):
        response = self.client.get("/en/heritage/sultan-of-riau-grand-mosque/")
        self.assertContains(response, '<meta property="og:title" content="Sultan of Riau Grand Mosque">')
        self.assertContains(response, '<meta property="og:type" content="place">')
        self.assertContains(
            response, '<meta property="og:description" content="Summary of Sultan of Riau Grand Mosque.">'
        )
        self.assertContains(response, '<meta property="place:location:latitude" content="0.926300">')

    def test_map_assets_only_on_map_pages(self):
        """Leaflet and the tile settings load on heritage pages, from our own static files, not elsewhere."""
        response = self.client.get("/id/warisan-budaya/")
        self.assertContains(response, '<script src="/static/vendor/leaflet/leaflet.js" defer></script>', html=True)
        # The tile URL comes from settings (tests use a blank local tile, production OpenStreetMap).
        self.assertContains(response, "blank-tile.png")
        self.assertNotContains(response, "unpkg.com")
        home = self.client.get("/id/")
        self.assertNotContains(home, "leaflet")
        self.assertNotContains(home, "blank-tile.png")

    def test_site_page_shows_related_news_from_the_news_app(self):
        """The site template fills {% block related_news %} with the news app's tag (behaviour: tests/integration)."""
        from django.template.loader import get_template

        source = get_template("heritage_pages/heritage_site_page.html").template.source
        self.assertIn("{% block related_news %}{% related_news page %}{% endblock %}", source)
