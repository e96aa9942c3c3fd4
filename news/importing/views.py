"""The admin screen: administrators upload an export, read the dry run, start the import and follow it."""

import datetime
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from news.importing import importer, tasks
from news.importing.forms import UploadForm
from news.importing.models import ImportRun

PERMISSION = "news_importing.add_importrun"
REFRESH_SECONDS = 3
UPLOAD_KEPT = datetime.timedelta(days=1)  # an upload checked but never imported is deleted after this


def can_import(user):
    return user.is_active and user.has_perm(PERMISSION)


def _check(request):
    if not can_import(request.user):
        raise PermissionDenied


def upload_folder():
    """Where uploads wait for their import: outside MEDIA_ROOT, so an export (drafts included) is never served."""
    folder = Path(getattr(settings, "NEWS_IMPORT_DIR", Path(settings.BASE_DIR) / "var" / "imports"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def forget_old_uploads():
    """Delete uploads that were checked but not imported within ``UPLOAD_KEPT`` (an export holds drafts)."""
    stale = ImportRun.objects.filter(status=ImportRun.Status.ANALYSED, created_at__lt=timezone.now() - UPLOAD_KEPT)
    for run in stale.exclude(stored_file=""):
        tasks.remove_file(run.stored_file)
        ImportRun.objects.filter(pk=run.pk).update(stored_file="")


def index(request):
    _check(request)
    forget_old_uploads()
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["export"]
        path = upload_folder() / f"{uuid.uuid4().hex}.xml"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        run = ImportRun.objects.create(
            created_by=request.user,
            file_name=Path(upload.name).name[:255],
            stored_file=str(path),
            status=ImportRun.Status.QUEUED,
            options={
                "opd": form.cleaned_data["opd"].pk,
                "fetch_media": form.cleaned_data["fetch_media"],
                "label_map": tasks.label_map_as_json(form.cleaned_data["label_map"]),
            },
        )
        transaction.on_commit(lambda: tasks.analyse_import.enqueue(run.pk))
        return redirect("news_import_run", run.pk)
    return render(
        request,
        "news_importing/index.html",
        {
            "page_title": _("Import posts"),
            "header_icon": "download",
            "form": form,
            "runs": ImportRun.objects.select_related("created_by")[:20],
        },
    )


def detail(request, pk):
    _check(request)
    run = get_object_or_404(ImportRun, pk=pk)
    analysing = run.status == ImportRun.Status.QUEUED and not run.summary
    working = analysing or run.status in (ImportRun.Status.QUEUED, ImportRun.Status.RUNNING)
    return render(
        request,
        "news_importing/detail.html",
        {
            "page_title": _("Import of %(file)s") % {"file": run.file_name},
            "header_icon": "download",
            "run": run,
            "analysing": analysing,
            "working": working,
            "refresh": REFRESH_SECONDS if working else None,
            "summary": _present(run.summary),
            "report": _present(run.report),
            "can_start": run.status == ImportRun.Status.ANALYSED and bool(run.stored_file),
            "index_url": reverse("news_import"),
        },
    )


@require_POST
def start(request, pk):
    _check(request)
    with transaction.atomic():
        run = get_object_or_404(ImportRun.objects.select_for_update(), pk=pk)
        if run.status == ImportRun.Status.ANALYSED and run.stored_file:
            run.status = ImportRun.Status.QUEUED
            run.processed = 0
            run.save(update_fields=["status", "processed"])
            transaction.on_commit(lambda: tasks.run_import.enqueue(run.pk))
    return redirect("news_import_run", pk)


def _present(data):
    """A stored report as the template shows it, in the reader's language."""
    if not data:
        return None
    if "error" in data:
        error = data["error"]
        if error["code"] == "config":
            message = error["detail"]
        elif error["code"] == "crash":
            message = _("The import stopped on an unexpected error; the server log has the details.")
        else:
            message = importer.file_error_message(importer.sources.ExportError(error["code"], error["detail"]))
        return {"error": message}
    report = importer.Report.from_dict(data)
    return {"rows": report.summary(), "lines": report.messages(), "report": report}
