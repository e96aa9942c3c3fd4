"""Every e-mail is sent by a background task: a mail server that is down fails no request and loses no mail.

With the database backend the mail waits in the task table; a failed attempt is kept as a failed task and the
same mail is queued again, and the worker sends it once the server answers. A real SMTP server (aiosmtpd) on
loopback plays the mail server; "down" is a loopback port nothing listens on."""

import logging

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.settings import tasks_config
from ops.mail import QUEUED_BACKEND
from tests.tasks.smtp import SMTPServer, free_port

SEND_TASK = "ops.mail.send_email"


def smtp_settings(port, **extra):
    return override_settings(
        EMAIL_BACKEND=QUEUED_BACKEND,
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=2,
        **extra,
    )


def run_worker(**options):
    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0, **options)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_password_reset_mail_waits_for_the_mail_server_and_is_sent_when_it_returns(client):
    """A password reset asked for while the mail server is down answers as usual; the worker's attempt fails
    and queues the mail again; once the server is back the next run delivers it, link and all."""
    get_user_model().objects.create_user("redaksi", "redaksi@tanjungpinangkota.go.id", "pw")
    port = free_port()
    # No wait between attempts here, so one worker run can take the retry; production waits a minute, then more.
    with smtp_settings(port, TASKS=tasks_config("database"), EMAIL_RETRY_DELAYS=[0, 0]):
        response = client.post("/admin/password_reset/", {"email": "redaksi@tanjungpinangkota.go.id"})
        assert response.status_code == 302
        queued = DBTaskResult.objects.get(task_path=SEND_TASK)
        assert queued.status == TaskResultStatus.READY

        run_worker(max_tasks=1)  # the mail server is down
        queued.refresh_from_db()
        assert queued.status == TaskResultStatus.FAILED
        assert "ConnectionRefusedError" in queued.exception_class_path
        retry = DBTaskResult.objects.get(task_path=SEND_TASK, status=TaskResultStatus.READY)
        assert retry.args_kwargs["args"][1] == 2  # the second attempt

        with SMTPServer(port) as server:
            run_worker()
        retry.refresh_from_db()
        assert retry.status == TaskResultStatus.SUCCESSFUL
        assert [message["to"] for message in server.messages] == [["redaksi@tanjungpinangkota.go.id"]]
        assert "/admin/password_reset/" in server.messages[0]["content"]


@pytest.mark.django_db
def test_the_last_attempt_gives_up_without_queueing_again():
    """When the retry delays are used up the task fails for good and nothing more is queued."""
    with smtp_settings(free_port(), TASKS=tasks_config("database"), EMAIL_RETRY_DELAYS=[]):
        from ops.mail import send_email

        mail.EmailMessage("Uji", "Isi", "a@example.org", ["b@example.org"]).send()
        task = DBTaskResult.objects.get(task_path=SEND_TASK)
        with pytest.raises(ConnectionRefusedError):
            send_email.call(*task.args_kwargs["args"])
        assert DBTaskResult.objects.filter(task_path=SEND_TASK).count() == 1


@pytest.mark.django_db
def test_immediate_backend_with_the_mail_server_down_is_no_error_page(client, caplog):
    """Without the worker (the immediate backend) a failed send is logged, never turned into an error page."""
    get_user_model().objects.create_user("redaksi", "redaksi@tanjungpinangkota.go.id", "pw")
    with smtp_settings(free_port()), caplog.at_level(logging.ERROR, logger="ops.mail"):
        response = client.post("/admin/password_reset/", {"email": "redaksi@tanjungpinangkota.go.id"})
    assert response.status_code == 302
    assert "not sent after 1 attempts" in caplog.text
    assert not DBTaskResult.objects.exists()


@override_settings(EMAIL_BACKEND=QUEUED_BACKEND, EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_a_queued_message_arrives_whole():
    """What the task sends is the message that was queued: recipients, headers, HTML part and attachments."""
    message = mail.EmailMultiAlternatives(
        "Halaman menunggu tinjauan",
        "Teks",
        "redaksi@tanjungpinangkota.go.id",
        ["a@example.org"],
        cc=["b@example.org"],
        bcc=["c@example.org"],
        reply_to=["d@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Teks</p>", "text/html")
    message.attach("laporan.csv", "a,b\n1,2\n", "text/csv")
    message.attach("logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    assert message.send() == 1

    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == (message.subject, message.body, message.from_email)
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (message.to, message.cc, message.bcc, message.reply_to)
    assert sent.extra_headers == {"Auto-Submitted": "auto-generated"}
    assert list(sent.alternatives) == [("<p>Teks</p>", "text/html")]
    assert [tuple(attachment) for attachment in sent.attachments] == [
        ("laporan.csv", "a,b\n1,2\n", "text/csv"),
        ("logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ]
