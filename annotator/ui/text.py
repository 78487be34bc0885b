"""Small text helpers for messages: bidi isolates and shortening."""

from __future__ import annotations


def isolate(text: str) -> str:
    """Wrap text in FSI … PDI: Arabic sits right inside a Latin message, and Latin inside an
    Arabic one, without reordering the words around it."""
    return f"\u2068{text}\u2069"


def short(text: str, limit: int = 40) -> str:
    """One line of at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
