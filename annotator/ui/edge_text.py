"""The span-edge rule (annotator.core.edges) in the interface's language (docs/adr/0035)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.edges import INVISIBLE_MARKS, LINE_BREAKS, is_gap


def move_refused(text: str, start: int, end: int) -> str | None:
    """Why a boundary move to ``[start, end)`` is refused, or None if its edges are clean."""
    first, last = text[start], text[end - 1]
    if first in LINE_BREAKS:
        return QCoreApplication.translate(
            "SpanEdges", "Not moved: the span would start with a line break"
        )
    if first in INVISIBLE_MARKS:
        return QCoreApplication.translate(
            "SpanEdges", "Not moved: the span would start with an invisible direction mark"
        )
    if is_gap(first):
        return QCoreApplication.translate(
            "SpanEdges", "Not moved: the span would start with a space"
        )
    if last in LINE_BREAKS:
        return QCoreApplication.translate(
            "SpanEdges", "Not moved: the span would end with a line break"
        )
    if last in INVISIBLE_MARKS:
        return QCoreApplication.translate(
            "SpanEdges", "Not moved: the span would end with an invisible direction mark"
        )
    if is_gap(last):
        return QCoreApplication.translate("SpanEdges", "Not moved: the span would end with a space")
    return None


def trimmed_note() -> str:
    """The status-bar note of an exact label whose selection had white space at its edges."""
    return QCoreApplication.translate(
        "SpanEdges", "spaces and line breaks at its edges left out of the span"
    )
