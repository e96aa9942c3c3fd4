"""Seed the site with a realistic volume for the HTTP benchmark.

    DATABASE_URL=… .venv/bin/python benchmarks/web/seed.py [--news 2000] [--sites 50] [--programmes 100]

On top of the demo site (``manage.py seed_demo``, run first), it adds news items (spread over the OPD
newsrooms and five years, tagged, half with a hero image, some linked to heritage sites and
programmes), heritage sites (in the city's bounds, some inside Kawasan Pulau Penyengat) and smart city
programmes (with budget lines, indicators, yearly values and a status history) until the totals are
reached. Running it again adds nothing.

The fast path, and why it is honest: Wagtail's ``add_child`` + ``save_revision().publish()`` costs
about 0.6 s a page here (full_clean lists every sibling to check slugs, the reference index and the
admin search index are updated synchronously, a revision is written), so 2,150 pages would take over
20 minutes. Here each page is saved through the real model's ``save()`` (url paths in both languages,
modelcluster children, tags), live, with its publication dates, at the next tree position of its
parent; the reference index and Wagtail's admin search index are not updated while seeding, and no
revision is written. The site search index is rebuilt at the end (``rebuild_site_search``). The pages
are served and rendered exactly like published ones; only the admin's revision history is missing.
"""

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path


def parse_args(argv=None):
    """The options (parsed before Django starts, so that --help is instant)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=int, default=2000)
    parser.add_argument("--sites", type=int, default=50)
    parser.add_argument("--programmes", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args(argv)


if __name__ == "__main__":
    parse_args()  # --help and a mistyped option answer here

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from wagtail.models import Page  # noqa: E402
from wagtail.signal_handlers import disable_reference_index_auto_update  # noqa: E402

from modelsearch import index as search_index  # noqa: E402
from modelsearch.signal_handlers import post_save_signal_handler  # noqa: E402

from heritage_pages.models import Category, Condition, HeritageIndexPage, HeritageSitePage, Kecamatan, LegalStatus  # noqa: E402
from home.demo import stream  # noqa: E402
from images.models import CityImage  # noqa: E402
from news.models import NewsPage, NewsRelatedPage, NewsType, OPDNewsroomPage  # noqa: E402
from smartcity.choices import BudgetKind, FundingSource, Horizon, Status  # noqa: E402
from smartcity.models import (  # noqa: E402
    ProgrammeBudgetLine,
    ProgrammeIndicator,
    ProgrammeIndicatorValue,
    ProgrammeStatusChange,
    SmartCityDimensionPage,
    SmartCityProgrammePage,
)

PREFIX = "bench"
WIB = timezone.get_fixed_timezone(7 * 60)

KELURAHAN = [
    ("Tanjung Ayun Sakti", "bukit-bestari"),
    ("Dompak", "bukit-bestari"),
    ("Tanjungpinang Barat", "tanjungpinang-barat"),
    ("Kampung Baru", "tanjungpinang-barat"),
    ("Tanjungpinang Kota", "tanjungpinang-kota"),
    ("Penyengat", "tanjungpinang-kota"),
    ("Senggarang", "tanjungpinang-kota"),
    ("Air Raja", "tanjungpinang-timur"),
    ("Batu IX", "tanjungpinang-timur"),
]
ACTIVITIES = [
    ("Rapat koordinasi", "Coordination meeting on"),
    ("Sosialisasi", "Public outreach on"),
    ("Pelatihan", "Training on"),
    ("Peninjauan lapangan", "Field visit on"),
    ("Pengumuman jadwal", "Schedule announced for"),
    ("Evaluasi", "Evaluation of"),
]
TOPICS = [
    ("pelayanan publik", "public services"),
    ("pengelolaan sampah", "waste management"),
    ("kesehatan ibu dan anak", "mother and child health"),
    ("perizinan usaha", "business licensing"),
    ("pelestarian cagar budaya", "heritage conservation"),
    ("drainase kota", "city drainage"),
    ("literasi digital", "digital literacy"),
    ("pasar rakyat", "traditional markets"),
    ("administrasi kependudukan", "civil registration"),
    ("pariwisata Pulau Penyengat", "tourism on Penyengat Island"),
]
TAGS = ["pelayanan publik", "lingkungan", "kesehatan", "pariwisata", "cagar budaya", "smart city", "ekonomi"]
SITE_KINDS = [
    ("Rumah", "House", Category.BANGUNAN),
    ("Makam", "Tomb", Category.SITUS),
    ("Gedung", "Building", Category.BANGUNAN),
    ("Sumur", "Well", Category.STRUKTUR),
    ("Meriam", "Cannon", Category.BENDA),
]
PROGRAMME_THEMES = [
    ("Aplikasi", "App for"),
    ("Sistem informasi", "Information system for"),
    ("Pendampingan", "Support for"),
    ("Digitalisasi", "Digitisation of"),
]


def paragraph(text):
    return stream(("paragraph", f"<p>{text}</p>"))


def add_children(parent, pages):
    """Save ``pages`` as the next children of ``parent`` (see the module docstring)."""
    last = parent.get_last_child()
    step = last._get_lastpos_in_path() if last else 0
    for page in pages:
        step += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page._cached_parent_obj = parent
        page.save(clean=False)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def live(page, when):
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = when
    return page


def bench_slugs(word_id, word_en, number):
    """The slugs of the benchmark's ``number``-th page of a kind (``slug`` is Wagtail's own, the Indonesian one)."""
    return {
        "slug": f"{PREFIX}-{word_id}-{number}",
        "slug_ind": f"{PREFIX}-{word_id}-{number}",
        "slug_en": f"{PREFIX}-{word_en}-{number}",
    }


def bench_count(model):
    """How many pages of ``model`` an earlier run added (they number on from there, so slugs stay unique)."""
    return model.objects.filter(slug_ind__startswith=PREFIX).count()


def seed_news(total, rng):
    existing = NewsPage.objects.count()
    missing = total - existing
    if missing <= 0:
        return 0
    rooms = list(OPDNewsroomPage.objects.select_related("opd").order_by("path"))
    images = list(CityImage.objects.order_by("pk"))
    relatable = list(HeritageSitePage.objects.live()) + list(SmartCityProgrammePage.objects.live())
    now = timezone.now()
    by_room = {room.pk: [] for room in rooms}
    offset = bench_count(NewsPage)
    for number in range(offset, offset + missing):
        room = rooms[number % len(rooms)]
        activity_id, activity_en = rng.choice(ACTIVITIES)
        topic_id, topic_en = rng.choice(TOPICS)
        kelurahan, _kecamatan = rng.choice(KELURAHAN)
        published = now - timedelta(days=rng.uniform(0, 5 * 365))
        news_type = rng.choice(NewsType.values)
        page = NewsPage(
            **bench_slugs("berita", "news", number),
            title_ind=f"{activity_id} {topic_id} di Kelurahan {kelurahan} ({room.opd.acronym}, {number})",
            title_en=f"{activity_en} {topic_en} in {kelurahan} ({room.opd.acronym}, {number})",
            summary_ind=f"{room.opd.name} mengadakan {activity_id.lower()} {topic_id} bersama warga {kelurahan}.",
            summary_en=f"The {room.opd.name} held a {activity_en.lower()} {topic_en} with residents of {kelurahan}.",
            body_ind=paragraph(
                f"Kegiatan {topic_id} di {kelurahan} dihadiri perangkat kelurahan, RT/RW dan warga. "
                "Tindak lanjut akan dibahas dalam rapat berikutnya."
            ),
            body_en=paragraph(
                f"The {topic_en} activity in {kelurahan} was attended by urban village officials, "
                "neighbourhood heads and residents. Follow-up will be discussed at the next meeting."
            ),
            publication_date=published,
            news_type=news_type,
            owner_opd=room.opd,
            featured=number % 97 == 0,
            hero_image=images[number % len(images)] if images and number % 2 == 0 else None,
        )
        page.tags.add(*rng.sample(TAGS, 2))
        if relatable and number % 10 == 0:
            page.related_pages = [NewsRelatedPage(page=rng.choice(relatable))]
        by_room[room.pk].append(live(page, published))
    for room in rooms:
        add_children(room, by_room[room.pk])
    return missing


def seed_sites(total, rng):
    index = HeritageIndexPage.objects.first()
    existing = HeritageSitePage.objects.count()
    missing = total - existing
    if index is None or missing <= 0:
        return 0
    area = HeritageSitePage.objects.filter(category=Category.KAWASAN).first()
    images = list(CityImage.objects.order_by("pk"))
    offset = bench_count(HeritageSitePage)
    pages = []
    for number in range(offset, offset + missing):
        kind_id, kind_en, category = SITE_KINDS[number % len(SITE_KINDS)]
        kelurahan, kecamatan = rng.choice(KELURAHAN)
        status = rng.choice([LegalStatus.ODCB, LegalStatus.TERDAFTAR, LegalStatus.DIREKOMENDASIKAN])
        page = HeritageSitePage(
            **bench_slugs("situs", "site", number),
            title_ind=f"{kind_id} tua {kelurahan} {number}",
            title_en=f"Old {kind_en.lower()} of {kelurahan} {number}",
            summary_ind=f"{kind_id} tua di {kelurahan} yang tercatat sebagai objek diduga cagar budaya.",
            summary_en=f"An old {kind_en.lower()} in {kelurahan}, recorded as a suspected cultural heritage object.",
            category=category,
            legal_status=status,
            period_ind="Kesultanan Riau-Lingga",
            period_en="Riau-Lingga Sultanate",
            significance_ind="<p>Bagian dari sejarah kota lama Tanjungpinang.</p>",
            significance_en="<p>Part of the history of old Tanjungpinang.</p>",
            condition=rng.choice(Condition.values),
            kelurahan=kelurahan,
            kecamatan=kecamatan if kecamatan in Kecamatan.values else "",
            latitude=Decimal(str(round(rng.uniform(0.86, 0.98), 6))),
            longitude=Decimal(str(round(rng.uniform(104.40, 104.55), 6))),
            is_visitable=number % 3 == 0,
            parent_area=area if area and number % 4 == 0 else None,
            listing_image=images[number % len(images)] if images else None,
            data_source="Data contoh untuk uji beban / sample data for load testing",
        )
        pages.append(live(page, timezone.now()))
    add_children(index, pages)
    return missing


def seed_programmes(total, rng):
    dimensions = list(SmartCityDimensionPage.objects.order_by("path"))
    existing = SmartCityProgrammePage.objects.count()
    missing = total - existing
    if not dimensions or missing <= 0:
        return 0
    from home.models import OPD

    opds = list(OPD.objects.order_by("pk"))
    offset = bench_count(SmartCityProgrammePage)
    by_dimension = {dimension.pk: [] for dimension in dimensions}
    for number in range(offset, offset + missing):
        dimension = dimensions[number % len(dimensions)]
        theme_id, theme_en = rng.choice(PROGRAMME_THEMES)
        topic_id, topic_en = rng.choice(TOPICS)
        start = rng.choice([2019, 2020, 2021])
        page = SmartCityProgrammePage(
            **bench_slugs("program", "programme", number),
            title_ind=f"{theme_id} {topic_id} {number}",
            title_en=f"{theme_en} {topic_en} {number}",
            summary_ind=f"Program contoh untuk {topic_id}.",
            summary_en=f"A sample programme for {topic_en}.",
            programme_code=f"B-{number:03d}",
            dimension=dimension.dimension,
            horizon=rng.choice(Horizon.values),
            status=rng.choice(Status.values),
            lead_opd=opds[number % len(opds)],
            description_ind=f"<p>Program ini mendukung {topic_id}.</p>",
            description_en=f"<p>This programme supports {topic_en}.</p>",
            start_year=start,
            end_year=start + 3,
            illustrative_data=True,
        )
        page.budget_lines = [
            ProgrammeBudgetLine(
                fiscal_year=start + offset_year,
                source=rng.choice(FundingSource.values),
                amount=rng.randrange(100, 2000) * 1_000_000,
                kind=kind,
            )
            for offset_year in range(2)
            for kind in (BudgetKind.PLANNED, BudgetKind.REALISED)
        ]
        page.indicators = [
            ProgrammeIndicator(
                key="I1", name_ind="Cakupan layanan", name_en="Service coverage", unit_ind="%", unit_en="%"
            )
        ]
        page.indicator_values = [
            ProgrammeIndicatorValue(
                indicator_key="I1", year=start + y, target=Decimal(40 + 20 * y), realisation=Decimal(35 + 20 * y)
            )
            for y in range(3)
        ]
        page.status_history = [
            ProgrammeStatusChange(
                date=date(start, 1, 15), status=Status.PLANNED, note_ind="Direncanakan", note_en="Planned"
            )
        ]
        by_dimension[dimension.pk].append(live(page, timezone.now()))
    for dimension in dimensions:
        add_children(dimension, by_dimension[dimension.pk])
    return missing


def main(argv=None):
    options = parse_args(argv)
    rng = random.Random(options.seed)
    started = time.monotonic()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("update_translation_fields", verbosity=0)
    call_command("seed_demo", "--allow-demo-users", verbosity=0)
    print(f"demo site ready in {time.monotonic() - started:.0f} s", flush=True)
    for model in search_index.get_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
    counts = {}
    with translation.override("id"), disable_reference_index_auto_update(), transaction.atomic():
        # Sites and programmes first, so that news can link to them.
        for name, seeder, total in (
            ("heritage sites", seed_sites, options.sites),
            ("programmes", seed_programmes, options.programmes),
            ("news items", seed_news, options.news),
        ):
            step = time.monotonic()
            counts[name] = seeder(total, rng)
            print(f"{name}: {counts[name]} added in {time.monotonic() - step:.0f} s", flush=True)
    if any(counts.values()):
        step = time.monotonic()
        call_command("rebuild_site_search", verbosity=0)
        print(f"site search index rebuilt in {time.monotonic() - step:.0f} s", flush=True)
    # Fresh planner statistics, as autovacuum would gather on a running server: without them
    # PostgreSQL plans the bulk-loaded tables as if they were empty.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"totals: {NewsPage.objects.live().count()} news, {HeritageSitePage.objects.live().count()} heritage sites, "
        f"{SmartCityProgrammePage.objects.live().count()} programmes ({time.monotonic() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
