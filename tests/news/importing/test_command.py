"""manage.py import_posts on a Blogger export (current format): pages, dates, drafts, newsrooms, tags, body,
rendering in both languages, redirects, the second run, the dry run and unreadable files."""

import datetime
from zoneinfo import ZoneInfo

from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import translation

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from editorial.models import PageTranslationStatus, TranslationState
from home.models import StandardPage
from images.models import CityImage
from news.importing.models import ImportedEntry
from news.models import NewsPage
from tests.news.importing import exports
from tests.news.importing.helpers import build_site, import_posts, known_embed, write_export

WIB = ZoneInfo("Asia/Jakarta")
VIDEO = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


def counts():
    return (Page.objects.count(), Redirect.objects.count(), ImportedEntry.objects.count(), CityImage.objects.count())


class BloggerImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()
        cls.path = write_export(exports.blogger())
        cls.output = import_posts(cls.path, "--opd", "Diskominfo")
        cls.bimtek = NewsPage.objects.get(slug_ind="bimtek-tahap-i-smart-city")

    def test_summary(self):
        """The command ends with what it did: pages created, skipped entries, comments and dropped elements."""
        self.assertIn("Import finished. (blogger, 9 entries)", self.output)
        for line in ("5  pages created", "3  entries skipped", "1  comments not imported", "1  scripts"):
            self.assertIn(line, self.output)
        self.assertIn("2  event-handler attributes", self.output)
        self.assertIn("1  other iframes", self.output)
        self.assertNotIn("\r[", self.output)  # no progress bar when the output is not a terminal

    def test_live_post_is_published_with_its_original_date(self):
        """A live post is published, dated as on the blog (WIB), in the default OPD's newsroom."""
        page = self.bimtek
        self.assertTrue(page.live)
        self.assertEqual(page.publication_date, datetime.datetime(2019, 9, 10, 10, 30, tzinfo=WIB))
        self.assertEqual(page.first_published_at, page.publication_date)
        self.assertEqual(page.get_parent().pk, self.site["room"].pk)
        self.assertEqual(page.owner_opd, self.site["diskominfo"])
        self.assertEqual(page.news_type, "bimtek")  # the label "Bimtek" names a news type
        self.assertEqual(sorted(tag.name for tag in page.tags.all()), ["Bimtek", "Smart City"])
        self.assertFalse(page.title_en)

    def test_label_naming_an_opd_picks_its_newsroom(self):
        """A post labelled "DLH" goes to DLH's newsroom."""
        page = NewsPage.objects.get(title_ind="Gotong Royong Bersihkan Pantai Impian")
        self.assertEqual(page.get_parent().pk, self.site["dlh_room"].pk)
        self.assertEqual(page.owner_opd, self.site["dlh"])

    def test_drafts_and_scheduled_posts_stay_drafts(self):
        for title in ("Draf Pengumuman Seleksi", "Jadwal Bimtek Tahap II"):
            page = NewsPage.objects.get(title_ind=title)
            self.assertFalse(page.live, title)
            self.assertIsNotNone(page.latest_revision_id)

    def test_static_page_becomes_a_standard_page_under_home(self):
        page = StandardPage.objects.get(title_ind="Profil Dinas")
        self.assertTrue(page.live)
        self.assertEqual(page.get_parent().pk, self.site["home"].pk)
        self.assertEqual(page.slug_ind, "profil")

    def test_comments_and_broken_entries_are_not_imported(self):
        """Comments are never pages; entries without a title, with a bad date or cut-off HTML are skipped
        and named in the report."""
        self.assertEqual(ImportedEntry.objects.count(), 5)
        self.assertFalse(Page.objects.filter(title_ind__in=["Tanggal Rusak", "HTML Terpotong"]).exists())
        self.assertIn(f"{exports.BLOG}.post-106 skipped: it has no title.", self.output)
        self.assertIn("post-107 (“Tanggal Rusak”) skipped: its date “kemarin sore” cannot be read.", self.output)
        self.assertIn("post-108 (“HTML Terpotong”) skipped: its HTML is broken or cut off", self.output)

    def test_body_blocks(self):
        """Text as paragraphs without styles or &nbsp; runs, the YouTube player as an embed, the table kept,
        the script, handlers and the other iframe gone; an image that could not be had is left out and named."""
        blocks = [(block.block_type, block.value) for block in self.bimtek.body_ind]
        kinds = [kind for kind, _value in blocks]
        self.assertEqual(kinds, ["paragraph", "embed", "table", "paragraph"])
        text = blocks[0][1].source
        self.assertIn("<p>Pemerintah Kota Tanjungpinang menggelar <b>Bimbingan Teknis</b> Tahap I", text)
        self.assertNotIn("style", text)
        self.assertNotIn("iklan", str(self.bimtek.body_ind.raw_data))
        self.assertNotIn("onclick", str(self.bimtek.body_ind.raw_data))
        self.assertEqual(blocks[1][1].url, VIDEO)
        self.assertEqual(blocks[2][1]["data"][1], ["I", "Analisis kesiapan daerah"])
        self.assertTrue(blocks[2][1]["first_row_is_table_header"])
        self.assertIn('<a href="https://tanjungpinangkota.go.id/">situs resmi</a>', blocks[3][1].source)
        self.assertIn("s1600/bimtek-tahap-i.jpg was left out (not found; use --fetch-media", self.output)

    def test_rendered_in_indonesian_and_english_fallback(self):
        """A visitor reads the article under /id/; under /en/ it falls back to Indonesian with the notice."""
        known_embed(VIDEO)
        with translation.override("id"):
            url = self.bimtek.get_url()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Bimtek Tahap I Gerakan Menuju 100 Smart City", html)
        self.assertIn("youtube-nocookie.com/embed/aqz-KE-bpKQ", html)
        self.assertIn("<th", html)
        self.assertNotIn("document.write", html)
        self.assertNotIn("iklan.example.com", html)
        with translation.override("en"):
            en_url = self.bimtek.get_url()
        response = self.client.get(en_url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This page is only available in Indonesian.")
        self.assertContains(response, 'lang="id"')

    def test_visitors_and_editors_find_the_imported_post(self):
        """The import indexes each batch at its end: the site search and the admin's page search find the post."""
        with translation.override("id"):
            url = self.bimtek.get_url()
        response = self.client.get("/id/search/", {"q": "Bimtek Smart City"})
        self.assertContains(response, f'href="{url}"')
        self.assertIn(self.bimtek.pk, [page.pk for page in NewsPage.objects.search("Bimtek Smart City")])

    def test_english_is_missing_in_the_translation_status(self):
        status = PageTranslationStatus.objects.get(page=self.bimtek)
        self.assertEqual(status.state, TranslationState.MISSING)

    def test_old_addresses_redirect_permanently(self):
        with translation.override("id"):
            target = self.bimtek.get_url()
            profile = StandardPage.objects.get(title_ind="Profil Dinas").get_url()
        response = self.client.get("/2019/09/bimtek-tahap-i-smart-city.html")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], target)
        # Blogger's mobile address carries ?m=1: the redirect matches without the query string too.
        response = self.client.get("/2019/09/bimtek-tahap-i-smart-city.html?m=1")
        self.assertEqual((response.status_code, response["Location"]), (301, target))
        response = self.client.get("/p/profil.html")
        self.assertEqual((response.status_code, response["Location"]), (301, profile))
        self.assertEqual(self.client.get(target).status_code, 200)

    def test_second_run_updates_and_creates_nothing_new(self):
        """Running the same file again changes nothing; a changed entry updates its page in place."""
        before = counts()
        output = import_posts(self.path, "--opd", "diskominfo")
        self.assertIn("5  pages unchanged", output)
        self.assertEqual(counts(), before)
        changed = write_export(exports.blogger(bimtek_title="Bimtek Tahap I Smart City Resmi Dibuka"))
        output = import_posts(changed, "--opd", "diskominfo")
        self.assertIn("1  pages updated", output)
        self.assertEqual(counts(), before)
        self.bimtek.refresh_from_db()
        self.assertEqual(self.bimtek.title_ind, "Bimtek Tahap I Smart City Resmi Dibuka")
        self.assertTrue(self.bimtek.live)

    def test_an_editors_later_edit_is_kept(self):
        """A page an editor changed after the import is not overwritten by a new run; the report says so."""
        page = self.bimtek
        page.summary_ind = "Ringkasan yang ditulis redaktur."
        page.save_revision().publish()
        changed = write_export(exports.blogger(bimtek_title="Judul Baru Dari Blog"))
        output = import_posts(changed, "--opd", "diskominfo")
        self.assertIn("1  pages kept (edited since the last import)", output)
        self.assertIn("was edited after it was imported, so it was left as it is.", output)
        page.refresh_from_db()
        self.assertEqual(page.summary_ind, "Ringkasan yang ditulis redaktur.")
        self.assertEqual(page.title_ind, "Bimtek Tahap I Gerakan Menuju 100 Smart City")


class DryRunAndBadFileTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def test_dry_run_changes_nothing_and_says_what_would_happen(self):
        before = counts()
        output = import_posts(write_export(exports.blogger()), "--opd", "diskominfo", "--dry-run")
        self.assertEqual(counts(), before)
        self.assertIn("Dry run: nothing was changed.", output)
        self.assertIn("5  pages created", output)
        self.assertIn("3  entries skipped", output)

    def test_unreadable_files_stop_with_a_clear_message(self):
        before = counts()
        cases = {
            "Nothing was imported.": "ini bukan XML",
            "neither a Blogger export nor a WordPress export": "<?xml version='1.0'?><catatan><isi/></catatan>",
            "declares a DTD or entities": (
                '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                "<feed xmlns='http://www.w3.org/2005/Atom'><title>&b;</title></feed>"
            ),
        }
        for message, text in cases.items():
            with self.subTest(message), self.assertRaisesMessage(CommandError, message):
                import_posts(write_export(text), "--opd", "diskominfo")
        # Broken in the middle: the first entries are fine, yet nothing is imported.
        cut = exports.blogger()[:-800]
        with self.assertRaisesMessage(CommandError, "not a readable XML export"):
            import_posts(write_export(cut), "--opd", "diskominfo")
        with self.assertRaisesMessage(CommandError, "is a WordPress export, not a Blogger one"):
            import_posts(write_export(exports.wordpress()), "--opd", "diskominfo", "--format", "blogger")
        with self.assertRaisesMessage(CommandError, "No OPD is called “Dinas Khayalan”"):
            import_posts(write_export(exports.blogger()), "--opd", "Dinas Khayalan")
        self.assertEqual(counts(), before)

    def test_external_entities_are_refused(self):
        secret = write_export("rahasia", name="secret.txt")
        text = (
            f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file://{secret}">]>'
            "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>&x;</title></entry></feed>"
        )
        with self.assertRaisesMessage(CommandError, "declares a DTD or entities"):
            import_posts(write_export(text), "--opd", "diskominfo")


class IndonesianReportTests(TestCase):
    def test_the_report_in_indonesian(self):
        """Run in Indonesian (the site's default language), the command reports in Indonesian."""
        build_site()
        output = import_posts(write_export(exports.blogger()), "--opd", "diskominfo", "--dry-run", language="id")
        self.assertIn("Uji coba: tidak ada yang diubah. (blogger, 9 entri)", output)
        self.assertIn("5  halaman dibuat", output)
        self.assertIn("dilewati: tanggalnya “kemarin sore” tidak terbaca.", output)


class RefusedContentTests(TestCase):
    def test_an_entry_the_page_refuses_is_skipped_and_named(self):
        """A post whose body holds a NIK (refused by NewsPage.clean) is skipped with the page's own reason;
        the other entries are imported."""
        build_site()
        entry = exports._blogger_entry(
            "601", "POST", "LIVE", "Daftar Peserta", "<p>NIK 3172010101900001 hadir.</p>",
            "2020-01-01T09:00:00.000+07:00", "/2020/01/daftar.html",
        )  # fmt: skip
        draft = exports._blogger_entry(
            "602", "POST", "DRAFT", "Draf Daftar", "<p>NIK 3172010101900002.</p>", "2020-01-02T09:00:00.000+07:00"
        )  # fmt: skip
        text = exports.blogger().replace("</feed>", entry + draft + "</feed>")
        output = import_posts(write_export(text), "--opd", "dlh")
        self.assertIn("post-601 (“Daftar Peserta”) skipped: This looks like a NIK", output)
        self.assertIn("post-602 (“Draf Daftar”) skipped: This looks like a NIK", output)
        self.assertIn("5  pages created", output)
        self.assertFalse(NewsPage.objects.filter(title_ind="Daftar Peserta").exists())
        self.assertFalse(Redirect.objects.filter(old_path="/2020/01/daftar.html").exists())
