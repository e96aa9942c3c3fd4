"""The city's primary colour: the WCAG 2.1 contrast check editors' choices must pass, and the small
stylesheet that gives the colour to the site's CSS (``--brand``, ``--brand-dark``).

The public pages' Content-Security-Policy allows only stylesheets from our own origin (no inline
``<style>``), so the colour is served as ``/theme.css`` (``home.views.theme_css``), linked with a version
naming the colour: a new colour is a new address, which browsers may keep for a year.

The contrast ratio is computed here (the WCAG 2.1 definition of relative luminance, a few lines) rather
than with a dependency: no well-kept package offers only this.
"""

import hashlib
import re

DEFAULT_PRIMARY = "#0b4f6c"  # static/css/site.css's --brand: a calm sea blue, 8.9:1 on white
WHITE = "#ffffff"
PAGE_BACKGROUND = WHITE  # static/css/site.css's --bg
AA_NORMAL_TEXT = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def normalise(value):
    """``#RRGGBB`` in lower case from ``#rgb``/``#rrggbb`` (with or without ``#``, spaces trimmed); None if
    it is not such a colour."""
    value = (value or "").strip().lower()
    if value and not value.startswith("#"):
        value = f"#{value}"
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(digit * 2 for digit in value[1:])
    return value if HEX_COLOUR.match(value) else None


def _channels(colour):
    return [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]


def relative_luminance(colour):
    """WCAG 2.1 relative luminance of ``#rrggbb``."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _channels(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    """WCAG 2.1 contrast ratio between two ``#rrggbb`` colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def weakest_contrast(colour):
    """The lower of the colour's contrast with white text on it (the header, buttons) and with the page
    background it is written on (links, headings)."""
    return min(contrast_ratio(colour, WHITE), contrast_ratio(colour, PAGE_BACKGROUND))


def darker(colour, amount=0.35):
    """``colour`` mixed with ``amount`` of black (hover states and headings: more contrast, never less)."""
    return "#" + "".join(f"{round(c * 255 * (1 - amount)):02x}" for c in _channels(colour))


def stylesheet(colour):
    """The CSS that sets the site's brand colours from ``colour``."""
    return f":root {{\n    --brand: {colour};\n    --brand-dark: {darker(colour)};\n}}\n"


def version(colour):
    """A short name for the stylesheet of ``colour`` (its address changes with it)."""
    return hashlib.sha256(stylesheet(colour).encode()).hexdigest()[:12]
