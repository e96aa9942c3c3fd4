"""StreamField blocks shared by every content page (standard pages, news, heritage, programmes)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Block previews (the block picker in the page editor shows each block's description and a rendered sample).
# Samples that need a picture, a document or a page take the first one in the library at the time the
# picker asks, so a fresh site shows the block without it rather than failing.


def first_image():
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("pk").first()


def first_document():
    from wagtail.documents import get_document_model

    return get_document_model().objects.order_by("pk").first()


def first_page():
    from wagtail.models import Page

    return Page.objects.filter(depth__gt=1).live().order_by("path").first()


def sample_image():
    return {
        "image": first_image(),
        "caption": _("Pulau Penyengat seen from the Tanjungpinang waterfront."),
        "credit": "Diskominfo Kota Tanjungpinang",
    }


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    size = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Sub-heading (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that starts a section; screen readers use it to navigate.")
        preview_value = {"text": _("Programme of the day"), "size": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200, help_text=_("Photographer or source."))

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with an optional caption and credit.")
        preview_value = staticmethod(sample_image)


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    speaker = blocks.CharBlock(label=_("Speaker"), required=False, max_length=200)
    role = blocks.CharBlock(
        label=_("Role"), required=False, max_length=200, help_text=_("For example: Wali Kota Tanjungpinang.")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the speaker's name and role.")
        preview_value = {
            "text": _("Our heritage is the identity of this city; let us look after it together."),
            "speaker": "Wali Kota Tanjungpinang",
            "role": _("Mayor of Tanjungpinang"),
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Document")
        description = _("A link to download a document, with its file type and size.")
        preview_value = staticmethod(lambda: {"document": first_document(), "title": ""})


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every content page body offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        description=_("Text with links and lists."),
        preview_value=_(
            "<p>The technical guidance workshop (<b>bimtek</b>) runs for two days at the mayor's office. "
            "Participants bring a laptop.</p>"
        ),
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        template="blocks/embed_block.html",
        help_text=_("A YouTube or other media URL."),
        description=_("A video or other media from a URL."),
        # The sample is drawn, not fetched: a preview must not call a video site from the editor's browser or the server.
        preview_template="blocks/previews/embed_block.html",
        preview_value={"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ"},
    )
    document = DocumentLinkBlock()
    table = TableBlock(
        label=_("Table"),
        template="blocks/table_block.html",
        description=_("A data table; the first row can be used as column headers."),
        preview_value={
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [
                [_("Session"), _("Time")],
                [_("Opening"), "08.00"],
                [_("Practice"), "09.30"],
            ],
        },
    )


class FeaturedSectionBlock(blocks.StructBlock):
    """One of the home page's featured sections, pointing visitors to a part of the site."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    page = blocks.PageChooserBlock(label=_("Links to"))

    class Meta:
        icon = "pick"
        template = "blocks/featured_section_block.html"
        label = _("Featured section")
        description = _("A card on the home page that points visitors to a part of the site.")
        preview_value = staticmethod(
            lambda: {
                "heading": _("Heritage sites"),
                "text": _("The register of the city's cultural heritage, with a map."),
                "page": first_page(),
            }
        )
