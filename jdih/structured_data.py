"""schema.org ``Legislation`` JSON-LD for a legal document page.

The escaping for embedding in HTML is news/structured_data.py's ``json_ld_script``, shared so that
both apps embed JSON-LD the same, safe way.
"""

from home import bilingual
from jdih.choices import RelationKind, Status
from news.structured_data import json_ld_script

__all__ = ["json_ld_script", "legislation_data"]

LEGAL_FORCE = {
    Status.BERLAKU: "https://schema.org/InForce",
    Status.DIUBAH: "https://schema.org/InForce",
    Status.DICABUT: "https://schema.org/NotInForce",
    Status.TIDAK_BERLAKU: "https://schema.org/NotInForce",
}


def _reference(document, request):
    return {
        "@type": "Legislation",
        "name": bilingual.localized_value(document, "title", "id"),
        "legislationIdentifier": document.identifier,
        "url": document.get_full_url(request),
    }


def legislation_data(page, request):
    """A dict describing ``page`` as a schema.org Legislation; empty values are left out."""
    outgoing = [rel for rel in page.outgoing_relations() if rel.target.live]
    changes = [
        _reference(rel.target, request)
        for rel in outgoing
        if rel.kind in (RelationKind.MENGUBAH, RelationKind.MENCABUT)
    ]
    based_on = [_reference(rel.target, request) for rel in outgoing if rel.kind == RelationKind.MELAKSANAKAN]
    official_title = bilingual.localized_value(page, "title", "id")
    english_title = bilingual.localized_value(page, "title", "en")
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        # The official text is Indonesian (inLanguage); an English title is a translation of its name.
        "name": official_title,
        "alternateName": english_title if english_title and english_title != official_title else None,
        "legislationIdentifier": page.identifier,
        "legislationType": page.type_name,
        "legislationDate": page.date_enacted.isoformat() if page.date_enacted else None,
        "datePublished": page.date_promulgated.isoformat() if page.date_promulgated else None,
        "legislationJurisdiction": "Kota Tanjungpinang",
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": page.teu_body} if page.teu_body else None,
        "legislationLegalForce": LEGAL_FORCE.get(page.status),
        "legislationChanges": changes,
        "isBasedOn": based_on,
        "keywords": page.subject_list,
        "abstract": bilingual.localized_value(page, "abstract", "id"),
        "inLanguage": "id",
        "url": page.get_full_url(request),
        "encoding": (
            {
                "@type": "MediaObject",
                "contentUrl": request.build_absolute_uri(page.pdf.url),
                "encodingFormat": "application/pdf",
            }
            if page.pdf
            else None
        ),
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}
