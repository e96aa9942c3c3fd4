"""Every block an editor can pick has a description in both languages and a preview the picker can render."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images.tests.utils import get_test_image_file

from images.models import CityImage
from tests.factories.pages import home_page


def project_app_labels():
    """The apps that live in this repository (not in the virtualenv), so new apps are checked without a list."""
    root = str(settings.BASE_DIR)
    return {
        config.label
        for config in apps.get_app_configs()
        if config.path.startswith(root) and "/.venv/" not in config.path and "site-packages" not in config.path
    }


def pickable_blocks():
    """(where, block) for every child an editor can pick from a StreamField's block menu, nested menus included."""
    found = {}

    def walk(where, stream_block):
        for name, child in stream_block.child_blocks.items():
            found.setdefault(child.definition_prefix, (f"{where}.{name}", child))
            if isinstance(child, blocks.StreamBlock):
                walk(f"{where}.{name}", child)

    labels = project_app_labels()
    for model in apps.get_models():
        if model._meta.app_label not in labels:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                walk(f"{model.__name__}.{field.name}", field.stream_block)
    return sorted(found.values(), key=lambda item: item[0])


class BlockDescriptionTests(TestCase):
    def test_every_pickable_block_has_a_description_in_both_languages(self):
        """The picker shows the description beside the preview: it is there, and Indonesian is not English."""
        checked = pickable_blocks()
        self.assertGreater(len(checked), 12)
        for where, block in checked:
            with self.subTest(block=where):
                with translation.override("en"):
                    english = str(block.get_description())
                with translation.override("id"):
                    indonesian = str(block.get_description())
                self.assertTrue(english, f"{where} has no description")
                self.assertNotEqual(indonesian, english, f"{where}'s description is not translated")

    def test_every_pickable_block_is_previewable(self):
        for where, block in pickable_blocks():
            with self.subTest(block=where):
                self.assertTrue(block.is_previewable, f"{where} gives no preview_value")


class BlockPreviewViewTests(TestCase):
    """The picker's preview view renders every block, with an empty library and with a filled one."""

    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.admin = get_user_model().objects.create_superuser("previewer", "p@example.org", "pw")

    def render_all(self):
        self.client.force_login(self.admin)
        for language in ("id", "en"):
            for where, block in pickable_blocks():
                with self.subTest(block=where, language=language):
                    response = self.client.get(
                        reverse("wagtailadmin_block_preview"),
                        {"id": block.definition_prefix},
                        headers={"accept-language": language},
                    )
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, "site.css")

    def test_previews_render_with_an_empty_library(self):
        self.render_all()

    def test_previews_render_with_pictures_and_documents(self):
        CityImage.objects.create(title="Penyengat", file=get_test_image_file(size=(64, 36)))
        get_document_model().objects.create(title="Materi", file=ContentFile(b"%PDF-1.4 sample", name="materi.pdf"))
        self.render_all()
        response = self.client.get(
            reverse("wagtailadmin_block_preview"),
            {"id": dict((w.rsplit(".", 1)[-1], b) for w, b in pickable_blocks())["image"].definition_prefix},
        )
        self.assertContains(response, "<img")
