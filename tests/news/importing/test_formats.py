"""The classic Blogger backup and WordPress WXR 1.1/1.2: detection, mapping, redirects (``?p=123`` too), and the
reader's handling of hostile or unknown XML."""

import datetime
import io
from zoneinfo import ZoneInfo

from django.test import SimpleTestCase, TestCase
from django.utils import translation

from home.models import StandardPage
from news.importing import sources
from news.models import NewsPage
from tests.news.importing import exports
from tests.news.importing.helpers import build_site, import_posts, write_export

WIB = ZoneInfo("Asia/Jakarta")


class DetectionTests(SimpleTestCase):
    def test_formats_are_detected(self):
        for text, expected in (
            (exports.blogger(), sources.BLOGGER),
            (exports.blogger_classic(), sources.BLOGGER_CLASSIC),
            (exports.wordpress(), sources.WORDPRESS),
            (exports.wordpress(version="1.1"), sources.WORDPRESS),
        ):
            with self.subTest(expected):
                self.assertEqual(sources.detect_format(io.BytesIO(text.encode())), expected)

    def test_entries_of_the_classic_backup(self):
        entries = list(sources.read_entries(io.BytesIO(exports.blogger_classic().encode()), sources.BLOGGER_CLASSIC))
        kinds = {entry.title: (entry.kind, entry.status) for entry in entries}
        self.assertEqual(kinds["Bimtek Penyusunan Masterplan Smart City"], (sources.POST, sources.LIVE))
        self.assertEqual(kinds["Draf Lama"], (sources.POST, sources.DRAFT))
        self.assertEqual(kinds["Bimtek Tahap Berikut"], (sources.POST, sources.SCHEDULED))
        self.assertEqual(kinds["Kontak"], (sources.PAGE, sources.LIVE))
        self.assertEqual(kinds["Komentar"][0], sources.COMMENT)
        self.assertEqual(kinds["Template"][0], sources.OTHER)

    def test_wordpress_entries(self):
        entries = {e.title: e for e in sources.read_entries(io.BytesIO(exports.wordpress().encode()), "wordpress")}
        post = entries["Sosialisasi Bank Sampah di Kelurahan"]
        self.assertEqual(post.entry_id, "https://dlh.tanjungpinangkota.go.id?p=11")
        self.assertEqual(post.published, datetime.datetime(2020, 2, 3, 2, 15, tzinfo=datetime.UTC))
        self.assertEqual(post.labels, ["Sosialisasi", "Bank Sampah"])
        self.assertEqual(post.old_paths, ["/2020/02/sosialisasi-bank-sampah/", "/?p=11"])
        self.assertEqual(post.comments, 2)
        draft = entries["Draf Laporan Kualitas Air"]
        self.assertEqual(
            (draft.status, draft.published), (sources.DRAFT, datetime.datetime(2020, 3, 1, 10, tzinfo=WIB))
        )
        self.assertEqual(entries["Pengumuman Lomba Kebersihan"].status, sources.SCHEDULED)
        self.assertEqual(entries["Tentang DLH"].kind, sources.PAGE)
        self.assertEqual(entries["foto"].kind, sources.ATTACHMENT)

    def test_entity_expansion_is_refused(self):
        bomb = (
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "xxxxxxxxxx"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            "<rss><channel><item><title>&b;</title></item></channel></rss>"
        )
        with self.assertRaises(sources.ExportError) as caught:
            list(sources.read_entries(io.BytesIO(bomb.encode()), sources.WORDPRESS))
        self.assertEqual(caught.exception.code, "unsafe")

    def test_memory_is_released_entry_by_entry(self):
        """The reader removes each entry from the tree once read: the root keeps no children."""
        text = exports.wordpress()
        stream = io.BytesIO(text.encode())
        seen = []
        for element in sources._entries(stream, "item"):
            seen.append(element)
        self.assertEqual(len(seen), 8)
        self.assertTrue(all(len(element) == 0 for element in seen))


class ClassicBloggerImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.output = import_posts(write_export(exports.blogger_classic()), "--opd", "diskominfo")

    def test_classic_backup(self):
        self.assertIn("Import finished. (blogger-classic, 9 entries)", self.output)
        page = NewsPage.objects.get(title_ind="Bimtek Penyusunan Masterplan Smart City")
        self.assertTrue(page.live)
        self.assertEqual(page.publication_date, datetime.datetime(2016, 7, 10, 15, 30, tzinfo=WIB))
        self.assertFalse(NewsPage.objects.get(title_ind="Draf Lama").live)
        self.assertFalse(NewsPage.objects.get(title_ind="Bimtek Tahap Berikut").live)
        self.assertTrue(StandardPage.objects.get(title_ind="Kontak").live)
        self.assertIn("post-305 skipped: it has no title.", self.output)
        self.assertIn("(“Tanggal Salah”) skipped: its date “2016-13-45T99:00:00” cannot be read.", self.output)
        self.assertIn("(“Rusak”) skipped: its HTML is broken or cut off", self.output)
        with translation.override("id"):
            target = page.get_url()
        response = self.client.get("/2016/07/bimtek-masterplan.html")
        self.assertEqual((response.status_code, response["Location"]), (301, target))


class WordPressImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        cls.output = import_posts(write_export(exports.wordpress()), "--opd", "dlh")

    def test_posts_and_pages(self):
        self.assertIn("Import finished. (wordpress, 8 entries)", self.output)
        self.assertIn("2  comments not imported", self.output)
        post = NewsPage.objects.get(title_ind="Sosialisasi Bank Sampah di Kelurahan")
        self.assertTrue(post.live)
        self.assertEqual(post.news_type, "sosialisasi")
        self.assertEqual(post.get_parent().pk, self.site["dlh_room"].pk)
        self.assertEqual(post.slug_ind, "sosialisasi-bank-sampah")
        self.assertEqual(sorted(t.name for t in post.tags.all()), ["Bank Sampah", "Sosialisasi"])
        self.assertFalse(NewsPage.objects.get(title_ind="Draf Laporan Kualitas Air").live)
        self.assertFalse(NewsPage.objects.get(title_ind="Pengumuman Lomba Kebersihan").live)
        self.assertTrue(StandardPage.objects.get(title_ind="Tentang DLH").live)
        self.assertFalse(NewsPage.objects.filter(title_ind="foto").exists())

    def test_permalinks_and_query_ids_redirect(self):
        post = NewsPage.objects.get(title_ind="Sosialisasi Bank Sampah di Kelurahan")
        page = StandardPage.objects.get(title_ind="Tentang DLH")
        with translation.override("id"):
            post_url, page_url = post.get_url(), page.get_url()
        for old, target in (
            ("/2020/02/sosialisasi-bank-sampah/", post_url),
            ("/?p=11", post_url),
            ("/tentang-dlh/", page_url),
            ("/?page_id=14", page_url),
        ):
            with self.subTest(old):
                response = self.client.get(old)
                self.assertEqual((response.status_code, response["Location"]), (301, target))


class ProgressBarTests(SimpleTestCase):
    def test_bar(self):
        from django.core.management.base import OutputWrapper

        from news.importing.progress import ProgressBar

        out = io.StringIO()
        bar = ProgressBar(OutputWrapper(out))
        bar.update(50, 200)
        bar.update(200, 200)
        bar.finish()
        self.assertEqual(out.getvalue(), f"\r[{'#' * 10}{'.' * 30}]  25% 50/200\r[{'#' * 40}] 100% 200/200\n")
