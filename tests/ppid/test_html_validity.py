"""The PPID pages that are not plain pages (the form with errors, the confirmation, the status page with the
objection form, an exempt entry) are valid HTML in both languages, with a true lang and reciprocal hreflang."""

import json
import re
import subprocess
import tempfile
from pathlib import Path

from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

import pytest

from ppid.models import InformationRequest, RequestStatus
from tests.factories.demo import seed_demo
from tests.home.test_html_validity import OUTDATED_CHECKER_MESSAGES, vnu_jar
from tests.ppid.test_requests import form_data


def validate(test, pages):
    """Run the Nu HTML Checker over ``{label: html}``; fail with every error found."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for number, (label, html) in enumerate(pages.items()):
            target = Path(folder) / f"page{number}.html"
            target.write_bytes(html)
            files[str(target)] = label
        result = subprocess.run(
            ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *files],
            capture_output=True,
            text=True,
            timeout=300,
        )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" and not m["message"].startswith(OUTDATED_CHECKER_MESSAGES)
    ]
    test.assertEqual(errors, [])


class PPIDPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_demo()

    def setUp(self):
        cache.clear()

    def pages(self):
        pages = {}
        for language, form_path in (("id", "/id/ppid/permohonan-informasi/"), ("en", "/en/ppid/request-information/")):
            pages[f"{language} form"] = self.client.get(form_path).content
            pages[f"{language} form with errors"] = self.client.post(form_path, form_data(name="", email="")).content
            response = self.client.post(form_path, form_data(information_requested=f"HTML {language}"))
            pages[f"{language} done"] = response.content
            status_url = re.search(r'class="ppid-status-link" href="([^"]+)"', response.content.decode()).group(1)
            request_obj = InformationRequest.objects.get(information_requested=f"HTML {language}")
            InformationRequest.objects.filter(pk=request_obj.pk).update(
                status=RequestStatus.REFUSED, decided_on=timezone.localdate(), refusal_ground="17h"
            )
            pages[f"{language} status"] = self.client.get(status_url).content
            pages[f"{language} objection errors"] = self.client.post(status_url, {"reason": "", "details": ""}).content
        pages["id exempt"] = self.client.get("/id/ppid/daftar-informasi-publik/hasil-penyelidikan-pengaduan/").content
        pages["en exempt"] = self.client.get("/en/ppid/public-information-list/hasil-penyelidikan-pengaduan/").content
        return pages

    def test_lang_and_hreflang(self):
        pages = self.pages()
        for label, html in pages.items():
            language = label.split()[0]
            self.assertIn(f'<html lang="{language}">'.encode(), html, label)
        self.assertIn(b'hreflang="en" href="http://testserver/en/ppid/request-information/"', pages["id form"])
        self.assertIn(b'hreflang="id" href="http://testserver/id/ppid/permohonan-informasi/"', pages["en form"])
        self.assertIn(b'<meta name="robots" content="noindex">', pages["id status"])

    @pytest.mark.skipif(not vnu_jar() or not Path("/usr/bin/java").exists(), reason="needs Java and vnu.jar")
    def test_valid_html(self):
        validate(self, self.pages())
