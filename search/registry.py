"""Which page types site search indexes: every Page subclass that declares ``site_search_fields``."""

from django.apps import apps

from wagtail.models import Page


def searchable_models():
    """Page models (concrete) that opted in, in a stable order."""
    models = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and getattr(model, "site_search_fields", None)
    ]
    return sorted(models, key=lambda model: model._meta.label_lower)


def content_type_keys():
    """``{"home.standardpage": model}``: the values the content-type filter accepts."""
    return {model._meta.label_lower: model for model in searchable_models()}
