"""Demo content for search/: a rebuilt index and a promoted result per language (idempotent)."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from search import indexing

# (query string with its language prefix, Indonesian slug of the promoted page, description)
PROMOTIONS = [
    ("id: penyengat", "tentang-kota", "Profil kota, termasuk Pulau Penyengat."),
    ("en: penyengat", "tentang-kota", "About the city, including Penyengat Island."),
]


def seed(context):
    for query_string, slug, description in PROMOTIONS:
        page = Page.objects.filter(slug_ind=slug).first()
        if page is None:
            continue
        SearchPromotion.objects.get_or_create(
            query=Query.get(query_string), page=page, defaults={"description": description}
        )
    count = indexing.rebuild()
    if context.get("stdout"):
        context["stdout"].write(f"Search index: {count} entries.")
