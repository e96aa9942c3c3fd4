"""Template tags of jdih/: how other pages cite documents of the legal register."""

from django import template

from home import bilingual
from jdih.models import LegalDocumentPage

register = template.Library()


def _documents(value):
    """Live documents from a document, a related manager (also a preview's in-memory one) or a list."""
    if value is None or value == "":
        return []
    if isinstance(value, LegalDocumentPage):
        items = [value]
    elif hasattr(value, "all"):
        items = list(value.all())
    else:
        items = list(value)
    return [item for item in items if isinstance(item, LegalDocumentPage) and item.live]


@register.inclusion_tag("jdih/includes/cited_documents.html", takes_context=True)
def cited_documents(context, documents, heading="", heading_id="cited-documents"):
    """``{% cited_documents page.legal_basis_documents _("Legal basis") %}``: each cited document with a link,
    its citation form and, when it no longer applies as written, its status, in the visitor's language.
    Renders nothing when no live document is cited."""
    items = [
        {"page": item, "fallback": bilingual.is_fallback(item), "in_force": item.is_in_force}
        for item in _documents(documents)
    ]
    return {"items": items, "heading": heading, "heading_id": heading_id, "request": context.get("request")}


@register.filter
def live_document(value):
    """The document if it is live, else ``None``: ``{% with doc=page.decree_jdih_document|live_document %}``."""
    return value if isinstance(value, LegalDocumentPage) and value.live else None
