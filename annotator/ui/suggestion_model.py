"""The Suggestions list of the open document (issue 11): label, text, recommender, score; in
reading order, or by score (a click on the Score header; again: reading order)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from annotator.core.open_document import OpenDocument
from annotator.core.suggestions import Suggestion
from annotator.ops.recommender_quality import QualityReport
from annotator.ops.suggesting import Quality
from annotator.ui.span_model import RIGHT, cell_text
from annotator.ui.table_model import Index, ReadOnlyTableModel
from annotator.ui.text import QT_TRANSLATE_NOOP, isolate, ltr

HEADERS = (
    QT_TRANSLATE_NOOP("SuggestionListModel", "Label"),
    QT_TRANSLATE_NOOP("SuggestionListModel", "Text"),
    QT_TRANSLATE_NOOP("SuggestionListModel", "Recommender"),
    QT_TRANSLATE_NOOP("SuggestionListModel", "Score"),
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)


class SuggestionListModel(ReadOnlyTableModel):
    HEADERS = HEADERS
    CONTEXT = "SuggestionListModel"
    LABEL, TEXT, RECOMMENDER, SCORE = range(4)
    noteChanged = Signal(str)  # how many are hidden, why a recommender produced nothing

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._doc: OpenDocument | None = None
        self._rows: list[Suggestion] = []
        self.by_score = False
        self.note = ""
        # (recommender, label) -> its figures and the documents they were measured on
        self.quality: dict[tuple[str, str], Quality] = {}
        self.measured_on = 0

    def set_quality(self, report: QualityReport) -> None:
        """The recommenders' figures per label, said in the Recommender and Score tooltips."""
        self.quality = {(q.recommender, q.label): q for q in report.table}
        self.measured_on = report.documents

    def _quality_tip(self, s: Suggestion) -> str | None:
        q = self.quality.get((s.recommender, s.label))
        if q is None:
            return None
        return self.tr(
            "{recommender} on {label}: precision {p}, recall {r}, {f1} over {n} document(s) "
            "marked done"
        ).format(
            recommender=isolate(s.recommender),
            label=isolate(s.label),
            p=ltr(f"{q.precision:.2f}"),
            r=ltr(f"{q.recall:.2f}"),
            f1=ltr(f"F1 {q.f1:.2f}"),
            n=ltr(str(self.measured_on)),
        )

    def set_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.noteChanged.emit(note)

    # -- the open document's view (document_views.SuggestionListOf) -------------------------
    def show(self, doc: OpenDocument) -> None:
        """The open document's suggestions; when a few went or came back (an accept, a
        reject, their undo) only their rows are removed or inserted, else the list is reset."""
        rows = self._ordered(doc.suggestions)
        if doc is self._doc and self._few_changed(rows):
            return
        self.beginResetModel()
        self._doc = doc
        self._rows = rows
        self.endResetModel()

    def _few_changed(self, rows: list[Suggestion]) -> bool:
        old = [s.id for s in self._rows]
        new = [s.id for s in rows]
        gone, came = set(old) - set(new), set(new) - set(old)
        if (gone and came) or len(gone) + len(came) > 16:
            return False
        if [i for i in old if i not in gone] != [i for i in new if i not in came]:
            return False  # the others moved (scores changed, another order): reset
        for row in sorted((r for r, i in enumerate(old) if i in gone), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        for row, found in enumerate(rows):
            if found.id in came:
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, found)
                self.endInsertRows()
        self._rows = rows  # the same ids in the same order: the values as they are now
        return True

    def close(self, doc: OpenDocument, closed: set[int | None]) -> None:
        """These suggestions were accepted or rejected: only their rows go (no other row is
        compared, a thousand open ones or not)."""
        if doc is not self._doc:
            self.show(doc)
            return
        for row in reversed([r for r, s in enumerate(self._rows) if s.id in closed]):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def sort_by_score(self, by_score: bool) -> None:
        if by_score != self.by_score:
            self.by_score = by_score
            if self._doc is not None:
                self.show(self._doc)

    def _ordered(self, found: list[Suggestion]) -> list[Suggestion]:
        if self.by_score:
            return sorted(found, key=lambda s: (-s.score, s.start, s.end))
        return list(found)  # the open document keeps them in reading order

    def suggestion_at_row(self, row: int) -> Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def selected_id(self) -> int | None:
        return self._doc.selected_suggestion if self._doc is not None else None

    def row_of(self, suggestion_id: int | None) -> int:
        if suggestion_id is None:  # none selected (after every accept): no row to look for
            return -1
        return next((i for i, s in enumerate(self._rows) if s.id == suggestion_id), -1)

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._doc is None:
            return None
        s = self.suggestion_at_row(index.row())
        if s is None:
            return None
        role, column = int(role), index.column()
        if role == _DISPLAY:
            return self._display(self._doc, s, column)
        if role == _TOOLTIP and column == self.TEXT:
            return self._doc.text[s.start : s.end]
        if role == _TOOLTIP and column in (self.RECOMMENDER, self.SCORE):
            return self._quality_tip(s)
        if role == _DECORATION:
            colour = self._colour(self._doc, s, column)
            return None if colour is None else QColor(colour)
        if role == _ALIGNMENT and column == self.TEXT:
            return int(RIGHT)  # Arabic cells stay right-aligned in the English interface too
        return None

    def cell_key(self, row: int, column: int) -> tuple[str, str | None] | None:
        """A cell's text and colour as ``data`` gives them (its picture's key: ui/cells.py)."""
        s = self.suggestion_at_row(row)
        if s is None or self._doc is None:
            return None
        return self._display(self._doc, s, column), self._colour(self._doc, s, column)

    def _display(self, doc: OpenDocument, s: Suggestion, column: int) -> str:
        if column == self.LABEL:
            return s.label
        if column == self.TEXT:
            return cell_text(doc.text[s.start : s.end])
        if column == self.RECOMMENDER:
            return s.recommender
        return f"\u2066{s.score:.2f}\u2069"

    def _colour(self, doc: OpenDocument, s: Suggestion, column: int) -> str | None:
        if column != self.LABEL:
            return None
        label = doc.labels.get(s.label)
        return None if label is None else label.colour
