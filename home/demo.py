"""Demo content for home/: the site root, site settings, OPDs, images and standard pages.

Everything here is idempotent: objects are looked up by a stable key (slug,
acronym, username, image title) and only created when missing. Other apps'
``demo.py`` modules reuse ``upsert_page``, ``demo_image`` and ``stream``.
"""

import functools
import io
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.utils.text import slugify

from wagtail.models import Page, Site

from home.models import OPD, HomePage, SiteSettings, StandardPage
from images.models import CityImage

# Printed by seed_demo; only ever created in debug or with --allow-demo-users.
DEMO_ADMIN = ("admin", "pinang-admin-2026")

OPDS = [
    # acronym, slug, type, name_ind, name_en
    (
        "Diskominfo",
        "diskominfo",
        OPD.Type.DINAS,
        "Dinas Komunikasi dan Informatika",
        "Communications and Informatics Agency",
    ),
    (
        "Bappelitbang",
        "bappelitbang",
        OPD.Type.BADAN,
        "Badan Perencanaan, Penelitian dan Pengembangan",
        "Planning, Research and Development Board",
    ),
    ("Disbudpar", "disbudpar", OPD.Type.DINAS, "Dinas Kebudayaan dan Pariwisata", "Culture and Tourism Agency"),
    (
        "Dinas PUPR",
        "dinas-pupr",
        OPD.Type.DINAS,
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Public Works and Spatial Planning Agency",
    ),
    ("DLH", "dlh", OPD.Type.DINAS, "Dinas Lingkungan Hidup", "Environment Agency"),
    ("Dinkes", "dinkes", OPD.Type.DINAS, "Dinas Kesehatan", "Health Agency"),
    ("Disdagin", "disdagin", OPD.Type.DINAS, "Dinas Perdagangan dan Perindustrian", "Trade and Industry Agency"),
    (
        "Disdukcapil",
        "disdukcapil",
        OPD.Type.DINAS,
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Population and Civil Registration Agency",
    ),
    (
        "Kec. Tanjungpinang Kota",
        "kecamatan-tanjungpinang-kota",
        OPD.Type.KECAMATAN,
        "Kecamatan Tanjungpinang Kota",
        "Tanjungpinang Kota District",
    ),
]

VISION_ID = "Tanjungpinang sebagai Kota yang Maju, Berbudaya dan Sejahtera dalam Harmoni Kebhinekaan Masyarakat Madani"
VISION_EN = "Tanjungpinang as an advanced, cultured and prosperous city in the harmony of a diverse civil society"


def stream(*blocks):
    """A StreamField value in raw form: ``stream(("paragraph", "<p>…</p>"), …)``."""
    return [
        {"type": name, "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{name}:{value}"))}
        for name, value in blocks
    ]


def upsert_page(parent, model, slug, **fields):
    """Return the child of ``parent`` with Indonesian slug ``slug``, creating and publishing it if missing.

    ``fields`` use per-language names (``title_ind``, ``title_en``, ``slug_en``, ``body_ind`` …).
    An existing page is left as editors may have changed it.
    """
    existing = model.objects.child_of(parent).filter(slug_ind=slug).first()
    if existing:
        return existing
    return add_published(parent, model(slug=slug, slug_ind=slug, **fields))


def add_published(parent, page):
    """Add ``page`` under ``parent`` and publish it.

    ``add_child`` has just validated a live page in full (``full_clean``), so its first revision does not
    validate the same content again; publishing validates it once more anyway."""
    parent.add_child(instance=page)
    page.save_revision(clean=not page.live).publish()
    return page


DEMO_CREDIT = {"ind": "Ilustrasi: Tim Portal Kota", "en": "Illustration: City Portal Team"}


def demo_image(title, alt_ind, alt_en, colour, credit=None, scene=None):
    """An image generated in code (no binary fixtures), looked up by title.

    With ``scene`` (a key of ``home.illustrations.SCENES``) it is one of the demo illustrations; without, a plain
    landscape in ``colour``. The credit is given in both languages."""
    image = CityImage.objects.filter(title=title).first()
    if image:
        return image
    filename = f"{slugify(title)[:60] or 'image'}.jpg"
    credit = {"ind": credit, "en": credit} if credit else DEMO_CREDIT
    image = CityImage(
        title=title, alt_text_ind=alt_ind, alt_text_en=alt_en, credit_ind=credit["ind"], credit_en=credit["en"]
    )
    image.file = ImageFile(io.BytesIO(demo_jpeg(colour, scene)), name=filename)
    image.save()
    return image


@functools.cache
def demo_jpeg(colour, scene=None):
    """The JPEG file of a demo picture (see ``demo_image``), drawn once per process: drawing and encoding
    are the costliest part of seeding the demo, which the tests do many times."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    if scene:
        from home import illustrations

        canvas = illustrations.draw(scene)
    else:
        canvas = PILImage.new("RGB", (1600, 900), colour)
        draw = ImageDraw.Draw(canvas)
        for step in range(0, 900, 30):  # a simple horizon gradient, so renditions are not flat
            shade = tuple(max(0, c - step // 12) for c in canvas.getpixel((0, 0)))
            draw.rectangle([0, step, 1600, step + 30], fill=shade)
        draw.polygon([(0, 900), (500, 520), (900, 700), (1300, 480), (1600, 620), (1600, 900)], fill=(20, 60, 40))
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def seed_opds():
    opds = {}
    for acronym, slug, opd_type, name_ind, name_en in OPDS:
        opd, _created = OPD.objects.get_or_create(
            slug=slug,
            defaults={
                "acronym": acronym,
                "opd_type": opd_type,
                "name_ind": name_ind,
                "name_en": name_en,
                "name": name_ind,
            },
        )
        opds[slug] = opd
    return opds


def seed_home(site_base_url=None):
    """The home page as the default Site's root, replacing Wagtail's welcome page."""
    # The root pages Wagtail's migrations made have empty translated columns.
    call_command("update_translation_fields", verbosity=0)
    root = Page.get_first_root_node()
    hero = demo_image(
        "Tepi laut Tanjungpinang",
        "Ilustrasi tepi laut Tanjungpinang saat senja: masjid kuning Pulau Penyengat di seberang selat, perahu "
        "pompong dan rumah panggung",
        "Illustration of the Tanjungpinang waterfront at dusk: Penyengat Island's yellow mosque across the strait, "
        "pompong boats and stilt houses",
        (11, 79, 108),
        scene="waterfront",
    )
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title_ind="Beranda",
            title_en="Home",
            slug="beranda",
            slug_ind="beranda",  # a site root's slug never shows in URLs
            hero_heading_ind="Tanjungpinang: Kota yang Maju, Berbudaya dan Sejahtera",
            hero_heading_en="Tanjungpinang: an advanced, cultured and prosperous city",
            hero_text_ind=VISION_ID + ".",
            hero_text_en=VISION_EN + ".",
            hero_image=hero,
            search_description_ind="Portal resmi Pemerintah Kota Tanjungpinang: berita, cagar budaya kota pusaka, dan program kota cerdas.",
            search_description_en="The official portal of Tanjungpinang City Government: news, heritage sites and the smart city programme.",
            intro_ind=(
                "<p>Tanjungpinang, ibu kota Provinsi Kepulauan Riau, adalah kota pusaka: dari Pulau Penyengat hingga "
                "kawasan kota lama, warisan Melayu Riau hidup berdampingan dengan layanan publik modern. Masterplan "
                "kota cerdas menerjemahkan visi kota ke dalam enam dimensi, dijalankan sesuai kemampuan, dimulai dari "
                "program quick win.</p>"
            ),
            intro_en=(
                "<p>Tanjungpinang, capital of the Riau Islands Province, is a heritage city: from Penyengat Island to the "
                "old town, Riau Malay heritage lives alongside modern public services. The smart city masterplan turns "
                "the city's vision into six dimensions, carried out as capacity allows, starting with the quick wins.</p>"
            ),
        )
        add_published(root, home)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    base = urlsplit(site_base_url or settings.WAGTAILADMIN_BASE_URL)
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "Tanjungpinang"
    site.save()
    # Wagtail's "Welcome to your new Wagtail site!" page is not ours.
    for welcome in Page.objects.child_of(root).exclude(pk=home.pk).filter(content_type__model="page"):
        welcome.delete()
    return home


def seed_settings(site):
    site_settings = SiteSettings.for_site(site)
    if not site_settings.tagline_ind:  # untouched since creation
        site_settings.city_name_ind = "Pemerintah Kota Tanjungpinang"
        site_settings.city_name_en = "Tanjungpinang City Government"
        site_settings.tagline_ind = "Kota yang Maju, Berbudaya dan Sejahtera"
        site_settings.tagline_en = "An advanced, cultured and prosperous city"
        site_settings.address_ind = site_settings.address_en = (
            "Kantor Wali Kota Tanjungpinang, Senggarang\nKota Tanjungpinang, Kepulauan Riau"
        )
        site_settings.footer_text_ind = "Situs demo: konten contoh untuk pengembangan, bukan informasi resmi."
        site_settings.footer_text_en = "Demo site: sample content for development, not official information."
        site_settings.save()
    if not site_settings.opening_hours_ind:
        site_settings.opening_hours_ind = "Senin–Kamis 07.30–16.00 WIB\nJumat 07.30–16.30 WIB"
        site_settings.opening_hours_en = "Monday–Thursday 07:30–16:00 WIB\nFriday 07:30–16:30 WIB"
        site_settings.save()
    if site_settings.logo_id is None:
        site_settings.logo = demo_logo()
        site_settings.save()
    return site_settings


# A generic emblem drawn for the demo (a shield, waves and a star): no borrowed artwork, and no claim to
# be the city's coat of arms, which editors upload themselves.
DEMO_LOGO_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 76" width="64" height="76">
  <path d="M4 4h56v34c0 18-14 28-28 34C18 66 4 56 4 38z" fill="#ffffff" stroke="#f2b134" stroke-width="4"/>
  <path d="M12 44c5-4 10-4 15 0s10 4 15 0 8-4 10-2" fill="none" stroke="#0b4f6c" stroke-width="4"
    stroke-linecap="round"/>
  <path d="M14 54c5-4 10-4 15 0s10 4 15 0 6-3 7-2" fill="none" stroke="#0b4f6c" stroke-width="4"
    stroke-linecap="round"/>
  <path d="M32 12l3.5 8.5 9 .7-6.9 5.9 2.1 8.9L32 31.2 24.3 36l2.1-8.9-6.9-5.9 9-.7z" fill="#f2b134"/>
</svg>
"""


def demo_logo():
    """The demo's SVG emblem in the image library, looked up by title."""
    title = "Lambang demo"
    image = CityImage.objects.filter(title=title).first()
    if image is None:
        image = CityImage(
            title=title,
            alt_text_ind="Lambang demo",
            alt_text_en="Demo emblem",
            credit="Ilustrasi demo",
            width=64,
            height=76,
        )
        image.file = ContentFile(DEMO_LOGO_SVG.encode("utf-8"), name="lambang-demo.svg")
        image.save()
    return image


# The "Layanan" quick links: (icon, label in Indonesian, in English, the Indonesian slug path of the page
# from the home page, or an address elsewhere).
DEMO_SERVICES = [
    ("info", "Informasi publik (PPID)", "Public information (PPID)", "ppid", ""),
    ("document", "Permohonan informasi", "Request information", "ppid/permohonan-informasi", ""),
    ("calendar", "Berita dan kegiatan", "News and events", "berita", ""),
    ("map", "Cagar budaya", "Heritage sites", "warisan-budaya", ""),
    ("school", "Kota cerdas", "Smart city", "kota-cerdas", ""),
    ("id-card", "Produk hukum (JDIH)", "", "jdih", ""),
    ("megaphone", "Pengaduan (SP4N-LAPOR!)", "Complaints (SP4N-LAPOR!)", "", "https://www.lapor.go.id/"),
]


def seed_home_sections(context):
    """After every app's demo (the pages it links to exist then): the home page's services and sections.

    Left alone once editors have set services. The JDIH link has no English label, to show the fallback.
    """
    home = HomePage.objects.get(pk=context["home"].pk)
    if home.services:
        return
    blocks = []
    for icon, label_id, label_en, path, url in DEMO_SERVICES:
        page = None
        if path:
            page = Page.objects.filter(url_path_ind=f"{home.url_path_ind}{path}/").first()
            if page is None:
                continue  # that app is not installed
        value = {
            "icon": icon,
            "label_id": label_id,
            "label_en": label_en,
            "page": page.pk if page else None,
            "url": url,
        }
        blocks.append(("service", value))
    home.services = stream(*blocks)
    home.save_revision().publish()


def seed_standard_pages(home):
    about = upsert_page(
        home,
        StandardPage,
        "tentang-kota",
        title_ind="Tentang Kota Tanjungpinang",
        title_en="About Tanjungpinang",
        slug_en="about-the-city",
        show_in_menus=True,
        summary_ind="Ibu kota Provinsi Kepulauan Riau, kota pusaka Melayu dengan visi kota yang maju, berbudaya dan sejahtera.",
        summary_en="Capital of the Riau Islands Province, a Malay heritage city with a vision of an advanced, cultured and prosperous city.",
        body_ind=stream(
            ("heading", {"text": "Visi kota", "size": "h2"}),
            ("quote", {"text": VISION_ID, "speaker": "Visi RPJMD Kota Tanjungpinang 2018–2023", "role": ""}),
            (
                "paragraph",
                "<p>Tanjungpinang terletak di Pulau Bintan dan menjadi ibu kota Provinsi Kepulauan Riau. "
                "Di seberang pelabuhannya terdapat Pulau Penyengat, pusat Kesultanan Riau-Lingga pada abad ke-19 "
                "dan tempat Raja Ali Haji menulis Gurindam Dua Belas.</p>",
            ),
            ("heading", {"text": "Kota pusaka dan kota cerdas", "size": "h2"}),
            (
                "paragraph",
                "<p>Program kota pusaka menjaga cagar budaya kota, sedangkan masterplan kota cerdas "
                "menyusun program dalam enam dimensi: tata kelola, branding, ekonomi, kehidupan, masyarakat "
                "dan lingkungan. Pembangunan infrastruktur kota pusaka didukung Dana Alokasi Khusus (DAK).</p>",
            ),
        ),
        body_en=stream(
            ("heading", {"text": "The city's vision", "size": "h2"}),
            ("quote", {"text": VISION_EN, "speaker": "Vision of Tanjungpinang's RPJMD 2018–2023", "role": ""}),
            (
                "paragraph",
                "<p>Tanjungpinang lies on Bintan Island and is the capital of the Riau Islands Province. "
                "Across its harbour lies Penyengat Island, seat of the Riau-Lingga Sultanate in the 19th century "
                "and the place where Raja Ali Haji wrote the Gurindam Dua Belas.</p>",
            ),
            ("heading", {"text": "Heritage city and smart city", "size": "h2"}),
            (
                "paragraph",
                "<p>The heritage-city programme protects the city's cultural heritage, while the smart city "
                "masterplan arranges programmes in six dimensions: governance, branding, economy, living, "
                "society and environment. Infrastructure for the heritage city is supported by the Special "
                "Allocation Fund (DAK).</p>",
            ),
        ),
    )
    # Deliberately left without English, to show the fallback policy.
    upsert_page(
        home,
        StandardPage,
        "maklumat-pelayanan",
        title_ind="Maklumat Pelayanan",
        show_in_menus=False,
        summary_ind="Janji layanan Pemerintah Kota Tanjungpinang kepada masyarakat.",
        body_ind=stream(
            (
                "paragraph",
                "<p>Kami berjanji memberikan pelayanan yang cepat, tepat, transparan dan tanpa pungutan liar, "
                "sesuai standar pelayanan yang telah ditetapkan.</p>",
            ),
        ),
    )
    if not home.featured_sections:
        home.featured_sections_ind = stream(
            (
                "section",
                {"heading": "Tentang kota", "text": "Visi kota, kota pusaka dan kota cerdas.", "page": about.pk},
            ),
        )
        home.featured_sections_en = stream(
            (
                "section",
                {"heading": "About the city", "text": "The city's vision, heritage and smart city.", "page": about.pk},
            ),
        )
        home.save_revision().publish()
    return about


def ensure_user(username, password, *, superuser=False, groups=(), first_name="", email=""):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": first_name, "email": email})
    user.is_superuser = user.is_staff = superuser
    user.is_active = True
    user.set_password(password)
    user.save()
    for group_name in groups:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def seed(context):
    """Build home/'s demo content; ``context`` collects what later apps need and the accounts to print."""
    context["opds"] = seed_opds()
    home = seed_home(context.get("site_base_url"))
    context["home"] = home
    context["site"] = Site.objects.get(is_default_site=True)
    seed_settings(context["site"])
    seed_standard_pages(home)
    context.setdefault("finish", []).append(seed_home_sections)
    if context["create_users"]:
        ensure_user(DEMO_ADMIN[0], DEMO_ADMIN[1], superuser=True, first_name="Admin Diskominfo")
        context["accounts"].append((DEMO_ADMIN[0], DEMO_ADMIN[1], "Administrator"))
