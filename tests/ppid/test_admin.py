"""Handling in the admin, and who sees what: PPID staff, an editor, an OPD contributor, anonymous visitors."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from cms.roles import setup_roles
from editorial import roles
from editorial.roles import SetupReport, contributor_group_name
from ppid import clock
from ppid.models import Category, InformationRequest, Objection, ObjectionStatus, RequestStatus, holidays
from ppid.roles import PPID_GROUP, setup_ppid_roles
from tests.factories.editorial import role_user
from tests.factories.news import opd as make_opd
from tests.factories.ppid import dip_document, dip_entry, dip_register, information_request, request_page


def contributor(username, opd_slug):
    """A contributor of one OPD (its group made here: the newsrooms that normally create it are not needed)."""
    opd = make_opd(opd_slug)
    group, _created = Group.objects.get_or_create(name=contributor_group_name(opd))
    report = SetupReport()
    roles.grant_admin_access(group, report)
    setup_ppid_roles(report)
    return role_user(username, group.name)


class PPIDAdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        request_page()
        dip_register()
        setup_roles()
        cls.staff = role_user("petugas", PPID_GROUP)
        cls.editor = role_user("redaktur", roles.EDITORS_GROUP)

    def step(self, request_obj, user=None, **data):
        self.client.force_login(user or self.staff)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(reverse("ppid_handle_request", args=(request_obj.pk,)), data)


class WhoSeesRequestsTests(PPIDAdminTestCase):
    def test_ppid_staff_see_requests(self):
        request_obj, _token = information_request(name="Warga Rahasia")
        self.client.force_login(self.staff)
        response = self.client.get(reverse("ppid_requests:index"))
        self.assertContains(response, request_obj.registration_number)
        response = self.client.get(reverse("ppid_handle_request", args=(request_obj.pk,)))
        self.assertContains(response, "Warga Rahasia")
        self.assertContains(response, "…1234")

    def test_an_editor_does_not(self):
        request_obj, _token = information_request(name="Warga Rahasia")
        self.client.force_login(self.editor)
        for url in (reverse("ppid_requests:index"), reverse("ppid_handle_request", args=(request_obj.pk,))):
            response = self.client.get(url)
            self.assertNotEqual(response.status_code, 200, url)
            self.assertNotIn(b"Warga Rahasia", response.content)
        self.assertNotEqual(self.client.get(reverse("ppid_yearly_report")).status_code, 200)

    def test_an_opd_contributor_does_not(self):
        request_obj, _token = information_request(name="Warga Rahasia")
        self.client.force_login(contributor("kontributor", "dlh"))
        response = self.client.get(reverse("ppid_handle_request", args=(request_obj.pk,)))
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"Warga Rahasia", response.content)

    def test_anonymous_visitors_are_sent_to_log_in(self):
        request_obj, _token = information_request()
        response = self.client.get(reverse("ppid_handle_request", args=(request_obj.pk,)))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])


class HandlingTests(PPIDAdminTestCase):
    def test_steps_to_an_answer_notify_the_requester_in_their_language(self):
        request_obj, _token = information_request(language="en")
        response = self.step(request_obj, status=RequestStatus.IN_PROCESS, message="We are collecting it.")
        self.assertEqual(response.status_code, 302)
        upload = SimpleUploadedFile("jawaban.pdf", b"%PDF answer", content_type="application/pdf")
        self.step(request_obj, status=RequestStatus.ANSWERED_FULL, message="Attached.", file=upload)
        request_obj.refresh_from_db()
        self.assertEqual(request_obj.status, RequestStatus.ANSWERED_FULL)
        self.assertEqual(request_obj.decided_on, timezone.localdate())
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("Answered: information given in full", mail.outbox[-1].subject)
        self.assertIn("Attached.", mail.outbox[-1].body)
        self.assertEqual(request_obj.emails.filter(sent_at__isnull=False).count(), 2)

    def test_indonesian_requester_gets_indonesian_mail(self):
        request_obj, _token = information_request(language="id")
        self.step(request_obj, status=RequestStatus.IN_PROCESS)
        self.assertIn("Sedang diproses", mail.outbox[-1].subject)

    def test_requester_downloads_the_answer_file_with_the_link_only(self):
        request_obj, token = information_request()
        upload = SimpleUploadedFile("jawaban.pdf", b"%PDF answer", content_type="application/pdf")
        self.step(request_obj, status=RequestStatus.ANSWERED_PARTIAL, message="Sebagian.", file=upload)
        event = request_obj.events.exclude(file="").get()
        self.client.logout()
        url = f"/id/ppid/permohonan/status/{token}/berkas/{event.pk}/"
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "private, no-store")
        _other, other_token = information_request(name="Lain")
        self.assertEqual(
            self.client.get(f"/id/ppid/permohonan/status/{other_token}/berkas/{event.pk}/").status_code, 404
        )

    def test_refusal_needs_its_exemption_and_legal_basis(self):
        request_obj, _token = information_request()
        response = self.step(request_obj, status=RequestStatus.REFUSED)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Penolakan harus menyebutkan dasar hukumnya.")
        request_obj.refresh_from_db()
        self.assertEqual(request_obj.status, RequestStatus.RECEIVED)
        self.step(request_obj, status=RequestStatus.REFUSED, refusal_ground="17h", refusal_basis="Pasal 17 huruf h")
        request_obj.refresh_from_db()
        self.assertEqual((request_obj.status, request_obj.refusal_ground), (RequestStatus.REFUSED, "17h"))

    def test_a_decision_is_final(self):
        request_obj, _token = information_request()
        self.step(request_obj, status=RequestStatus.ANSWERED_FULL)
        self.step(request_obj, status=RequestStatus.IN_PROCESS)
        request_obj.refresh_from_db()
        self.assertEqual(request_obj.status, RequestStatus.ANSWERED_FULL)

    def test_one_extension_of_seven_working_days_with_a_reason(self):
        request_obj, _token = information_request()
        before = request_obj.due_on
        response = self.step(request_obj, extend="on", extension_reason="")
        self.assertEqual(response.status_code, 200)  # the reason is required
        self.step(request_obj, extend="on", extension_reason="The documents are in the archive.")
        request_obj.refresh_from_db()
        self.assertTrue(request_obj.extended)
        self.assertEqual(request_obj.due_on, clock.add_working_days(before, 7, holidays()))
        response = self.client.get(reverse("ppid_handle_request", args=(request_obj.pk,)))
        self.assertNotContains(response, 'name="extend"')  # only once

    def test_a_new_holiday_moves_open_deadlines(self):
        from ppid.models import Holiday

        request_obj, _token = information_request()
        before = request_obj.due_on
        working_day = clock.add_working_days(request_obj.received_on, 1)
        with self.captureOnCommitCallbacks(execute=True):
            Holiday.objects.create(date=working_day, name="Cuti bersama")
        request_obj.refresh_from_db()
        self.assertEqual(request_obj.due_on, clock.add_working_days(before, 1))

    def test_staff_answer_an_objection(self):
        request_obj, _token = information_request(language="en")
        self.step(request_obj, status=RequestStatus.REFUSED, refusal_ground="17h", refusal_basis="Art. 17(h)")
        objection = Objection.objects.create(request=request_obj, reason="35a", details="Not personal.")
        self.assertEqual(objection.due_on, clock.objection_answer_deadline(objection.filed_on, holidays()))
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("ppid_answer_objection", args=(objection.pk,)),
                {f"objection-{objection.pk}-response": "The refusal stands."},
            )
        objection.refresh_from_db()
        self.assertEqual(objection.status, ObjectionStatus.ANSWERED)
        self.assertIn("has been answered", mail.outbox[-1].subject)


class DashboardAndReportTests(PPIDAdminTestCase):
    def test_dashboard_shows_overdue_requests_to_staff_only(self):
        request_obj, _token = information_request()
        InformationRequest.objects.filter(pk=request_obj.pk).update(due_on=timezone.localdate() - timedelta(days=3))
        self.client.force_login(self.staff)
        response = self.client.get("/admin/")
        self.assertContains(response, request_obj.registration_number)
        self.assertContains(response, 'data-urgency="overdue"')
        response = self.client.get(reverse("ppid_requests:index"))
        self.assertContains(response, "ppid-urgency--overdue")
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get("/admin/"), request_obj.registration_number)

    def test_yearly_report_and_csv(self):
        year = timezone.localdate().year
        answered, _ = information_request()
        self.step(answered, status=RequestStatus.ANSWERED_FULL)
        refused, _ = information_request()
        self.step(refused, status=RequestStatus.REFUSED, refusal_ground="17h", refusal_basis="x")
        information_request()
        response = self.client.get(reverse("ppid_yearly_report"), {"year": year})
        self.assertContains(response, "Permohonan diterima")
        response = self.client.get(reverse("ppid_yearly_report"), {"year": year, "format": "csv"})
        body = response.content.decode("utf-8-sig")
        self.assertIn("Permohonan diterima,3", body)
        self.assertIn("Informasi diberikan seluruhnya,1", body)
        self.assertIn("Ditolak: Pasal 17 huruf h: rahasia pribadi,1", body)
        self.assertIn("Rata-rata hari kerja hingga dijawab,0.0", body)
        response = self.client.get(reverse("ppid_yearly_report"), {"year": "abc"})
        self.assertEqual(response.status_code, 200)


class OPDScopeTests(PPIDAdminTestCase):
    def test_contributor_edits_only_their_own_opds_entries(self):
        own = dip_entry("milik-dlh", Category.BERKALA, "dlh")
        other = dip_entry("milik-dinkes", Category.BERKALA, "dinkes")
        self.client.force_login(contributor("kontributor-dlh", "dlh"))
        self.assertEqual(self.client.get(f"/admin/pages/{own.pk}/edit/").status_code, 200)
        response = self.client.get(f"/admin/pages/{other.pk}/edit/")
        self.assertEqual(response.status_code, 302)
        response = self.client.get(f"/admin/pages/{other.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(type(other).objects.filter(pk=other.pk).exists())

    def test_contributor_may_only_choose_their_opd(self):
        dip_entry("milik-dlh", Category.BERKALA, "dlh")
        make_opd("dinkes")
        self.client.force_login(contributor("kontributor-dlh", "dlh"))
        register = dip_register()
        response = self.client.get(f"/admin/pages/add/ppid/dipentrypage/{register.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Dinas Lingkungan Hidup"
        ) if "Dinas Lingkungan Hidup" in response.content.decode() else None
        options = response.content.decode().split('name="opd"', 1)[1].split("</select>", 1)[0]
        self.assertEqual(options.count('<option value="') - options.count('<option value=""'), 1)

    def test_contributor_sees_only_their_opds_documents(self):
        own = dip_document(dip_entry("milik-dlh", Category.BERKALA, "dlh"), "dlh-doc.pdf")
        other = dip_document(dip_entry("milik-dinkes", Category.BERKALA, "dinkes"), "dinkes-doc.pdf")
        self.client.force_login(contributor("kontributor-dlh", "dlh"))
        response = self.client.get(reverse("ppid_documents:index"))
        self.assertContains(response, reverse("ppid_documents:edit", args=(own.pk,)))
        self.assertNotContains(response, reverse("ppid_documents:edit", args=(other.pk,)))
        response = self.client.get(reverse("ppid_documents:edit", args=(other.pk,)), follow=True)
        self.assertEqual(response.status_code, 404)

    def test_staff_may_download_exempt_documents_in_the_admin(self):
        exempt = dip_document(dip_entry("tertutup", Category.DIKECUALIKAN), "tertutup.pdf", b"%PDF closed")
        self.client.force_login(self.staff)
        self.assertEqual(self.client.get(reverse("ppid_document_file", args=(exempt.pk,))).status_code, 200)
        self.client.force_login(self.editor)
        response = self.client.get(reverse("ppid_document_file", args=(exempt.pk,)))
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"closed", response.content)


class SetupRolesTests(TestCase):
    def test_setup_roles_is_idempotent_and_only_ppid_and_administrators_see_requests(self):
        request_page()
        setup_roles()
        setup_roles()
        self.assertEqual(Group.objects.filter(name=PPID_GROUP).count(), 1)
        holders = Group.objects.filter(permissions__codename="view_informationrequest").values_list("name", flat=True)
        self.assertEqual(set(holders), {PPID_GROUP, roles.ADMINISTRATORS_GROUP})
        self.assertFalse(get_user_model().objects.exists())


class HolidayAdminTests(PPIDAdminTestCase):
    def test_staff_add_a_holiday_in_both_languages(self):
        from ppid.models import Holiday

        self.client.force_login(self.staff)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("ppid_holidays:add"),
                {"date": "2026-12-24", "name_ind": "Cuti bersama Natal", "name_en": "Christmas leave"},
            )
        self.assertEqual(response.status_code, 302)
        holiday = Holiday.objects.get(date="2026-12-24")
        self.assertEqual((holiday.name_ind, holiday.name_en), ("Cuti bersama Natal", "Christmas leave"))
        self.client.force_login(self.editor)
        self.assertNotEqual(self.client.get(reverse("ppid_holidays:index")).status_code, 200)


class StaffDownloadTests(PPIDAdminTestCase):
    def test_staff_download_step_files_and_see_document_links(self):
        request_obj, _token = information_request()
        upload = SimpleUploadedFile("jawaban.pdf", b"%PDF answer", content_type="application/pdf")
        self.step(request_obj, status=RequestStatus.ANSWERED_FULL, file=upload)
        event = request_obj.events.exclude(file="").get()
        response = self.client.get(reverse("ppid_handle_request", args=(request_obj.pk,)))
        self.assertContains(response, reverse("ppid_event_file", args=(event.pk,)))
        self.assertEqual(self.client.get(reverse("ppid_event_file", args=(event.pk,))).status_code, 200)
        document = dip_document(dip_entry("tertutup", Category.DIKECUALIKAN), "tertutup.pdf")
        response = self.client.get(reverse("ppid_documents:index"))
        self.assertContains(response, reverse("ppid_document_file", args=(document.pk,)))
        self.client.force_login(self.editor)
        self.assertNotEqual(self.client.get(reverse("ppid_event_file", args=(event.pk,))).status_code, 200)


class PeriodicReviewPanelTests(PPIDAdminTestCase):
    def test_periodic_entries_older_than_six_months_are_listed(self):
        stale = dip_entry("apbd-lama", Category.BERKALA, made_on=timezone.localdate() - timedelta(days=200))
        fresh = dip_entry("apbd-baru", Category.BERKALA, made_on=timezone.localdate() - timedelta(days=10))
        not_periodic = dip_entry(
            "lama-setiap-saat", Category.SETIAP_SAAT, made_on=timezone.localdate() - timedelta(days=400)
        )
        self.client.force_login(self.staff)
        response = self.client.get("/admin/")
        self.assertContains(response, f"/admin/pages/{stale.pk}/edit/")
        self.assertNotContains(response, f"/admin/pages/{fresh.pk}/edit/")
        self.assertNotContains(response, f"/admin/pages/{not_periodic.pk}/edit/")
        self.assertIsNone(not_periodic.review_due)
        page = self.client.get("/en/ppid/dip/apbd-baru/")
        self.assertContains(page, "Next update due")
