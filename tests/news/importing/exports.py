"""Small export files written for the tests: one Blogger export in the current format, one classic Blogger
backup and one WordPress WXR file, each with an Indonesian bimtek article with a photo, a draft, a scheduled
post, a static page, comments, a YouTube player, a script, an onclick attribute, a table and broken entries
(no title, an unreadable date, HTML cut off)."""

from xml.sax.saxutils import escape

BLOG = "tag:blogger.com,1999:blog-1234567890"


def bimtek_html(images):
    """The bimtek article's HTML as Blogger writes it; ``images`` is the address of the image folder."""
    return (
        '<div class="separator" style="clear: both; text-align: center;">'
        f'<a href="{images}/img/b/R29vZ2xl/AVvXsE/s1600/bimtek-tahap-i.jpg" imageanchor="1" '
        'style="margin-left: 1em; margin-right: 1em;">'
        f'<img border="0" data-original-height="100" src="{images}/img/b/R29vZ2xl/AVvXsE/s320/bimtek-tahap-i.jpg" '
        'alt="Peserta bimtek di aula kantor wali kota" width="320" onclick="track(this)" /></a></div>'
        '<div style="text-align: justify;"><span style="font-family: Arial; font-size: small;">'
        "Pemerintah&nbsp;&nbsp;&nbsp; Kota Tanjungpinang menggelar <b>Bimbingan Teknis</b> Tahap I Gerakan Menuju "
        "100 Smart City di Aula Kantor Wali Kota, Senggarang.</span></div><br /><br />"
        "<div>Bimtek diikuti perangkat daerah, kecamatan dan kelurahan.</div>"
        "<script>document.write('iklan')</script>"
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/aqz-KE-bpKQ" frameborder="0" '
        "allowfullscreen></iframe>"
        '<iframe src="https://iklan.example.com/banner"></iframe>'
        "<table><tr><th>Tahap</th><th>Materi</th></tr><tr><td>I</td><td>Analisis kesiapan daerah</td></tr>"
        "<tr><td>II</td><td>Penyusunan visi</td></tr></table>"
        '<p>Informasi lebih lanjut: <a href="https://tanjungpinangkota.go.id/" onmouseover="x()">situs resmi</a>.</p>'
    )


# Blogger, current export (Google Takeout) ----------------------------------------------------------------------


def _blogger_entry(post_id, kind, status, title, html, published, filename="", labels=(), parent=""):
    categories = "".join(f"<category scheme='{BLOG}' term='{escape(label)}'/>" for label in labels)
    return f"""
  <entry>
    <id>{BLOG}.{"comment" if kind == "COMMENT" else "post"}-{post_id}</id>
    <blogger:type>{kind}</blogger:type>
    <blogger:status>{status}</blogger:status>
    <author><name>Admin Diskominfo</name><blogger:type>BLOGGER</blogger:type></author>
    <title>{escape(title)}</title>
    <content type='html'>{escape(html)}</content>
    <blogger:created>{published}</blogger:created>
    <published>{published}</published>
    <updated>{published}</updated>
    {categories}
    {f"<blogger:filename>{filename}</blogger:filename>" if filename else ""}
    {f"<blogger:parent>{BLOG}.post-{parent}</blogger:parent>" if parent else ""}
    <link rel='alternate' type='text/html' href='https://pemkot-tpi.blogspot.com{filename}'/>
  </entry>"""


def blogger(images="http://127.0.0.1:8501", bimtek_title="Bimtek Tahap I Gerakan Menuju 100 Smart City"):
    entries = [
        _blogger_entry(
            "101",
            "POST",
            "LIVE",
            bimtek_title,
            bimtek_html(images),
            "2019-09-10T10:30:00.000+07:00",
            "/2019/09/bimtek-tahap-i-smart-city.html",
            labels=("Bimtek", "Smart City"),
        ),
        _blogger_entry(
            "102",
            "POST",
            "LIVE",
            "Gotong Royong Bersihkan Pantai Impian",
            "<p>DLH mengajak warga membersihkan pantai.</p>",
            "2019-10-01T08:00:00.000+07:00",
            "/2019/10/gotong-royong-pantai.html",
            labels=("DLH", "Lingkungan"),
        ),
        _blogger_entry("103", "POST", "DRAFT", "Draf Pengumuman Seleksi", "<p>Masih disusun.</p>",
                       "2019-11-01T09:00:00.000+07:00"),
        _blogger_entry("104", "POST", "SCHEDULED", "Jadwal Bimtek Tahap II", "<p>Akan diumumkan.</p>",
                       "2030-01-15T09:00:00.000+07:00"),
        _blogger_entry("105", "PAGE", "LIVE", "Profil Dinas", "<p>Dinas Komunikasi dan Informatika.</p>",
                       "2018-01-01T09:00:00.000+07:00", "/p/profil.html"),
        _blogger_entry("201", "COMMENT", "LIVE", "", "<p>Mantap, lanjutkan!</p>",
                       "2019-09-11T09:00:00.000+07:00", parent="101"),
        _blogger_entry("106", "POST", "LIVE", "", "<p>Tanpa judul.</p>", "2019-09-12T09:00:00.000+07:00",
                       "/2019/09/tanpa-judul.html"),
        _blogger_entry("107", "POST", "LIVE", "Tanggal Rusak", "<p>Isi.</p>", "kemarin sore",
                       "/2019/09/tanggal-rusak.html"),
        _blogger_entry("108", "POST", "LIVE", "HTML Terpotong", '<div><p>Teks <a href="https://x', 
                       "2019-09-13T09:00:00.000+07:00", "/2019/09/html-terpotong.html"),
    ]  # fmt: skip
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>\n"
        f"  <id>{BLOG}</id>\n  <title>Pemkot Tanjungpinang</title>\n" + "".join(entries) + "\n</feed>\n"
    )


# Blogger, classic backup ---------------------------------------------------------------------------------------

KIND = "http://schemas.google.com/blogger/2008/kind#"


def _classic_entry(post_id, kind, title, html, published, path="", labels=(), draft=False):
    categories = "".join(f"<category scheme='http://www.blogger.com/atom/ns#' term='{escape(x)}'/>" for x in labels)
    control = "<app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control>"
    link = f"<link rel='alternate' type='text/html' href='http://pemkot-lama.blogspot.com{path}' />" if path else ""
    return f"""
  <entry>
    <id>{BLOG}9.{kind}-{post_id}</id>
    <published>{published}</published>
    <updated>{published}</updated>
    <category scheme='http://schemas.google.com/g/2005#kind' term='{KIND}{kind}'/>
    {categories}
    <title type='text'>{escape(title)}</title>
    <content type='html'>{escape(html)}</content>
    {link}
    {control if draft else ""}
  </entry>"""


def blogger_classic(images="http://127.0.0.1:8501"):
    entries = [
        _classic_entry("1", "settings", "Template", "", "2016-01-01T00:00:00.000+07:00"),
        _classic_entry("301", "post", "Bimtek Penyusunan Masterplan Smart City", bimtek_html(images),
                       "2016-07-10T15:30:00.000+07:00", "/2016/07/bimtek-masterplan.html", ("Bimtek",)),
        _classic_entry("302", "post", "Draf Lama", "<p>Belum terbit.</p>", "2016-08-01T09:00:00.000+07:00",
                       draft=True),
        _classic_entry("303", "post", "Bimtek Tahap Berikut", "<p>Dijadwalkan.</p>", "2031-02-01T09:00:00.000+07:00"),
        _classic_entry("304", "page", "Kontak", "<p>Jalan Daeng Celak.</p>", "2016-01-01T09:00:00.000+07:00",
                       "/p/kontak.html"),
        _classic_entry("401", "comment", "Komentar", "<p>Bagus.</p>", "2016-07-11T09:00:00.000+07:00"),
        _classic_entry("305", "post", "   ", "<p>Tanpa judul.</p>", "2016-07-12T09:00:00.000+07:00"),
        _classic_entry("306", "post", "Tanggal Salah", "<p>Isi.</p>", "2016-13-45T99:00:00"),
        _classic_entry("307", "post", "Rusak", "<p>Teks <!-- komentar yang tidak ditutup", "2016-07-13T09:00:00Z"),
    ]  # fmt: skip
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>"
        f"<id>{BLOG}9.archive</id><title type='text'>Pemkot Lama</title>"
        "<generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>" + "".join(entries) + "</feed>"
    )


# WordPress WXR ---------------------------------------------------------------------------------------------------


def _wp_item(post_id, post_type, status, title, html, date_gmt, name, categories=(), comments=0, date_local=""):
    cats = "".join(
        f'<category domain="{domain}" nicename="{label.lower()}"><![CDATA[{label}]]></category>'
        for domain, label in categories
    )
    comment = "".join(
        f"<wp:comment><wp:comment_id>{n}</wp:comment_id><wp:comment_content><![CDATA[Komentar {n}]]>"
        "</wp:comment_content></wp:comment>"
        for n in range(comments)
    )
    link = (
        f"https://dlh.tanjungpinangkota.go.id/{date_gmt[:4]}/{date_gmt[5:7]}/{name}/"
        if post_type == "post"
        else (f"https://dlh.tanjungpinangkota.go.id/{name}/")
    )
    return f"""
    <item>
      <title>{escape(title)}</title>
      <link>{link}</link>
      <pubDate>Tue, 10 Sep 2019 03:00:00 +0000</pubDate>
      <dc:creator><![CDATA[admin]]></dc:creator>
      <guid isPermaLink="false">https://dlh.tanjungpinangkota.go.id/?p={post_id}</guid>
      <content:encoded><![CDATA[{html}]]></content:encoded>
      <excerpt:encoded><![CDATA[]]></excerpt:encoded>
      <wp:post_id>{post_id}</wp:post_id>
      <wp:post_date><![CDATA[{date_local or date_gmt}]]></wp:post_date>
      <wp:post_date_gmt><![CDATA[{date_gmt}]]></wp:post_date_gmt>
      <wp:post_name><![CDATA[{name}]]></wp:post_name>
      <wp:status><![CDATA[{status}]]></wp:status>
      <wp:post_parent>0</wp:post_parent>
      <wp:post_type><![CDATA[{post_type}]]></wp:post_type>
      {cats}{comment}
    </item>"""


def wordpress(images="http://127.0.0.1:8501", version="1.2"):
    html = bimtek_html(images).replace("/s320/", "/").replace("/s1600/", "/")
    items = [
        _wp_item(11, "post", "publish", "Sosialisasi Bank Sampah di Kelurahan", html, "2020-02-03 02:15:00",
                 "sosialisasi-bank-sampah", [("category", "Sosialisasi"), ("post_tag", "Bank Sampah")], comments=2),
        _wp_item(12, "post", "draft", "Draf Laporan Kualitas Air", "<p>Data belum lengkap.</p>",
                 "0000-00-00 00:00:00", "", date_local="2020-03-01 10:00:00"),
        _wp_item(13, "post", "future", "Pengumuman Lomba Kebersihan", "<p>Segera.</p>", "2031-05-01 01:00:00",
                 "pengumuman-lomba"),
        _wp_item(14, "page", "publish", "Tentang DLH", "<p>Dinas Lingkungan Hidup Kota Tanjungpinang.</p>",
                 "2018-01-01 01:00:00", "tentang-dlh"),
        _wp_item(15, "attachment", "inherit", "foto", "", "2020-02-03 02:00:00", "foto"),
        _wp_item(16, "post", "publish", "", "<p>Tanpa judul.</p>", "2020-02-04 02:00:00", "tanpa-judul"),
        _wp_item(17, "post", "publish", "Tanggal Tak Terbaca", "<p>Isi.</p>", "2020-99-99 99:99:99",
                 "tanggal-tak-terbaca"),
        _wp_item(18, "post", "publish", "Isi Terpotong", "<p>Teks <img src=\"x.jpg", "2020-02-05 02:00:00",
                 "isi-terpotong"),
    ]  # fmt: skip
    return (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        f'<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/{version}/">\n'
        "<channel><title>DLH Kota Tanjungpinang</title><link>https://dlh.tanjungpinangkota.go.id</link>"
        f"<wp:wxr_version>{version}</wp:wxr_version>"
        "<wp:base_site_url>https://dlh.tanjungpinangkota.go.id</wp:base_site_url>" + "".join(items) + "</channel></rss>"
    )
