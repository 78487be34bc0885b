"""The span list of the open document: label, text, offsets, and a quote's speaker."""

from __future__ import annotations

import bisect

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.core.model import SPEAKER, Kind, LabelSet, Relation, StoredSpan, reading_order
from annotator.ui.annotator_colours import colour_name
from annotator.ui.table_model import Index, ReadOnlyTableModel
from annotator.ui.text import QT_TRANSLATE_NOOP

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CELL_TEXT = 80
HEADERS = (
    QT_TRANSLATE_NOOP("SpanListModel", "Label"),
    QT_TRANSLATE_NOOP("SpanListModel", "Text"),
    QT_TRANSLATE_NOOP("SpanListModel", "Offsets"),
    QT_TRANSLATE_NOOP("SpanListModel", "Speaker"),
    QT_TRANSLATE_NOOP("SpanListModel", "Annotator"),
)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
# The roles the cells answer, as plain ints: a view asks for seven roles a cell on every paint,
# most of which no cell has (font, colours, check state), and enum comparisons are slow.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_SPAN_ID = int(SPAN_ID_ROLE)
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _DECORATION, _ALIGNMENT, _SPAN_ID))


def cell_text(text: str) -> str:
    """One line, at most MAX_CELL_TEXT characters (the tooltip holds the whole span)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_CELL_TEXT else flat[: MAX_CELL_TEXT - 1] + "…"


class SpanListModel(ReadOnlyTableModel):
    HEADERS = HEADERS
    CONTEXT = "SpanListModel"
    LABEL, TEXT, OFFSETS, SPEAKER, ANNOTATOR = range(5)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._text = ""
        self._labels = LabelSet(())
        self._spans: list[StoredSpan] = []
        self._keys: list[tuple[int, int, str, int]] = []
        self._by_id: dict[int, StoredSpan] = {}
        self._speaker_of: dict[int, Relation] = {}  # quote span id -> its speaker relation

    # -- content ----------------------------------------------------------------------------
    def set_document(
        self, text: str, spans: list[StoredSpan], relations: list[Relation], labels: LabelSet
    ) -> None:
        self.beginResetModel()
        self._text = text
        self._labels = labels
        self._spans = sorted(spans, key=reading_order)
        self._keys = [reading_order(s) for s in self._spans]
        self._by_id = {s.id: s for s in self._spans}
        self._speaker_of = {r.source_id: r for r in relations if r.type == SPEAKER}
        self.endResetModel()

    def set_labels(self, labels: LabelSet) -> None:
        self._labels = labels
        if self._spans:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._spans) - 1, 0))

    def add_span(self, span: StoredSpan) -> None:
        key = reading_order(span)
        row = bisect.bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self._keys.insert(row, key)
        self._by_id[span.id] = span
        self.endInsertRows()

    def remove_span(self, span_id: int) -> None:
        row = self.row_of(span_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._spans[row]
        del self._keys[row]
        del self._by_id[span_id]
        self.endRemoveRows()
        self._drop_relations_of(span_id)

    def update_span(self, span: StoredSpan) -> None:
        if span.id not in self._by_id:
            return
        self.remove_span(span.id)
        self.add_span(span)

    def set_relations(self, relations: list[Relation]) -> None:
        self._speaker_of = {r.source_id: r for r in relations if r.type == SPEAKER}
        if self._spans:
            last = len(self._spans) - 1
            self.dataChanged.emit(self.index(0, self.SPEAKER), self.index(last, self.SPEAKER))

    def _drop_relations_of(self, span_id: int) -> None:
        gone = [q for q, r in self._speaker_of.items() if span_id in (r.source_id, r.target_id)]
        for quote in gone:
            del self._speaker_of[quote]
            row = self.row_of(quote)
            if row >= 0:
                self.dataChanged.emit(self.index(row, self.SPEAKER), self.index(row, self.SPEAKER))

    # -- lookups ----------------------------------------------------------------------------
    def span_by_id(self, span_id: int) -> StoredSpan | None:
        return self._by_id.get(span_id)

    def span_at_row(self, row: int) -> StoredSpan | None:
        return self._spans[row] if 0 <= row < len(self._spans) else None

    def row_of(self, span_id: int) -> int:
        span = self._by_id.get(span_id)
        if span is None:
            return -1
        row = bisect.bisect_left(self._keys, reading_order(span))
        return row if row < len(self._spans) and self._spans[row].id == span_id else -1

    def speaker_relation(self, quote_id: int) -> Relation | None:
        return self._speaker_of.get(quote_id)

    def spans(self) -> list[StoredSpan]:
        return list(self._spans)

    # -- QAbstractItemModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._spans):
            return None
        span = self._spans[row]
        column = index.column()
        if role == _DISPLAY:
            return self._display(span, column)
        if role == _TOOLTIP:
            if column == self.TEXT:
                return span.text_in(self._text)
            if column == self.LABEL:
                label = self._labels.get(span.label)
                return None if label is None else kind_text(label.kind)
        if role == _DECORATION:
            colour = self._colour(span, column)
            return None if colour is None else QColor(colour)
        if role == _ALIGNMENT and column in (self.TEXT, self.SPEAKER):
            # Arabic cells stay right-aligned in the English interface too
            return int(RIGHT)
        if role == _SPAN_ID:
            return span.id
        return None

    def cell_key(self, row: int, column: int) -> tuple[str, str | None] | None:
        """A cell's text and colour as ``data`` gives them (its picture's key: ui/cells.py)."""
        if not 0 <= row < len(self._spans):
            return None
        span = self._spans[row]
        return self._display(span, column), self._colour(span, column)

    def _display(self, span: StoredSpan, column: int) -> str:
        if column == self.LABEL:
            return span.label
        if column == self.TEXT:
            return cell_text(span.text_in(self._text))
        if column == self.OFFSETS:
            return f"\u2066{span.start}–{span.end}\u2069"  # LRI…PDI: 77–83 in Arabic too
        if column == self.ANNOTATOR:
            return span.annotator
        return self._speaker_text(span)

    def _colour(self, span: StoredSpan, column: int) -> str | None:
        """The cell's decoration: its label's colour, or its annotator's (the colour of its
        frame in the viewer)."""
        if column == self.LABEL:
            label = self._labels.get(span.label)
            return None if label is None else label.colour
        if column == self.ANNOTATOR:
            return colour_name(span.annotator)
        return None

    def _speaker_text(self, span: StoredSpan) -> str:
        relation = self._speaker_of.get(span.id)
        if relation is None:
            return ""
        speaker = self._by_id.get(relation.target_id)
        if speaker is None:
            return ""
        return cell_text(speaker.text_in(self._text))


KIND_TEXT = {
    Kind.ENTITY: QT_TRANSLATE_NOOP("SpanListModel", "entity"),
    Kind.EVENT: QT_TRANSLATE_NOOP("SpanListModel", "event"),
    Kind.QUOTE: QT_TRANSLATE_NOOP("SpanListModel", "quote"),
}


def kind_text(kind: Kind) -> str:
    return QCoreApplication.translate("SpanListModel", KIND_TEXT[kind])
