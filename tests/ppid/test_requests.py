"""The public request form: both languages, errors in the visitor's language, honeypot, rate limit, uploads,
the private status link and objections."""

import os
import re
from datetime import timedelta

from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.utils import timezone

from ppid.models import InformationRequest, Objection, RequestStatus, hash_token
from tests.factories.ppid import information_request, request_page

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def form_data(**overrides):
    data = {
        "name": "Rina Wati",
        "email": "rina@example.org",
        "phone": "",
        "address": "Jl. Pos 2, Tanjungpinang",
        "identity_type": "ktp",
        "identity_number": "2172 0101 0101 9876",
        "information_requested": "Salinan kontrak pembangunan pelantar 2025",
        "purpose": "Pengawasan warga",
        "obtain_method": "salinan",
        "delivery_method": "email",
        "website": "",
    }
    data.update(overrides)
    return data


class RequestFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = request_page()

    def setUp(self):
        cache.clear()  # the rate limit's counters live in the (test, per-process) cache

    def post(self, language="id", **overrides):
        path = "/id/ppid/permohonan/" if language == "id" else "/en/ppid/request/"
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(path, form_data(**overrides))

    def test_form_renders_in_both_languages_and_is_never_cached(self):
        for path, label in (
            ("/id/ppid/permohonan/", "Nomor dokumen identitas"),
            ("/en/ppid/request/", "Identity document number"),
        ):
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, label)
            self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_valid_request_is_saved_with_number_and_private_link(self):
        """The request is saved, the page shows its number and link, and the e-mail carries the same link."""
        response = self.post()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "private, no-store")
        request_obj = InformationRequest.objects.get()
        self.assertRegex(request_obj.registration_number, r"^PPID/\d{4}/\d{5}$")
        self.assertContains(response, request_obj.registration_number)
        link = re.search(r'href="(http://testserver/id/ppid/permohonan/status/[^"]+/)"', response.content.decode())
        self.assertIsNotNone(link)
        token = link.group(1).rstrip("/").rsplit("/", 1)[-1]
        self.assertGreaterEqual(len(token), 40)
        self.assertEqual(request_obj.token_hash, hash_token(token))
        self.assertNotIn(token, str(InformationRequest.objects.values().get()))
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn(link.group(1), mail.outbox[0].body)
        self.assertEqual(request_obj.language, "id")

    def test_only_the_last_four_identity_characters_are_kept(self):
        self.post()
        request_obj = InformationRequest.objects.get()
        self.assertEqual(request_obj.identity_last4, "9876")
        self.assertNotIn("21720101", str(InformationRequest.objects.values().get()))

    def test_english_request_is_handled_in_english(self):
        self.post("en")
        request_obj = InformationRequest.objects.get()
        self.assertEqual(request_obj.language, "en")
        self.assertIn("has been received", mail.outbox[0].subject)

    def test_errors_are_in_the_visitors_language(self):
        response = self.post("id", name="", email="", phone="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "harus diisi")
        self.assertContains(response, "Berikan alamat e-mail atau nomor telepon")
        response = self.post("en", name="", email="", phone="")
        self.assertContains(response, "This field is required.")
        self.assertContains(response, "Give an e-mail address or a phone number")
        self.assertFalse(InformationRequest.objects.exists())

    def test_honeypot_saves_nothing(self):
        response = self.post(website="http://spam.example")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(InformationRequest.objects.exists())
        self.assertEqual(mail.outbox, [])

    @override_settings(PPID_REQUESTS_PER_HOUR=2)
    def test_rate_limit_per_address(self):
        """The third submission within the hour from one address is refused with 429 and saved nowhere."""
        self.post()
        self.post(information_requested="Kedua")
        response = self.post(information_requested="Ketiga")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Terlalu banyak permohonan", status_code=429)
        self.assertEqual(InformationRequest.objects.count(), 2)

    @override_settings(
        CACHES={
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1: a stopped Redis
                "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
            },
            "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ppid-pages"},
            "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ppid-r"},
            "derived-local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ppid-d"},
        }
    )
    def test_stopped_redis_does_not_block_a_request(self):
        """With the shared cache unreachable the rate limit fails open (logs, never raises); the serving
        path's own fail-open is tested in tests/serving/test_failopen*.py."""
        from ppid import ratelimit

        with self.assertLogs("ppid.ratelimit", "WARNING"):
            self.assertFalse(ratelimit.hit(_fake_request()))

    def test_attachment_rules(self):
        """An executable is refused; an oversized file is refused; a small PDF is kept in private storage."""
        response = self.post(attachment=SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream"))
        self.assertContains(response, "Jenis berkas ini tidak diterima")
        with override_settings(PPID_MAX_UPLOAD_MB=1):
            big = SimpleUploadedFile("big.pdf", b"0" * (1024 * 1024 + 1), content_type="application/pdf")
            response = self.post(attachment=big)
        self.assertContains(response, "Berkas terlalu besar")
        self.assertFalse(InformationRequest.objects.exists())
        self.post(attachment=SimpleUploadedFile("surat.pdf", b"%PDF-1.4", content_type="application/pdf"))
        request_obj = InformationRequest.objects.get()
        self.assertTrue(request_obj.attachment.name.startswith("permohonan/"))
        self.assertTrue(os.path.exists(request_obj.attachment.path))
        from django.conf import settings

        self.assertFalse(request_obj.attachment.path.startswith(str(settings.MEDIA_ROOT)))


def _fake_request():
    from django.test import RequestFactory

    return RequestFactory().post("/id/ppid/permohonan/")


@override_settings(
    CACHES={
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": TEST_REDIS_URL, "KEY_PREFIX": "ppid-test"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ppid-pages"},
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ppid-r"},
        "derived-local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ppid-d"},
    },
    PPID_REQUESTS_PER_HOUR=1,
)
class RedisRateLimitTests(TestCase):
    def setUp(self):
        from django.core.cache import caches

        try:
            caches["default"].delete_pattern("*")
        except Exception:
            self.skipTest("Redis is not running")
        self.addCleanup(lambda: caches["default"].delete_pattern("*"))

    def test_counts_in_redis(self):
        """With the real shared cache, the second submission from one address within the hour is refused."""
        from ppid import ratelimit

        self.assertFalse(ratelimit.hit(_fake_request()))
        self.assertTrue(ratelimit.hit(_fake_request()))


class StatusPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = request_page()

    def test_status_page_with_the_token(self):
        request_obj, token = information_request()
        response = self.client.get(f"/id/ppid/permohonan/status/{token}/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "private, no-store")
        self.assertContains(response, request_obj.registration_number)
        self.assertContains(response, '<meta name="robots" content="noindex">', html=False)
        response = self.client.get(f"/en/ppid/request/status/{token}/")
        self.assertContains(response, "Answer due by")

    def test_no_other_persons_request(self):
        """A wrong, altered or another requester's token shows nothing of theirs."""
        first, first_token = information_request(name="Ani")
        second, second_token = information_request(name="Budi")
        response = self.client.get(f"/id/ppid/permohonan/status/{second_token}/")
        self.assertNotContains(response, first.registration_number)
        self.assertNotContains(response, "Ani")
        for token in (first_token[:-1] + ("A" if first_token[-1] != "A" else "B"), "x", hash_token(first_token)):
            self.assertEqual(self.client.get(f"/id/ppid/permohonan/status/{token}/").status_code, 404)

    def test_no_objection_while_in_time(self):
        _request, token = information_request()
        response = self.client.get(f"/id/ppid/permohonan/status/{token}/")
        self.assertNotContains(response, 'name="reason"')
        self.client.post(f"/id/ppid/permohonan/status/{token}/", {"reason": "35c", "details": "x"})
        self.assertFalse(Objection.objects.exists())

    def test_objection_after_an_answer(self):
        request_obj, token = information_request(language="en")
        InformationRequest.objects.filter(pk=request_obj.pk).update(
            status=RequestStatus.REFUSED, decided_on=timezone.localdate()
        )
        response = self.client.get(f"/en/ppid/request/status/{token}/")
        self.assertContains(response, 'name="reason"')
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/en/ppid/request/status/{token}/", {"reason": "35a", "details": "The exemption does not apply."}
            )
        self.assertContains(response, "Your objection has been received.")
        objection = Objection.objects.get()
        self.assertGreater(objection.due_on, objection.filed_on)
        self.assertIn("objection", mail.outbox[-1].subject)
        response = self.client.get(f"/en/ppid/request/status/{token}/")
        self.assertNotContains(response, 'name="reason"')  # one objection per request

    def test_objection_after_a_missed_deadline(self):
        """No answer by the deadline: the requester may object (Art. 35(1)(c))."""
        request_obj, token = information_request()
        InformationRequest.objects.filter(pk=request_obj.pk).update(due_on=timezone.localdate() - timedelta(days=1))
        response = self.client.get(f"/id/ppid/permohonan/status/{token}/")
        self.assertContains(response, 'name="reason"')

    def test_objection_too_late(self):
        request_obj, token = information_request()
        InformationRequest.objects.filter(pk=request_obj.pk).update(
            status=RequestStatus.ANSWERED_FULL, decided_on=timezone.localdate() - timedelta(days=90)
        )
        response = self.client.get(f"/id/ppid/permohonan/status/{token}/")
        self.assertNotContains(response, 'name="reason"')

    def test_objection_errors_in_the_visitors_language(self):
        request_obj, token = information_request()
        InformationRequest.objects.filter(pk=request_obj.pk).update(
            status=RequestStatus.REFUSED, decided_on=timezone.localdate()
        )
        response = self.client.post(f"/id/ppid/permohonan/status/{token}/", {"reason": "", "details": ""})
        self.assertContains(response, "harus diisi")
        self.assertFalse(Objection.objects.exists())
