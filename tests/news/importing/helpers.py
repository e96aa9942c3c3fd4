"""The site an import runs into, and a way to run the command on a fixture written to a file."""

import io
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.utils import translation

from tests.factories import news as factories
from tests.factories.pages import home_page


def build_site():
    """Home, the city newsroom, and the Diskominfo and DLH newsrooms."""
    home = home_page()
    index = factories.news_index(home)
    diskominfo = factories.opd("diskominfo", "Diskominfo", "Dinas Komunikasi dan Informatika")
    dlh = factories.opd("dlh", "DLH", "Dinas Lingkungan Hidup", "Environment Agency")
    return {
        "home": home,
        "index": index,
        "diskominfo": diskominfo,
        "dlh": dlh,
        "room": factories.newsroom(diskominfo, index),
        "dlh_room": factories.newsroom(dlh, index),
    }


def write_export(text, name="export.xml"):
    folder = Path(tempfile.mkdtemp(prefix="import-test-"))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def import_posts(path, *args, language="en"):
    """Run ``manage.py import_posts`` and return its output (in English unless ``language`` says otherwise;
    the command reports in the active language, Indonesian by default)."""
    out = io.StringIO()
    with translation.override(language):
        call_command("import_posts", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def known_embed(url, title="Video"):
    """Wagtail's embed cache row for ``url``, so that rendering the page never asks YouTube (tests make no
    third-party requests; the importer stores only the address, the player comes from this row)."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    video = url.rsplit("=", 1)[-1]
    return Embed.objects.create(
        url=url,
        hash=get_embed_hash(url, None, None),
        type="video",
        html=f'<iframe title="{title}" src="https://www.youtube-nocookie.com/embed/{video}"></iframe>',
        provider_name="YouTube",
    )
