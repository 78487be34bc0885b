"""Edit the project's label set: add, rename, recolour, change key, change kind, remove, and
which entity labels may be the speaker of a quote.

Saved when the dialog is accepted, as ONE edit (a Composite of AddLabel, ChangeLabel and
RemoveLabel: docs/adr/0030) in one transaction, pushed on the window's undo stack: Ctrl+Z takes
the whole change back. Renames carry the spans along (the store cascades); a label still used by
spans cannot be removed: the Remove button says how many use it and keeps the row. A change that
breaks the speaker rule (a quote label made an entity, a label no longer allowed as a speaker)
removes those links in the same edit, and the status bar says how many.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.edits import AddLabel, ChangeLabel, Composite, Edit, RemoveLabel
from annotator.core.errors import AnnotatorError
from annotator.core.labels import (
    MAX_NAME_LENGTH,
    NameCheck,
    NameProblem,
    char_name,
    name_problem,
    shown,
)
from annotator.core.model import EXTRA_COLOURS, Kind, Label
from annotator.store import Repository
from annotator.ui.error_text import write_failed
from annotator.ui.span_model import kind_text
from annotator.ui.text import isolate, ltr

NAME, KIND, COLOUR, KEY, SPEAKER = range(5)


class LabelEdits(Protocol):
    """Where the dialog's one edit goes: the window's controller (its undo stack)."""

    def push_labels(self, edit: Edit, text: str) -> AnnotatorError | None: ...


@dataclass(frozen=True, slots=True)
class Row:
    original: str | None  # the label's name in the project, None for a new one
    label: Label


class LabelDialog(QDialog):
    def __init__(
        self,
        repo: Repository,
        parent: QWidget | None = None,
        *,
        edits: LabelEdits | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("label-dialog")
        self.setWindowTitle(self.tr("Labels"))
        self.repo = repo
        # the window's undo stack (its controller); without one, the edit is applied to the
        # project directly (no undo)
        self.edits = edits
        self.changed = False
        self.renamed = False  # applied without the window: span labels changed, re-read them
        self._originals = {label.name: label for label in repo.labels()}
        self._row_origin: list[str | None] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Colour"),
                self.tr("Key"),
                self.tr("Speaker"),
            ]
        )
        header_item = self.table.horizontalHeaderItem(SPEAKER)
        if header_item is not None:
            header_item.setToolTip(self.tr("May be the speaker of a quote (entity labels only)"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add label"), self)
        self.remove_button = QPushButton(self.tr("Remove label"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            self.tr(
                "Entity labels colour the text, event labels underline it, quote labels draw a "
                "bar beside it. Keys 1–9 label the selection. A quote's speaker is an entity of "
                "a label ticked under Speaker."
            ),
            self,
        )
        note.setWordWrap(True)
        self.notice = QLabel(self)  # why the last row action was refused
        self.notice.setObjectName("label-dialog-notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #a00000;")
        self.notice.hide()
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(row_buttons)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        for label in self._originals.values():
            self._append(label, label.name)
        self.resize(600, 380)

    # -- rows -------------------------------------------------------------------------------
    def _append(self, label: Label, origin: str | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._row_origin.append(origin)
        self.table.setItem(row, NAME, QTableWidgetItem(label.name))
        kind = QComboBox(self.table)
        for k in Kind:
            kind.addItem(kind_text(k), k.value)
        kind.setCurrentIndex(list(Kind).index(label.kind))
        self.table.setCellWidget(row, KIND, kind)
        colour = QPushButton(self.table)
        colour.setProperty("colour", label.colour)
        self._paint(colour)
        colour.clicked.connect(lambda _=False, b=colour: self._choose_colour(b))
        self.table.setCellWidget(row, COLOUR, colour)
        key = QComboBox(self.table)
        key.addItem(self.tr("none"), None)
        for number in range(1, 10):
            key.addItem(str(number), number)
        key.setCurrentIndex(0 if label.key is None else label.key)
        self.table.setCellWidget(row, KEY, key)
        speaker = QCheckBox(self.table)
        speaker.setChecked(label.speaker and label.kind is Kind.ENTITY)
        speaker.setEnabled(label.kind is Kind.ENTITY)
        speaker.setToolTip(self.tr("May be the speaker of a quote (entity labels only)"))
        self.table.setCellWidget(row, SPEAKER, _centred(speaker, self.table))
        kind.currentIndexChanged.connect(lambda _=0, c=kind, b=speaker: self._kind_changed(c, b))
        return row

    @staticmethod
    def _kind_changed(kind: QComboBox, speaker: QCheckBox) -> None:
        entity = Kind(kind.currentData()) is Kind.ENTITY
        speaker.setEnabled(entity)
        if not entity:
            speaker.setChecked(False)

    def _speaker_box(self, row: int) -> QCheckBox:
        box = self.table.cellWidget(row, SPEAKER).findChild(QCheckBox)
        assert isinstance(box, QCheckBox)
        return box

    def _paint(self, button: QPushButton) -> None:
        colour = str(button.property("colour"))
        button.setText(ltr(colour))  # "#f4a3a3", not "f4a3a3#", in the Arabic interface
        button.setStyleSheet(f"background: {colour};")

    def _choose_colour(self, button: QPushButton) -> None:
        chosen = QColorDialog.getColor(QColor(str(button.property("colour"))), self)
        if chosen.isValid():
            button.setProperty("colour", chosen.name())
            self._paint(button)

    def add_row(self) -> int:
        used = {
            str(self.table.cellWidget(r, COLOUR).property("colour"))
            for r in range(self.table.rowCount())
        }
        colour = next((c for c in EXTRA_COLOURS if c not in used), EXTRA_COLOURS[0])
        taken = {self.row_label(r).key for r in range(self.table.rowCount())}
        key = next((k for k in range(1, 10) if k not in taken), None)
        row = self._append(Label(self.tr("NEW"), Kind.ENTITY, colour, key), None)
        self.table.setCurrentCell(row, NAME)
        item = self.table.item(row, NAME)
        if item is not None:
            self.table.editItem(item)
        return row

    def remove_row(self) -> bool:
        """Remove the current row; refused (saying how many spans use it) for a label in use."""
        row = self.table.currentRow()
        if row < 0:
            return False
        origin = self._row_origin[row]
        used = 0
        if origin is not None:
            try:
                used = self.repo.label_uses(origin)
            except AnnotatorError as exc:
                self._notify(write_failed(exc).as_text())
                return False
        if used:
            self._notify(
                self.tr(
                    "{label} is used by {n} span(s): relabel or delete them first; the label stays."
                ).format(label=isolate(origin or ""), n=used)
            )
            return False
        self.notice.hide()
        self.table.removeRow(row)
        del self._row_origin[row]
        return True

    def _notify(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def row_label(self, row: int) -> Label:
        item = self.table.item(row, NAME)
        kind = self.table.cellWidget(row, KIND)
        colour = self.table.cellWidget(row, COLOUR)
        key = self.table.cellWidget(row, KEY)
        assert isinstance(kind, QComboBox) and isinstance(key, QComboBox)
        chosen = Kind(kind.currentData())
        return Label(
            (item.text() if item else "").strip(),
            chosen,
            str(colour.property("colour")),
            key.currentData(),
            row,
            speaker=chosen is Kind.ENTITY and self._speaker_box(row).isChecked(),
        )

    def set_row(
        self,
        row: int,
        *,
        name: str | None = None,
        kind: Kind | None = None,
        colour: str | None = None,
        key: int | str | None = "keep",
        speaker: bool | None = None,
    ) -> None:
        """Change one row as a user would (used by tests and the benchmark-free checks)."""
        item = self.table.item(row, NAME)
        if name is not None and item is not None:
            item.setText(name)
        if kind is not None:
            combo = self.table.cellWidget(row, KIND)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(list(Kind).index(kind))
        if colour is not None:
            button = self.table.cellWidget(row, COLOUR)
            button.setProperty("colour", colour)
            self._paint(button)  # type: ignore[arg-type]
        if key != "keep":
            combo = self.table.cellWidget(row, KEY)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(0 if key is None else int(key))
        if speaker is not None:
            self._speaker_box(row).setChecked(speaker)

    # -- saving -----------------------------------------------------------------------------
    def rows(self) -> list[Row]:
        return [Row(self._row_origin[r], self.row_label(r)) for r in range(self.table.rowCount())]

    def problems(self) -> list[str]:
        rows = self.rows()
        names = [r.label.name for r in rows]
        found = []
        for name in names:
            check = name_problem(name)
            if check is not None:
                found.append(self.name_text(name, check))
        for name in sorted({n for n in names if names.count(n) > 1}):
            found.append(
                self.tr("Two labels have the same name: {name}.").format(name=isolate(name))
            )
        keys: dict[int, list[str]] = {}
        for r in rows:
            if r.label.key is not None:
                keys.setdefault(r.label.key, []).append(r.label.name)
        for number, holders in sorted(keys.items()):
            if len(holders) > 1:
                found.append(
                    self.tr("Two labels have the same key {key}: {labels}.").format(
                        key=number, labels=", ".join(isolate(h) for h in holders)
                    )
                )
        return found

    def name_text(self, name: str, check: NameCheck) -> str:
        """Why ``name`` is refused, in the interface language (the rule: core/labels.py)."""
        reasons = {
            NameProblem.EMPTY: self.tr("Every label needs a name."),
            NameProblem.TOO_LONG: self.tr("A label name has at most {n} characters.").format(
                n=MAX_NAME_LENGTH
            ),
            NameProblem.WHITESPACE: self.tr("A label name cannot hold spaces or line breaks."),
            NameProblem.CONTROL: self.tr("A label name cannot hold control characters."),
            NameProblem.BIDI: self.tr("A label name cannot hold direction marks or bidi controls."),
            NameProblem.INVISIBLE: self.tr("A label name cannot hold invisible characters."),
            NameProblem.NONCHARACTER: self.tr(
                "A label name cannot hold noncharacters such as U+FFFE."
            ),
            NameProblem.UNASSIGNED: self.tr(
                "A label name cannot hold unassigned or private-use characters."
            ),
            NameProblem.COMBINING_FIRST: self.tr(
                "A label name cannot begin with a combining mark (such as a tashkeel mark)."
            ),
        }
        reason = reasons[check.problem]
        if check.problem is NameProblem.EMPTY:
            return reason
        where = f" ({char_name(check.char)})" if check.char is not None else ""
        # reason first (it sets the line's direction), the escaped name as a left-to-right unit
        return f"{reason} \u2066{shown(name)}{where}\u2069"

    def edit(self) -> Edit | None:
        """The dialog's changes as one edit: removals, then changes, then new labels (so a
        name or key given up is free for the next); None when nothing changed."""
        rows = self.rows()
        kept = {r.original for r in rows if r.original is not None}
        parts: list[Edit] = [RemoveLabel(n) for n in self._originals if n not in kept]
        for row in rows:
            before = self._originals.get(row.original or "")
            if row.original is not None and before != row.label:
                parts.append(ChangeLabel(row.original, row.label))
        parts.extend(AddLabel(r.label) for r in rows if r.original is None)
        return Composite(tuple(parts)) if parts else None

    def action_text(self, edit: Edit) -> str:
        """The undo step's name: what one change did, or how many labels changed."""
        parts = edit.edits if isinstance(edit, Composite) else (edit,)
        if len(parts) != 1:
            return self.tr("Change {n} labels").format(n=len(parts))
        part = parts[0]
        if isinstance(part, AddLabel):
            return self.tr("Add label {label}").format(label=isolate(part.label.name))
        if isinstance(part, RemoveLabel):
            return self.tr("Remove label {label}").format(label=isolate(part.name))
        assert isinstance(part, ChangeLabel)
        if part.name != part.label.name:
            return self.tr("Rename label {old} to {new}").format(
                old=isolate(part.name), new=isolate(part.label.name)
            )
        return self.tr("Change label {label}").format(label=isolate(part.name))

    def save(self) -> str | None:
        """Write the changes to the project as one edit (one transaction: all or nothing);
        the reason in plain words if it refused."""
        problems = self.problems()
        if problems:
            return "\n".join(problems)
        edit = self.edit()
        if edit is None:
            return None
        if self.edits is not None:
            error = self.edits.push_labels(edit, self.action_text(edit))
            if error is not None:
                return write_failed(error).as_text()
        else:
            try:
                self.repo.apply(edit)
            except AnnotatorError as exc:
                return write_failed(exc).as_text()
            self.renamed = True
        self.changed = True
        return None

    def accept(self) -> None:
        problem = self.save()
        if problem is None:
            super().accept()
        else:
            QMessageBox.warning(self, self.tr("Labels"), problem)


def _centred(widget: QWidget, parent: QWidget) -> QWidget:
    """``widget`` in the middle of a table cell."""
    cell = QWidget(parent)
    layout = QHBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
    return cell
