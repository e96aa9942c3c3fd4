"""StreamField blocks shared by every content page (standard pages, news, heritage, programmes)."""

from django.core.exceptions import ValidationError
from django.utils import translation
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


# The icons a service link may show: simple line drawings shipped with the site
# (templates/home/icons/<name>.svg), drawn for it, so that no artwork is borrowed.
SERVICE_ICONS = [
    ("document", _("Document")),
    ("id-card", _("Identity card")),
    ("family", _("Family")),
    ("health", _("Health")),
    ("school", _("School")),
    ("shop", _("Business and permits")),
    ("money", _("Taxes and payments")),
    ("megaphone", _("Complaints")),
    ("map", _("Map")),
    ("calendar", _("Calendar")),
    ("info", _("Information")),
    ("phone", _("Phone")),
]


class ServiceLinkValue(blocks.StructValue):
    """The label in the visitor's language (Indonesian when English is empty) and the link's address."""

    @property
    def label(self):
        if translation.get_language() == "en" and self.get("label_en"):
            return self["label_en"]
        return self["label_id"]

    @property
    def label_is_fallback(self):
        """True on an English page showing the Indonesian label (the link then carries ``lang="id"``)."""
        return translation.get_language() != "id" and not self.get("label_en")


def sample_service():
    return {
        "icon": "id-card",
        "label_id": "Layanan kependudukan",
        "label_en": "Civil registration",
        "page": None,
        "url": "https://www.example.org/",
    }


class ServiceLinkBlock(blocks.StructBlock):
    """One quick link of the home page's "Layanan" (Services) block."""

    icon = blocks.ChoiceBlock(label=_("Icon"), choices=SERVICE_ICONS, default="document")
    label_id = blocks.CharBlock(label=_("Label (Indonesian)"), max_length=60)
    label_en = blocks.CharBlock(
        label=_("Label (English)"),
        max_length=60,
        required=False,
        help_text=_("Leave empty to show the Indonesian label on English pages."),
    )
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(
        label=_("Or an address elsewhere"),
        required=False,
        help_text=_("A full address starting with https://, when the service is on another website."),
    )

    class Meta:
        icon = "link"
        template = "blocks/service_link_block.html"
        label = _("Service link")
        value_class = ServiceLinkValue
        description = _("A quick link to a public service, with an icon and a label in both languages.")
        preview_value = staticmethod(sample_service)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page on this site or enter an address elsewhere (one of the two).")
            raise blocks.StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value
