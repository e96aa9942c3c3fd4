"""Build pages through Wagtail's tree API, with both languages' fields."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage, StandardPage
from serving import bulk


def home_page():
    """The site's HomePage, made the default Site's root (created once per test database)."""
    home = HomePage.objects.first()
    if home:
        return home
    root = tree_root()
    with translation.override("id"):
        home = HomePage(title_ind="Beranda", title_en="Home", slug="beranda", slug_ind="beranda")
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    return home


def tree_root():
    """Wagtail's tree root; rebuilt when a transactional test has flushed the migration-made rows.

    Browser tests run on a flushed database; Django's serialized rollback does not always restore
    Wagtail's migration-made rows (root page, root collection, default locale) before them.
    """
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        with translation.override("id"):
            root = Page.add_root(instance=Page(title_ind="Root", slug="root", slug_ind="root"))
    return root


def publish(parent, page):
    """Add ``page`` under ``parent`` and publish it, in the default language's context.

    Wagtail saves a page three times to create and publish it, and each save updates the search indexes,
    the reference index and the translation status again; ``bulk.deferring()`` (as the demo seed and the
    post importer use it) does that work once, for the published page, before this returns.
    """
    with translation.override("id"), bulk.deferring():
        parent.add_child(instance=page)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def standard_page(
    parent=None, title_ind="Tentang Kota", title_en="About the city", slug_ind=None, slug_en=None, **fields
):
    parent = parent or home_page()
    slug_ind = slug_ind or title_ind.lower().replace(" ", "-")
    if title_en and slug_en is None:
        slug_en = title_en.lower().replace(" ", "-")
    fields.setdefault("summary_ind", f"Ringkasan {title_ind}")
    if title_en:
        fields.setdefault("summary_en", f"Summary of {title_en}")
    page = StandardPage(
        title_ind=title_ind, title_en=title_en or None, slug=slug_ind, slug_ind=slug_ind, slug_en=slug_en, **fields
    )
    return publish(parent, page)
