"""The smart city progress summary of the home page (``home.sections``): the masterplan's programmes counted
by status with the progress board's own aggregation (``smartcity.board.progress_board``), rendered once
per language and kept with ``serving.derived`` until the content changes."""

from django.template.loader import render_to_string
from django.utils import translation

from home import sections
from serving.derived import remember
from smartcity import board
from smartcity.models import SmartCityIndexPage


def progress_summary(home, request):
    if not home.show_smartcity_progress:
        return ""

    def render():
        masterplan = SmartCityIndexPage.objects.listed(home).order_by("path").first()
        if masterplan is None:
            return ""
        progress = board.progress_board(masterplan.programmes())
        if not progress["total"]:
            return ""
        return render_to_string(
            "home/sections/smartcity_progress.html",
            {"masterplan": masterplan, "progress": progress, "request": request},
        )

    if sections.is_preview(request):
        return render()
    return remember(f"home:smartcity:{translation.get_language()}:{home.pk}", render)


sections.register("smartcity_progress", progress_summary)
