"""Blocks owned by news/: the article body (shared blocks plus a gallery) and the event-detail lists."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import BaseStreamBlock, ImageBlock


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Gallery title"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        template = "news/blocks/gallery_block.html"
        label = _("Gallery")
        description = _("Several photos of the activity, each with a caption and credit.")


class NewsStreamBlock(BaseStreamBlock):
    """The shared content blocks plus a photo gallery, for news bodies."""

    gallery = GalleryBlock()


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), max_length=200, help_text=_("For example: Narasumber, Moderator."))
    institution = blocks.CharBlock(label=_("Institution"), required=False, max_length=200)
    photo = ImageChooserBlock(label=_("Photo"), required=False)

    class Meta:
        icon = "user"
        label = _("Speaker")


class AgendaItemBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("Day"), required=False)
    start = blocks.TimeBlock(label=_("Starts"), required=False)
    end = blocks.TimeBlock(label=_("Ends"), required=False)
    session = blocks.CharBlock(label=_("Session"), max_length=250)
    speaker = blocks.CharBlock(label=_("Speaker"), required=False, max_length=200)

    class Meta:
        icon = "time"
        label = _("Agenda item")


class MaterialDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")


class MaterialRecordingBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Recording URL"), help_text=_("For example the YouTube recording of the session."))
    title = blocks.CharBlock(label=_("Title"), max_length=200)

    class Meta:
        icon = "media"
        label = _("Recording")


class MaterialsBlock(blocks.StreamBlock):
    document = MaterialDocumentBlock()
    recording = MaterialRecordingBlock()


class SpeakersBlock(blocks.StreamBlock):
    speaker = SpeakerBlock()


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()
