"""Take the screenshots for bin/screenshots (which builds and serves the demo site first).

    python bin/screenshots.py BASE_URL OUT_DIR [PAGE_TYPE…]

One live page of each type (the first in the tree), in each language it exists in, plus search results,
at 390×844 (a phone; the page down to two screens) and 1366×900 (a desktop; the first screen). PNGs are
reduced to a 256-colour palette so the folder stays small enough to commit.
"""

import io
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
SIZES = {"phone": (390, 844, 2 * 844), "desktop": (1366, 900, 900)}


def targets(only=()):
    """``(name, language, path)`` for one page of each type and the search results page."""
    from django.urls import reverse
    from django.utils import translation

    from wagtail.models import Page

    from home import bilingual

    found, seen = [], set()
    for page in Page.objects.live().public().filter(depth__gte=2).specific().order_by("path"):
        kind = type(page).__name__
        if kind in seen:
            continue
        seen.add(kind)
        found += [
            (kind, language, bilingual.page_url(page, language)) for language in bilingual.translated_languages(page)
        ]
    for language in bilingual.LANGUAGE_CODES:
        with translation.override(language):
            found.append(("SearchResults", language, reverse("search") + "?q=penyengat"))
    return [target for target in found if not only or target[0] in only]


def shrink(png):
    """A palette PNG of the screenshot: a quarter of the size, no visible loss for pages like ours."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=True
    )
    return out.getvalue()


def main(base, out_dir, only):
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM_ARGS

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shots = targets(only)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for device, (width, height, longest) in SIZES.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                is_mobile=device == "phone",
                has_touch=device == "phone",
                reduced_motion="reduce",
            )
            page = context.new_page()
            for name, language, path in shots:
                page.goto(base + path, wait_until="networkidle")
                # Lazy images below the first screen load now, so that the longer phone shots show them.
                page.evaluate(
                    "document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })"
                )
                page.wait_for_load_state("networkidle")
                page.evaluate("() => Promise.all([...document.images].map(img => img.decode().catch(() => null)))")
                full = page.evaluate("document.documentElement.scrollHeight")
                clip = {"x": 0, "y": 0, "width": width, "height": min(full, longest)}
                target = out / f"{name}-{language}-{device}.png"
                target.write_bytes(shrink(page.screenshot(full_page=True, clip=clip, animations="disabled")))
                print(f"{target}  {path}")
            context.close()
        browser.close()


if __name__ == "__main__":
    django.setup()
    main(sys.argv[1], sys.argv[2], set(sys.argv[3:]))
