"""The city's identity in site settings: the primary colour (refused below WCAG AA contrast, served as a
stylesheet the CSP allows), opening hours in the footer, and an SVG coat of arms or logo."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, TestCase

from wagtail.models import Collection, Site

from home import theme
from home.models import SiteSettings
from images.models import CityImage
from tests.factories.pages import home_page

PLAIN_SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 80" width="64" height="80">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#0b4f6c"/></linearGradient></defs>'
    b'<path d="M4 4h56v40c0 18-28 32-28 32S4 62 4 44z" fill="url(#g)"/></svg>'
)
SCRIPTED_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script>'
    b'<rect width="10" height="10"/></svg>'
)
HANDLER_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" onload="x()"/></svg>'
ENTITY_SVG = (
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>&a;&a;</text></svg>'
)


class ContrastTests(SimpleTestCase):
    def test_ratios_follow_wcag(self):
        """Black on white is 21:1, white on white 1:1, and the default colour passes AA."""
        self.assertAlmostEqual(theme.contrast_ratio("#000000", "#ffffff"), 21.0)
        self.assertAlmostEqual(theme.contrast_ratio("#ffffff", "#ffffff"), 1.0)
        self.assertGreaterEqual(theme.weakest_contrast(theme.DEFAULT_PRIMARY), theme.AA_NORMAL_TEXT)
        # #767676 is the lightest grey that passes AA on white (4.54:1); #777777 fails (4.48:1).
        self.assertGreaterEqual(theme.weakest_contrast("#767676"), 4.5)
        self.assertLess(theme.weakest_contrast("#777777"), 4.5)

    def test_colours_are_normalised(self):
        self.assertEqual(theme.normalise(" 0B4F6C "), "#0b4f6c")
        self.assertEqual(theme.normalise("#abc"), "#aabbcc")
        self.assertIsNone(theme.normalise("blue"))
        self.assertIsNone(theme.normalise("#12345g"))

    def test_the_darker_shade_never_has_less_contrast(self):
        for colour in ("#0b4f6c", "#767676", "#8b0000"):
            self.assertGreater(theme.weakest_contrast(theme.darker(colour)), theme.weakest_contrast(colour))


class IdentitySettingsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.site = Site.objects.get(is_default_site=True)
        cls.editor = get_user_model().objects.create_superuser("identity", "i@example.com", "pw")

    def edit_url(self):
        return f"/admin/settings/home/sitesettings/{self.site.pk}/"

    def post_settings(self, **changes):
        """The settings form as the editor sees it, with ``changes``, posted in Indonesian."""
        self.client.force_login(self.editor)
        form = self.client.get(self.edit_url(), HTTP_ACCEPT_LANGUAGE="id").context["form"]
        data = {name: ("" if value is None else value) for name, value in form.initial.items() if name in form.fields}
        data.update(changes)
        return self.client.post(self.edit_url(), data, HTTP_ACCEPT_LANGUAGE="id")

    def test_admin_shows_both_site_names_and_the_new_fields(self):
        self.client.force_login(self.editor)
        fields = self.client.get(self.edit_url()).context["form"].fields
        for name in ("city_name_ind", "city_name_en", "opening_hours_ind", "opening_hours_en", "primary_colour"):
            self.assertIn(name, fields)

    def test_a_light_colour_is_refused_with_its_ratio_in_indonesian(self):
        """Yellow on white fails AA: the editor is told the measured ratio, in Indonesian, and nothing is saved."""
        response = self.post_settings(city_name_ind="Pemerintah Kota Tanjungpinang", primary_colour="#ffcc00")
        self.assertEqual(response.status_code, 200)
        errors = " ".join(response.context["form"].errors["primary_colour"])
        self.assertIn("Kontras warna ini hanya 1,5", errors)  # 1.52:1, with the Indonesian decimal comma
        self.assertIn("4,5:1", errors)
        self.assertEqual(SiteSettings.objects.get(site=self.site).primary_colour, theme.DEFAULT_PRIMARY)

    def test_a_malformed_colour_is_a_form_error(self):
        response = self.post_settings(city_name_ind="Pemerintah Kota Tanjungpinang", primary_colour="biru")
        self.assertEqual(response.status_code, 200)
        self.assertIn("heksadesimal", " ".join(response.context["form"].errors["primary_colour"]))

    def test_an_accessible_colour_is_served_as_a_stylesheet(self):
        """A dark red passes; every page links /theme.css (not an inline style, which the CSP forbids)."""
        response = self.post_settings(city_name_ind="Pemerintah Kota Tanjungpinang", primary_colour="#8B1A1A")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(SiteSettings.objects.get(site=self.site).primary_colour, "#8b1a1a")
        self.client.logout()
        html = self.client.get("/en/").content.decode()
        version = theme.version("#8b1a1a")
        self.assertIn(f'<link rel="stylesheet" href="/theme.css?v={version}">', html)
        self.assertIn('<meta name="theme-color" content="#8b1a1a">', html)
        self.assertNotIn("<style", html)
        css = self.client.get(f"/theme.css?v={version}")
        self.assertEqual(css["Content-Type"], "text/css; charset=utf-8")
        self.assertIn("--brand: #8b1a1a;", css.content.decode())
        self.assertIn("immutable", css["Cache-Control"])
        self.assertNotIn("immutable", self.client.get("/theme.css?v=old")["Cache-Control"])

    def test_the_default_colour_needs_no_extra_stylesheet(self):
        self.assertNotIn("/theme.css", self.client.get("/id/").content.decode())

    def test_opening_hours_in_the_footer_with_honest_lang(self):
        settings = SiteSettings.for_site(self.site)
        settings.opening_hours_ind = "Senin–Jumat 08.00–16.00 WIB"
        settings.opening_hours_en = ""
        settings.save()
        self.assertContains(self.client.get("/id/"), '<p class="site-footer__hours">Senin–Jumat 08.00–16.00 WIB</p>')
        # No English text: the Indonesian one is shown on the English page, marked as Indonesian.
        self.assertContains(
            self.client.get("/en/"), '<p class="site-footer__hours" lang="id">Senin–Jumat 08.00–16.00 WIB</p>'
        )


class SvgLogoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.site = Site.objects.get(is_default_site=True)
        cls.editor = get_user_model().objects.create_superuser("logo", "l@example.com", "pw")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.editor)

    def add_image(self, content, name="lambang.svg"):
        return self.client.post(
            "/admin/images/add/",
            {
                "title": "Lambang",
                "collection": self.collection.pk,
                "alt_text_ind": "Lambang kota",
                "file": SimpleUploadedFile(name, content, content_type="image/svg+xml"),
            },
            HTTP_ACCEPT_LANGUAGE="id",
        )

    def test_a_plain_svg_logo_is_accepted_and_shown_as_svg(self):
        response = self.add_image(PLAIN_SVG)
        self.assertEqual(response.status_code, 302, response.content[:3000])
        logo = CityImage.objects.get(title="Lambang")
        self.assertTrue(logo.is_svg())
        settings = SiteSettings.for_site(self.site)
        settings.logo = logo
        settings.save()
        self.client.logout()
        html = self.client.get("/id/").content.decode()
        start = html.index('class="site-brand__logo"')
        tag = html[html.rindex("<img", 0, start) : html.index(">", start)]
        self.assertIn(".svg", tag)
        self.assertIn('alt=""', tag)

    def test_an_svg_chosen_where_a_photo_is_expected_stays_svg(self):
        """A rasterising filter (format-webp) on an SVG would fail at render time: it is dropped instead."""
        self.add_image(PLAIN_SVG)
        logo = CityImage.objects.get(title="Lambang")
        rendition = logo.get_rendition("fill-640x360|format-webp")
        self.assertTrue(rendition.file.name.endswith(".svg"))

    def test_active_or_malformed_svg_is_refused_in_indonesian(self):
        for content in (SCRIPTED_SVG, HANDLER_SVG):
            with self.subTest(content=content[:60]):
                response = self.add_image(content)
                self.assertEqual(response.status_code, 200)
                self.assertIn("skrip", " ".join(response.context["form"].errors["file"]))
        for content in (ENTITY_SVG, b"<svg not xml", b"<html><body>hi</body></html>"):
            with self.subTest(content=content[:60]):
                response = self.add_image(content)
                self.assertEqual(response.status_code, 200)
                self.assertIn("tidak dapat dibaca", " ".join(response.context["form"].errors["file"]))
        self.assertFalse(CityImage.objects.filter(title="Lambang").exists())
