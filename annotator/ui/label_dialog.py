"""Edit the project's label set: add, rename, recolour, change key, change kind, remove.

Saved in the project file when the dialog is accepted. Renames carry the spans along (the
store cascades); a label still used by spans cannot be removed (the store says how many).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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

NAME, KIND, COLOUR, KEY = range(4)


@dataclass(frozen=True, slots=True)
class Row:
    original: str | None  # the label's name in the project, None for a new one
    label: Label


class LabelDialog(QDialog):
    def __init__(self, repo: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label-dialog")
        self.setWindowTitle(self.tr("Labels"))
        self.repo = repo
        self.changed = False
        self.renamed = False  # a label was renamed or removed: edits kept for undo are stale
        self._originals = {label.name: label for label in repo.labels()}
        self._row_origin: list[str | None] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Colour"), self.tr("Key")]
        )
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
                "bar beside it. Keys 1–9 label the selection."
            ),
            self,
        )
        note.setWordWrap(True)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(row_buttons)
        layout.addWidget(buttons)
        for label in self._originals.values():
            self._append(label, label.name)
        self.resize(520, 360)

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
        return row

    def _paint(self, button: QPushButton) -> None:
        colour = str(button.property("colour"))
        button.setText(colour)
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

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        del self._row_origin[row]

    def row_label(self, row: int) -> Label:
        item = self.table.item(row, NAME)
        kind = self.table.cellWidget(row, KIND)
        colour = self.table.cellWidget(row, COLOUR)
        key = self.table.cellWidget(row, KEY)
        assert isinstance(kind, QComboBox) and isinstance(key, QComboBox)
        return Label(
            (item.text() if item else "").strip(),
            Kind(kind.currentData()),
            str(colour.property("colour")),
            key.currentData(),
            row,
        )

    def set_row(
        self,
        row: int,
        *,
        name: str | None = None,
        kind: Kind | None = None,
        colour: str | None = None,
        key: int | str | None = "keep",
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
        if len(set(names)) != len(names):
            found.append(self.tr("Two labels have the same name."))
        keys = [r.label.key for r in rows if r.label.key is not None]
        if len(set(keys)) != len(keys):
            found.append(self.tr("Two labels have the same key."))
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

    def save(self) -> str | None:
        """Write the changes to the project; the reason in plain words if it refused."""
        problems = self.problems()
        if problems:
            return "\n".join(problems)
        rows = self.rows()
        kept = {r.original for r in rows if r.original is not None}
        try:
            for name in list(self._originals):
                if name not in kept:
                    self.repo.delete_label(name)
                    self.changed = self.renamed = True
            for row in rows:
                before = self._originals.get(row.original or "")
                if before == row.label:
                    continue
                self.repo.save_label(row.label, old_name=row.original)
                self.changed = True
                self.renamed |= row.original is not None and row.original != row.label.name
        except AnnotatorError as exc:
            self._originals = {label.name: label for label in self.repo.labels()}
            self._row_origin = [o if o in self._originals else None for o in self._row_origin]
            return write_failed(exc).as_text()
        return None

    def accept(self) -> None:
        problem = self.save()
        if problem is None:
            super().accept()
        else:
            QMessageBox.warning(self, self.tr("Labels"), problem)
