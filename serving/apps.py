from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "serving"
    verbose_name = "Serving"

    def ready(self):
        from serving import bulk, cache, generation

        cache.install()
        generation.connect()
        bulk.install()  # before the Wagtail apps connect their handlers (they come later in INSTALLED_APPS)
