"""An article's links (tags, co-organising OPDs, related pages): the one-query read returns what the ORM reads."""

from django.test import TestCase

from news import links
from news.models import NewsPage, NewsRelatedPage
from tests.factories import news as factories
from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.pages import home_page


def orm_links(article):
    """The link ids as the ORM reads them, one query per table, in the order the article shows them."""
    tags = list(article.tagged_items.order_by("pk").values_list("tag_id", "tag__name", "tag__slug"))
    opds = list(article.co_opds.through.objects.filter(newspage_id=article.pk).order_by("pk").values_list("opd_id"))
    pages = sorted(article.related_pages.values_list("sort_order", "page_id"), key=lambda row: (row[0] or 0, row[1]))
    return tags, [opd for (opd,) in opds], [page for _order, page in pages]


def union_links(rows):
    ordered = sorted(rows, key=lambda row: (row[0], row[2] or 0, row[1]))
    tags = [(row[1], row[3], row[4]) for row in ordered if row[0] == "tag"]
    return tags, [row[1] for row in ordered if row[0] == "opd"], [row[1] for row in ordered if row[0] == "page"]


class LinkRowsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.room = factories.newsroom(factories.opd("dlh", "DLH"))
        area = heritage_index()
        cls.sites = [heritage_site(area, f"Situs {number}", f"Site {number}") for number in range(3)]
        article = factories.news_page(cls.room, "Artikel", "Article", tags=["pantai", "kota", "budaya"])
        for slug in ("dinkes", "dishub"):
            article.co_opds.add(factories.opd(slug, slug.upper()))
        for order, site in enumerate(reversed(cls.sites)):  # the editor's order, not the pages' ids
            article.related_pages.add(NewsRelatedPage(page=site, sort_order=order))
        article.save()
        cls.article = NewsPage.objects.get(pk=article.pk)

    def test_one_query_returns_what_the_orm_reads(self):
        """Tags with their names, OPD ids and related page ids, in the same order, from one query."""
        with self.assertNumQueries(1):
            rows = links.link_rows(self.article)
        self.assertEqual(union_links(rows), orm_links(self.article))
        self.assertEqual(union_links(rows)[2], [site.pk for site in reversed(self.sites)])
        self.assertEqual(len(union_links(rows)[0]), 3)

    def test_an_article_without_links_has_no_rows(self):
        """No tag, OPD or related page: no rows, and the article shows none."""
        bare = NewsPage.objects.get(pk=factories.news_page(self.room, "Polos", "Plain").pk)
        self.assertEqual(links.link_rows(bare), [])
        self.assertEqual(links.links_from_database(bare), {"tags": [], "co_opds": [], "related_links": []})

    def test_the_article_shows_its_links_in_the_editors_order(self):
        """Related pages in the editor's order, OPDs by acronym, tags in the order they were added."""
        shown = links.links_from_database(self.article)
        self.assertEqual([page.pk for page in shown["related_links"]], [site.pk for site in reversed(self.sites)])
        self.assertEqual([opd.acronym for opd in shown["co_opds"]], ["DINKES", "DISHUB"])
        self.assertEqual([tag["name"] for tag in shown["tags"]], ["pantai", "kota", "budaya"])
