"""Demo content for smartcity/: the 2019–2023 masterplan, its six dimensions and their programmes.

Status, budget and indicator figures are illustrative (every programme is flagged
``illustrative_data``); no decree numbers are given, because none are verified here.
Idempotent: pages are looked up by their Indonesian slug and left alone when they exist.
"""

from datetime import date

from home.demo import VISION_EN, VISION_ID, upsert_page
from smartcity.choices import BudgetKind, Dimension, FundingSource, Horizon, PartnerType, Status
from smartcity.models import (
    ProgrammeBudgetLine,
    ProgrammeIndicator,
    ProgrammeIndicatorValue,
    ProgrammePartner,
    ProgrammeStatusChange,
    SmartCityDimensionPage,
    SmartCityIndexPage,
    SmartCityProgrammePage,
)

ILLUSTRATIVE_ID = "Angka ilustratif untuk demo."
ILLUSTRATIVE_EN = "Illustrative figures for the demo."

DIMENSIONS = [
    # code, slug_ind, slug_en, title_ind, title_en, summary_ind, summary_en
    (
        Dimension.GOVERNANCE,
        "tata-kelola-cerdas",
        "smart-governance",
        "Tata Kelola Cerdas (Smart Governance)",
        "Smart Governance",
        "Layanan publik, birokrasi dan kebijakan yang efektif, efisien dan terbuka dengan dukungan teknologi informasi.",
        "Effective, efficient and open public services, bureaucracy and policy, supported by information technology.",
    ),
    (
        Dimension.BRANDING,
        "branding-cerdas",
        "smart-branding",
        "Branding Cerdas (Smart Branding)",
        "Smart Branding",
        "Citra kota pusaka Melayu: pariwisata, iklim usaha dan wajah kota yang memperkuat daya saing.",
        "The image of a Malay heritage city: tourism, business climate and a city face that strengthen competitiveness.",
    ),
    (
        Dimension.ECONOMY,
        "ekonomi-cerdas",
        "smart-economy",
        "Ekonomi Cerdas (Smart Economy)",
        "Smart Economy",
        "Ekosistem industri, kesejahteraan rakyat dan transaksi keuangan yang tumbuh dengan inovasi.",
        "An industrial ecosystem, public welfare and financial transactions that grow through innovation.",
    ),
    (
        Dimension.LIVING,
        "kehidupan-cerdas",
        "smart-living",
        "Kehidupan Cerdas (Smart Living)",
        "Smart Living",
        "Lingkungan tempat tinggal yang layak, sehat dan mudah dijangkau: tata ruang, kesehatan dan transportasi.",
        "A liveable, healthy and accessible place to live: spatial planning, health and transport.",
    ),
    (
        Dimension.SOCIETY,
        "masyarakat-cerdas",
        "smart-society",
        "Masyarakat Cerdas (Smart Society)",
        "Smart Society",
        "Masyarakat yang melek digital, saling terhubung dan ikut serta dalam pembangunan kota.",
        "A digitally literate, connected society that takes part in the city's development.",
    ),
    (
        Dimension.ENVIRONMENT,
        "lingkungan-cerdas",
        "smart-environment",
        "Lingkungan Cerdas (Smart Environment)",
        "Smart Environment",
        "Perlindungan lingkungan, pengelolaan sampah dan energi yang bertanggung jawab.",
        "Environmental protection, responsible waste and energy management.",
    ),
]


def _budget(*lines):
    return [ProgrammeBudgetLine(fiscal_year=y, source=s, amount=a, kind=k) for y, s, a, k in lines]


def _indicator(key, name_ind, name_en, unit_ind, unit_en, baseline, baseline_year):
    return ProgrammeIndicator(
        key=key,
        name_ind=name_ind,
        name_en=name_en,
        unit_ind=unit_ind,
        unit_en=unit_en,
        baseline=baseline,
        baseline_year=baseline_year,
        data_source_ind=ILLUSTRATIVE_ID,
        data_source_en=ILLUSTRATIVE_EN,
    )


def _values(key, *rows):
    return [ProgrammeIndicatorValue(indicator_key=key, year=y, target=t, realisation=r) for y, t, r in rows]


def _history(*rows):
    return [ProgrammeStatusChange(date=d, status=s, note_ind=n_id, note_en=n_en) for d, s, n_id, n_en in rows]


P, R = BudgetKind.PLANNED, BudgetKind.REALISED
F = FundingSource


def programmes(opds):
    """The demo programmes, by dimension: (slug_ind, fields) pairs."""
    started = date(2019, 10, 1)  # the fourth bimtek, where the masterplan commitments were signed
    return {
        Dimension.GOVERNANCE: [
            (
                "aplikasi-tanjak",
                dict(
                    title_ind="Aplikasi Tanjak",
                    title_en="Tanjak app",
                    slug_en="tanjak-app",
                    summary_ind="Quick win dimensi tata kelola: aplikasi Tanjak yang dikelola Diskominfo.",
                    summary_en="A governance quick win: the Tanjak app, run by Diskominfo.",
                    horizon=Horizon.QUICK_WIN,
                    status=Status.RUNNING,
                    lead_opd=opds["diskominfo"],
                    start_year=2020,
                    end_year=2023,
                    budget_lines=_budget((2020, F.APBD_KOTA, 350_000_000, P), (2020, F.APBD_KOTA, 310_000_000, R)),
                    history=_history(
                        (started, Status.PLANNED, "Ditetapkan sebagai quick win.", "Chosen as a quick win."),
                        (date(2020, 6, 1), Status.RUNNING, "Mulai berjalan.", "Started."),
                    ),
                ),
            ),
            (
                "administrasi-kependudukan-daring",
                dict(
                    title_ind="Administrasi kependudukan daring",
                    title_en="Online civil registration",
                    slug_en="online-civil-registration",
                    summary_ind="Pengurusan dokumen kependudukan secara daring, tanpa harus datang ke kantor.",
                    summary_en="Civil registration documents applied for online, without a visit to the office.",
                    horizon=Horizon.QUICK_WIN,
                    status=Status.RUNNING,
                    lead_opd=opds["disdukcapil"],
                    supporting=["diskominfo"],
                    start_year=2020,
                    end_year=2023,
                    beneficiaries_ind="Seluruh penduduk Kota Tanjungpinang.",
                    beneficiaries_en="All residents of Tanjungpinang.",
                    budget_lines=_budget((2020, F.APBD_KOTA, 250_000_000, P), (2021, F.DAK_NON_FISIK, 400_000_000, P)),
                    indicators=[
                        _indicator(
                            "I1",
                            "Layanan yang dapat diurus daring",
                            "Services available online",
                            "layanan",
                            "services",
                            2,
                            2019,
                        )
                    ],
                    values=_values("I1", (2020, 5, 4), (2021, 8, 8), (2022, 10, None)),
                ),
            ),
        ],
        Dimension.BRANDING: [
            (
                "kota-pusaka-dan-budaya",
                dict(
                    title_ind="Kota pusaka dan budaya",
                    title_en="Heritage city and culture",
                    slug_en="heritage-city-and-culture",
                    summary_ind="Tanjungpinang sebagai kota pusaka Melayu: konsep dan SK sudah ada, pelaksanaan bertahap.",
                    summary_en="Tanjungpinang as a Malay heritage city: the concept and the decree exist; work proceeds in stages.",
                    horizon=Horizon.QUICK_WIN,
                    status=Status.RUNNING,
                    lead_opd=opds["disbudpar"],
                    supporting=["bappelitbang", "dinas-pupr"],
                    start_year=2019,
                    end_year=2023,
                    location_ind="Pulau Penyengat dan kawasan kota lama Tanjungpinang.",
                    location_en="Penyengat Island and Tanjungpinang's old town.",
                    problem_statement_ind="<p>Cagar budaya kota belum menjadi penggerak strategi pembangunan kota.</p>",
                    problem_statement_en="<p>The city's cultural heritage does not yet drive its development strategy.</p>",
                    budget_lines=_budget((2020, F.APBD_KOTA, 500_000_000, P), (2020, F.APBD_KOTA, 475_000_000, R)),
                    history=_history(
                        (
                            started,
                            Status.IN_DISCUSSION,
                            "Konsep kota pusaka disusun.",
                            "The heritage-city concept is drafted.",
                        ),
                        (
                            date(2020, 3, 1),
                            Status.RUNNING,
                            "SK telah terbit; pelaksanaan dimulai.",
                            "The decree is issued; work begins.",
                        ),
                    ),
                    indicators=[
                        _indicator(
                            "I1",
                            "Objek cagar budaya terdaftar",
                            "Registered heritage objects",
                            "objek",
                            "objects",
                            10,
                            2019,
                        )
                    ],
                    values=_values("I1", (2020, 15, 14), (2021, 20, 21), (2022, 25, 23), (2023, 30, None)),
                ),
            ),
            (
                "promosi-pariwisata",
                dict(
                    title_ind="Promosi pariwisata",
                    title_en="Tourism promotion",
                    slug_en="tourism-promotion",
                    summary_ind="Promosi destinasi wisata budaya dan bahari Tanjungpinang, termasuk Pulau Penyengat.",
                    summary_en="Promotion of Tanjungpinang's cultural and maritime destinations, Penyengat Island included.",
                    horizon=Horizon.QUICK_WIN,
                    status=Status.RUNNING,
                    lead_opd=opds["disbudpar"],
                    supporting=["diskominfo"],
                    start_year=2020,
                    end_year=2023,
                    budget_lines=_budget((2021, F.APBD_KOTA, 300_000_000, P), (2021, F.CSR, 100_000_000, P)),
                    partners=[ProgrammePartner(name="Komunitas pegiat wisata", partner_type=PartnerType.COMMUNITY)],
                ),
            ),
            (
                "infrastruktur-kota-pusaka",
                dict(
                    title_ind="Infrastruktur kota pusaka (DAK)",
                    title_en="Heritage-city infrastructure (DAK)",
                    slug_en="heritage-city-infrastructure",
                    summary_ind="Pembangunan infrastruktur kawasan kota pusaka dengan Dana Alokasi Khusus, bersama Pemerintah Provinsi.",
                    summary_en="Infrastructure for the heritage-city areas, funded by the Special Allocation Fund, with the provincial government.",
                    horizon=Horizon.QUICK_WIN,
                    status=Status.RUNNING,
                    lead_opd=opds["dinas-pupr"],
                    supporting=["disbudpar"],
                    start_year=2020,
                    end_year=2022,
                    partners=[
                        ProgrammePartner(
                            name="Pemerintah Provinsi Kepulauan Riau",
                            partner_type=PartnerType.GOVERNMENT,
                            role_ind="Mitra pembangunan infrastruktur kawasan",
                            role_en="Partner in the area's infrastructure",
                        )
                    ],
                    budget_lines=_budget(
                        (2020, F.DAK_FISIK, 1_250_000_000, P),
                        (2020, F.DAK_FISIK, 1_180_000_000, R),
                        (2021, F.DAK_FISIK, 2_000_000_000, P),
                        (2021, F.APBD_PROVINSI, 750_000_000, P),
                    ),
                    indicators=[
                        _indicator(
                            "I1",
                            "Ruas kawasan pusaka yang ditata",
                            "Heritage streets upgraded",
                            "ruas",
                            "streets",
                            0,
                            2019,
                        )
                    ],
                    values=_values("I1", (2020, 2, 2), (2021, 4, 3), (2022, 6, None)),
                ),
            ),
        ],
        Dimension.ECONOMY: [
            (
                "pengendalian-distribusi-lpg-puan-molek",
                dict(
                    title_ind="Pengendalian distribusi LPG Puan Molek",
                    title_en="Puan Molek LPG distribution control",
                    slug_en="puan-molek-lpg-distribution-control",
                    summary_ind="Quick win Dinas Perdagangan: memantau penyaluran LPG bersubsidi agar tepat sasaran.",
                    summary_en="A Trade Agency quick win: monitoring subsidised LPG distribution so that it reaches the right households.",
                    horizon=Horizon.QUICK_WIN,
                    status=Status.RUNNING,
                    lead_opd=opds["disdagin"],
                    start_year=2021,
                    end_year=2023,
                    budget_lines=_budget((2021, F.APBD_KOTA, 150_000_000, P)),
                ),
            ),
            (
                "fasilitasi-kekayaan-intelektual",
                dict(
                    title_ind="Fasilitasi kekayaan intelektual",
                    title_en="Intellectual property support",
                    slug_en="intellectual-property-support",
                    summary_ind="Pendampingan pelaku usaha dan budaya dalam mendaftarkan kekayaan intelektual.",
                    summary_en="Help for businesses and cultural practitioners to register their intellectual property.",
                    horizon=Horizon.SHORT,
                    status=Status.IN_DISCUSSION,
                    lead_opd=opds["disbudpar"],
                    supporting=["disdagin"],
                    start_year=2021,
                    end_year=2023,
                    partners=[
                        ProgrammePartner(name="Perguruan tinggi di Tanjungpinang", partner_type=PartnerType.UNIVERSITY)
                    ],
                    budget_lines=_budget((2022, F.APBD_KOTA, 120_000_000, P)),
                ),
            ),
        ],
        Dimension.LIVING: [
            (
                "e-puskesmas",
                dict(
                    title_ind="e-Puskesmas",
                    title_en="e-Puskesmas",
                    slug_en="e-puskesmas",
                    summary_ind="Rekam medis dan antrean elektronik di puskesmas kota.",
                    summary_en="Electronic records and queues at the city's community health centres.",
                    horizon=Horizon.QUICK_WIN,
                    status=Status.RUNNING,
                    lead_opd=opds["dinkes"],
                    supporting=["diskominfo"],
                    start_year=2020,
                    end_year=2023,
                    budget_lines=_budget(
                        (2020, F.DAK_NON_FISIK, 600_000_000, P), (2020, F.DAK_NON_FISIK, 540_000_000, R)
                    ),
                    indicators=[
                        _indicator(
                            "I1",
                            "Puskesmas yang memakai e-Puskesmas",
                            "Health centres using e-Puskesmas",
                            "puskesmas",
                            "health centres",
                            0,
                            2019,
                        )
                    ],
                    values=_values("I1", (2020, 2, 2), (2021, 4, 4), (2022, 7, 6)),
                ),
            ),
            (
                "informasi-tata-ruang-daring",
                dict(
                    title_ind="Informasi tata ruang daring",
                    title_en="Online spatial planning information",
                    slug_en="online-spatial-planning-information",
                    summary_ind="Peta rencana tata ruang kota yang dapat dibuka warga dan pelaku usaha secara daring.",
                    summary_en="The city's spatial plan as an online map for residents and businesses.",
                    horizon=Horizon.MEDIUM,
                    status=Status.PLANNED,
                    lead_opd=opds["dinas-pupr"],
                    supporting=["bappelitbang"],
                    start_year=2022,
                    end_year=2023,
                ),
            ),
        ],
        Dimension.SOCIETY: [
            (
                "literasi-digital-masyarakat",
                dict(
                    title_ind="Literasi digital masyarakat",
                    title_en="Digital literacy for residents",
                    slug_en="digital-literacy",
                    summary_ind="Pelatihan literasi digital bagi warga, pelajar dan pelaku UMKM.",
                    summary_en="Digital literacy training for residents, students and small businesses.",
                    horizon=Horizon.SHORT,
                    status=Status.RUNNING,
                    lead_opd=opds["diskominfo"],
                    start_year=2020,
                    end_year=2023,
                    budget_lines=_budget((2021, F.APBN, 200_000_000, P), (2021, F.APBD_KOTA, 75_000_000, R)),
                    indicators=[
                        _indicator("I1", "Warga yang dilatih", "Residents trained", "orang", "people", 0, 2019)
                    ],
                    values=_values("I1", (2020, 300, 250), (2021, 500, 540), (2022, 800, None)),
                ),
            ),
            (
                "layanan-terpadu-kecamatan",
                dict(
                    title_ind="Pelayanan administrasi terpadu kecamatan",
                    title_en="One-stop district services",
                    slug_en="one-stop-district-services",
                    summary_ind="Pelayanan administrasi terpadu di kantor kecamatan, lebih dekat ke warga.",
                    summary_en="Integrated administrative services at the district office, closer to residents.",
                    horizon=Horizon.MEDIUM,
                    status=Status.POSTPONED,
                    lead_opd=opds["kecamatan-tanjungpinang-kota"],
                    supporting=["disdukcapil"],
                    start_year=2021,
                    end_year=2023,
                    history=_history(
                        (date(2021, 1, 15), Status.PLANNED, "Direncanakan.", "Planned."),
                        (
                            date(2021, 9, 1),
                            Status.POSTPONED,
                            "Ditunda, menunggu kesiapan anggaran.",
                            "Postponed until funding is available.",
                        ),
                    ),
                ),
            ),
        ],
        Dimension.ENVIRONMENT: [
            (
                "kampung-iklim",
                dict(
                    title_ind="Kampung Iklim",
                    title_en="Climate Village",
                    slug_en="climate-village",
                    summary_ind="Pendampingan kampung dalam adaptasi dan mitigasi perubahan iklim (ProKlim).",
                    summary_en="Support for neighbourhoods adapting to and mitigating climate change (ProKlim).",
                    horizon=Horizon.QUICK_WIN,
                    status=Status.RUNNING,
                    lead_opd=opds["dlh"],
                    start_year=2020,
                    end_year=2023,
                    budget_lines=_budget((2021, F.APBD_KOTA, 180_000_000, P), (2021, F.HIBAH, 50_000_000, R)),
                    indicators=[
                        _indicator(
                            "I1",
                            "Kampung Iklim terdaftar",
                            "Registered climate villages",
                            "kampung",
                            "villages",
                            1,
                            2019,
                        )
                    ],
                    values=_values("I1", (2020, 2, 2), (2021, 4, 3), (2022, 6, 6)),
                ),
            ),
            (
                "bank-sampah-digital",
                dict(
                    title_ind="Bank sampah digital",
                    title_en="Digital waste bank",
                    slug_en="digital-waste-bank",
                    summary_ind="Pencatatan tabungan bank sampah secara digital di kelurahan.",
                    summary_en="Digital bookkeeping for neighbourhood waste banks.",
                    horizon=Horizon.SHORT,
                    status=Status.IN_DISCUSSION,
                    lead_opd=opds["dlh"],
                    start_year=2022,
                    end_year=2023,
                    partners=[ProgrammePartner(name="Bank daerah (mitra CSR)", partner_type=PartnerType.BANK)],
                    budget_lines=_budget((2022, F.CSR, 90_000_000, P)),
                ),
            ),
        ],
    }


def seed_programme(dimension_page, slug, fields, opds):
    existing = SmartCityProgrammePage.objects.child_of(dimension_page).filter(slug_ind=slug).first()
    if existing:
        return existing
    supporting = [opds[key] for key in fields.pop("supporting", [])]
    history = fields.pop("history", [])
    indicators = fields.pop("indicators", [])
    values = fields.pop("values", [])
    page = upsert_page(
        dimension_page,
        SmartCityProgrammePage,
        slug,
        illustrative_data=True,
        rpjmd_period="2018–2023",
        status_history=history,
        indicators=indicators,
        indicator_values=values,
        supporting_opds=supporting,
        **fields,
    )
    return page


def seed(context):
    """The masterplan under the home page, its six dimensions and their programmes."""
    opds = context["opds"]
    index = upsert_page(
        context["home"],
        SmartCityIndexPage,
        "kota-cerdas",
        title_ind="Masterplan Kota Cerdas 2019–2023",
        title_en="Smart City Masterplan 2019–2023",
        slug_en="smart-city",
        show_in_menus=True,
        summary_ind="Enam dimensi, program dan quick win kota cerdas Tanjungpinang, dijalankan sesuai kemampuan, bukan sekaligus.",
        summary_en="Tanjungpinang's six smart city dimensions, programmes and quick wins, carried out as capacity allows, not all at once.",
        vision_ind=VISION_ID,
        vision_en=VISION_EN,
        period_start=2019,
        period_end=2023,
        legal_basis_ind=(
            "<p>Masterplan disusun melalui Gerakan Menuju 100 Smart City (Kementerian Komunikasi dan Informatika) "
            "dan ditetapkan dengan Peraturan Wali Kota Tanjungpinang. Nomor dan tanggalnya dapat dilihat di JDIH kota.</p>"
        ),
        legal_basis_en=(
            "<p>The masterplan was prepared through the Movement Towards 100 Smart Cities (Ministry of Communication "
            "and Informatics) and set by a Tanjungpinang Mayor's Regulation (Perwako). Its number and date are in the "
            "city's legal documents database (JDIH).</p>"
        ),
        rpjmd_period="2018–2023",
        rpjmd_alignment_ind=(
            "<p>Setiap program masterplan mengacu pada misi, tujuan dan program RPJMD Kota Tanjungpinang 2018–2023 "
            "serta arah kebijakan nasional. Program quick win didahulukan.</p>"
        ),
        rpjmd_alignment_en=(
            "<p>Every masterplan programme follows the missions, goals and programmes of Tanjungpinang's RPJMD "
            "2018–2023 and national policy direction. Quick wins come first.</p>"
        ),
    )
    catalogue = programmes(opds)
    for code, slug, slug_en, title_ind, title_en, summary_ind, summary_en in DIMENSIONS:
        dimension_page = upsert_page(
            index,
            SmartCityDimensionPage,
            slug,
            dimension=code,
            title_ind=title_ind,
            title_en=title_en,
            slug_en=slug_en,
            summary_ind=summary_ind,
            summary_en=summary_en,
            description_ind=f"<p>{summary_ind}</p>",
            description_en=f"<p>{summary_en}</p>",
        )
        for programme_slug, fields in catalogue[code]:
            seed_programme(dimension_page, programme_slug, dict(fields), opds)
    context["smartcity_index"] = index
    return index
