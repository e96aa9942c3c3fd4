"""Small generated PDFs for demo and test documents: one page of text, drawn with Pillow.

Pillow is already a dependency (images) and writes PDF; no PDF library is needed for a page of
placeholder text, and no binary fixtures are kept in the repository.
"""

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


def placeholder_file(filename, lines):
    """A ``ContentFile`` named ``filename`` holding ``placeholder_pdf(lines)``, ready for a Document."""
    return ContentFile(placeholder_pdf(lines), name=filename)
