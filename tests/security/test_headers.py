"""Content-Security-Policy and Permissions-Policy on public pages, the admin, and cached pages."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import TestCase

from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.pages import home_page, standard_page


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


class HeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        heritage_site(heritage_index())

    def test_public_pages_allow_no_inline_script_and_only_same_origin_framing(self):
        for url in ("/id/", "/en/", "/id/warisan-budaya/", "/id/search/?q=masjid", "/id/tidak-ada/"):
            response = self.client.get(url)
            policy = directives(response["Content-Security-Policy"])
            self.assertEqual(policy["script-src"], ["'self'"], url)
            self.assertEqual(policy["style-src"], ["'self'"], url)
            self.assertEqual(policy["frame-ancestors"], ["'self'"], url)
            self.assertEqual(policy["object-src"], ["'none'"], url)
            self.assertNotIn("nonce", response["Content-Security-Policy"])
            self.assertEqual(
                response["Permissions-Policy"], "camera=(), microphone=(), geolocation=(), payment=()", url
            )

    def test_public_pages_hold_no_inline_script(self):
        """Only script files and JSON data blocks, which the policy above allows."""
        for url in ("/id/", "/en/", "/id/warisan-budaya/", "/en/heritage/"):
            html = self.client.get(url).content.decode()
            for tag in re.findall(r"<script\b[^>]*>", html):
                self.assertTrue("src=" in tag or 'type="application/json"' in tag or "ld+json" in tag, (url, tag))
            self.assertNotRegex(html, r"\son[a-z]+=")  # no event-handler attributes
            self.assertNotIn(" style=", html)

    def test_the_admin_gets_its_own_policy(self):
        user = get_user_model().objects.create_superuser("admin", "a@example.com", "x")
        self.client.force_login(user)
        response = self.client.get("/admin/")
        policy = directives(response["Content-Security-Policy"])
        self.assertIn("'unsafe-inline'", policy["script-src"])
        self.assertNotIn("'unsafe-eval'", policy["script-src"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertEqual(policy["connect-src"], ["'self'"])
        self.assertIn("Permissions-Policy", response)

    def test_report_only_switch_and_report_uri(self):
        """What DJANGO_CSP_REPORT_ONLY=1 and DJANGO_CSP_REPORT_URI make of the settings."""
        policy = {"DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "report-uri": ["/csp-report/"]}}
        with self.settings(CONTENT_SECURITY_POLICY=None, CONTENT_SECURITY_POLICY_REPORT_ONLY=policy):
            response = self.client.get("/id/")
        self.assertNotIn("Content-Security-Policy", response)
        self.assertIn("report-uri /csp-report/", response["Content-Security-Policy-Report-Only"])

    def test_a_page_from_the_page_cache_carries_the_same_headers(self):
        page = standard_page(title_ind="Layanan", title_en="Services")
        with self.settings(PAGE_CACHE=True):
            first = self.client.get(page.get_url())
            second = self.client.get(page.get_url())
        self.assertEqual(second.get("X-Cache"), "hit")
        self.assertEqual(first["Content-Security-Policy"], second["Content-Security-Policy"])
        self.assertEqual(second["Permissions-Policy"], first["Permissions-Policy"])
