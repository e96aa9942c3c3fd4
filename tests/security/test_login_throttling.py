"""Password guessing is throttled: by username and by address, in the visitor's language, undone by an admin."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings

from axes.models import AccessAttempt

LOGIN = "/admin/login/"


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
class LoginThrottlingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "right-password-1")

    def attempt(self, password, username="admin", address="203.0.113.5", **extra):
        return self.client.post(
            LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="id", **extra
        )

    def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(self):
        """The brief's attack: guesses get normal answers until the limit, then the right password is refused."""
        for _ in range(4):
            self.assertEqual(self.attempt("wrong").status_code, 200)
        response = self.attempt("wrong")
        self.assertEqual(response.status_code, 429)
        response = self.attempt("right-password-1")
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_the_lockout_page_speaks_the_visitors_language(self):
        for _ in range(5):
            response = self.attempt("wrong")
        self.assertContains(response, "Terlalu banyak", status_code=429)
        self.assertContains(response, '<html lang="id">', status_code=429)
        response = self.client.post(
            LOGIN, {"username": "admin", "password": "x"}, REMOTE_ADDR="203.0.113.5", HTTP_ACCEPT_LANGUAGE="en"
        )
        self.assertContains(response, "Too many failed log-ins", status_code=429)

    def test_one_address_guessing_many_usernames_is_locked_out(self):
        for number in range(5):
            self.attempt("wrong", username=f"user{number}")
        self.assertEqual(self.attempt("right-password-1").status_code, 429)
        # Another address may still log in as admin: the lock is on the address, not the account.
        response = self.attempt("right-password-1", address="198.51.100.7")
        self.assertEqual(response.status_code, 302)

    def test_many_addresses_guessing_one_username_lock_that_username(self):
        for number in range(5):
            self.attempt("wrong", address=f"198.51.100.{number + 1}")
        self.assertEqual(self.attempt("right-password-1", address="192.0.2.9").status_code, 429)

    def test_the_forwarded_for_header_is_ignored_without_the_proxy_setting(self):
        """A client cannot dodge the address lock by writing a new X-Forwarded-For for every guess."""
        for number in range(5):
            self.attempt("wrong", username=f"user{number}", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
        self.assertEqual(self.attempt("x", username="other", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code, 429)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_the_proxy_the_address_it_appended_counts(self):
        for number in range(5):
            # The client wrote a fake address first; the proxy appended the real one.
            self.attempt(
                "wrong",
                username=f"user{number}",
                address="127.0.0.1",
                HTTP_X_FORWARDED_FOR=f"6.6.6.{number}, 203.0.113.5",
            )
        response = self.attempt("x", username="other", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
        self.assertEqual(response.status_code, 429)
        response = self.attempt("right-password-1", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5, 192.0.2.1")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(AccessAttempt.objects.filter(ip_address="203.0.113.5").exists())

    def test_management_command_unlocks(self):
        for _ in range(5):
            self.attempt("wrong")
        call_command("axes_reset_username", "admin", stdout=open("/dev/null", "w"))
        call_command("axes_reset_ip", "203.0.113.5", stdout=open("/dev/null", "w"))
        self.assertEqual(self.attempt("right-password-1").status_code, 302)

    def test_an_administrator_unlocks_in_the_admin(self):
        for _ in range(5):
            self.attempt("wrong")
        attempt = AccessAttempt.objects.get(username="admin")
        other = get_user_model().objects.create_superuser("root", "root@example.com", "x")
        self.client.force_login(other)
        listing = self.client.get("/admin/lockouts/")
        self.assertContains(listing, "203.0.113.5")
        response = self.client.post(f"/admin/lockouts/delete/{attempt.pk}/")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(AccessAttempt.objects.filter(pk=attempt.pk).exists())
        self.client.logout()
        self.assertEqual(self.attempt("right-password-1").status_code, 302)

    def test_failures_are_logged(self):
        with self.assertLogs("axes", level="WARNING") as logs:
            self.attempt("wrong")
        self.assertIn('username: "admin"', "\n".join(logs.output))
        self.assertIn("203.0.113.5", "\n".join(logs.output))
        self.assertNotIn("wrong", "\n".join(logs.output))

    def test_password_reset_is_throttled_too(self):
        for _ in range(4):
            response = self.client.post(
                "/admin/password_reset/", {"email": "admin@example.com"}, REMOTE_ADDR="203.0.113.5"
            )
            self.assertEqual(response.status_code, 302)
        response = self.client.post("/admin/password_reset/", {"email": "admin@example.com"}, REMOTE_ADDR="203.0.113.5")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(len(mail.outbox), 4)
        self.assertEqual(self.attempt("right-password-1").status_code, 429)
