"""Small generated PDFs for demo and test documents: one page of text, drawn with Pillow.

Pillow is already a dependency (images) and writes PDF; no PDF library is needed for a page of
placeholder text, and no binary fixtures are kept in the repository.
"""

import hashlib
import io
import textwrap

from django.core.files.base import ContentFile


def placeholder_pdf(lines):
    """The bytes of a one-page A4 PDF (at 72 dpi) showing ``lines`` of text, each wrapped to the page."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(page)
    y = 60
    for line in lines:
        for part in textwrap.wrap(line, width=80) or [""]:
            draw.text((50, y), part, fill=0)
            y += 16
        y += 8
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=72)
    return buffer.getvalue()


def placeholder_document(title, filename, lines):
    """A saved Wagtail document holding ``placeholder_pdf(lines)``, with its size and hash recorded (as the
    admin's upload form records them), so pages can show its size without touching storage."""
    from wagtail.documents import get_document_model

    content = placeholder_pdf(lines)
    digest = hashlib.sha1(content).hexdigest()  # noqa: S324  (Wagtail's own file_hash is SHA-1)
    document = get_document_model()(title=title, file_size=len(content), file_hash=digest)
    document.file = ContentFile(content, name=filename)
    document.save()
    return document
