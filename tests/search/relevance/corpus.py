"""A judged bilingual corpus of Tanjungpinang pages and queries for the relevance test.

Each page: slug, (title, summary, body) in Indonesian, and in English or ``None`` when the
page has no English yet. Each query lists the slugs judged relevant.

``QUERIES`` are spelled correctly; ``TYPO_QUERIES`` misspell them as visitors do (the intended page
must come in the top 3 through the correction); ``SYNONYM_QUERIES`` use an abbreviation, an agency's
acronym or full name, or another word for what a page says (the city's standard synonyms and the
``OPDS`` below, whose acronym = name entries are made when the agencies are saved).
"""

PAGES = [
    (
        "masjid-raya-sultan-riau",
        (
            "Masjid Raya Sultan Riau",
            "Masjid bersejarah di Pulau Penyengat, dibangun pada 1832.",
            "Masjid ini dibangun pada masa Yang Dipertuan Muda Riau Raja Abdurrahman. Menurut cerita turun-temurun, "
            "adukan kapurnya dicampur putih telur. Pengunjung diminta berpakaian sopan.",
        ),
        (
            "Sultan of Riau Grand Mosque",
            "A historic mosque on Penyengat Island, built in 1832.",
            "The mosque was built under Yang Dipertuan Muda Raja Abdurrahman. Local tradition says egg whites were "
            "mixed into its lime mortar. Visitors are asked to dress modestly.",
        ),
    ),
    (
        "pulau-penyengat",
        (
            "Pulau Penyengat",
            "Kawasan cagar budaya di seberang Tanjungpinang, pusat Kesultanan Riau-Lingga.",
            "Pulau kecil ini dicapai dengan pompong dari Pelantar dalam sekitar lima belas menit. Di pulau terdapat "
            "masjid, makam, istana kantor dan benteng Bukit Kursi.",
        ),
        (
            "Penyengat Island",
            "A heritage area across the water from Tanjungpinang, once the seat of the Riau-Lingga court.",
            "The small island is reached by pompong boat from Pelantar in about fifteen minutes. It holds the grand "
            "mosque, royal tombs, the office palace and the Bukit Kursi fort.",
        ),
    ),
    (
        "makam-raja-ali-haji",
        (
            "Makam Raja Ali Haji",
            "Makam pujangga Melayu Raja Ali Haji di Pulau Penyengat.",
            "Raja Ali Haji, pengarang Gurindam Dua Belas dan Kitab Pengetahuan Bahasa, ditetapkan sebagai Pahlawan "
            "Nasional pada 2004.",
        ),
        (
            "Tomb of Raja Ali Haji",
            "The tomb of the Malay writer Raja Ali Haji on Penyengat Island.",
            "Raja Ali Haji, author of the Gurindam Dua Belas and a Malay grammar and dictionary, was named a National "
            "Hero of Indonesia in 2004.",
        ),
    ),
    (
        "gurindam-dua-belas",
        (
            "Gurindam Dua Belas",
            "Karya sastra Raja Ali Haji yang diselesaikan pada 1847.",
            "Gurindam Dua Belas terdiri atas dua belas pasal berisi nasihat agama dan budi pekerti. Petikannya "
            "dipajang di taman-taman kota.",
        ),
        None,
    ),
    (
        "pembangunan-jalan",
        (
            "Pembangunan Jalan Kota",
            "Dinas PUPR melanjutkan pembangunan dan pengaspalan jalan di semua kecamatan.",
            "Program perbaikan jalan mencakup pelebaran, pengaspalan ulang dan pembangunan trotoar. Warga dapat "
            "melaporkan jalan rusak melalui kanal pengaduan.",
        ),
        (
            "Road construction and repair",
            "The public works agency continues building and resurfacing roads in every district.",
            "The programme covers widening, resurfacing and new pavements. Residents can report damaged roads "
            "through the complaints channel.",
        ),
    ),
    (
        "pelabuhan-sri-bintan-pura",
        (
            "Pelabuhan Sri Bintan Pura",
            "Pelabuhan penumpang utama Tanjungpinang untuk kapal feri antarpulau.",
            "Kapal feri berangkat setiap hari ke Batam dan pulau-pulau lain di Kepulauan Riau. Tiket dibeli di loket "
            "resmi pelabuhan.",
        ),
        (
            "Sri Bintan Pura ferry terminal",
            "Tanjungpinang's main passenger port for inter-island ferries.",
            "Ferries leave daily for Batam and other islands of the Riau Islands. Buy tickets at the official "
            "counters in the terminal.",
        ),
    ),
    (
        "bandar-udara",
        (
            "Bandar Udara Raja Haji Fisabilillah",
            "Bandara kota dengan penerbangan ke Jakarta dan kota lain.",
            "Bandara ini melayani penerbangan terjadwal. Taksi dan kendaraan daring tersedia menuju pusat kota.",
        ),
        (
            "Raja Haji Fisabilillah Airport",
            "The city's airport, with flights to Jakarta and other cities.",
            "The airport handles scheduled flights. Taxis and ride-hailing cars run to the city centre.",
        ),
    ),
    (
        "kantor-wali-kota",
        (
            "Kantor Wali Kota Tanjungpinang",
            "Pusat pemerintahan kota di Senggarang.",
            "Kantor wali kota menampung sekretariat daerah dan beberapa dinas. Aula lantai tiga dipakai untuk rapat "
            "dan bimbingan teknis.",
        ),
        (
            "Tanjungpinang City Hall",
            "The seat of the city government in Senggarang.",
            "The city hall houses the regional secretariat and several agencies. Its third-floor hall is used for "
            "meetings and technical training.",
        ),
    ),
    (
        "layanan-ktp-elektronik",
        (
            "Layanan KTP Elektronik",
            "Perekaman dan pencetakan KTP elektronik di Disdukcapil.",
            "Warga berusia 17 tahun ke atas merekam data di kantor Disdukcapil atau kantor kecamatan. Bawa kartu "
            "keluarga.",
        ),
        (
            "Electronic identity card service",
            "Registering for and printing the electronic identity card (KTP-el).",
            "Residents aged 17 or over register at the civil registration office or a district office. Bring "
            "the family card.",
        ),
    ),
    (
        "akta-kelahiran",
        (
            "Akta Kelahiran",
            "Cara mengurus akta kelahiran anak di Disdukcapil.",
            "Pengurusan akta kelahiran tidak dipungut biaya. Siapkan surat keterangan lahir dan kartu keluarga.",
        ),
        None,
    ),
    (
        "puskesmas",
        (
            "Puskesmas dan Layanan Kesehatan",
            "Daftar pusat kesehatan masyarakat di Tanjungpinang.",
            "Puskesmas melayani pemeriksaan umum, imunisasi dan kesehatan ibu dan anak pada hari kerja.",
        ),
        (
            "Community health centres",
            "The city's community health centres (puskesmas).",
            "Health centres offer general check-ups, immunisation and mother-and-child care on working days.",
        ),
    ),
    (
        "pengelolaan-sampah",
        (
            "Pengelolaan Sampah",
            "Jadwal pengangkutan sampah dan bank sampah oleh DLH.",
            "Sampah rumah tangga diangkut sesuai jadwal per kelurahan. Warga diajak memilah sampah dan menabung di "
            "bank sampah.",
        ),
        (
            "Waste management",
            "Rubbish collection schedules and waste banks run by the environment agency.",
            "Household waste is collected on a schedule for each urban village. Residents are encouraged to sort "
            "waste and use waste banks.",
        ),
    ),
    (
        "masterplan-kota-cerdas",
        (
            "Masterplan Kota Cerdas",
            "Rencana induk smart city Tanjungpinang dalam enam dimensi.",
            "Masterplan disusun dalam Gerakan Menuju 100 Smart City: tata kelola, branding, ekonomi, kehidupan "
            "sosial, masyarakat dan lingkungan cerdas, dimulai dari program quick win.",
        ),
        (
            "Smart city masterplan",
            "Tanjungpinang's smart city master plan in six dimensions.",
            "The masterplan was drawn up in the Movement towards 100 Smart Cities: smart governance, branding, "
            "economy, living, society and environment, starting with quick wins.",
        ),
    ),
    (
        "bimtek-smart-city",
        (
            "Bimtek Gerakan Menuju 100 Smart City",
            "Bimbingan teknis penyusunan masterplan kota cerdas bagi OPD.",
            "Bimtek diikuti perangkat daerah dalam beberapa tahap di aula kantor wali kota, dengan narasumber dari "
            "kementerian.",
        ),
        (
            "Smart city technical training",
            "Technical training workshops for city agencies on the smart city masterplan.",
            "Agency staff attended the workshops in several stages at the city hall, with speakers from the ministry.",
        ),
    ),
    (
        "pariwisata",
        (
            "Pariwisata Tanjungpinang",
            "Objek wisata sejarah, budaya dan bahari di kota.",
            "Wisatawan dapat mengunjungi Pulau Penyengat, kawasan kota lama, vihara dan pantai di sekitar kota.",
        ),
        (
            "Tourism in Tanjungpinang",
            "Historic, cultural and coastal tourist attractions in the city.",
            "Visitors can see Penyengat Island, the old town, Chinese temples and the beaches around the city.",
        ),
    ),
    (
        "kuliner-khas",
        (
            "Kuliner Khas Tanjungpinang",
            "Makanan khas seperti otak-otak, gonggong dan mi lendir.",
            "Gonggong, siput laut yang direbus, menjadi ikon kuliner kota. Otak-otak dibakar dalam daun kelapa.",
        ),
        (
            "Local food of Tanjungpinang",
            "Local dishes such as otak-otak, gonggong sea snails and mi lendir.",
            "Gonggong, boiled sea snails, are the city's culinary icon. Otak-otak fish cakes are grilled in coconut leaves.",
        ),
    ),
    (
        "taman-tepi-laut",
        (
            "Taman Tepi Laut",
            "Ruang terbuka di tepi laut pusat kota.",
            "Warga berolahraga dan menikmati senja di tepi laut. Petikan Gurindam Dua Belas menghiasi dinding taman.",
        ),
        (
            "Waterfront park",
            "An open space on the seafront in the city centre.",
            "Residents exercise and watch the sunset on the waterfront. Verses of the Gurindam Dua Belas line the walls.",
        ),
    ),
    (
        "perizinan-usaha",
        (
            "Perizinan Usaha",
            "Mengurus izin usaha melalui layanan perizinan terpadu satu pintu.",
            "Pelaku usaha mendaftar melalui sistem OSS. Petugas membantu pemohon yang belum terbiasa dengan layanan daring.",
        ),
        (
            "Business licences",
            "Applying for a business licence at the one-stop licensing service.",
            "Businesses register through the OSS online system. Staff help applicants who are new to online services.",
        ),
    ),
    (
        "penanganan-banjir",
        (
            "Penanganan Banjir dan Drainase",
            "Normalisasi saluran untuk mengurangi genangan saat hujan deras.",
            "Dinas PUPR membersihkan dan melebarkan parit di titik rawan banjir sebelum musim hujan.",
        ),
        (
            "Flood control and drainage",
            "Clearing drains to reduce flooding during heavy rain.",
            "The public works agency clears and widens ditches at flood-prone spots before the rainy season.",
        ),
    ),
    (
        "pendaftaran-sekolah",
        (
            "Pendaftaran Peserta Didik Baru",
            "Jadwal dan syarat pendaftaran sekolah dasar dan menengah pertama.",
            "Orang tua mendaftarkan anak secara daring sesuai zona tempat tinggal.",
        ),
        (
            "School enrolment",
            "Dates and requirements for enrolling in primary and junior secondary schools.",
            "Parents enrol their children online according to the zone where they live.",
        ),
    ),
    (
        "pemberdayaan-umkm",
        (
            "Pemberdayaan UMKM",
            "Pelatihan dan pendampingan usaha mikro, kecil dan menengah.",
            "Pelaku usaha kecil mendapat pelatihan pemasaran daring, sertifikasi halal dan akses permodalan.",
        ),
        (
            "Support for small businesses",
            "Training and mentoring for micro, small and medium enterprises.",
            "Small business owners get training in online marketing, halal certification and access to finance.",
        ),
    ),
    (
        "pajak-bumi-bangunan",
        (
            "Pajak Bumi dan Bangunan",
            "Cara membayar PBB dan mengecek tagihan.",
            "Tagihan pajak bumi dan bangunan dapat dibayar di bank atau secara daring sebelum jatuh tempo.",
        ),
        (
            "Land and building tax",
            "How to pay the property tax (PBB) and check your bill.",
            "The land and building tax bill can be paid at banks or online before the due date.",
        ),
    ),
    (
        "sejarah-kota",
        (
            "Sejarah Kota Tanjungpinang",
            "Dari bandar Kesultanan Riau menjadi ibu kota Provinsi Kepulauan Riau.",
            "Tanjungpinang menjadi kota otonom pada 2001 dan ibu kota Provinsi Kepulauan Riau yang dibentuk pada 2002.",
        ),
        (
            "History of Tanjungpinang",
            "From a port of the Riau sultanate to capital of the Riau Islands Province.",
            "Tanjungpinang became an autonomous city in 2001 and the capital of the Riau Islands Province, formed in 2002.",
        ),
    ),
    (
        "bahasa-melayu-riau",
        (
            "Bahasa Melayu Riau",
            "Bahasa Melayu Riau sebagai akar bahasa Indonesia.",
            "Tata bahasa karya Raja Ali Haji menjadi salah satu rujukan pembakuan bahasa Melayu.",
        ),
        None,
    ),
    (
        "air-bersih",
        (
            "Layanan Air Bersih",
            "Sambungan baru dan pengaduan layanan air bersih.",
            "Pelanggan dapat mengajukan sambungan baru dan melaporkan kebocoran pipa air.",
        ),
        (
            "Clean water service",
            "New connections and complaints about the clean water supply.",
            "Customers can apply for a new connection and report leaking water pipes.",
        ),
    ),
    (
        "angkutan-kota",
        (
            "Angkutan Kota dan Pompong",
            "Angkutan umum di darat dan perahu pompong ke pulau-pulau.",
            "Bus kota dan angkot melayani rute utama; pompong berangkat dari Pelantar ke Penyengat dan Senggarang.",
        ),
        (
            "Public transport and pompong boats",
            "Buses, minibuses and pompong boats to the islands.",
            "City buses and minibuses serve the main routes; pompong boats leave Pelantar for Penyengat and Senggarang.",
        ),
    ),
    (
        "workshop-pemandu-wisata",
        (
            "Workshop Pemandu Wisata Pulau Penyengat, Tahap II",
            "Disbudpar menggelar workshop tahap kedua bagi pemandu wisata Pulau Penyengat.",
            "Peserta workshop berlatih bercerita tentang sejarah Kesultanan Riau-Lingga dan etika melayani tamu.",
        ),
        (
            "Penyengat Island Tour Guide Workshop, Stage II",
            "The culture and tourism agency held the second workshop for Penyengat Island tour guides.",
            "Participants practised telling the history of the Riau-Lingga sultanate and hosting visitors.",
        ),
    ),
    (
        "workshop-website-opd",
        (
            "Workshop Pengelola Website Perangkat Daerah",
            "Diskominfo menggelar workshop pengelolaan website bagi ASN perangkat daerah.",
            "ASN dari setiap dinas belajar menulis berita, mengunggah dokumen dan menjaga keamanan akun.",
        ),
        (
            "Website workshop for city agencies",
            "Diskominfo held a website workshop for employees of the city agencies.",
            "Employees from every agency learned to write news, upload documents and keep their accounts safe.",
        ),
    ),
    (
        "dinas-kebudayaan-pariwisata",
        (
            "Dinas Kebudayaan dan Pariwisata",
            "Perangkat daerah yang mengurus kebudayaan, cagar budaya dan pariwisata kota.",
            "Dinas ini mengelola museum, sanggar seni dan promosi wisata.",
        ),
        (
            "Culture and Tourism Agency",
            "The city agency for culture, heritage sites and tourism.",
            "The agency runs the museum, arts studios and tourism promotion.",
        ),
    ),
    (
        "festival-pulau-penyengat",
        (
            "Festival Pulau Penyengat",
            "Disbudpar menggelar festival tahunan dengan lomba perahu dan pertunjukan seni.",
            "Festival berlangsung tiga hari dengan lomba sampan, gasing dan pentas gurindam.",
        ),
        (
            "Penyengat Island Festival",
            "Disbudpar holds a yearly festival with boat races and performances.",
            "The three-day festival has canoe races, spinning tops and gurindam recitals.",
        ),
    ),
    (
        "aduan-daring",
        (
            "Layanan Aduan Daring",
            "Kanal aduan warga yang dikelola Diskominfo.",
            "Warga dapat menyampaikan keluhan tentang layanan publik melalui aplikasi dan pesan singkat.",
        ),
        (
            "Online complaints service",
            "The residents' complaints channel run by Diskominfo.",
            "Residents can report problems with public services through the app and text messages.",
        ),
    ),
    (
        "rencana-pembangunan-daerah",
        (
            "Rencana Pembangunan Jangka Menengah Daerah 2025-2029",
            "Arah pembangunan kota lima tahun ke depan.",
            "Dokumen ini memuat visi, misi, sasaran dan indikator kinerja kota.",
        ),
        (
            "Regional Medium-Term Development Plan 2025-2029",
            "The city's development direction for the next five years.",
            "The document sets out the city's vision, mission, targets and performance indicators.",
        ),
    ),
    (
        "apbd-2025",
        (
            "APBD Tahun 2025",
            "Ringkasan APBD kota yang disahkan DPRD.",
            "Belanja terbesar dialokasikan untuk pendidikan, kesehatan dan infrastruktur.",
        ),
        (
            "City budget (APBD) 2025",
            "A summary of the APBD passed by the city council.",
            "The largest spending goes to education, health and infrastructure.",
        ),
    ),
    (
        "dana-alokasi-khusus",
        (
            "Dana Alokasi Khusus untuk Sekolah",
            "Penggunaan dana alokasi khusus untuk rehabilitasi ruang kelas.",
            "Dana dari pemerintah pusat dipakai memperbaiki atap dan lantai sekolah dasar.",
        ),
        (
            "Special allocation fund for schools",
            "How the special allocation fund repairs classrooms.",
            "Central government money repairs the roofs and floors of primary schools.",
        ),
    ),
    (
        "surat-keputusan-pasar",
        (
            "Surat Keputusan Wali Kota tentang Jam Pasar",
            "Jam buka pasar tradisional diatur ulang.",
            "Pedagang pasar tradisional buka mulai pukul lima pagi sampai pukul lima sore.",
        ),
        (
            "Mayor's SK on market hours",
            "New opening hours for the traditional markets.",
            "Traders in the traditional markets open from five in the morning to five in the afternoon.",
        ),
    ),
    (
        "objek-diduga-cagar-budaya",
        (
            "Daftar Objek Diduga Cagar Budaya",
            "Bangunan dan situs yang sedang dikaji untuk ditetapkan sebagai cagar budaya.",
            "Tim ahli cagar budaya meninjau rumah-rumah tua dan makam di kota lama.",
        ),
        (
            "Register of suspected cultural heritage objects",
            "Buildings and sites under review for listing as cultural heritage.",
            "The heritage expert team inspects old houses and tombs in the old town.",
        ),
    ),
    (
        "seleksi-aparatur",
        (
            "Seleksi Aparatur Sipil Negara",
            "Jadwal dan syarat seleksi calon aparatur sipil negara.",
            "Pendaftaran seleksi dilakukan secara daring melalui portal nasional.",
        ),
        (
            "Civil servant recruitment",
            "Dates and requirements for the civil servant selection.",
            "Applications are made online through the national portal.",
        ),
    ),
]

# Agencies (the OPD snippet) saved by the relevance test: their acronym = name synonyms follow.
OPDS = [
    ("disbudpar", "Disbudpar", "Dinas Kebudayaan dan Pariwisata", "Culture and Tourism Agency"),
    ("diskominfo", "Diskominfo", "Dinas Komunikasi dan Informatika", "Communication and Informatics Agency"),
    ("disdukcapil", "Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Civil Registration Office"),
]

QUERIES = {
    "id": [
        ("bangun jalan", {"pembangunan-jalan"}),
        ("masjid penyengat", {"masjid-raya-sultan-riau"}),
        ("raja ali haji", {"makam-raja-ali-haji", "gurindam-dua-belas"}),
        ("gurindam", {"gurindam-dua-belas"}),
        ("ktp elektronik", {"layanan-ktp-elektronik"}),
        ("kelahiran anak", {"akta-kelahiran"}),
        ("kesehatan", {"puskesmas"}),
        ("sampah", {"pengelolaan-sampah"}),
        ("kota cerdas", {"masterplan-kota-cerdas", "bimtek-smart-city"}),
        ("bimbingan teknis smart city", {"bimtek-smart-city"}),
        ("objek wisata", {"pariwisata"}),
        ("makanan khas", {"kuliner-khas"}),
        ("kapal feri ke batam", {"pelabuhan-sri-bintan-pura"}),
        ("terbang ke jakarta", {"bandar-udara"}),
        ("izin usaha", {"perizinan-usaha"}),
        ("banjir", {"penanganan-banjir"}),
        ("daftar sekolah", {"pendaftaran-sekolah"}),
        ("pajak bangunan", {"pajak-bumi-bangunan"}),
        ("sejarah tanjungpinang", {"sejarah-kota"}),
        ("bahasa melayu", {"bahasa-melayu-riau"}),
        ("air bersih", {"air-bersih"}),
        ("angkutan umum", {"angkutan-kota"}),
        ("tepi laut", {"taman-tepi-laut"}),
        ("kantor wali kota", {"kantor-wali-kota"}),
        ("berdayakan usaha kecil", {"pemberdayaan-umkm"}),
    ],
    "en": [
        ("road construction", {"pembangunan-jalan"}),
        ("mosque", {"masjid-raya-sultan-riau"}),
        (
            "penyengat island",
            {
                "pulau-penyengat",
                "masjid-raya-sultan-riau",
                "makam-raja-ali-haji",
                "festival-pulau-penyengat",
                "workshop-pemandu-wisata",
            },
        ),
        ("raja ali haji", {"makam-raja-ali-haji"}),
        ("identity card", {"layanan-ktp-elektronik"}),
        ("health centre", {"puskesmas"}),
        ("waste collection", {"pengelolaan-sampah"}),
        ("smart city", {"masterplan-kota-cerdas", "bimtek-smart-city"}),
        ("training workshops", {"bimtek-smart-city"}),
        ("tourist attractions", {"pariwisata"}),
        ("local food", {"kuliner-khas"}),
        ("ferry to batam", {"pelabuhan-sri-bintan-pura"}),
        ("flights", {"bandar-udara"}),
        ("business licence", {"perizinan-usaha"}),
        ("flooding", {"penanganan-banjir"}),
        ("enrolling in school", {"pendaftaran-sekolah"}),
        ("property tax", {"pajak-bumi-bangunan"}),
        ("history of the city", {"sejarah-kota"}),
        ("clean water", {"air-bersih"}),
        ("public transport", {"angkutan-kota"}),
        ("waterfront", {"taman-tepi-laut"}),
        ("city hall", {"kantor-wali-kota"}),
        ("small businesses", {"pemberdayaan-umkm"}),
        ("gurindam dua belas", {"gurindam-dua-belas", "makam-raja-ali-haji", "taman-tepi-laut"}),
        ("birth certificate akta kelahiran", {"akta-kelahiran"}),
    ],
}

TYPO_QUERIES = {
    "id": [
        (
            "penyengt",
            {
                "pulau-penyengat",
                "masjid-raya-sultan-riau",
                "makam-raja-ali-haji",
                "festival-pulau-penyengat",
                "workshop-pemandu-wisata",
            },
        ),
        ("pariwsata", {"pariwisata", "dinas-kebudayaan-pariwisata"}),
        ("masjd raya", {"masjid-raya-sultan-riau"}),
        ("gurindem", {"gurindam-dua-belas"}),
        ("pelabuhn", {"pelabuhan-sri-bintan-pura"}),
        ("bandra udara", {"bandar-udara"}),
        ("kesehatn", {"puskesmas"}),
        ("sampha", {"pengelolaan-sampah"}),
        ("kuliner kahs", {"kuliner-khas"}),
        ("sejara tanjungpinang", {"sejarah-kota"}),
        ("banjri", {"penanganan-banjir"}),
        ("drainse", {"penanganan-banjir"}),
        ("perizinan usah", {"perizinan-usaha"}),
        ("pendaftarn sekolah", {"pendaftaran-sekolah"}),
        ("pajak bumi bangnan", {"pajak-bumi-bangunan"}),
        ("akta kelahiaran", {"akta-kelahiran"}),
        ("pompng", {"angkutan-kota", "pulau-penyengat"}),
        ("tamn tepi laut", {"taman-tepi-laut"}),
        ("raja ali hji", {"makam-raja-ali-haji", "gurindam-dua-belas"}),
        ("ktp elektronk", {"layanan-ktp-elektronik"}),
        ("air bersi", {"air-bersih"}),
        ("melayu riua", {"bahasa-melayu-riau"}),
        ("festivl penyengat", {"festival-pulau-penyengat"}),
        ("workshp pemandu", {"workshop-pemandu-wisata"}),
    ],
    "en": [
        (
            "penyengt island",
            {
                "pulau-penyengat",
                "masjid-raya-sultan-riau",
                "makam-raja-ali-haji",
                "festival-pulau-penyengat",
                "workshop-pemandu-wisata",
            },
        ),
        ("tourisim", {"pariwisata", "dinas-kebudayaan-pariwisata"}),
        ("heritge", {"pulau-penyengat", "objek-diduga-cagar-budaya", "dinas-kebudayaan-pariwisata"}),
        ("flodding", {"penanganan-banjir"}),
        ("mosqe", {"masjid-raya-sultan-riau"}),
        ("ferry termnal", {"pelabuhan-sri-bintan-pura"}),
        ("airprot", {"bandar-udara"}),
        ("identty card", {"layanan-ktp-elektronik"}),
        ("helth centre", {"puskesmas"}),
        ("wsate collection", {"pengelolaan-sampah"}),
        ("smart citty", {"masterplan-kota-cerdas", "bimtek-smart-city"}),
        ("local fod", {"kuliner-khas"}),
        ("business licnce", {"perizinan-usaha"}),
        ("scool enrolment", {"pendaftaran-sekolah"}),
        ("proprety tax", {"pajak-bumi-bangunan"}),
        ("histroy of tanjungpinang", {"sejarah-kota"}),
        ("clean watr", {"air-bersih"}),
        ("public transprt", {"angkutan-kota"}),
        ("waterfrnt", {"taman-tepi-laut"}),
        ("cty hall", {"kantor-wali-kota"}),
        ("gurindam dua belsa", {"gurindam-dua-belas", "makam-raja-ali-haji", "taman-tepi-laut"}),
        ("tour guide worksop", {"workshop-pemandu-wisata"}),
        ("drainge", {"penanganan-banjir"}),
    ],
}

SYNONYM_QUERIES = {
    "id": [
        ("pelatihan pemandu wisata", {"workshop-pemandu-wisata"}),
        ("bimtek pemandu", {"workshop-pemandu-wisata"}),
        ("pelatihan pegawai", {"workshop-website-opd"}),
        ("disbudpar", {"dinas-kebudayaan-pariwisata", "festival-pulau-penyengat", "workshop-pemandu-wisata"}),
        ("festival dinas kebudayaan dan pariwisata", {"festival-pulau-penyengat"}),
        ("aduan dinas komunikasi dan informatika", {"aduan-daring"}),
        ("rpjmd", {"rencana-pembangunan-daerah"}),
        ("anggaran pendapatan dan belanja daerah", {"apbd-2025"}),
        ("dak sekolah", {"dana-alokasi-khusus"}),
        ("sk jam pasar", {"surat-keputusan-pasar"}),
        ("odcb", {"objek-diduga-cagar-budaya"}),
        ("kartu tanda penduduk elektronik", {"layanan-ktp-elektronik"}),
        ("seleksi asn", {"seleksi-aparatur"}),
        ("pekerjaan umum jalan", {"pembangunan-jalan"}),
        ("dinas lingkungan hidup sampah", {"pengelolaan-sampah"}),
        ("ppdb", {"pendaftaran-sekolah"}),
        ("smart city", {"masterplan-kota-cerdas", "bimtek-smart-city"}),
        ("dinas kependudukan dan pencatatan sipil", {"layanan-ktp-elektronik", "akta-kelahiran"}),
        ("bandara", {"bandar-udara"}),
        ("pemko tanjungpinang", {"kantor-wali-kota"}),
        ("workshop smart city", {"bimtek-smart-city"}),
        ("diklat pemandu wisata", {"workshop-pemandu-wisata"}),
    ],
    "en": [
        ("tour guide training", {"workshop-pemandu-wisata"}),
        ("staff training website", {"workshop-website-opd"}),
        ("disbudpar", {"dinas-kebudayaan-pariwisata", "festival-pulau-penyengat"}),
        ("culture and tourism agency festival", {"festival-pulau-penyengat"}),
        ("communication and informatics agency complaints", {"aduan-daring"}),
        ("rpjmd", {"rencana-pembangunan-daerah"}),
        ("regional budget", {"apbd-2025"}),
        ("dak schools", {"dana-alokasi-khusus"}),
        ("decree market hours", {"surat-keputusan-pasar"}),
        ("odcb", {"objek-diduga-cagar-budaya"}),
        ("id card", {"layanan-ktp-elektronik"}),
        ("sme support", {"pemberdayaan-umkm"}),
        ("mayor's office", {"kantor-wali-kota"}),
        ("bandara", {"bandar-udara"}),
        ("garbage", {"pengelolaan-sampah"}),
        ("trash collection", {"pengelolaan-sampah"}),
        ("sightseeing", {"pariwisata"}),
        ("pupr roads", {"pembangunan-jalan"}),
        ("disdukcapil", {"layanan-ktp-elektronik"}),
        ("staff recruitment", {"seleksi-aparatur"}),
        ("bimtek smart city", {"bimtek-smart-city"}),
        ("smart city course", {"bimtek-smart-city"}),
    ],
}
