"""A small city site for the real-stack tests: one page of every type, a news item, a heritage site and a
programme linked together, an image and a document; ``urls()`` lists every URL that can show them."""

import io

from django.urls import reverse
from django.utils import translation

from PIL import Image as PILImage

from home import bilingual


def png(name):
    from django.core.files.images import ImageFile

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (20, 120, 90)).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


class CitySite:
    """A small city site with one news item, heritage site and programme linked together."""

    def __init__(self):
        from wagtail.documents.models import Document

        from heritage_pages.models import HeritageSiteDocument
        from images.models import CityImage
        from news.models import NewsRelatedPage
        from tests.factories import heritage_pages, news, smartcity
        from tests.factories.pages import home_page, standard_page

        self.home = home_page()
        self.about = standard_page(self.home, "Tentang Kota", "About the city", show_in_menus=True)
        self.index = news.news_index(self.home)
        self.dlh = news.opd("dlh", "DLH", "Dinas Lingkungan Hidup", "Environment Agency")
        self.dinkes = news.opd("dinkes", "Dinkes", "Dinas Kesehatan", "Health Agency")
        self.room = news.newsroom(self.dlh, self.index)
        self.other_room = news.newsroom(self.dinkes, self.index)
        self.heritage_index = heritage_pages.heritage_index(self.home)
        self.document = Document.objects.create(title="Kajian lama", file=io_file("kajian.pdf"))
        self.heritage = heritage_pages.heritage_site(
            self.heritage_index,
            "Gedung Zamrudwarisan",
            "Zamrudwarisan Building",
            documents=[HeritageSiteDocument(document=self.document)],
        )
        self.masterplan = smartcity.masterplan(self.home)
        self.dimension = smartcity.dimension(self.masterplan)
        self.programme = smartcity.programme(self.dimension, "Program Zamrudcerdas", "Zamrudcerdas Programme")
        self.image = CityImage.objects.create(title="Pasar", file=png("pasar.png"), alt_text_ind="Foto pasar")
        self.news = news.news_page(
            self.room,
            "Festival Zamrudberita",
            "Zamrudberita Festival",
            live=False,
            hero_image=self.image,
            news_type="berita",
            owner_opd=self.dlh,
            related_pages=[NewsRelatedPage(page=self.heritage), NewsRelatedPage(page=self.programme)],
        )

    def urls(self):
        """Every URL that can show the news item, the heritage site or the programme, in both languages."""
        urls = []
        for language in bilingual.LANGUAGE_CODES:
            news_index = bilingual.page_url(self.index, language)
            heritage_index = bilingual.page_url(self.heritage_index, language)
            masterplan = bilingual.page_url(self.masterplan, language)
            urls += [f"/{language}/", bilingual.page_url(self.about, language)]
            urls += [news_index, bilingual.page_url(self.room, language)]
            urls += [f"{news_index}{route}" for route in ("rss/", "atom/", "type/berita/rss/", "type/berita/atom/")]
            for opd in ("dlh", "dinkes"):
                urls += [f"{news_index}opd/{opd}/{route}" for route in ("", "rss/", "atom/")]
            urls += [heritage_index, f"{heritage_index}geojson/", f"{heritage_index}csv/"]
            urls += [masterplan, bilingual.page_url(self.dimension, language)]
            exports = ("programmes/csv/", "budget-lines/csv/", "indicators/csv/", "json/")
            urls += [f"{masterplan}export/{export}" for export in exports]
            for page in (self.heritage, self.programme):
                urls.append(bilingual.page_url(page, language))
            urls += [f"/{language}/berita/dlh/festival-zamrudberita/", f"/{language}/news/dlh/zamrudberita-festival/"]
            with translation.override(language):
                search, suggest = reverse("search"), reverse("search_suggest")
            for word in ("zamrudberita", "zamrudwarisan", "zamrudcerdas", "zamrudjadwal"):
                urls += [f"{search}?q={word}", f"{suggest}?q={word}"]
        urls += ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-pages-id.xml"]
        return list(dict.fromkeys(urls))


def io_file(name):
    from django.core.files.base import ContentFile

    return ContentFile(b"%PDF-1.4 kajian", name=name)
