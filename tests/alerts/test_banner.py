"""The site-wide alert banner: validation, both languages, the Indonesian fallback, screen-reader roles,
its start and end times (set relative to now: no sleeping), the clock the page cache follows, editors in the
admin, and a page cached before the banner was saved."""

import datetime
import re
from unittest import mock

from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings
from django.utils import timezone

from alerts.models import Alert, Severity, active_alerts, next_boundary
from cms.roles import setup_roles
from editorial.roles import ADMINISTRATORS_GROUP, EDITORS_GROUP
from serving import clock, generation
from tests.factories.editorial import role_user
from tests.factories.pages import home_page, standard_page

HOUR = datetime.timedelta(hours=1)
BANNER = re.compile(r'<div class="alert-banner alert-banner--(\w+)" role="(\w+)">(.*?)</div>', re.S)


def banners(response):
    """``[(severity, role, inner HTML)]`` of the alert banners on a page, in order."""
    return BANNER.findall(response.content.decode())


def alert(**fields):
    now = timezone.now()
    values = {
        "message_ind": "Banjir di Jalan Ganet; gunakan jalan lain.",
        "message_en": "Flooding on Jalan Ganet; use another road.",
        "severity": Severity.WARNING,
        "starts_at": now - HOUR,
        "ends_at": now + HOUR,
    } | fields
    return Alert.objects.create(**values)


class AlertValidationTests(TestCase):
    def test_the_end_must_come_after_the_start(self):
        now = timezone.now()
        for ends_at in (now - HOUR, now):
            with self.subTest(ends_at=ends_at), self.assertRaises(ValidationError) as raised:
                Alert(message_ind="Uji", starts_at=now, ends_at=ends_at).full_clean()
            self.assertIn("ends_at", raised.exception.message_dict)
        Alert(message_ind="Uji", starts_at=now, ends_at=now + HOUR).full_clean()
        Alert(message_ind="Uji", starts_at=now, ends_at=None).full_clean()  # until removed

    def test_the_indonesian_message_is_required_and_one_link_at_most(self):
        with self.assertRaises(ValidationError) as raised:
            Alert(message_en="Only English", starts_at=timezone.now()).full_clean()
        self.assertIn("message_ind", raised.exception.message_dict)
        with self.assertRaises(ValidationError) as raised:
            Alert(
                message_ind="Uji", starts_at=timezone.now(), link_page=home_page(), link_url="https://bmkg.go.id/"
            ).full_clean()
        self.assertIn("link_url", raised.exception.message_dict)


class AlertBannerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(cls.home, "Tentang Kota", "About the city", slug_ind="tentang", slug_en="about")

    def test_shown_on_every_page_in_each_language(self):
        """Home, a content page and a 404 carry the banner, each in its own language."""
        alert(link_page=self.about, link_text_ind="Peta banjir", link_text_en="Flood map")
        for url, message, link in (
            ("/id/", "Banjir di Jalan Ganet", '<a href="/id/tentang/">Peta banjir</a>'),
            ("/id/tentang/", "Banjir di Jalan Ganet", '<a href="/id/tentang/">Peta banjir</a>'),
            ("/en/about/", "Flooding on Jalan Ganet", '<a href="/en/about/">Flood map</a>'),
            ("/en/no-such-page/", "Flooding on Jalan Ganet", '<a href="/en/about/">Flood map</a>'),
        ):
            with self.subTest(url=url):
                response = self.client.get(url, follow=True)
                [(severity, role, inner)] = banners(response)
                self.assertEqual((severity, role), ("warning", "status"))
                self.assertIn(message, inner)
                self.assertIn(link, inner)
                self.assertNotIn('lang="id"', inner)

    def test_english_falls_back_to_indonesian_with_its_lang(self):
        """Without an English text the English page shows the Indonesian one, marked lang="id" and labelled."""
        alert(message_en="", link_url="https://bmkg.go.id/", link_text_ind="Prakiraan cuaca")
        [(_severity, _role, inner)] = banners(self.client.get("/en/about/"))
        self.assertIn('<span lang="id">Banjir di Jalan Ganet; gunakan jalan lain.</span>', inner)
        self.assertIn("In Indonesian only", inner)
        self.assertIn('<a href="https://bmkg.go.id/" lang="id">Prakiraan cuaca</a>', inner)
        [(_severity, _role, inner)] = banners(self.client.get("/id/tentang/"))
        self.assertNotIn('lang="id"', inner)
        self.assertNotIn("Hanya dalam bahasa Indonesia", inner)

    def test_an_empty_link_text_reads_more_information(self):
        alert(link_url="https://bmkg.go.id/")
        [(_s, _r, inner)] = banners(self.client.get("/en/about/"))
        self.assertIn('<a href="https://bmkg.go.id/">More information</a>', inner)

    def test_emergency_is_announced_the_others_are_polite(self):
        """Emergency: role="alert" (read out at once); warning and information: role="status"; emergencies first."""
        alert(severity=Severity.INFORMATION, message_ind="Info layanan")
        alert(severity=Severity.EMERGENCY, message_ind="Evakuasi", message_en="Evacuate")
        alert(severity=Severity.WARNING)
        shown = banners(self.client.get("/id/"))
        self.assertEqual(
            [(severity, role) for severity, role, _inner in shown],
            [("emergency", "alert"), ("warning", "status"), ("information", "status")],
        )
        self.assertIn("Darurat:", shown[0][2])
        self.assertIn("Evacuate", banners(self.client.get("/en/"))[0][2])

    def test_visible_only_between_start_and_end(self):
        now = timezone.now()
        alert(message_ind="Sudah selesai", starts_at=now - 2 * HOUR, ends_at=now - HOUR)
        alert(message_ind="Belum mulai", starts_at=now + HOUR, ends_at=now + 2 * HOUR)
        self.assertEqual(banners(self.client.get("/id/tentang/")), [])
        current = alert(message_ind="Sedang berlaku")
        self.assertEqual(len(banners(self.client.get("/id/tentang/"))), 1)
        # The same alert at its end, a second before it, and a second before its start.
        second = datetime.timedelta(seconds=1)
        self.assertNotIn(current, active_alerts(current.ends_at))
        self.assertIn(current, active_alerts(current.ends_at - second))
        self.assertNotIn(current, active_alerts(current.starts_at - second))
        # A write that sends no signal says so (serving.generation), as every such write must.
        Alert.objects.filter(pk=current.pk).update(ends_at=now - datetime.timedelta(seconds=1))
        generation.changed()
        self.assertEqual(banners(self.client.get("/id/tentang/")), [])

    def test_the_kept_banner_follows_the_clock(self):
        """Pages read the banner from the shared cache, yet it appears at an alert's start and goes at its end
        with nothing saved (time moves; the cache's own timeout plays no part)."""
        now = timezone.now()
        later = alert(message_ind="Nanti", message_en="Later", starts_at=now + HOUR, ends_at=now + 3 * HOUR)
        current = alert(message_ind="Sekarang", message_en="Now", starts_at=now - HOUR, ends_at=now + 2 * HOUR)
        for url, first, second in (("/id/tentang/", "Sekarang", "Nanti"), ("/en/about/", "Now", "Later")):
            with self.subTest(url=url):
                self.client.get(url)
                self.client.get(url)  # the first view of a new site creates its settings (a content change)
                with self.assertNumQueries(0):  # kept: no query for the alerts
                    [(_s, _r, inner)] = banners(self.client.get(url))
                self.assertIn(first, inner)
                minute = datetime.timedelta(minutes=1)
                moments = (
                    (later.starts_at - minute, [first]),
                    (later.starts_at, [first, second]),
                    (current.ends_at, [second]),
                    (later.ends_at, []),
                )
                for moment, shown in moments:
                    with mock.patch("django.utils.timezone.now", return_value=moment):
                        found = [inner for _s, _r, inner in banners(self.client.get(url))]
                    self.assertEqual(len(found), len(shown), moment)
                    for message in shown:
                        self.assertIn(message, "".join(found))

    def test_no_alert_no_banner(self):
        self.assertNotIn("alert-banner", self.client.get("/id/").content.decode())

    def test_the_page_cache_keeps_no_page_past_a_start_or_end(self):
        """``serving.clock`` knows the next moment an alert starts or ends."""
        now = timezone.now()
        self.assertIsNone(next_boundary())
        ends = alert(starts_at=now - HOUR, ends_at=now + 2 * HOUR)
        self.assertEqual(next_boundary(), ends.ends_at)
        starts = alert(starts_at=now + HOUR, ends_at=now + 3 * HOUR)
        self.assertEqual(next_boundary(), starts.starts_at)
        self.assertEqual(clock.next_change(), starts.starts_at)
        self.assertLessEqual(clock.seconds_until_next_change(86400), 3600)


# With the page cache on, every committed save makes a new cache generation, so a page cached before the
# banner was saved is rendered again with it.
@override_settings(PAGE_CACHE=True)
class AlertOnCachedPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(cls.home, "Tentang Kota", "About the city", slug_ind="tentang", slug_en="about")

    def setUp(self):
        caches["pages"].clear()

    def test_a_page_cached_before_the_banner_shows_it(self):
        for url in ("/id/tentang/", "/en/about/"):
            self.client.get(url)
            self.assertEqual(self.client.get(url).headers.get("X-Cache"), "hit")
        with self.captureOnCommitCallbacks(execute=True):
            alert(severity=Severity.EMERGENCY)
        self.assertEqual(len(banners(self.client.get("/id/tentang/"))), 1)
        self.assertEqual(len(banners(self.client.get("/en/about/"))), 1)


class AlertAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        setup_roles()
        cls.editor = role_user("redaktur", EDITORS_GROUP)
        cls.administrator = role_user("administrator", ADMINISTRATORS_GROUP)

    def form(self, **overrides):
        now = timezone.localtime()
        return {
            "message_ind": "Pemadaman listrik di Kecamatan Bukit Bestari.",
            "message_en": "Power cut in Bukit Bestari district.",
            "severity": "warning",
            "link_page": "",
            "link_url": "",
            "link_text_ind": "",
            "link_text_en": "",
            "starts_at": (now - HOUR).strftime("%Y-%m-%d %H:%M"),
            "ends_at": (now + HOUR).strftime("%Y-%m-%d %H:%M"),
        } | overrides

    def test_editors_and_administrators_add_an_alert_in_both_languages(self):
        self.assertTrue(Group.objects.get(name=EDITORS_GROUP).permissions.filter(codename="add_alert").exists())
        for user in (self.editor, self.administrator):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertEqual(self.client.get("/admin/snippets/alerts/alert/add/").status_code, 200)
                response = self.client.post("/admin/snippets/alerts/alert/add/", self.form())
                self.assertEqual(response.status_code, 302)
        saved = Alert.objects.first()
        self.assertEqual(
            (saved.message_ind, saved.message_en),
            ("Pemadaman listrik di Kecamatan Bukit Bestari.", "Power cut in Bukit Bestari district."),
        )
        self.client.logout()
        self.assertIn("Power cut", self.client.get("/en/").content.decode())

    def test_the_admin_lists_and_searches_alerts_in_both_languages(self):
        alert(message_ind="Pemadaman air di Senggarang", message_en="Water cut in Senggarang")
        alert(message_ind="Jalan ditutup", message_en="Road closed")
        self.client.force_login(self.editor)
        for query, found, absent in (
            ("pemadaman", "Senggarang", "Jalan ditutup"),
            ("road", "Jalan ditutup", "Senggarang"),
        ):
            with self.subTest(query=query):
                response = self.client.get("/admin/snippets/alerts/alert/", {"q": query})
                self.assertContains(response, found)
                self.assertNotContains(response, absent)

    def test_an_end_before_the_start_is_a_form_error(self):
        self.client.force_login(self.editor)
        now = timezone.localtime()
        response = self.client.post(
            "/admin/snippets/alerts/alert/add/", self.form(ends_at=(now - 2 * HOUR).strftime("%Y-%m-%d %H:%M"))
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Waktu berakhir harus setelah waktu mulai.")  # the editor's admin language
        self.assertFalse(Alert.objects.exists())
