"""Blocks owned by news/: the article body (shared blocks plus a gallery) and the event-detail lists."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import BaseStreamBlock, ImageBlock, first_document, first_image, sample_image


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Gallery title"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        template = "news/blocks/gallery_block.html"
        label = _("Gallery")
        description = _("Several photos of the activity, each with a caption and credit.")
        preview_value = staticmethod(lambda: {"title": _("Bimtek day one"), "images": [sample_image(), sample_image()]})


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
        description = _("A speaker or moderator of the event, with their role and institution.")
        preview_value = staticmethod(
            lambda: {
                "name": "Dr. Siti Aminah",
                "role": _("Speaker"),
                "institution": "Diskominfo Provinsi Kepulauan Riau",
                "photo": first_image(),
            }
        )


class AgendaItemBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("Day"), required=False)
    start = blocks.TimeBlock(label=_("Starts"), required=False)
    end = blocks.TimeBlock(label=_("Ends"), required=False)
    session = blocks.CharBlock(label=_("Session"), max_length=250)
    speaker = blocks.CharBlock(label=_("Speaker"), required=False, max_length=200)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        description = _("One session of the event's programme, with its day and times.")
        preview_value = {"start": "08:00", "end": "09:30", "session": _("Opening and briefing"), "speaker": ""}


class MaterialDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        description = _("A handout or slide deck of the event, to download.")
        preview_value = staticmethod(lambda: {"document": first_document(), "title": _("Presentation slides")})


class MaterialRecordingBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Recording URL"), help_text=_("For example the YouTube recording of the session."))
    title = blocks.CharBlock(label=_("Title"), max_length=200)

    class Meta:
        icon = "media"
        label = _("Recording")
        description = _("A link to the recording of a session.")
        preview_value = {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "title": _("Recording of day one")}


class MaterialsBlock(blocks.StreamBlock):
    document = MaterialDocumentBlock()
    recording = MaterialRecordingBlock()


class SpeakersBlock(blocks.StreamBlock):
    speaker = SpeakerBlock()


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()
