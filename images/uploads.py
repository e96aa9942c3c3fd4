"""Checks on uploaded images and documents, cheapest first, so a hostile file is refused quickly.

Wagtail's own image field opens the file with Willow before it looks at its size, and Willow tries to
parse anything it does not recognise as SVG (XML): 100 MB of zeros named ``.png`` held a worker for half a
minute. A picture whose header announces 30000×30000 pixels made Pillow raise its decompression-bomb error,
which Wagtail does not turn into a form error (a 500). So, in order: the size, the first bytes (a known
image signature, read with ``filetype`` as Willow does), the pixel count from the header (nothing decoded),
and only then one decode of the picture (a JPEG at 1/8 scale) to refuse a truncated or corrupt file
before it reaches the image library at rendition time. Every refusal is a form error in the editor's
language.

SVG (for logos and coats of arms) is read as XML with ``defusedxml`` (no entities, no external
references), and refused when it holds anything active: scripts, event handlers, embedded HTML or links
to other files. An SVG opened on its own (its media address) runs its scripts with the site's origin;
one without any is a picture and nothing else.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

import defusedxml.ElementTree
import filetype
from PIL import Image

HEADER_BYTES = 262  # what filetype needs to recognise every format it knows

DAMAGED = _("This image file is damaged or incomplete. Save it again in an image editor and upload it again.")
TOO_MANY_PIXELS = _("This image has too many pixels. The largest accepted is %(limit)s pixels.")
NOT_AN_IMAGE = _("This file is not an image in a supported format (%(formats)s).")
SVG_ACTIVE = _(
    "This SVG file contains scripts, event handlers, embedded HTML or links to other files, which are not "
    'accepted. Export it again as a plain drawing (for example "Plain SVG" in Inkscape).'
)
SVG_DAMAGED = _("This SVG file could not be read as an SVG drawing. Export it again from a drawing program.")
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
# Elements that run code, embed documents or load other files.
SVG_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "audio", "video", "handler", "listener"}


def _local(name):
    return name.rsplit("}", 1)[-1].lower()


def check_svg(upload):
    """Refuse an SVG that is not plain XML with an ``<svg>`` root, or that holds active content."""
    upload.seek(0)
    try:
        root = defusedxml.ElementTree.parse(upload).getroot()
    except Exception as error:  # malformed XML, a DTD entity, an external reference: defusedxml refuses them
        raise ValidationError(SVG_DAMAGED, code="invalid_image") from error
    finally:
        upload.seek(0)
    if root.tag not in (f"{SVG_NAMESPACE}svg", "svg"):
        raise ValidationError(SVG_DAMAGED, code="invalid_image")
    for element in root.iter():
        if not isinstance(element.tag, str) or _local(element.tag) in SVG_ACTIVE_ELEMENTS:
            raise ValidationError(SVG_ACTIVE, code="invalid_image")
        for name, value in element.attrib.items():
            local = _local(name)
            if local.startswith("on"):
                raise ValidationError(SVG_ACTIVE, code="invalid_image")
            # Only links inside the drawing itself (``#gradient``) or to inline pictures.
            if local == "href" and not value.strip().startswith(("#", "data:image/png", "data:image/jpeg")):
                raise ValidationError(SVG_ACTIVE, code="invalid_image")
            if "url(" in value and "url(#" not in value.replace(" ", ""):
                raise ValidationError(SVG_ACTIVE, code="invalid_image")


def is_svg_upload(upload):
    return (getattr(upload, "name", "") or "").lower().endswith(".svg")


def _head(upload):
    upload.seek(0)
    head = upload.read(HEADER_BYTES)
    upload.seek(0)
    return head


class SafeImageField(WagtailImageField):
    """Wagtail's image field with the cheap checks first and no exception escaping as a 500."""

    def to_python(self, data):
        if data in self.empty_values or not hasattr(data, "size"):
            return super().to_python(data)
        if self.max_upload_size is not None and data.size > self.max_upload_size:
            raise ValidationError(
                self.error_messages["file_too_large"]
                % {"file_size": filesizeformat(data.size), "max_filesize": self.max_upload_size_text},
                code="file_too_large",
            )
        if is_svg_upload(data) and "svg" in self.allowed_image_extensions:
            check_svg(data)
            try:
                return super().to_python(data)
            except ValidationError:
                raise
            except Exception as error:  # the image library failing on an odd but harmless drawing
                raise ValidationError(SVG_DAMAGED, code="invalid_image") from error
        kind = filetype.guess(_head(data))
        if kind is None or not kind.mime.startswith("image/"):
            raise ValidationError(NOT_AN_IMAGE, code="invalid_image", params={"formats": self.supported_formats_text})
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                upload = super().to_python(data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(
                TOO_MANY_PIXELS, code="file_too_many_pixels", params={"limit": self.max_image_pixels}
            ) from error
        except ValidationError:
            raise
        except Exception as error:  # any other failure of the image library reading the header
            raise ValidationError(DAMAGED, code="invalid_image") from error
        self.check_decodes(upload)
        return upload

    @staticmethod
    def check_decodes(upload):
        """Decode the picture once (bounded by the pixel limit already checked): a truncated file fails here."""
        source = upload.temporary_file_path() if hasattr(upload, "temporary_file_path") else upload
        try:
            if hasattr(source, "seek"):
                source.seek(0)
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(source) as picture:
                    if picture.format == "JPEG":
                        picture.draft("RGB", (max(1, picture.width // 8), max(1, picture.height // 8)))
                    picture.load()
        except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError... for a damaged file
            raise ValidationError(DAMAGED, code="invalid_image") from error
        finally:
            if hasattr(source, "seek"):
                source.seek(0)


class CityImageForm(BaseImageForm):
    """The admin's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``), with the safe file field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            old = self.fields["file"]
            self.fields["file"] = SafeImageField(label=old.label, required=old.required, help_text=old.help_text)


class CityDocumentForm(BaseDocumentForm):
    """The admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): a size limit on top of the extension list."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = getattr(settings, "DOCUMENT_MAX_UPLOAD_SIZE", None)
        if upload and limit and getattr(upload, "size", 0) > limit:
            raise ValidationError(
                _("This file is too big (%(size)s). The largest document accepted is %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        return upload
