"""Every page type has no axe-core WCAG 2.1 A/AA violations, in both languages, in a real browser."""

from pathlib import Path

import pytest

from tests.factories.demo import representative_paths, seed_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_demo_pages_have_no_axe_violations(live_server, page):
    """On a desktop and on a phone-sized viewport (where wide tables scroll)."""
    seed_demo()
    paths = representative_paths()
    found = {}
    for width, path in [(width, path) for width in (1280, 412) for path in paths]:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + path)
        page.evaluate(AXE)  # not a <script> tag: the pages' Content-Security-Policy allows no inline script
        # Every rule of the tags runs; only the violations' details are gathered (axe's own speed option).
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        violations = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]
        ]
        if violations:
            found[f"{path} @ {width}px"] = violations
    assert found == {}
    # The 404 pages' own status is reported as a console error; nothing else may be.
    errors = [e for e in page.console_errors if "status of 404" not in e or "/media/" in e or "/static/" in e]
    assert errors == []
