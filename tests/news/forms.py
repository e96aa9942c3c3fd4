"""The admin form data of a NewsPage, both languages, with every StreamField and inline given explicitly."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

STREAM_FIELDS = ("body", "speakers", "agenda", "materials")


def news_form_data(**overrides):
    data = {
        "title_ind": "Bimtek Tahap I",
        "title_en": "Technical guidance stage I",
        "slug_ind": "bimtek-tahap-i",
        "slug_en": "technical-guidance-stage-i",
        "summary_ind": "Ringkasan bimtek.",
        "summary_en": "Summary of the technical guidance.",
        "publication_date": "2019-07-10 15:30",
        "news_type": "bimtek",
        "tags": "smart city, bimtek",
        "body_ind": streamfield([("paragraph", rich_text("<p>Isi berita.</p>"))]),
        "body_en": streamfield([("paragraph", rich_text("<p>News body.</p>"))]),
        "related_pages": inline_formset([]),
    }
    for name in STREAM_FIELDS[1:]:
        for suffix in ("ind", "en"):
            data[f"{name}_{suffix}"] = streamfield([])
    co_opds = overrides.pop("co_opds", [])  # a multiple-choice value, not a nested list
    data.update(overrides)
    form_data = nested_form_data(data)
    form_data["co_opds"] = [str(pk) for pk in co_opds]
    return form_data
