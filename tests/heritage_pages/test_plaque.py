"""The printable plaque: its QR code decodes to the language-neutral URL, which redirects by Accept-Language."""

import base64
import io
import re

from django.test import TestCase

import zxingcpp
from PIL import Image

from heritage_pages.plaque import qr_image
from tests.factories.heritage_pages import heritage_index, heritage_site


def decode_data_uri(data_uri):
    """Decode the QR code in a PNG data URI with zxing-cpp (an independent decoder)."""
    image = Image.open(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1])))
    results = zxingcpp.read_barcodes(image)
    return [result.text for result in results]


class PlaqueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = heritage_index()
        cls.site = heritage_site(cls.index, "Masjid Raya Sultan Riau", "Sultan of Riau Grand Mosque")
        cls.untranslated = heritage_site(cls.index, "Gedung Mesiu", "")

    def test_plaque_qr_code_decodes_to_the_language_neutral_url(self):
        """The QR image on the printed page decodes to /cagar-budaya/<pk>/ on this host, in both languages."""
        for url in (
            "/id/warisan-budaya/masjid-raya-sultan-riau/plakat/",
            "/en/heritage/sultan-of-riau-grand-mosque/plakat/",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                data_uri = re.search(r'<img src="(data:image/png;base64,[^"]+)"', response.content.decode()).group(1)
                self.assertEqual(decode_data_uri(data_uri), [f"http://testserver/cagar-budaya/{self.site.pk}/"])
                self.assertContains(response, '<meta name="robots" content="noindex">')

    def test_plaque_page_links_its_other_language_and_is_not_indexed(self):
        response = self.client.get("/en/heritage/sultan-of-riau-grand-mosque/plakat/")
        self.assertContains(
            response, '<link rel="canonical" href="http://testserver/en/heritage/sultan-of-riau-grand-mosque/plakat/">'
        )
        self.assertContains(
            response,
            '<link rel="alternate" hreflang="id" href="http://testserver/id/warisan-budaya/masjid-raya-sultan-riau/plakat/">',
        )
        self.assertContains(response, '<meta name="robots" content="noindex">')

    def test_qr_image_decodes_for_a_long_url(self):
        target = "https://www.tanjungpinangkota.go.id/cagar-budaya/123456/"
        self.assertEqual(decode_data_uri(qr_image(target)["data_uri"]), [target])

    def test_site_page_links_to_its_plaque(self):
        response = self.client.get("/id/warisan-budaya/masjid-raya-sultan-riau/")
        self.assertContains(response, 'href="/id/warisan-budaya/masjid-raya-sultan-riau/plakat/"')

    def test_neutral_url_redirects_by_accept_language(self):
        """An English phone goes to the English page; Indonesian or no preference to the Indonesian page."""
        url = f"/cagar-budaya/{self.site.pk}/"
        response = self.client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
        self.assertRedirects(response, "/en/heritage/sultan-of-riau-grand-mosque/", fetch_redirect_response=False)
        self.assertIn("Accept-Language", response["Vary"])
        response = self.client.get(url, HTTP_ACCEPT_LANGUAGE="id-ID,id;q=0.9,en;q=0.5")
        self.assertRedirects(response, "/id/warisan-budaya/masjid-raya-sultan-riau/", fetch_redirect_response=False)
        response = self.client.get(url)
        self.assertRedirects(response, "/id/warisan-budaya/masjid-raya-sultan-riau/", fetch_redirect_response=False)
        response = self.client.get(url, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
        self.assertRedirects(response, "/id/warisan-budaya/masjid-raya-sultan-riau/", fetch_redirect_response=False)

    def test_neutral_url_of_an_untranslated_site_gives_the_english_fallback_page(self):
        response = self.client.get(f"/cagar-budaya/{self.untranslated.pk}/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertRedirects(response, "/en/heritage/gedung-mesiu/", fetch_redirect_response=False)

    def test_neutral_url_of_a_draft_or_missing_site_is_not_found(self):
        draft = heritage_site(self.index, "Istana Kantor", "Office Palace", live=False)
        # LocaleMiddleware may first try the /id/ prefixed path; the visitor ends on a 404 either way.
        response = self.client.get(f"/cagar-budaya/{draft.pk}/", follow=True)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.client.get("/cagar-budaya/999999/", follow=True).status_code, 404)
