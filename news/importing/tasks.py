"""The admin screen's dry run and import, as background tasks (django-tasks, the framework Wagtail's own
tasks use). Each updates its ``ImportRun`` row as it goes, which is what the screen shows; the uploaded
file is deleted once the import has run."""

import logging
import os

from django.utils import timezone
from django.utils.translation import gettext

from django_tasks import task

from home.models import OPD
from news.importing import importer, sources
from news.importing.models import ImportRun

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 1  # progress is written after every batch of ``importer.BATCH`` entries


def options_for(run, dry_run):
    data = run.options
    label_map = {
        label: importer.LabelTarget(
            opd=OPD.objects.filter(pk=target.get("opd")).first() if target.get("opd") else None,
            news_type=target.get("news_type", ""),
            drop=target.get("drop", False),
        )
        for label, target in data.get("label_map", {}).items()
    }
    return importer.Options(
        opd=OPD.objects.get(pk=data["opd"]),
        label_map=label_map,
        fetch_media=data.get("fetch_media", False),
        dry_run=dry_run,
        pages_parent=importer.resolve_pages_parent(data.get("pages_parent", "")),
        file_format=data.get("file_format", "auto"),
    )


def label_map_as_json(label_map):
    return {
        label: {"opd": target.opd.pk if target.opd else None, "news_type": target.news_type, "drop": target.drop}
        for label, target in label_map.items()
    }


def _execute(run_id, dry_run):
    run = ImportRun.objects.get(pk=run_id)
    ImportRun.objects.filter(pk=run_id).update(
        status=ImportRun.Status.RUNNING if not dry_run else run.status,
        started_at=timezone.now() if not dry_run else None,
        processed=0,
    )

    def progress(done, total):
        ImportRun.objects.filter(pk=run_id).update(processed=done, total=total)

    field = "summary" if dry_run else "report"
    try:
        if not run.stored_file:
            raise importer.ImportConfigError(gettext("The uploaded file is no longer on the server; upload it again."))
        report = importer.run_import(run.stored_file, options_for(run, dry_run), progress=progress)
    except sources.ExportError as error:
        result = {"error": {"code": error.code, "detail": error.detail}}
        status = ImportRun.Status.FAILED
    except (importer.ImportConfigError, OPD.DoesNotExist) as error:
        result = {"error": {"code": "config", "detail": str(error)}}
        status = ImportRun.Status.FAILED
    except Exception:
        logger.exception("Import %s failed", run_id)
        result = {"error": {"code": "crash", "detail": ""}}
        status = ImportRun.Status.FAILED
    else:
        result = report.as_dict()
        status = ImportRun.Status.ANALYSED if dry_run else ImportRun.Status.DONE
        ImportRun.objects.filter(pk=run_id).update(file_format=report.file_format, total=report.total)
    updates = {field: result, "status": status}
    if not dry_run or status == ImportRun.Status.FAILED:
        updates["finished_at"] = timezone.now()
        remove_file(run.stored_file)
        updates["stored_file"] = ""
    ImportRun.objects.filter(pk=run_id).update(**updates)


def remove_file(path):
    if path:
        try:
            os.remove(path)
        except OSError:
            pass


@task()
def analyse_import(run_id):
    """The dry run: what the import would do, without changing anything."""
    _execute(run_id, dry_run=True)


@task()
def run_import(run_id):
    """The import itself."""
    _execute(run_id, dry_run=False)
