"""What a span's tooltip says: its label and kind, its text, offsets, annotator, a quote's
speaker and the span's attributes; one block per span under the pointer, innermost first
(docs/adr/0037). Rich text built here, every value escaped: a label may be called <b>."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from annotator.core.model import Kind, LabelSet, StoredSpan

from ..text import isolate, short

TEXT_LIMIT = 60


def kind_name(kind: Kind) -> str:
    if kind is Kind.ENTITY:
        return QCoreApplication.translate("SpanDetails", "entity")
    if kind is Kind.EVENT:
        return QCoreApplication.translate("SpanDetails", "event")
    return QCoreApplication.translate("SpanDetails", "quote")


def span_lines(
    text: str, span: StoredSpan, labels: LabelSet, speaker: StoredSpan | None
) -> list[tuple[str, str]]:
    """``(field, value)`` rows of one span, translated, not escaped."""
    label = labels.get(span.label)
    kind = (
        kind_name(label.kind)
        if label is not None
        else QCoreApplication.translate("SpanDetails", "unknown label")
    )
    rows = [
        (QCoreApplication.translate("SpanDetails", "Label"), f"{isolate(span.label)} ({kind})"),
        (
            QCoreApplication.translate("SpanDetails", "Text"),
            isolate(short(span.text_in(text), TEXT_LIMIT)),
        ),
        (
            QCoreApplication.translate("SpanDetails", "Offsets"),
            f"\u2066{span.start}–{span.end}\u2069",
        ),
        (
            QCoreApplication.translate("SpanDetails", "Annotator"),
            isolate(span.annotator) if span.annotator else "—",
        ),
    ]
    if label is not None and label.kind is Kind.QUOTE:
        who = (
            f"{isolate(short(speaker.text_in(text), TEXT_LIMIT))} ({isolate(speaker.label)})"
            if speaker is not None
            else QCoreApplication.translate("SpanDetails", "none yet (S to pick one)")
        )
        rows.append((QCoreApplication.translate("SpanDetails", "Speaker"), who))
    if span.attributes:
        value = json.dumps(dict(span.attributes), ensure_ascii=False, sort_keys=True)
        rows.append(
            (
                QCoreApplication.translate("SpanDetails", "Attributes"),
                isolate(short(value, TEXT_LIMIT)),
            )
        )
    return rows


def span_tooltip(
    text: str,
    spans: Sequence[StoredSpan],
    labels: LabelSet,
    speaker_of: Callable[[int], StoredSpan | None],
) -> str:
    """The tooltip for ``spans`` (innermost first), as rich text; "" for none. Laid out in
    the interface's direction: in the Arabic interface the field names are on the right."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = "right" if rtl else "left"
    blocks = []
    for span in spans:
        speaker = speaker_of(span.id)
        rows = "".join(
            f"<tr><td align='{side}'><b>{html.escape(field)}</b>&nbsp;&nbsp;</td>"
            f"<td align='{side}'>{html.escape(value)}</td></tr>"
            for field, value in span_lines(text, span, labels, speaker)
        )
        blocks.append(
            f"<table dir='{'rtl' if rtl else 'ltr'}' cellspacing='0' cellpadding='1'>{rows}</table>"
        )
    return "<hr>".join(blocks)
