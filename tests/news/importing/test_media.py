"""Images of imported posts: downloaded from a real HTTP server on loopback (--fetch-media) or found in a
folder (--media-dir), the largest Blogger size fetched once, identical files stored once, and every image
that cannot be had left out with a line in the report."""

from pathlib import Path

from django.test import TestCase, override_settings

from wagtail.models import ReferenceIndex

from images.models import CityImage
from news.importing.media import image_key, largest
from news.models import NewsPage
from tests.news.importing import exports
from tests.news.importing.helpers import build_site, import_posts, write_export
from tests.news.importing.imageserver import BIMTEK, ImageServer, picture


def gallery_post(base):
    """A post with one image of each kind the server can serve."""
    html = "".join(
        f'<p><img src="{base}{path}" alt="{alt}" /></p>'
        for path, alt in (
            ("/foto/sama-a.png", "Foto pertama"),
            ("/foto/sama-b.png", "Foto yang sama"),
            ("/flaky/peta.png", "Peta"),
            ("/down/rusak.jpg", "Server mati"),
            ("/foto/hilang.jpg", "Tidak ada"),
            ("/foto/bukan-gambar.jpg", "Bukan gambar"),
            ("/foto/bom.png", "Bom piksel"),
            ("/foto/besar.jpg", "Terlalu besar"),
        )
    )
    entry = exports._blogger_entry(
        "501", "POST", "LIVE", "Galeri Kegiatan", html, "2020-01-01T09:00:00.000+07:00", "/2020/01/galeri.html"
    )
    return exports.blogger(images=base).replace("</feed>", entry + "</feed>")


@override_settings(
    NEWS_IMPORT_FETCH_PRIVATE=True, WAGTAILIMAGES_MAX_IMAGE_PIXELS=1_000_000, WAGTAILIMAGES_MAX_UPLOAD_SIZE=200_000
)
class FetchMediaTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ImageServer().start()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.server.stop()

    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.path = write_export(gallery_post(cls.server.base))
        cls.output = import_posts(cls.path, "--opd", "diskominfo", "--fetch-media")

    def test_largest_blogger_size_is_fetched_once_and_placed_with_its_alt_text(self):
        self.assertEqual(self.server.requests.count(BIMTEK.format(size="s1600")), 1)
        self.assertNotIn(BIMTEK.format(size="s320"), self.server.requests)
        page = NewsPage.objects.get(slug_ind="bimtek-tahap-i-smart-city")
        first = page.body_ind[0]
        self.assertEqual(first.block_type, "image")
        image = first.value["image"]
        self.assertEqual((image.width, image.height), (160, 100))
        self.assertEqual(image.alt_text_ind, "Peserta bimtek di aula kantor wali kota")

    def test_identical_files_are_stored_once(self):
        page = NewsPage.objects.get(title_ind="Galeri Kegiatan")
        images = [block.value["image"] for block in page.body_ind if block.block_type == "image"]
        self.assertEqual(len(images), 3)  # sama-a, sama-b (the same file) and peta
        self.assertEqual(images[0].pk, images[1].pk)
        self.assertEqual(CityImage.objects.count(), 3)  # the bimtek photo, the red square, the map

    def test_retries_and_failures(self):
        """A server error is tried three times at most; the third try of the flaky image succeeds."""
        self.assertEqual(self.server.requests.count("/flaky/peta.png"), 3)
        self.assertEqual(self.server.requests.count("/down/rusak.jpg"), 3)
        self.assertEqual(self.server.requests.count("/foto/hilang.jpg"), 1)  # a 404 is not tried again

    def test_images_that_cannot_be_had_are_named_in_the_report(self):
        post = f"{exports.BLOG}.post-501 (“Galeri Kegiatan”)"
        for path, reason in (
            ("/down/rusak.jpg", "the server answered with an error"),
            ("/foto/hilang.jpg", "the server answered with an error"),
            ("/foto/bukan-gambar.jpg", "not a valid image"),
            ("/foto/bom.png", "not a valid image"),
            ("/foto/besar.jpg", "the file is too large"),
        ):
            self.assertIn(f"{post}: the image {self.server.base}{path} was left out ({reason}).", self.output)
        self.assertIn("5  images left out", self.output)

    def test_second_run_fetches_nothing_again(self):
        asked = len(self.server.requests)
        output = import_posts(self.path, "--opd", "diskominfo", "--fetch-media")
        self.assertIn("pages unchanged", output)
        self.assertEqual(len(self.server.requests), asked)


class MediaRulesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    def test_loopback_addresses_are_refused_by_default(self):
        """An export must not make the server read its own network (unless NEWS_IMPORT_FETCH_PRIVATE)."""
        output = import_posts(write_export(exports.blogger("http://127.0.0.1:8599")), "--opd", "dlh", "--fetch-media")
        self.assertIn("s1600/bimtek-tahap-i.jpg was left out (the address is not allowed)", output)
        self.assertEqual(CityImage.objects.count(), 0)

    def test_media_dir_finds_images_by_file_name(self):
        folder = Path(write_export("", name="readme.txt")).parent / "Album"
        folder.mkdir()
        (folder / "bimtek-tahap-i.jpg").write_bytes(picture(64, 40))
        output = import_posts(write_export(exports.blogger()), "--opd", "diskominfo", "--media-dir", str(folder))
        self.assertIn("1  images added to the library", output)
        page = NewsPage.objects.get(slug_ind="bimtek-tahap-i-smart-city")
        image = page.body_ind[0].value["image"]
        self.assertEqual(image.width, 64)
        # The import defers the reference and search indexes to the end of each batch: they are there.
        usage = ReferenceIndex.get_grouped_references_to(image)
        self.assertIn(page.pk, [int(used.pk) for used, _references in usage])
        self.assertIn(image.pk, [found.pk for found in CityImage.objects.search(image.title)])

    def test_blogger_sizes_are_one_image(self):
        urls = [
            "https://blogger.googleusercontent.com/img/b/R29v/AVvX/s320/foto.jpg",
            "https://blogger.googleusercontent.com/img/b/R29v/AVvX/s1600/foto.jpg",
            "https://blogger.googleusercontent.com/img/b/R29v/AVvX/w640-h400/foto.jpg",
            "http://blogger.googleusercontent.com/img/b/R29v/AVvX/s72-c/foto.jpg",
        ]
        self.assertEqual(len({image_key(url) for url in urls}), 1)
        self.assertEqual(largest(urls), urls[1])
        suffixed = [
            "https://blogger.googleusercontent.com/img/a/AVvXsEh=w640-h400",
            "https://blogger.googleusercontent.com/img/a/AVvXsEh=s1600",
        ]
        self.assertEqual(image_key(suffixed[0]), image_key(suffixed[1]))
        self.assertEqual(largest(suffixed), suffixed[1])
