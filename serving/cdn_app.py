"""The app that connects the CDN purge handlers (serving/cdn.py) once the models are loaded.

Its own small app so that the serving package needs no ``apps.py`` of its own; ``cdn.connect()`` can move
into the serving app's ``ready()`` when it has one.
"""

from django.apps import AppConfig


class CDNConfig(AppConfig):
    name = "serving.cdn_app"
    label = "serving_cdn"
    verbose_name = "CDN purge"

    def ready(self):
        from serving import cdn

        cdn.connect()
