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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and give it back untranslated (translated
    where it is shown, with ``QCoreApplication.translate(context, text)``). Qt's own stub is
    typed as returning ``object``; pyside6-lupdate finds the calls by this name."""
    return text
