"""The find bar (Ctrl+F): Arabic-insensitive search in the open document.

Enter selects the next match in the viewer and gives the viewer the keyboard, so a label key
labels the match at once; Enter / Shift+Enter in the viewer (while the bar is open), F3 and
Shift+F3 anywhere go on to the next / previous match; Esc closes the bar. While the bar is
open, ``matchesChanged`` hands every match of the query to the viewer, which frames them all;
closing the bar hands it an empty list. The count reads "3 / 12" once a match is selected.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.search import SearchIndex
from annotator.ui.text import ltr


class FindBar(QWidget):
    matchSelected = Signal(int, int)
    matchesChanged = Signal(list)  # every match [(start, end)] of the query; [] when closed
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-bar")
        self._text = ""
        self._index: SearchIndex | None = None  # built when first searched
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.field = QLineEdit(self)
        self.field.setObjectName("find-field")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.previous_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.close_button = QToolButton(self)
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.label = QLabel(self)
        layout.addWidget(self.label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self._search)
        self.previous_button.clicked.connect(lambda: self.step(backwards=True))
        self.next_button.clicked.connect(lambda: self.step())
        self.close_button.clicked.connect(self.close_bar)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Find:"))
        self.field.setPlaceholderText(self.tr("ignores tashkeel, tatweel and hamza forms"))
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(
            self.tr("Previous match ({keys})").format(keys=ltr("Shift+Enter, Shift+F3"))
        )
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next match ({keys})").format(keys=ltr("Enter, F3")))
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close ({keys})").format(keys=ltr("Esc")))
        self._show_count()

    # -- the text searched ------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """A new document: search it (its index is built when first needed)."""
        self._text = text
        self._index = None
        if self.isVisible():
            self._search()
        else:  # searched again when the bar opens
            self._matches, self._current = [], -1

    def open_bar(self) -> None:
        self.show()
        self._search()  # the query kept from last time, in the document open now
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.matchesChanged.emit([])
        self.closed.emit()

    @property
    def active(self) -> bool:
        return self.isVisible() and bool(self._matches)

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def _search(self) -> None:
        query = self.field.text()
        if query and self._index is None:
            self._index = SearchIndex(self._text)
        found = self._index.find_all(query) if self._index is not None and query else []
        if found != self._matches:  # the same matches (the bar opened again): same place
            self._matches, self._current = found, -1
        self._show_count()
        self.matchesChanged.emit(list(self._matches))

    def _show_count(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("no match"))
        elif self._current < 0 and len(self._matches) == 1:
            self.count.setText(self.tr("1 match"))
        elif self._current < 0:
            self.count.setText(self.tr("{n} matches").format(n=len(self._matches)))
        else:
            # LRI…PDI: "3 / 12" in the Arabic interface too, not "12 / 3"
            self.count.setText(f"\u2066{self._current + 1} / {len(self._matches)}\u2069")

    # -- moving between matches -------------------------------------------------------------
    def step(self, *, backwards: bool = False, after: int | None = None) -> tuple[int, int] | None:
        """Select the next (previous) match; ``after``: the position to search from."""
        if not self._matches:
            return None
        if self._current >= 0 and after is None:
            i = self._current + (-1 if backwards else 1)
        elif after is not None:
            starts = [m[0] for m in self._matches]
            i = (
                bisect.bisect_left(starts, after) - 1
                if backwards
                else bisect.bisect_left(starts, after)
            )
        else:
            i = len(self._matches) - 1 if backwards else 0
        self._current = i % len(self._matches)
        self._show_count()
        start, end = self._matches[self._current]
        self.matchSelected.emit(start, end)
        return start, end

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.step(backwards=backwards)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
