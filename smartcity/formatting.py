"""Numbers and rupiah as each language writes them: "Rp1,25 miliar" and "IDR 1.25 billion".

Babel supplies the separators (Indonesian "1.250,5", English "1,250.5"); the scale words are ours,
because CLDR's compact forms ("1,25 M") are not how the city writes budgets.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import translation

from babel.numbers import format_decimal

BABEL_LOCALES = {"id": "id_ID", "en": "en_GB"}

# (threshold, Indonesian word, English word), largest first.
SCALES = [
    (Decimal(10) ** 12, "triliun", "trillion"),
    (Decimal(10) ** 9, "miliar", "billion"),
    (Decimal(10) ** 6, "juta", "million"),
]


def _language(language):
    language = (language or translation.get_language() or "id").split("-")[0]
    return language if language in BABEL_LOCALES else "en"


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def format_number(value, language=None, decimals=2):
    """``1250.5`` -> "1.250,5" (id) / "1,250.5" (en); up to ``decimals`` fraction digits, none trailing."""
    number = _decimal(value)
    if number is None:
        return ""
    language = _language(language)
    quantum = Decimal(1).scaleb(-decimals)
    number = number.quantize(quantum, rounding=ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(number, format=pattern, locale=BABEL_LOCALES[language], decimal_quantization=False)


def _scaled(amount):
    """``(value, index of scale word)`` after rounding to two decimals, or ``(amount, None)`` below a million."""
    magnitude = abs(amount)
    for position, (threshold, _id_word, _en_word) in enumerate(SCALES):
        if magnitude >= threshold:
            scaled = (amount / threshold).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            # 999.999 juta rounds to 1.000 juta: say "1 miliar" instead.
            if position > 0 and abs(scaled) >= 1000:
                previous = SCALES[position - 1][0]
                return (amount / previous).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), position - 1
            return scaled, position
    return amount, None


def format_rupiah(amount, language=None):
    """Short money: "Rp1,25 miliar" / "IDR 1.25 billion"; below a million, the full amount ("Rp750.000")."""
    number = _decimal(amount)
    if number is None:
        return ""
    language = _language(language)
    value, scale = _scaled(number)
    if scale is None:
        text = format_number(value, language, decimals=0)
    else:
        word = SCALES[scale][1] if language == "id" else SCALES[scale][2]
        text = f"{format_number(value, language, decimals=2)} {word}"
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("-")
    return f"{sign}Rp{text}" if language == "id" else f"{sign}IDR {text}"


def format_rupiah_full(amount, language=None):
    """Every digit: "Rp1.250.000.000" / "IDR 1,250,000,000" (for tables and open data previews)."""
    number = _decimal(amount)
    if number is None:
        return ""
    language = _language(language)
    text = format_number(abs(number), language, decimals=0)
    sign = "-" if number < 0 else ""
    return f"{sign}Rp{text}" if language == "id" else f"{sign}IDR {text}"
