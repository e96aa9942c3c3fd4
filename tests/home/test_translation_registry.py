"""Every page type of ours is registered with modeltranslation (unregistered subclasses break its patches)."""

from django.apps import apps

from modeltranslation.translator import translator
from wagtail.models import Page

OUR_APPS = {"home", "images", "heritage_pages", "news", "smartcity", "search"}


def test_every_page_subclass_of_our_apps_is_registered():
    ours = [model for model in apps.get_models() if issubclass(model, Page) and model._meta.app_label in OUR_APPS]
    assert ours, "no page types found"
    registered = set(translator.get_registered_models())
    assert [model.__name__ for model in ours if model not in registered] == []


def test_page_core_fields_are_translated():
    """title, slug, seo_title, search_description and url_path have one column per language."""
    fields = {field.name for field in Page._meta.get_fields()}
    for name in ("title", "slug", "seo_title", "search_description", "url_path"):
        assert {f"{name}_ind", f"{name}_en"} <= fields
