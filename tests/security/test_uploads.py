"""Hostile uploads through the real admin views: each is a form error in the editor's language, never a 500."""

import io
import struct
import zlib

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings

from wagtail.documents.models import Document
from wagtail.models import Collection

from PIL import Image

from images.models import CityImage


def png(width=40, height=30):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming(width, height):
    """A small valid PNG whose header announces ``width`` x ``height`` pixels (what a bomb looks like to a
    reader of headers: the real thing is a few hundred kilobytes of compressed zeros)."""
    data = bytearray(png())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


class UploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser("editor", "e@example.com", "x")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.editor)

    def add_image(self, content, name="foto.png"):
        return self.client.post(
            "/admin/images/add/",
            {
                "title": "Foto",
                "collection": self.collection.pk,
                "alt_text_ind": "Foto",
                "file": SimpleUploadedFile(name, content),
            },
            HTTP_ACCEPT_LANGUAGE="id",
        )

    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertIn("file", response.context["form"].errors)
        self.assertIn(message, " ".join(response.context["form"].errors["file"]))
        self.assertFalse(CityImage.objects.exists())

    def test_a_good_image_is_accepted(self):
        response = self.add_image(png())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(CityImage.objects.get().width, 40)

    def test_a_decompression_bomb_is_a_form_error(self):
        """The issue's 30000x30000 PNG: refused from its header, in Indonesian."""
        self.assert_refused(self.add_image(png_claiming(30000, 30000)), "terlalu banyak piksel")

    @override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1500)
    def test_more_pixels_than_the_setting_is_a_form_error(self):
        self.assertEqual(self.add_image(png(40, 30)).status_code, 302)  # 1,200 pixels
        CityImage.objects.all().delete()
        response = self.add_image(png(50, 40))  # 2,000 pixels
        self.assertEqual(response.status_code, 200)
        self.assertIn("file", response.context["form"].errors)
        self.assertFalse(CityImage.objects.exists())

    def test_zeros_named_png_are_refused_before_any_parsing(self):
        """A file of zeros is no image: refused by its first bytes (Willow would parse it as XML)."""
        self.assert_refused(self.add_image(bytes(3 * 1024 * 1024)), "bukan gambar")

    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024 * 1024)
    def test_a_file_over_the_size_limit_is_refused_before_it_is_opened(self):
        self.assert_refused(self.add_image(bytes(2 * 1024 * 1024)), "terlalu besar")

    def test_a_truncated_image_is_a_form_error(self):
        data = png(400, 300)
        self.assert_refused(self.add_image(data[: len(data) // 2]), "rusak atau tidak lengkap")

    def test_another_type_with_an_image_extension_is_refused(self):
        self.assert_refused(self.add_image(b"%PDF-1.7\n" + bytes(2000), name="laporan.jpg"), "bukan gambar")

    def test_multiple_upload_answers_with_an_error_not_a_500(self):
        response = self.client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile("bom.png", png_claiming(30000, 30000))},
            HTTP_ACCEPT_LANGUAGE="id",
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.json()["success"])
        self.assertIn("piksel", response.json()["error_message"])

    @override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1024)
    def test_documents_have_a_size_limit_and_an_extension_list(self):
        def add(name, size):
            return self.client.post(
                "/admin/documents/add/",
                {"title": "Dok", "collection": self.collection.pk, "file": SimpleUploadedFile(name, b"x" * size)},
            )

        response = add("arsip.zip", 2048)
        self.assertEqual(response.status_code, 200)
        self.assertIn("terlalu besar", " ".join(response.context["form"].errors["file"]))
        response = add("skrip.exe", 10)
        self.assertEqual(response.status_code, 200)
        self.assertIn("file", response.context["form"].errors)
        self.assertFalse(Document.objects.exists())
        self.assertEqual(add("laporan.pdf", 100).status_code, 302)
