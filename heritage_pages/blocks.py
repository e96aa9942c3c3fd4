"""StreamField blocks owned by the heritage register: a site's history with timeline entries."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import BaseStreamBlock


class TimelineItemBlock(blocks.StructBlock):
    """One dated event in a site's history (a year or a period, and what happened)."""

    date = blocks.CharBlock(
        label=_("Date or period"), max_length=60, help_text=_("For example: 1832, or c. 1782–1784.")
    )
    event = blocks.TextBlock(label=_("What happened"), max_length=600)

    class Meta:
        icon = "date"
        template = "heritage_pages/blocks/timeline_item_block.html"
        label = _("Timeline entry")
        description = _("A dated event in the site's history.")
        preview_value = {"date": "1832", "event": _("The mosque is rebuilt in brick and stone.")}


class HistoryStreamBlock(BaseStreamBlock):
    """The shared content blocks plus timeline entries, for a heritage site's history."""

    timeline_item = TimelineItemBlock()
