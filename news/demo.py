"""Demo content for news/: the city newsroom, OPD newsrooms and groups, news items and two demo accounts.

The seed story is the Bimtek Tahap I of the Gerakan Menuju 100 Smart City held by the Tanjungpinang
city government in 2019. The exact days, the wording of the mayor's remarks and the participant numbers
are written for the demo (the story says so); no personal names are invented, and no legal numbers.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import translation

from wagtail.models import Page

from editorial.roles import EDITORS_GROUP, contributor_group_name
from home.demo import add_published, demo_image, ensure_user, stream, upsert_page
from news.models import NewsIndexPage, NewsPage, NewsRelatedPage, NewsType, OPDNewsroomPage
from news.permissions import setup_news_permissions

WIB = ZoneInfo("Asia/Jakarta")
DEMO_CONTRIBUTOR = ("kontributor-disbudpar", "pinang-kontributor-2026", "disbudpar")
DEMO_EDITOR = ("redaktur-diskominfo", "pinang-redaktur-2026")
DEMO_NOTE_ID = "Catatan demo: tanggal rinci, kutipan dan jumlah peserta dalam berita ini disusun untuk situs demo."
DEMO_NOTE_EN = (
    "Demo note: the exact dates, quotations and participant numbers in this story were written for the demo site."
)

MAYOR_QUOTE_ID = (
    "Smart city bukan semata soal aplikasi. Ini soal cara kita bekerja: merencanakan dengan data, melayani "
    "dengan cepat, dan membuka informasi kepada masyarakat. Karena itu saya minta seluruh kepala OPD, camat "
    "dan lurah tidak sekadar mengirim staf untuk mengisi daftar hadir, tetapi ikut duduk dan berpikir bersama.\n"
    "Masterplan yang kita susun dalam empat tahap bimtek ini harus sejalan dengan visi kota dan RPJMD, dan "
    "harus bisa dijalankan sesuai kemampuan anggaran kita. Mulailah dari quick win yang sederhana tetapi "
    "terasa manfaatnya bagi warga. Tanjungpinang adalah kota pusaka; teknologi harus membantu kita menjaga "
    "warisan itu sekaligus membuka peluang investasi."
)
MAYOR_QUOTE_EN = (
    "A smart city is not just about apps. It is about how we work: planning with data, serving quickly and "
    "opening information to the public. So I ask every head of agency, every camat and every lurah not simply "
    "to send staff to fill in the attendance list, but to sit down and think with us.\n"
    "The masterplan we draw up over these four stages of technical guidance must follow the city's vision and "
    "the RPJMD, and must be achievable within our budget. Start with quick wins that are simple but that "
    "residents can feel. Tanjungpinang is a heritage city; technology must help us protect that heritage and "
    "at the same time open the door to investment."
)


def wib(year, month, day, hour=9, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WIB)


def seed_index(home):
    return upsert_page(
        home,
        NewsIndexPage,
        "berita",
        title_ind="Berita",
        title_en="News",
        slug_en="news",
        show_in_menus=True,
        intro_ind="Berita, pengumuman dan siaran pers dari perangkat daerah Kota Tanjungpinang.",
        intro_en="News, announcements and press releases from the agencies of Tanjungpinang City.",
        search_description_ind="Berita resmi Pemerintah Kota Tanjungpinang dari setiap OPD.",
        search_description_en="Official news of Tanjungpinang City Government from every agency.",
    )


def add_news(newsroom, slug, *, tags=(), co_opds=(), related=(), **fields):
    """The news item with Indonesian slug ``slug`` in ``newsroom``, created and published when missing."""
    existing = NewsPage.objects.child_of(newsroom).filter(slug_ind=slug).first()
    if existing:
        return existing
    page = NewsPage(slug=slug, slug_ind=slug, **fields)
    page.tags.add(*tags)
    page.co_opds = list(co_opds)
    page.related_pages = [NewsRelatedPage(page=target) for target in related]
    return add_published(newsroom, page)


def _relatable(app_label, model):
    """A live page of a type built by another app, found without importing it (None when absent)."""
    return Page.objects.live().filter(content_type__app_label=app_label, content_type__model=model).first()


def seed_bimtek(newsrooms, opds):
    hero = demo_image(
        "Bimtek Smart City Tahap I",
        "Ilustrasi aula kantor wali kota saat bimbingan teknis",
        "Illustration of the city hall auditorium during the technical guidance",
        (40, 90, 130),
        scene="workshop",
    )
    programme = _relatable("smartcity", "smartcityprogrammepage")
    return add_news(
        newsrooms["diskominfo"],
        "bimtek-tahap-i-gerakan-menuju-100-smart-city",
        tags=["smart city", "bimtek", "masterplan"],
        co_opds=[opds["bappelitbang"]],
        related=[programme] if programme else [],
        title_ind="Bimtek Tahap I Gerakan Menuju 100 Smart City Dimulai di Kantor Wali Kota",
        title_en="Stage I of the Movement Towards 100 Smart Cities Technical Guidance Opens at City Hall",
        slug_en="smart-city-technical-guidance-stage-i",
        publication_date=wib(2019, 7, 10, 15, 30),
        news_type=NewsType.BIMTEK,
        featured=True,
        summary_ind=(
            "Pemerintah Kota Tanjungpinang memulai Bimtek Tahap I Gerakan Menuju 100 Smart City bersama "
            "narasumber dari Kementerian Komunikasi dan Informatika untuk menyusun masterplan kota cerdas."
        ),
        summary_en=(
            "Tanjungpinang City Government opened Stage I of the Movement Towards 100 Smart Cities technical "
            "guidance with speakers from the Ministry of Communication and Informatics, to draw up the smart "
            "city masterplan."
        ),
        hero_image=hero,
        hero_caption_ind="Peserta bimtek dari OPD, kecamatan dan kelurahan di aula Kantor Wali Kota.",
        hero_caption_en="Participants from agencies, districts and urban villages in the city hall auditorium.",
        body_ind=stream(
            (
                "paragraph",
                "<p>Pemerintah Kota Tanjungpinang menggelar Bimbingan Teknis (Bimtek) Tahap I Gerakan Menuju 100 "
                "Smart City di Aula Kantor Wali Kota Tanjungpinang, Senggarang. Bimtek ini adalah yang pertama dari "
                "empat tahap penyusunan masterplan smart city bersama Kementerian Komunikasi dan Informatika.</p>",
            ),
            (
                "paragraph",
                "<p>Peserta berasal dari organisasi perangkat daerah, kecamatan dan kelurahan, dikelompokkan menurut "
                "enam dimensi smart city: tata kelola, branding, ekonomi, kehidupan, masyarakat dan lingkungan. "
                "Narasumber dari Kemkominfo memaparkan tahapan penyusunan masterplan dan cara menilai kesiapan "
                "daerah.</p>",
            ),
            ("quote", {"text": MAYOR_QUOTE_ID, "speaker": "Wali Kota Tanjungpinang", "role": "sambutan pembukaan"}),
            (
                "paragraph",
                "<p>Hasil Tahap I berupa analisis kesiapan daerah dan rumusan awal visi smart city yang akan "
                "dimatangkan pada bimtek tahap berikutnya.</p>",
            ),
            ("paragraph", f"<p><em>{DEMO_NOTE_ID}</em></p>"),
        ),
        body_en=stream(
            (
                "paragraph",
                "<p>Tanjungpinang City Government held Stage I of the Movement Towards 100 Smart Cities technical "
                "guidance (bimtek) in the auditorium of the City Hall in Senggarang. It is the first of four stages "
                "in drawing up the smart city masterplan with the Ministry of Communication and Informatics.</p>",
            ),
            (
                "paragraph",
                "<p>Participants came from the city's agencies, districts and urban villages, grouped by the six "
                "smart city dimensions: governance, branding, economy, living, society and environment. Speakers "
                "from the ministry explained the stages of the masterplan and how to assess the city's "
                "readiness.</p>",
            ),
            ("quote", {"text": MAYOR_QUOTE_EN, "speaker": "Mayor of Tanjungpinang", "role": "opening remarks"}),
            (
                "paragraph",
                "<p>Stage I produces an assessment of the city's readiness and a first draft of its smart city "
                "vision, to be refined in the following stages.</p>",
            ),
            ("paragraph", f"<p><em>{DEMO_NOTE_EN}</em></p>"),
        ),
        event_title_ind="Bimtek Tahap I Gerakan Menuju 100 Smart City",
        event_title_en="Movement Towards 100 Smart Cities technical guidance, Stage I",
        event_series_ind="Gerakan Menuju 100 Smart City",
        event_series_en="Movement Towards 100 Smart Cities",
        event_stage=NewsPage.Stage.I,
        event_start=wib(2019, 7, 9, 8, 30),
        event_end=wib(2019, 7, 10, 16, 0),
        event_mode=NewsPage.Mode.LURING,
        venue_name_ind="Aula Kantor Wali Kota Tanjungpinang",
        venue_name_en="City Hall auditorium, Tanjungpinang",
        venue_address="Senggarang, Kota Tanjungpinang, Kepulauan Riau",
        event_organiser=opds["diskominfo"],
        event_partners_ind="Kementerian Komunikasi dan Informatika",
        event_partners_en="Ministry of Communication and Informatics",
        target_participants_ind="Pejabat dan staf OPD, camat dan lurah se-Kota Tanjungpinang",
        target_participants_en="Officials and staff of the city's agencies, district heads (camat) and urban village heads (lurah)",
        participant_count=80,
        speakers_ind=stream(
            (
                "speaker",
                {
                    "name": "Tim narasumber Kemkominfo",
                    "role": "Narasumber",
                    "institution": "Kementerian Komunikasi dan Informatika",
                },
            ),
        ),
        speakers_en=stream(
            (
                "speaker",
                {
                    "name": "Ministry speakers",
                    "role": "Speakers",
                    "institution": "Ministry of Communication and Informatics",
                },
            ),
        ),
        agenda_ind=stream(
            (
                "item",
                {
                    "session": "Pembukaan dan sambutan Wali Kota",
                    "start": "08:30",
                    "end": "09:30",
                    "speaker": "Wali Kota Tanjungpinang",
                },
            ),
            (
                "item",
                {
                    "session": "Gambaran Gerakan Menuju 100 Smart City",
                    "start": "09:30",
                    "end": "12:00",
                    "speaker": "Narasumber Kemkominfo",
                },
            ),
            (
                "item",
                {
                    "session": "Analisis kesiapan daerah per dimensi",
                    "start": "13:00",
                    "end": "16:00",
                    "speaker": "Narasumber Kemkominfo",
                },
            ),
        ),
        agenda_en=stream(
            (
                "item",
                {
                    "session": "Opening and the mayor's remarks",
                    "start": "08:30",
                    "end": "09:30",
                    "speaker": "Mayor of Tanjungpinang",
                },
            ),
            (
                "item",
                {
                    "session": "Overview of the Movement Towards 100 Smart Cities",
                    "start": "09:30",
                    "end": "12:00",
                    "speaker": "Ministry speakers",
                },
            ),
            (
                "item",
                {
                    "session": "Readiness assessment by dimension",
                    "start": "13:00",
                    "end": "16:00",
                    "speaker": "Ministry speakers",
                },
            ),
        ),
        outcomes_ind="<ul><li>Analisis kesiapan daerah per dimensi</li><li>Rumusan awal visi smart city</li></ul>",
        outcomes_en="<ul><li>A readiness assessment for each dimension</li><li>A first draft of the smart city vision</li></ul>",
    )


def seed_more(newsrooms, opds):
    heritage = _relatable("heritage_pages", "heritagesitepage")
    add_news(
        newsrooms["bappelitbang"],
        "bimtek-tahap-iv-komitmen-bersama-masterplan-smart-city",
        tags=["smart city", "bimtek", "masterplan"],
        co_opds=[opds["diskominfo"]],
        title_ind="Bimtek Tahap IV Ditutup dengan Komitmen Bersama Masterplan Smart City",
        title_en="Stage IV Technical Guidance Closes with a Joint Commitment to the Smart City Masterplan",
        slug_en="stage-iv-joint-commitment-smart-city-masterplan",
        publication_date=wib(2019, 10, 1, 14, 0),
        news_type=NewsType.BIMTEK,
        summary_ind="Tahap terakhir bimtek ditutup dengan penandatanganan komitmen bersama untuk menjalankan masterplan smart city.",
        summary_en="The last stage of the technical guidance closed with the signing of a joint commitment to carry out the smart city masterplan.",
        body_ind=stream(
            (
                "paragraph",
                "<p>Bimtek keempat menutup rangkaian penyusunan masterplan smart city Kota Tanjungpinang. Kepala "
                "OPD menandatangani komitmen bersama untuk menjalankan program quick win sesuai dimensi masing-masing.</p>",
            ),
            ("paragraph", f"<p><em>{DEMO_NOTE_ID}</em></p>"),
        ),
        body_en=stream(
            (
                "paragraph",
                "<p>The fourth technical guidance closed the drafting of Tanjungpinang's smart city masterplan. "
                "Heads of agencies signed a joint commitment to carry out the quick-win programmes of their "
                "dimensions.</p>",
            ),
            ("paragraph", f"<p><em>{DEMO_NOTE_EN}</em></p>"),
        ),
        event_title_ind="Bimtek Tahap IV Gerakan Menuju 100 Smart City",
        event_title_en="Movement Towards 100 Smart Cities technical guidance, Stage IV",
        event_series_ind="Gerakan Menuju 100 Smart City",
        event_series_en="Movement Towards 100 Smart Cities",
        event_stage=NewsPage.Stage.IV,
        event_start=wib(2019, 9, 30, 8, 30),
        event_end=wib(2019, 10, 1, 12, 0),
        event_mode=NewsPage.Mode.LURING,
        venue_name_ind="Aula Kantor Wali Kota Tanjungpinang",
        venue_name_en="City Hall auditorium, Tanjungpinang",
        venue_address="Senggarang, Kota Tanjungpinang, Kepulauan Riau",
        event_partners_ind="Kementerian Komunikasi dan Informatika",
        event_partners_en="Ministry of Communication and Informatics",
        target_participants_ind="Kepala OPD dan tim penyusun masterplan",
        target_participants_en="Heads of agencies and the masterplan drafting team",
        participant_count=60,
        outcomes_ind="<p>Komitmen bersama ditandatangani; draf masterplan diserahkan untuk penetapan.</p>",
        outcomes_en="<p>Joint commitment signed; draft masterplan handed over for adoption.</p>",
    )
    add_news(
        newsrooms["dlh"],
        "sosialisasi-pemilahan-sampah-rumah-tangga",
        tags=["lingkungan", "sampah"],
        co_opds=[opds["kecamatan-tanjungpinang-kota"]],
        title_ind="Sosialisasi Pemilahan Sampah Rumah Tangga di Kecamatan Tanjungpinang Kota",
        title_en="Outreach on Sorting Household Waste in Tanjungpinang Kota District",
        slug_en="household-waste-sorting-outreach",
        publication_date=wib(2025, 5, 14, 11, 0),
        news_type=NewsType.SOSIALISASI,
        summary_ind="DLH mengajak warga memilah sampah organik dan anorganik dari rumah, bersama kecamatan dan para lurah.",
        summary_en="The Environment Agency asked residents to sort organic and inorganic waste at home, together with the district and urban villages.",
        body_ind=stream(
            ("paragraph", "<p>Warga diajak memilah sampah sejak dari rumah dan memanfaatkan bank sampah terdekat.</p>")
        ),
        body_en=stream(
            ("paragraph", "<p>Residents were asked to sort waste at home and use the nearest waste bank.</p>")
        ),
        event_title_ind="Sosialisasi pemilahan sampah rumah tangga",
        event_title_en="Household waste sorting outreach",
        event_start=wib(2025, 5, 13, 9, 0),
        event_end=wib(2025, 5, 13, 12, 0),
        event_mode=NewsPage.Mode.HYBRID,
        venue_name_ind="Kantor Camat Tanjungpinang Kota",
        venue_name_en="Tanjungpinang Kota district office",
        online_url="https://www.youtube.com/",
        target_participants_ind="Ketua RT/RW, kader lingkungan dan warga",
        target_participants_en="Neighbourhood heads (RT/RW), environment volunteers and residents",
        participant_count=120,
    )
    add_news(
        newsrooms["disbudpar"],
        "ajakan-berkunjung-ke-pulau-penyengat",
        tags=["pariwisata", "cagar budaya", "Penyengat"],
        related=[heritage] if heritage else [],
        title_ind="Disbudpar Ajak Warga dan Wisatawan Mengenal Pulau Penyengat",
        title_en="Culture and Tourism Agency Invites Residents and Visitors to Discover Penyengat Island",
        slug_en="discover-penyengat-island",
        publication_date=wib(2025, 6, 20, 10, 0),
        news_type=NewsType.BERITA,
        featured=True,
        summary_ind="Pulau Penyengat, pusat Kesultanan Riau-Lingga pada abad ke-19, dapat dicapai dengan pompong dari pelabuhan kota.",
        summary_en="Penyengat Island, seat of the Riau-Lingga Sultanate in the 19th century, is a short pompong ride from the city's harbour.",
        body_ind=stream(
            (
                "paragraph",
                "<p>Di Pulau Penyengat terdapat Masjid Raya Sultan Riau dan makam Raja Ali Haji, penulis Gurindam Dua Belas.</p>",
            )
        ),
        body_en=stream(
            (
                "paragraph",
                "<p>Penyengat Island is home to the Sultan of Riau Grand Mosque and the tomb of Raja Ali Haji, author of the Gurindam Dua Belas.</p>",
            )
        ),
    )
    add_news(
        newsrooms["diskominfo"],
        "portal-kota-hadir-dalam-dua-bahasa",
        tags=["portal", "layanan informasi"],
        title_ind="Portal Resmi Kota Tanjungpinang Kini Hadir dalam Dua Bahasa",
        title_en="Tanjungpinang's Official Portal Now in Two Languages",
        slug_en="city-portal-in-two-languages",
        publication_date=wib(2025, 7, 1, 9, 0),
        news_type=NewsType.SIARAN_PERS,
        summary_ind="Berita, cagar budaya dan program kota cerdas kini dapat dibaca dalam bahasa Indonesia dan Inggris.",
        summary_en="News, heritage sites and smart city programmes can now be read in Indonesian and English.",
        body_ind=stream(("paragraph", f"<p>Situs ini adalah situs demo. {DEMO_NOTE_ID}</p>")),
        body_en=stream(("paragraph", f"<p>This is a demo site. {DEMO_NOTE_EN}</p>")),
    )
    # Deliberately Indonesian only, to show the English fallback in listings.
    add_news(
        newsrooms["disdukcapil"],
        "layanan-adminduk-hari-sabtu",
        tags=["layanan publik"],
        title_ind="Pengumuman: Layanan Administrasi Kependudukan Dibuka pada Hari Sabtu",
        publication_date=wib(2025, 7, 15, 8, 0),
        news_type=NewsType.PENGUMUMAN,
        summary_ind="Contoh pengumuman untuk situs demo: layanan perekaman KTP-el dan kartu keluarga dibuka pada hari Sabtu.",
        body_ind=stream(("paragraph", "<p>Bawa dokumen asli yang diperlukan. Layanan tidak dipungut biaya.</p>")),
    )


def seed(context):
    """Build news/'s demo content; adds the contributor and editor accounts when asked to."""
    with translation.override("id"):
        index = seed_index(context["home"])
        setup_news_permissions(index)
        newsrooms = {room.opd.slug: room for room in OPDNewsroomPage.objects.child_of(index).select_related("opd")}
        seed_bimtek(newsrooms, context["opds"])
        seed_more(newsrooms, context["opds"])
        seed_upcoming_event(newsrooms)
    if context["create_users"]:
        username, password, opd_slug = DEMO_CONTRIBUTOR
        ensure_user(
            username,
            password,
            groups=[contributor_group_name(context["opds"][opd_slug])],
            first_name="Kontributor Disbudpar",
        )
        context["accounts"].append((username, password, "OPD contributor / Kontributor OPD (Disbudpar)"))
        username, password = DEMO_EDITOR
        ensure_user(username, password, groups=[EDITORS_GROUP], first_name="Redaktur Diskominfo")
        context["accounts"].append((username, password, "Editor / Redaktur"))


def seed_upcoming_event(newsrooms):
    """An announced bimtek two weeks after the demo is first built, so the home page lists an upcoming event."""
    start = (datetime.datetime.now(WIB) + datetime.timedelta(days=14)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return add_news(
        newsrooms["diskominfo"],
        "pengumuman-bimtek-literasi-data-opd",
        tags=["bimtek", "data"],
        title_ind="Pengumuman Bimtek Literasi Data untuk OPD",
        title_en="Announcement: data literacy technical guidance for agencies",
        slug_en="data-literacy-technical-guidance",
        publication_date=start - datetime.timedelta(days=21),
        news_type=NewsType.BIMTEK,
        summary_ind="Diskominfo mengundang operator data setiap OPD mengikuti bimbingan teknis literasi data selama dua hari.",
        summary_en="Diskominfo invites each agency's data officers to a two-day technical guidance on data literacy.",
        event_title_ind="Bimtek Literasi Data OPD Kota Tanjungpinang",
        event_title_en="Data Literacy Technical Guidance for City Agencies",
        event_start=start,
        event_end=start + datetime.timedelta(days=1, hours=7),
        event_mode=NewsPage.Mode.LURING,
        venue_name_ind="Aula Kantor Wali Kota Tanjungpinang",
        venue_name_en="Tanjungpinang City Hall auditorium",
        body_ind=stream(
            ("paragraph", "<p>Peserta membawa laptop. Pendaftaran melalui admin data OPD masing-masing.</p>")
        ),
        body_en=stream(
            ("paragraph", "<p>Participants bring a laptop. Registration is through each agency's data admin.</p>")
        ),
    )
