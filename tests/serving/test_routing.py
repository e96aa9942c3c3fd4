"""Routing by url_path (serving/routing.py), the one-query public() and the request-level shortcuts behave as
Wagtail's own code does: private sections stay private, drafts are 404s, menus and breadcrumbs are right."""

from django.contrib.auth import get_user_model
from django.test import RequestFactory, TestCase

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from home import bilingual
from home.models import StandardPage
from home.querysets import pages_of
from serving import generation, routing
from tests.factories.pages import home_page, standard_page


class RoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(cls.home, "Tentang Kota", "About the city", show_in_menus=True)
        cls.deep = standard_page(cls.about, "Sejarah", "History")
        cls.private = standard_page(cls.home, "Intranet", "Intranet", show_in_menus=True)
        cls.private_child = standard_page(cls.private, "Rapat", "Meetings")
        PageViewRestriction.objects.create(page=cls.private, restriction_type=PageViewRestriction.LOGIN)
        cls.draft = standard_page(cls.home, "Draf", "Draft")
        Page.objects.filter(pk=cls.draft.pk).update(live=False)

    def test_pages_route_in_both_languages_at_any_depth(self):
        """A page two levels down is found under each language's slugs."""
        self.assertContains(self.client.get("/id/tentang-kota/sejarah/"), "<h1>Sejarah</h1>", html=True)
        self.assertContains(self.client.get("/en/about-the-city/history/"), "<h1>History</h1>", html=True)
        self.assertEqual(self.client.get("/en/tentang-kota/sejarah/").status_code, 404)
        self.assertEqual(self.client.get("/id/tentang-kota/tidak-ada/").status_code, 404)

    def test_untranslated_page_routes_under_its_indonesian_slug_in_english(self):
        """A page with no English slug is served under /en/ at its Indonesian slug, as URLs are built."""
        page = standard_page(self.home, "Hanya Indonesia", None)
        self.assertEqual(bilingual.page_url(page, "en"), "/en/hanya-indonesia/")
        self.assertEqual(self.client.get("/en/hanya-indonesia/").status_code, 200)

    def test_a_draft_is_a_404(self):
        """A page that is not live is not served, even though its row is found."""
        self.assertEqual(self.client.get("/id/draf/").status_code, 404)

    def test_private_section_asks_anonymous_visitors_to_log_in(self):
        """A restricted page and the pages below it still redirect anonymous visitors to the login."""
        for url in ("/id/intranet/", "/id/intranet/rapat/", "/en/intranet/meetings/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertIn("login", response["Location"])
        user = get_user_model().objects.create_user("warga", password="pw")
        self.client.force_login(user)
        self.assertEqual(self.client.get("/id/intranet/rapat/").status_code, 200)

    def test_routed_page_knows_it_is_unrestricted_only_when_it_is(self):
        """The flag that skips Wagtail's restriction queries is set for public pages only."""
        request = RequestFactory().get("/id/tentang-kota/sejarah/")
        page = routing.route(self.home.specific, request, ["tentang-kota", "sejarah"]).page
        self.assertIsInstance(request.routed, routing.Routed)
        self.assertIs(request.routed.page, page)
        self.assertTrue(request.routed.unrestricted)
        self.assertEqual(list(page.get_view_restrictions()), [])
        self.assertEqual([ancestor.pk for ancestor in request.routed.ancestors][-2:], [self.home.pk, self.about.pk])
        self.assertEqual([item.pk for item in request.routed.main_menu], [self.about.pk])
        request = RequestFactory().get("/id/intranet/rapat/")
        page = routing.route(self.home.specific, request, ["intranet", "rapat"]).page
        self.assertFalse(request.routed.unrestricted)
        self.assertEqual(len(page.get_view_restrictions()), 1)

    def test_the_home_page_keeps_wagtails_route(self):
        """Routing is done by the serve view, not by replacing a page class's route at start-up."""
        from wagtail_modeltranslation.patch_wagtailadmin import _new_route

        from home.models import HomePage

        self.assertIs(HomePage.route, _new_route)
        response = self.client.get("/id/tentang-kota/sejarah/")
        self.assertIsInstance(response.wsgi_request.routed, routing.Routed)
        self.assertEqual(response.wsgi_request.routed.page.pk, self.deep.pk)

    def test_menu_and_breadcrumbs(self):
        """The main menu leaves out private pages; breadcrumbs list the ancestors from home."""
        html = self.client.get("/id/tentang-kota/sejarah/").content.decode()
        menu = html.split('class="main-menu"')[1].split("</nav>")[0]
        self.assertIn("Tentang Kota", menu)
        self.assertNotIn("Intranet", menu)
        crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
        self.assertIn('href="/id/tentang-kota/"', crumbs)
        self.assertIn('<span aria-current="page">Sejarah</span>', crumbs)

    def test_public_as_a_subquery_matches_wagtails_public(self):
        """CityPageQuerySet.public() keeps exactly the pages Wagtail's public() keeps."""
        ours = set(pages_of(Page).public().values_list("pk", flat=True))
        wagtails = set(PageQuerySet(Page).public().values_list("pk", flat=True))
        self.assertEqual(ours, wagtails)
        self.assertNotIn(self.private_child.pk, ours)
        self.assertNotIn(self.private_child.pk, set(StandardPage.objects.public().values_list("pk", flat=True)))
        self.assertIn(self.private_child.pk, set(StandardPage.objects.not_public().values_list("pk", flat=True)))

    def test_listed_keeps_live_public_pages_below_a_page(self):
        """listed() is what a public listing shows: no draft, nothing in a private section, only below ``under``."""
        everywhere = set(StandardPage.objects.listed().values_list("pk", flat=True))
        self.assertEqual(everywhere, {self.about.pk, self.deep.pk})
        self.assertEqual(set(StandardPage.objects.listed(self.about).values_list("pk", flat=True)), {self.deep.pk})
        self.assertEqual(set(StandardPage.objects.listed(self.private).values_list("pk", flat=True)), set())

    def test_page_urls_are_kept_per_request_without_mixing_languages(self):
        """page_url() answers each language correctly however often the language is switched."""
        request = RequestFactory().get("/id/")
        for _round in range(2):
            self.assertEqual(bilingual.page_url(self.deep, "en", request), "/en/about-the-city/history/")
            self.assertEqual(bilingual.page_url(self.deep, "id", request), "/id/tentang-kota/sejarah/")
            self.assertEqual(bilingual.page_url(self.about, "en", request), "/en/about-the-city/")


class CachedRoutingTests(TestCase):
    """The pages on the way to a URL come from the shared cache, and every change shows at once."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(cls.home, "Tentang Kota", "About the city", show_in_menus=True)
        cls.deep = standard_page(cls.about, "Sejarah", "History")

    def visit(self, path):
        self.client.get(path)  # the first view keeps the pages on the way
        return self.client.get(path)

    def test_a_new_page_routes_at_once(self):
        self.visit("/id/tentang-kota/")
        standard_page(self.about, "Visi", "Vision")
        self.assertEqual(self.client.get("/id/tentang-kota/visi/").status_code, 200)
        self.assertEqual(self.client.get("/en/about-the-city/vision/").status_code, 200)

    def test_an_unpublished_page_is_gone_at_once(self):
        self.assertEqual(self.visit("/id/tentang-kota/sejarah/").status_code, 200)
        self.deep.unpublish()
        self.assertEqual(self.client.get("/id/tentang-kota/sejarah/").status_code, 404)

    def test_a_new_restriction_applies_at_once(self):
        self.assertEqual(self.visit("/en/about-the-city/history/").status_code, 200)
        PageViewRestriction.objects.create(page=self.about, restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get("/en/about-the-city/history/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
        self.assertNotContains(self.client.get("/en/"), "About the city</a>")  # and the menu hides it

    def test_a_renamed_slug_moves_the_page_at_once(self):
        self.visit("/en/about-the-city/history/")
        self.deep.slug_en = "our-history"
        self.deep.save_revision().publish()
        self.assertEqual(self.client.get("/en/about-the-city/our-history/").status_code, 200)
        self.assertEqual(self.client.get("/en/about-the-city/history/").status_code, 404)

    def test_unknown_paths_are_not_kept(self):
        from django.core.cache import caches

        def kept_routes():
            prefix = f":derived:{generation.current()}:route:"
            return [key for key in caches["default"]._cache if prefix in key]

        self.client.get("/id/tidak-ada/")
        self.client.get("/id/tentang-kota/tidak-ada/")
        self.assertEqual(kept_routes(), [])
        self.visit("/id/tentang-kota/")
        self.assertEqual(len(kept_routes()), 1)
