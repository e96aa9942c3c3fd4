"""Printable heritage plaques: the QR code (segno) and the plaque page's addresses.

``heritage_pages.models`` imports this module (the site page's plaque route); it works on the page it is given.
"""

from django.utils import translation

import segno

from home import bilingual

QR_SCALE = 10
QR_BORDER = 4


def make_qr(target):
    """A QR code for ``target`` with error correction level Q, so a scratched plaque still scans."""
    return segno.make(target, error="q", micro=False)


def qr_image(target):
    """``{"data_uri", "size"}``: the QR code as a PNG data URI, large enough to print sharply, and its pixel size."""
    qr = make_qr(target)
    width, _height = qr.symbol_size(scale=QR_SCALE, border=QR_BORDER)
    return {"data_uri": qr.png_data_uri(scale=QR_SCALE, border=QR_BORDER), "size": width}


def plaque_context(site, request):
    """What the plaque template shows beside the site: the QR code of its language-neutral address
    (``site.plaque_url``), and the plaque's address in each language the site is written in, with the
    canonical one."""
    target = request.build_absolute_uri(site.plaque_url)
    route = site.reverse_subpage("plaque")
    alternates = [
        (language, request.build_absolute_uri(bilingual.page_url(site, language, request) + route))
        for language in bilingual.translated_languages(site)
    ]
    alternates.append(("x-default", alternates[0][1]))
    return {
        "qr_target": target,
        "qr": qr_image(target),
        "plaque_alternates": alternates,
        "plaque_canonical": dict(alternates).get(
            bilingual.DEFAULT_LANGUAGE if bilingual.is_fallback(site) else translation.get_language()
        ),
    }
