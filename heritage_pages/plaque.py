"""QR codes for printable heritage plaques (segno)."""

import segno

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
