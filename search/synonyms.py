"""Synonyms and abbreviations: the editors' list (``Synonym`` snippets) and query expansion.

A query is read as a sequence of concepts: each query word, or a run of words that is a synonym
term ("bimbingan teknis"), becomes a concept whose alternatives are itself and its equivalents
("bimtek"). Engines match every concept (AND), a concept by any of its alternatives (OR), an
alternative by all its words. Words are compared by their stems, so "bimbingan teknis" in the list
also matches a visitor typing "bimbingan teknis" in another form of the words.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from search import text
from serving import derived

MAX_PHRASE = 6  # words in the longest term matched in a query

# The city's standard terms (language, term, equivalents, both ways). Editors change them in the
# admin; seeding adds a missing one and never overwrites an edited one.
DEFAULTS = [
    ("id", "bimtek", "bimbingan teknis, pelatihan, workshop", True),
    ("id", "pelatihan", "workshop, diklat, bimbingan teknis", True),
    ("id", "diklat", "pendidikan dan pelatihan", True),
    ("id", "RPJMD", "rencana pembangunan jangka menengah daerah", True),
    ("id", "RPJMN", "rencana pembangunan jangka menengah nasional", True),
    ("id", "RKPD", "rencana kerja pemerintah daerah", True),
    ("id", "APBD", "anggaran pendapatan dan belanja daerah", True),
    ("id", "DAK", "dana alokasi khusus", True),
    ("id", "DAU", "dana alokasi umum", True),
    ("id", "SK", "surat keputusan", True),
    ("id", "ODCB", "objek diduga cagar budaya", True),
    ("id", "OPD", "organisasi perangkat daerah, perangkat daerah", True),
    ("id", "ASN", "aparatur sipil negara, pegawai", True),
    ("id", "pegawai", "ASN, aparatur sipil negara", False),
    ("id", "PNS", "pegawai negeri sipil", True),
    ("id", "UMKM", "usaha mikro kecil dan menengah", True),
    ("id", "KTP", "kartu tanda penduduk", True),
    ("id", "KK", "kartu keluarga", True),
    ("id", "PBB", "pajak bumi dan bangunan", True),
    ("id", "PPDB", "penerimaan peserta didik baru, pendaftaran peserta didik baru", True),
    ("id", "Puskesmas", "pusat kesehatan masyarakat", True),
    ("id", "bandara", "bandar udara", True),
    ("id", "Pemko", "pemerintah kota", True),
    ("id", "Diskominfo", "dinas komunikasi dan informatika", True),
    ("id", "Disdukcapil", "dinas kependudukan dan pencatatan sipil", True),
    ("id", "Disbudpar", "dinas kebudayaan dan pariwisata", True),
    ("id", "PUPR", "pekerjaan umum dan penataan ruang", True),
    ("id", "DLH", "dinas lingkungan hidup", True),
    ("en", "workshop", "training, technical training", True),
    ("en", "training", "workshop, course", True),
    ("en", "staff", "employees, civil servants, officials", True),
    ("en", "bimtek", "technical training, workshop", True),
    ("en", "RPJMD", "regional medium-term development plan", True),
    ("en", "APBD", "regional budget", True),
    ("en", "DAK", "special allocation fund", True),
    ("en", "SK", "decree", True),
    ("en", "ODCB", "suspected cultural heritage object", True),
    ("en", "OPD", "regional government agency, city agency", True),
    ("en", "SME", "small business, small and medium enterprises, UMKM", True),
    ("en", "ID card", "identity card, KTP", True),
    ("en", "city hall", "mayor's office", True),
    ("en", "airport", "bandara", True),
    ("en", "rubbish", "waste, garbage, trash", True),
    ("en", "sightseeing", "tourism, tourist attractions", False),
    ("en", "puskesmas", "community health centre, health centre", True),
    ("en", "Diskominfo", "communication and informatics agency", True),
    ("en", "Disdukcapil", "civil registration office, population and civil registration agency", True),
    ("en", "Disbudpar", "culture and tourism agency", True),
    ("en", "PUPR", "public works agency, public works", True),
]


def phrase_words(value, language):
    """The meaningful words of a term or equivalent (stop words dropped, as in queries)."""
    return text.query_terms(value, language)


def seed_defaults(Synonym=None, OPD=None):
    """Add the standard terms that are missing and one entry per OPD (both models may be historical)."""
    if Synonym is None:
        from home.models import OPD
        from search.models import Synonym
    existing_lower = {(language, term.lower()) for language, term in Synonym.objects.values_list("language", "term")}
    for language, term, equivalents, both_ways in DEFAULTS:
        if (language, term.lower()) not in existing_lower:  # one save each: the content version moves on
            Synonym.objects.create(language=language, term=term, equivalents=equivalents, both_ways=both_ways)
    for opd in OPD.objects.all():
        sync_opd(opd, Synonym)


def sync_opd(opd, Synonym=None):
    """Keep the synonym entries of one OPD in step: acronym = full name, per language with a name."""
    if Synonym is None:
        from search.models import Synonym
    for language, name in (("id", getattr(opd, "name_ind", None) or opd.name), ("en", getattr(opd, "name_en", None))):
        acronym = (opd.acronym or "").strip()
        if not acronym or not name or acronym.lower() == name.strip().lower():
            Synonym.objects.filter(opd_id=opd.pk, language=language).delete()
            continue
        values = {"term": acronym, "equivalents": name.strip(), "both_ways": True}
        try:
            with transaction.atomic():
                own = Synonym.objects.filter(opd_id=opd.pk, language=language).first()
                same_term = (
                    Synonym.objects.filter(language=language, term__iexact=acronym).exclude(opd_id=opd.pk).first()
                )
                if same_term is not None and same_term.opd_id is None:
                    # A hand-made or standard entry for this acronym: the agency takes it over.
                    if own is not None:
                        own.delete()
                    own = same_term
                elif same_term is not None:
                    continue  # two agencies with one acronym: the first keeps it
                if own is None:
                    Synonym.objects.create(language=language, opd_id=opd.pk, **values)
                else:
                    for name_, value in values.items():
                        setattr(own, name_, value)
                    own.opd_id = opd.pk
                    own.save()
        except IntegrityError:
            continue


@dataclass
class Concept:
    """One meaning in a query: the words typed, and other ways to say it (each a list of words)."""

    words: list
    alternatives: list = field(default_factory=list)

    @property
    def all(self):
        return [self.words, *self.alternatives]


def synonym_map(language):
    """``{tuple of stems: [alternative word lists]}`` for ``language``, kept until the content changes."""

    def compute():
        from search.models import Synonym

        mapping = {}
        for term, equivalents, both_ways in Synonym.objects.filter(language=language).values_list(
            "term", "equivalents", "both_ways"
        ):
            members = [phrase_words(term, language)]
            members += [phrase_words(part, language) for part in equivalents.split(",")]
            members = [m for i, m in enumerate(members) if m and m not in members[:i]]
            if len(members) < 2:
                continue
            sources = members if both_ways else members[:1]
            for source in sources:
                key = tuple(text.stem_words(source, language))
                others = mapping.setdefault(key, [])
                for member in members:
                    if member != source and member not in others:
                        others.append(member)
        return mapping

    return derived.remember(f"search:synonyms:{language}", compute)


def expand(terms, language, enabled=True):
    """The query's concepts: runs of ``terms`` that are a synonym term get its equivalents."""
    if not enabled or not terms:
        return [Concept([term]) for term in terms]
    mapping = synonym_map(language)
    if not mapping:
        return [Concept([term]) for term in terms]
    stems = text.stem_words(terms, language)
    concepts, i = [], 0
    while i < len(terms):
        for size in range(min(MAX_PHRASE, len(terms) - i), 0, -1):
            others = mapping.get(tuple(stems[i : i + size]))
            if others:
                concepts.append(Concept(terms[i : i + size], [o for o in others if o != terms[i : i + size]]))
                i += size
                break
        else:
            concepts.append(Concept([terms[i]]))
            i += 1
    return concepts


def known_terms(language):
    """Every word of the synonym list: words a visitor may type that no page contains (acronyms)."""
    return {word for key in synonym_map(language) for word in key}
