"""Demo content for ppid/: the PPID section, its pages, a few register entries, holidays and two requests.

Idempotent: pages are looked up by their Indonesian slug, entries by slug under the register, holidays by
date and requests by their (demo) information text. Demo requests use invented people and example.org
addresses; their status links are not printed (only hashes are stored).
"""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from home.demo import ensure_user, stream, upsert_page
from ppid.handling import apply_step
from ppid.models import (
    Category,
    DIPDocument,
    DIPEntryPage,
    DIPRegisterPage,
    ExemptionGround,
    Holiday,
    InfoFormat,
    InformationRequest,
    InformationRequestPage,
    PPIDContentPage,
    PPIDIndexPage,
    PPIDReportPage,
    RequestEvent,
    RequestStatus,
)

DEMO_PPID_USER = ("ppid", "pinang-ppid-2026")

# A few national holidays and collective leave days of 2026 (SKB 3 Menteri); editors keep the real list.
HOLIDAYS = [
    (date(2026, 1, 1), "Tahun Baru 2026 Masehi", "New Year's Day"),
    (date(2026, 3, 20), "Hari Raya Idul Fitri 1447 H", "Eid al-Fitr"),
    (date(2026, 3, 21), "Hari Raya Idul Fitri 1447 H", "Eid al-Fitr"),
    (date(2026, 5, 1), "Hari Buruh Internasional", "Labour Day"),
    (date(2026, 8, 17), "Hari Kemerdekaan Republik Indonesia", "Independence Day"),
    (date(2026, 12, 25), "Hari Raya Natal", "Christmas Day"),
]

CONTENT_PAGES = [
    # slug_ind, slug_en, title_ind, title_en, summary_ind, summary_en, body_ind, body_en
    (
        "profil",
        "profile",
        "Profil PPID",
        "About the PPID",
        "PPID Utama Kota Tanjungpinang dan PPID Pembantu di setiap OPD: pejabat, tugas dan surat keputusan.",
        "The city's main information officer (PPID Utama) and the assistant officers (PPID Pembantu) in each OPD.",
        "<p>PPID Utama Kota Tanjungpinang dijabat oleh Kepala Dinas Komunikasi dan Informatika. Setiap OPD "
        "menunjuk PPID Pembantu yang mengelola informasi publik di lingkungannya.</p>"
        "<p>Tugas PPID: menyediakan, menyimpan, mendokumentasikan dan melayani informasi publik sesuai "
        "UU 14/2008 dan Peraturan Komisi Informasi 1/2021.</p>",
        "<p>The head of the Communications and Informatics Agency is the city's main information officer. "
        "Each OPD appoints an assistant officer for the information it holds.</p>"
        "<p>The PPID provides, keeps, documents and serves public information under Law 14/2008 and "
        "Information Commission Regulation 1/2021.</p>",
    ),
    (
        "standar-layanan",
        "service-standard",
        "Standar dan Prosedur Layanan",
        "Service standard and procedure",
        "Cara mengajukan permohonan informasi, jam layanan, jangka waktu dan biaya (gratis).",
        "How to request information, service hours, time limits and the fee (free).",
        "<p>Layanan informasi: Senin–Kamis 08.00–15.00 WIB, Jumat 08.00–11.00 WIB. Permohonan dijawab paling lambat "
        "10 hari kerja dan dapat diperpanjang 7 hari kerja dengan alasan tertulis. Layanan tidak dipungut biaya; "
        "salinan dokumen cetak dapat dikenai biaya penggandaan.</p>",
        "<p>Service hours: Monday–Thursday 08:00–15:00 WIB, Friday 08:00–11:00 WIB. Requests are answered within "
        "10 working days, which may be extended once by 7 working days with a written reason. The service is free; "
        "printed copies may carry the cost of copying.</p>",
    ),
    (
        "kontak",
        "contact",
        "Kontak PPID",
        "Contact the PPID",
        "Alamat, telepon dan e-mail layanan informasi publik Kota Tanjungpinang.",
        "Address, phone and e-mail of the city's public information service.",
        "<p>Dinas Komunikasi dan Informatika Kota Tanjungpinang, Gedung Pemerintah Kota, Senggarang. "
        "E-mail: ppid@example.org (alamat demo).</p>",
        "<p>Communications and Informatics Agency, City Government building, Senggarang. "
        "E-mail: ppid@example.org (a demo address).</p>",
    ),
]

ENTRIES = [
    # slug, category, opd slug, title_ind, title_en, summary_ind, summary_en, made_on, period, retention_ind/en
    (
        "apbd-2026",
        Category.BERKALA,
        "bappelitbang",
        "Ringkasan APBD Kota Tanjungpinang 2026",
        "Summary of the 2026 city budget (APBD)",
        "Ringkasan pendapatan, belanja dan pembiayaan daerah tahun anggaran 2026.",
        "Summary of the city's revenue, spending and financing for the 2026 budget year.",
        date(2026, 1, 15),
        "2026",
        ("10 tahun", "10 years"),
    ),
    (
        "peringatan-banjir-rob",
        Category.SERTA_MERTA,
        "diskominfo",
        "Peringatan dini banjir rob",
        "Early warning of tidal flooding",
        "Informasi yang mengancam hajat hidup orang banyak: jadwal pasang tinggi dan daerah rawan rob.",
        "Information that threatens the public: high-tide times and areas at risk of tidal flooding.",
        date(2026, 11, 20),
        "November–Desember 2026",
        ("1 tahun", "1 year"),
    ),
    (
        "daftar-cagar-budaya",
        Category.SETIAP_SAAT,
        "disbudpar",
        "Daftar cagar budaya kota",
        "List of the city's cultural heritage",
        "Daftar objek cagar budaya dan objek diduga cagar budaya yang dikelola kota.",
        "The heritage objects and suspected heritage objects the city manages.",
        date(2026, 6, 1),
        "2026",
        ("Permanen", "Permanent"),
    ),
    (
        "hasil-penyelidikan-pengaduan",
        Category.DIKECUALIKAN,
        "diskominfo",
        "Berkas pemeriksaan pengaduan pegawai",
        "Files of investigations into complaints about staff",
        "Berkas pemeriksaan yang memuat data pribadi pelapor dan terlapor.",
        "Investigation files holding personal data of complainants and of the staff concerned.",
        date(2026, 3, 2),
        "2025–2026",
        ("5 tahun", "5 years"),
    ),
]


def seed_holidays():
    for day, name_ind, name_en in HOLIDAYS:
        Holiday.objects.get_or_create(date=day, defaults={"name": name_ind, "name_ind": name_ind, "name_en": name_en})


def seed_pages(home):
    index = upsert_page(
        home,
        PPIDIndexPage,
        "ppid",
        title_ind="PPID: Layanan Informasi Publik",
        title_en="PPID: Public Information Service",
        slug_en="ppid",
        show_in_menus=True,
        intro_ind="<p>Setiap orang berhak memperoleh informasi publik (UU 14/2008). Lihat Daftar Informasi Publik "
        "atau ajukan permohonan informasi secara daring.</p>",
        intro_en="<p>Everyone has the right to public information (Law 14/2008). Browse the list of public "
        "information or send a request for information online.</p>",
    )
    for slug_ind, slug_en, title_ind, title_en, summary_ind, summary_en, body_ind, body_en in CONTENT_PAGES:
        upsert_page(
            index,
            PPIDContentPage,
            slug_ind,
            slug_en=slug_en,
            title_ind=title_ind,
            title_en=title_en,
            summary_ind=summary_ind,
            summary_en=summary_en,
            body_ind=stream(("paragraph", body_ind)),
            body_en=stream(("paragraph", body_en)),
        )
    register = upsert_page(
        index,
        DIPRegisterPage,
        "daftar-informasi-publik",
        slug_en="public-information-list",
        title_ind="Daftar Informasi Publik",
        title_en="List of public information",
        intro_ind="<p>Informasi yang dikuasai Pemerintah Kota Tanjungpinang, menurut kategorinya.</p>",
        intro_en="<p>The information held by the City Government, by category.</p>",
    )
    form_page = upsert_page(
        index,
        InformationRequestPage,
        "permohonan-informasi",
        slug_en="request-information",
        title_ind="Permohonan Informasi Publik",
        title_en="Request for public information",
        intro_ind="<p>Isi formulir ini untuk meminta informasi publik. Permohonan dijawab paling lambat 10 hari kerja.</p>",
        intro_en="<p>Fill in this form to request public information. We answer within 10 working days.</p>",
        privacy_notice_ind="<p>Data diri Anda dipakai hanya untuk melayani permohonan ini, sesuai UU 27/2022. Kami "
        "hanya menyimpan empat karakter terakhir nomor identitas, dan data diri dihapus setelah masa simpan.</p>",
        privacy_notice_en="<p>Your personal data is used only to handle this request (Law 27/2022). We keep only the "
        "last four characters of your identity number, and personal data is removed after the retention period.</p>",
    )
    upsert_page(
        index,
        PPIDReportPage,
        "laporan-2026",
        slug_en="report-2026",
        title_ind="Laporan Layanan Informasi Publik 2026",
        title_en="Public information service report 2026",
        summary_ind="Jumlah permohonan, yang dipenuhi, ditolak beserta alasannya, dan rata-rata waktu layanan.",
        summary_en="Requests received, granted and refused (with the reasons), and the average time to answer.",
        year=2026,
        show_figures=True,
    )
    return index, register, form_page


def seed_entries(register, opds):
    for slug, category, opd_slug, title_ind, title_en, summary_ind, summary_en, made_on, period, retention in ENTRIES:
        fields = {
            "title_ind": title_ind,
            "title_en": title_en,
            "slug_en": slug,
            "summary_ind": summary_ind,
            "summary_en": summary_en,
            "category": category,
            "opd": opds[opd_slug],
            "person_in_charge": "PPID Pembantu " + opds[opd_slug].acronym,
            "made_on": made_on,
            "period_ind": period,
            "period_en": period,
            "info_format": InfoFormat.SOFT,
            "retention_ind": retention[0],
            "retention_en": retention[1],
        }
        if category == Category.DIKECUALIKAN:
            fields.update(
                exemption_ground=ExemptionGround.PRIVACY,
                legal_basis_ind="Pasal 17 huruf h UU 14/2008; Keputusan PPID Kota Tanjungpinang tentang Daftar "
                "Informasi yang Dikecualikan (contoh demo).",
                legal_basis_en="Art. 17(h) of Law 14/2008; the PPID's decree on exempt information (a demo example).",
                consequence_test_ind="Membuka berkas ini mengungkap rahasia pribadi pelapor dan terlapor; dikecualikan "
                "selama 5 tahun.",
                consequence_test_en="Disclosure would reveal personal secrets of complainants and staff; exempt for "
                "5 years.",
            )
        entry = upsert_page(register, DIPEntryPage, slug, **fields)
        if not entry.dip_documents.exists():
            document = DIPDocument(entry=entry, title=title_ind, title_ind=title_ind, title_en=title_en)
            text = f"{title_ind}\n{summary_ind}\n(Dokumen demo / demo document)\n"
            document.file.save(f"{slug}.txt", ContentFile(text.encode("utf-8")), save=False)
            document.save()


def seed_requests(today=None):
    today = today or timezone.localdate()
    demo = [
        ("Contoh: salinan ringkasan APBD 2026 per OPD.", "Siti Aminah (contoh)", "id", None),
        ("Example: the 2026 tidal flood warning maps as GIS files.", "Daniel Smith (example)", "en", "answered"),
    ]
    for information, name, language, outcome in demo:
        if InformationRequest.objects.filter(information_requested=information).exists():
            continue
        received_at = timezone.now() - timedelta(days=3 if outcome is None else 20)
        request_obj, _token = InformationRequest.create(
            received_at=received_at,
            language=language,
            name=name,
            email="",  # no e-mail for demo requesters: nothing is sent
            phone="0812-0000-0000",
            address="Jl. Contoh No. 1, Tanjungpinang",
            identity_type="ktp",
            identity_last4="0001",
            information_requested=information,
            purpose="Demo",
            obtain_method="salinan",
            delivery_method="ambil",
        )
        RequestEvent.objects.create(request=request_obj, status=RequestStatus.RECEIVED, created_at=received_at)
        if outcome == "answered":
            apply_step(request_obj, None, {"status": RequestStatus.IN_PROCESS, "message": ""})
            apply_step(
                request_obj,
                None,
                {
                    "status": RequestStatus.ANSWERED_PARTIAL,
                    "message": "The maps are attached; the raw survey data is held by the province.",
                },
            )


def seed(context):
    from ppid.roles import PPID_GROUP, setup_ppid_roles

    seed_holidays()
    _index, register, _form = seed_pages(context["home"])
    seed_entries(register, context["opds"])
    seed_requests()
    if context["create_users"]:
        from editorial.roles import SetupReport

        setup_ppid_roles(SetupReport())
        ensure_user(DEMO_PPID_USER[0], DEMO_PPID_USER[1], groups=[PPID_GROUP], first_name="Petugas PPID")
        context["accounts"].append((DEMO_PPID_USER[0], DEMO_PPID_USER[1], PPID_GROUP))
