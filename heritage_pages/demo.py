"""Demo content for the heritage register: Kawasan Pulau Penyengat with four sites, and two sites in the city.

Facts are kept to what is well established. Decree numbers and dates are left empty (never guessed);
coordinates are approximate and say so in the data source. Idempotent through ``upsert_page``.
"""

from decimal import Decimal

from heritage_pages.models import (
    Category,
    Condition,
    HeritageIndexPage,
    HeritageSitePage,
    HeritageSiteSource,
    Kecamatan,
    LegalStatus,
    Level,
    Ownership,
)
from home.demo import demo_image, stream, upsert_page

DATA_SOURCE = "Data demo; koordinat perkiraan. Periksa dengan Register Nasional Cagar Budaya sebelum dipakai."

PENYENGAT_GETTING_THERE_ID = (
    "Naik pompong (perahu motor kayu) dari Pelantar I, dermaga penyeberangan ke Penyengat di pusat kota "
    "Tanjungpinang. Penyeberangan sekitar 15 menit; pompong berangkat bila penumpang cukup. "
    "Di pulau, jalan kaki atau naik becak motor."
)
PENYENGAT_GETTING_THERE_EN = (
    "Take a pompong (wooden motor boat) from Pelantar I, the Penyengat crossing pier in central Tanjungpinang. "
    "The crossing takes about 15 minutes; boats leave when full enough. "
    "On the island, walk or take a motorbike rickshaw (becak motor)."
)


def seed_index(home):
    return upsert_page(
        home,
        HeritageIndexPage,
        "warisan-budaya",
        title_ind="Warisan Budaya Kota Pusaka",
        title_en="Heritage Register",
        slug_en="heritage",
        show_in_menus=True,
        search_description_ind="Register warisan budaya Kota Tanjungpinang: status hukum, sejarah, peta dan data terbuka.",
        search_description_en="Tanjungpinang's heritage register: legal status, history, map and open data.",
        intro_ind=(
            "<p>Tanjungpinang adalah kota pusaka. Di sini kami paparkan apa yang diketahui tentang warisan budaya "
            "kota, dari Pulau Penyengat hingga kota lama. Setiap halaman menyebut status hukumnya menurut "
            "UU Nomor 11 Tahun 2010: hanya objek yang telah ditetapkan yang disebut cagar budaya.</p>"
        ),
        intro_en=(
            "<p>Tanjungpinang is a heritage city (kota pusaka). Here we publish what is known about the city's "
            "heritage, from Penyengat Island to the old town. Every page states its legal status under Law "
            "No. 11 of 2010: only designated objects are called cultural heritage (cagar budaya).</p>"
        ),
    )


# The demo illustration (home/illustrations.py) drawn for each site's listing image.
SITE_SCENES = {
    "kawasan-pulau-penyengat": "penyengat",
    "masjid-raya-sultan-riau": "mosque",
    "makam-raja-ali-haji": "tomb",
    "gedung-mesiu": "store",
    "benteng-bukit-kursi": "fort",
    "situs-kota-rebah": "ruins",
    "vihara-dharma-sasana-senggarang": "temple",
}


def site(index, slug, image_colour, **fields):
    """Upsert one site with a generated listing image."""
    title = fields["title_ind"]
    fields.setdefault(
        "listing_image",
        demo_image(
            f"Cagar budaya: {title}",
            f"Ilustrasi {title}",
            f"Illustration of {fields.get('title_en') or title}",
            image_colour,
            scene=SITE_SCENES.get(slug),
        ),
    )
    fields.setdefault("data_source", DATA_SOURCE)
    return upsert_page(index, HeritageSitePage, slug, **fields)


def seed_penyengat(index, disbudpar):
    kawasan = site(
        index,
        "kawasan-pulau-penyengat",
        (120, 90, 40),
        title_ind="Kawasan Pulau Penyengat",
        title_en="Penyengat Island Heritage Area",
        slug_en="penyengat-island",
        official_name="Kawasan Cagar Budaya Pulau Penyengat",
        local_names="Pulau Penyengat Indera Sakti",
        category=Category.KAWASAN,
        legal_status=LegalStatus.DITETAPKAN,
        designation_level=Level.NASIONAL,
        ranking_level=Level.NASIONAL,
        decree_issuer="Menteri Pendidikan dan Kebudayaan",
        summary_ind=(
            "Pulau kecil di depan Tanjungpinang, pusat Yang Dipertuan Muda Kesultanan Riau-Lingga dan "
            "pusat sastra Melayu abad ke-19."
        ),
        summary_en=(
            "A small island off Tanjungpinang, seat of the viceroys (Yang Dipertuan Muda) of the Riau-Lingga "
            "Sultanate and a centre of 19th-century Malay literature."
        ),
        period_ind="Kesultanan Riau-Lingga",
        period_en="Riau-Lingga Sultanate",
        start_year=1803,
        significance_ind=(
            "<p>Nilai sejarah, agama dan kebudayaan: pusat pemerintahan Yang Dipertuan Muda Riau dan tempat "
            "lahirnya karya-karya Raja Ali Haji yang ikut membentuk bahasa Melayu, akar bahasa Indonesia.</p>"
        ),
        significance_en=(
            "<p>Historical, religious and cultural value: the seat of the viceroys of Riau and the place where "
            "Raja Ali Haji wrote works that shaped Malay, the root of the Indonesian language.</p>"
        ),
        history_ind=stream(
            (
                "paragraph",
                "<p>Menurut tradisi, Sultan Mahmud Syah III menyerahkan Pulau Penyengat sebagai mas kawin "
                "kepada Engku Puteri Hamidah. Pulau ini kemudian menjadi kedudukan Yang Dipertuan Muda Riau.</p>",
            ),
            ("timeline_item", {"date": "1803", "event": "Pulau Penyengat menjadi mas kawin Engku Puteri Hamidah."}),
            ("timeline_item", {"date": "1832", "event": "Masjid Raya Sultan Riau dibangun."}),
            ("timeline_item", {"date": "1847", "event": "Raja Ali Haji menyelesaikan Gurindam Dua Belas."}),
        ),
        history_en=stream(
            (
                "paragraph",
                "<p>By tradition, Sultan Mahmud Syah III gave Penyengat Island as a wedding gift to Engku Puteri "
                "Hamidah. The island then became the seat of the viceroys of Riau.</p>",
            ),
            ("timeline_item", {"date": "1803", "event": "Penyengat becomes Engku Puteri Hamidah's wedding gift."}),
            ("timeline_item", {"date": "1832", "event": "The Sultan of Riau Grand Mosque is built."}),
            ("timeline_item", {"date": "1847", "event": "Raja Ali Haji completes the Gurindam Dua Belas."}),
        ),
        ownership=Ownership.NEGARA,
        custodian_opd=disbudpar,
        address="Pulau Penyengat",
        kelurahan="Penyengat",
        kecamatan=Kecamatan.TANJUNGPINANG_KOTA,
        latitude=Decimal("0.921000"),
        longitude=Decimal("104.418000"),
        is_visitable=True,
        getting_there_ind=PENYENGAT_GETTING_THERE_ID,
        getting_there_en=PENYENGAT_GETTING_THERE_EN,
        dress_code_ind="Berpakaian sopan; pulau ini kawasan bersejarah dan religius.",
        dress_code_en="Dress modestly; the island is a historic and religious area.",
        sources=[
            HeritageSiteSource(citation="Raja Ali Haji, Tuhfat al-Nafis (c. 1865)."),
            HeritageSiteSource(
                citation="Kementerian Kebudayaan, Sistem Registrasi Nasional Cagar Budaya",
                url="https://cagarbudaya.kemdikbud.go.id/",
            ),
        ],
    )
    children = [
        dict(
            slug="masjid-raya-sultan-riau",
            image_colour=(200, 190, 60),
            title_ind="Masjid Raya Sultan Riau",
            title_en="Sultan of Riau Grand Mosque",
            slug_en="sultan-of-riau-grand-mosque",
            local_names="مسجد راي سلطان رياو",
            category=Category.BANGUNAN,
            summary_ind="Masjid kuning berkubah tiga belas dan bermenara empat, dibangun pada 1832 dan masih dipakai.",
            summary_en="The yellow mosque with thirteen domes and four minarets, built in 1832 and still in use.",
            period_ind="Kesultanan Riau-Lingga",
            period_en="Riau-Lingga Sultanate",
            start_year=1832,
            significance_ind=(
                "<p>Masjid dibangun pada masa Yang Dipertuan Muda Raja Abdurrahman. Menurut cerita turun-temurun, "
                "putih telur dicampurkan ke dalam bahan perekat dindingnya. Tiga belas kubah dan empat menaranya "
                "berjumlah tujuh belas, sama dengan jumlah rakaat salat wajib sehari.</p>"
            ),
            significance_en=(
                "<p>The mosque was built under the viceroy Raja Abdurrahman. By local tradition, egg white was mixed "
                "into the mortar of its walls. Its thirteen domes and four minarets add up to seventeen, the number "
                "of prayer cycles (rakaat) in a day's obligatory prayers.</p>"
            ),
            ownership=Ownership.WAKAF,
            latitude=Decimal("0.925800"),
            longitude=Decimal("104.420200"),
            is_visitable=True,
            opening_hours_ind="Setiap hari; wisatawan diminta tidak berkunjung saat salat berjamaah.",
            opening_hours_en="Daily; visitors are asked not to enter during congregational prayers.",
            fee_ind="Tanpa tiket; kotak infak tersedia.",
            fee_en="No ticket; a donation box is available.",
            dress_code_ind="Tutup aurat; perempuan berkerudung. Jubah pinjaman biasanya tersedia di pintu masuk.",
            dress_code_en="Cover arms and legs; women cover their hair. Robes are usually lent at the entrance.",
            accessibility_ind="Ada anak tangga di pintu masuk masjid.",
            accessibility_en="There are steps at the mosque's entrance.",
            condition=Condition.BAIK,
        ),
        dict(
            slug="makam-raja-ali-haji",
            image_colour=(90, 130, 90),
            title_ind="Makam Raja Ali Haji",
            title_en="Tomb of Raja Ali Haji",
            slug_en="tomb-of-raja-ali-haji",
            category=Category.STRUKTUR,
            summary_ind=(
                "Makam pujangga Raja Ali Haji, penulis Gurindam Dua Belas dan Pahlawan Nasional, di kompleks "
                "makam Engku Puteri Hamidah."
            ),
            summary_en=(
                "The grave of the writer Raja Ali Haji, author of the Gurindam Dua Belas and a National Hero, in the "
                "tomb complex of Engku Puteri Hamidah."
            ),
            period_ind="Abad ke-19",
            period_en="19th century",
            significance_ind=(
                "<p>Raja Ali Haji (sekitar 1808–1873) menulis Gurindam Dua Belas (1847), Tuhfat al-Nafis dan "
                "kitab tata bahasa Melayu. Ia ditetapkan sebagai Pahlawan Nasional pada 2004. Bait-bait Gurindam "
                "Dua Belas terpahat di dinding kompleks makam.</p>"
            ),
            significance_en=(
                "<p>Raja Ali Haji (c. 1808–1873) wrote the Gurindam Dua Belas (1847), the Tuhfat al-Nafis and a "
                "Malay grammar. He was named a National Hero of Indonesia in 2004. The verses of the Gurindam Dua "
                "Belas are inscribed on the walls of the tomb complex.</p>"
            ),
            latitude=Decimal("0.924000"),
            longitude=Decimal("104.418000"),
            is_visitable=True,
            dress_code_ind="Berpakaian sopan; ini makam yang diziarahi.",
            dress_code_en="Dress modestly; this is a place of pilgrimage.",
        ),
        dict(
            slug="gedung-mesiu",
            image_colour=(150, 150, 150),
            title_ind="Gedung Mesiu Pulau Penyengat",
            title_en="Penyengat Gunpowder Store",
            slug_en="penyengat-gunpowder-store",
            category=Category.BANGUNAN,
            summary_ind="Bangunan kecil berdinding tebal tempat menyimpan mesiu pada masa Kesultanan Riau-Lingga.",
            summary_en="A small, thick-walled building where gunpowder was stored in the Riau-Lingga Sultanate.",
            period_ind="Kesultanan Riau-Lingga",
            period_en="Riau-Lingga Sultanate",
            latitude=Decimal("0.922700"),
            longitude=Decimal("104.412900"),
            is_visitable=True,
        ),
        dict(
            slug="benteng-bukit-kursi",
            image_colour=(110, 80, 60),
            title_ind="Benteng Bukit Kursi",
            title_en="Bukit Kursi Fort",
            slug_en="bukit-kursi-fort",
            category=Category.STRUKTUR,
            summary_ind=(
                "Benteng berparit di puncak bukit dengan meriam-meriam tua, dikaitkan dengan perang Riau melawan "
                "VOC pada masa Raja Haji Fisabilillah."
            ),
            summary_en=(
                "A hilltop fort with a ditch and old cannons, associated with Riau's war against the Dutch East India "
                "Company (VOC) in the time of Raja Haji Fisabilillah."
            ),
            period_ind="Abad ke-18",
            period_en="18th century",
            start_year=1782,
            end_year=1784,
            latitude=Decimal("0.919600"),
            longitude=Decimal("104.414600"),
            is_visitable=True,
        ),
    ]
    for fields in children:
        slug = fields.pop("slug")
        colour = fields.pop("image_colour")
        fields.setdefault("legal_status", LegalStatus.TERDAFTAR)
        fields.setdefault("custodian_opd", disbudpar)
        fields.setdefault("address", "Pulau Penyengat")
        fields.setdefault("kelurahan", "Penyengat")
        fields.setdefault("kecamatan", Kecamatan.TANJUNGPINANG_KOTA)
        fields.setdefault("getting_there_ind", PENYENGAT_GETTING_THERE_ID)
        fields.setdefault("getting_there_en", PENYENGAT_GETTING_THERE_EN)
        site(index, slug, colour, parent_area=kawasan, **fields)
    return kawasan


def seed_city_sites(index, disbudpar):
    site(
        index,
        "situs-kota-rebah",
        (70, 100, 70),
        title_ind="Situs Kota Rebah",
        title_en="Kota Rebah Site",
        slug_en="kota-rebah-site",
        local_names="Kota Lama Hulu Riau",
        category=Category.SITUS,
        legal_status=LegalStatus.ODCB,
        summary_ind=(
            "Sisa pusat pemerintahan Kerajaan Johor-Riau di hulu Sungai Carang pada abad ke-17 dan ke-18, "
            "di antara hutan bakau."
        ),
        summary_en=(
            "Remains of the Johor-Riau kingdom's royal centre on the upper Carang River in the 17th and 18th "
            "centuries, among the mangroves."
        ),
        period_ind="Kerajaan Johor-Riau",
        period_en="Johor-Riau kingdom",
        custodian_opd=disbudpar,
        kelurahan="Kampung Bugis",
        kecamatan=Kecamatan.TANJUNGPINANG_KOTA,
        latitude=Decimal("0.955000"),
        longitude=Decimal("104.468000"),
        is_visitable=True,
        getting_there_ind="Dengan perahu menyusuri Sungai Carang, atau lewat jalan darat ke Kampung Bugis.",
        getting_there_en="By boat up the Carang River, or by road to Kampung Bugis.",
    )
    site(
        index,
        "vihara-dharma-sasana-senggarang",
        (160, 50, 40),
        title_ind="Vihara Dharma Sasana Senggarang",
        title_en="Dharma Sasana Temple, Senggarang",
        slug_en="dharma-sasana-temple-senggarang",
        category=Category.BANGUNAN,
        legal_status=LegalStatus.ODCB,
        summary_ind=(
            "Kompleks kelenteng tua masyarakat Tionghoa di Senggarang, di seberang teluk dari pusat kota, "
            "dekat kelenteng yang dililit akar pohon beringin."
        ),
        summary_en=(
            "An old Chinese temple complex in Senggarang, across the bay from the city centre, near the temple "
            "wrapped in the roots of a banyan tree."
        ),
        kelurahan="Senggarang",
        kecamatan=Kecamatan.TANJUNGPINANG_KOTA,
        latitude=Decimal("0.956000"),
        longitude=Decimal("104.443000"),
        is_visitable=True,
        getting_there_ind="Naik pompong dari pelantar di pusat kota ke Senggarang, atau lewat jalan darat.",
        getting_there_en="Take a pompong from a pier in the city centre to Senggarang, or go by road.",
        dress_code_ind="Berpakaian sopan dan hormati umat yang sedang beribadah.",
        dress_code_en="Dress modestly and respect worshippers.",
    )


def seed(context):
    """Build the heritage register's demo pages under the home page."""
    index = seed_index(context["home"])
    disbudpar = context.get("opds", {}).get("disbudpar")
    seed_penyengat(index, disbudpar)
    seed_city_sites(index, disbudpar)
    context["heritage_index"] = index
