"""On an English page, every field shown through the Indonesian fallback says lang="id", on every page type.

The demo site is the test's material: for one page of each type, the English columns are emptied (all of
them, or all but the title: a partly translated page), and the English page is read as a screen reader
would: each Indonesian value's element must have "id" as its nearest lang.
"""

import re

from django.test import TestCase
from django.utils.html import strip_tags

from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.blocks import StreamValue
from wagtail.models import Page

from bs4 import BeautifulSoup

from home import bilingual
from tests.factories.demo import seed_demo


def plain(value):
    """The readable text of a field value: strings, rich text and StreamField content."""
    if isinstance(value, StreamValue):
        return " ".join(plain(block.render_as_block()) for block in value)
    return " ".join(strip_tags(str(value or "")).split())


def snippet(value):
    """A stretch of the value's text long enough to find it on the page, short enough to sit in one element."""
    for phrase in re.split(r"[,.;:()\[\]\"“”/–—]+", plain(value)):
        words = phrase.split()
        if len(words) >= 2 and sum(len(word) for word in words[:4]) >= 8:
            return " ".join(words[:4])
    return None


def nearest_lang(element):
    while element is not None:
        if getattr(element, "attrs", None) and element.get("lang"):
            return element["lang"]
        element = element.parent
    return None


def deepest_containing(soup, text):
    """The innermost elements whose text contains ``text``."""
    found = []
    for element in soup.body.find_all(True):
        if element.name in ("script", "style", "template"):
            continue
        if text in " ".join(element.get_text(" ").split()):
            if not any(text in " ".join(child.get_text(" ").split()) for child in element.find_all(True)):
                found.append(element)
    return found


class HonestLangTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_demo()

    def page_types(self):
        seen, pages = set(), []
        for page in Page.objects.live().public().filter(depth__gte=2).specific().order_by("path"):
            if type(page) not in seen and type(page) in translator.get_registered_models():
                seen.add(type(page))
                pages.append(page)
        return pages

    def translated_fields(self, page):
        # A page type's options list its own fields; the title is registered on Wagtail's Page.
        return ["title", *translator.get_options_for_model(type(page)).fields]

    def empty_english(self, page, keep_title):
        fields = {}
        for field in self.translated_fields(page):
            if keep_title and field == "title":
                continue
            column = build_localized_fieldname(field, "en")
            model_field = page._meta.get_field(column)
            fields[column] = (
                [] if model_field.get_internal_type() == "StreamField" else ("" if not model_field.null else None)
            )
        for column, value in fields.items():
            setattr(page, column, value)
        page.save()  # a save, not a queryset update: caches keyed by the content must see the change
        return type(page).objects.get(pk=page.pk)

    def check_page(self, page, keep_title):
        page = self.empty_english(page, keep_title)
        url = bilingual.page_url(Page.objects.get(pk=page.pk).specific, "en")
        response = self.client.get(url)
        if response.status_code in (301, 302):
            return None  # a page that sends its visitors elsewhere (an OPD's newsroom) shows no fields
        self.assertEqual(response.status_code, 200, url)
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(soup.html["lang"], "en")
        checked = []
        for field in self.translated_fields(page):
            if keep_title and field == "title":
                continue
            text = snippet(bilingual.localized_value(page, field, "id"))
            if not text:
                continue
            elements = deepest_containing(soup, text)
            for element in elements:
                self.assertEqual(
                    nearest_lang(element), "id", f"{type(page).__name__}.{field} ({text!r}) at {url} is not marked id"
                )
            if elements:
                checked.append(field)
        return checked

    def test_partly_translated_pages_mark_their_indonesian_fields(self):
        """English title, nothing else in English: every other field shown is Indonesian and says so."""
        for page in self.page_types():
            with self.subTest(page_type=type(page).__name__):
                checked = self.check_page(page, keep_title=True)
                if checked is not None:
                    self.assertTrue(checked, f"no Indonesian field of {type(page).__name__} found on its English page")

    def test_untranslated_pages_mark_their_indonesian_fields(self):
        """No English at all: the title and every field shown say lang="id"; the English interface does not."""
        for page in self.page_types():
            with self.subTest(page_type=type(page).__name__):
                checked = self.check_page(page, keep_title=False)
                if checked is not None:
                    self.assertTrue(checked, f"no Indonesian field of {type(page).__name__} found on its English page")
