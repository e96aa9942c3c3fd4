"""The UI-string catalogues: complete in Indonesian, and they compile."""

from django.test import SimpleTestCase
from django.utils import translation

from home.catalogues import catalogue_paths, compile_catalogue, untranslated


class CatalogueTests(SimpleTestCase):
    def test_indonesian_catalogue_is_complete(self):
        """Every msgid has an Indonesian translation (none empty or fuzzy)."""
        paths = [path for path in catalogue_paths() if path.parts[-3] == "id"]
        self.assertTrue(paths)
        for path in paths:
            self.assertEqual(untranslated(path), [], f"untranslated in {path}")

    def test_catalogues_compile_and_translate(self):
        for path in catalogue_paths():
            compile_catalogue(path)
        translation.trans_real._translations = {}
        translation.trans_real._active = translation.trans_real.Local()
        with translation.override("id"):
            self.assertEqual(translation.gettext("Skip to main content"), "Langsung ke konten utama")
        with translation.override("en"):
            self.assertEqual(translation.gettext("Skip to main content"), "Skip to main content")
