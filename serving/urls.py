"""Wagtail's front-end URLs (``wagtail.urls``), with its catch-all ``wagtail_serve`` served by
``serving.views.serve``: page URLs are reversed from that name, so they are unchanged."""

from django.urls import re_path

from wagtail import urls as wagtail_urls

from serving import views

urlpatterns = [pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", None) != "wagtail_serve"]
urlpatterns.append(re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"))
