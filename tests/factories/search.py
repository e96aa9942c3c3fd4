"""Pages with searchable text in both languages, built through Wagtail's tree API."""

from home.demo import stream
from tests.factories.pages import standard_page


def text_page(title_ind, summary_ind="", body_ind="", title_en=None, summary_en="", body_en="", parent=None, **kw):
    """A published StandardPage with the given text; English is omitted when ``title_en`` is None."""
    fields = {"summary_ind": summary_ind or title_ind, **kw}
    if body_ind:
        fields["body_ind"] = stream(("paragraph", f"<p>{body_ind}</p>"))
    if title_en:
        fields["summary_en"] = summary_en or title_en
        if body_en:
            fields["body_en"] = stream(("paragraph", f"<p>{body_en}</p>"))
    return standard_page(parent=parent, title_ind=title_ind, title_en=title_en, **fields)
