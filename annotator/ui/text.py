"""Small text helpers for messages: bidi isolates, joining parts, shortening."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def isolate(text: str) -> str:
    """Wrap text in FSI … PDI: Arabic sits right inside a Latin message, and Latin inside an
    Arabic one, without reordering the words around it."""
    return f"\u2068{text}\u2069"


def ltr(text: str) -> str:
    """Wrap text in LRI … PDI: a number, a key sequence ("Ctrl+,"), a colour code or a path
    laid out left to right whatever surrounds it ("Ctrl+," is otherwise drawn ",+Ctrl" in an
    Arabic line, and "1 / 3" as "3 / 1")."""
    return f"\u2066{text}\u2069"


def joined(first: str, second: str) -> str:
    """Two parts of one status message: "…; …" in English, "…؛ …" in Arabic (its own
    semicolon, not the Latin one)."""
    return QCoreApplication.translate("Messages", "{first}; {second}").format(
        first=first, second=second
    )


def short(text: str, limit: int = 40) -> str:
    """One line of at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and give it back untranslated (translated
    where it is shown, with ``QCoreApplication.translate(context, text)``). Qt's own stub is
    typed as returning ``object``; pyside6-lupdate finds the calls by this name."""
    return text
