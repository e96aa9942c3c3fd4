"""Money and numbers in the visitor's language: ``{{ amount|rupiah }}``, ``{{ value|number }}``."""

from django import template

from smartcity import formatting

register = template.Library()


@register.filter
def rupiah(amount):
    """1250000000 -> "Rp1,25 miliar" (id) / "IDR 1.25 billion" (en)."""
    return formatting.format_rupiah(amount)


@register.filter
def rupiah_full(amount):
    """1250000000 -> "Rp1.250.000.000" (id) / "IDR 1,250,000,000" (en)."""
    return formatting.format_rupiah_full(amount)


@register.filter
def number(value, decimals=2):
    """1250.5 -> "1.250,5" (id) / "1,250.5" (en); empty for None."""
    return formatting.format_number(value, decimals=int(decimals))
