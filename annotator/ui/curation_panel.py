"""The Disagreements dock of curation mode (ADR 0076): one row per disagreement of the open
document, in reading order: where, and each annotator's choice numbered as the take keys
number them; resolved rows greyed with what was taken. A click selects the disagreement."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.curation import Choice, Strategy
from annotator.ui.curation import NEITHER, CurationSession, Row
from annotator.ui.text import isolate, ltr, short


class DisagreementsPanel(QWidget):
    rowActivated = Signal(int)

    def __init__(self, session: CurationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disagreements-panel")
        self.session = session
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("disagreements")
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the viewer
        self.keys = QLabel(self)
        self.keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.keys)
        self.list.itemClicked.connect(lambda item: self.rowActivated.emit(self.list.row(item)))
        session.changed.connect(self.refresh)
        self.key_hint = ""

    def _choice(self, number: int, choice: Choice) -> str:
        text = self.session.controller.open.text
        if choice.spans:
            what = ", ".join(
                f"{isolate(lab)} «{isolate(short(text[a:b], 30))}»" for a, b, lab in choice.spans
            )
        else:
            what = QCoreApplication.translate("DisagreementsPanel", "nothing")
        return f"{ltr(str(number))} {isolate(choice.annotator)}: {what}"

    def _row_text(self, row: Row) -> str:
        d = row.disagreement
        text = self.session.controller.open.text
        head = f"{ltr(f'{d.start}–{d.end}')} «{isolate(short(text[d.start : d.end], 40))}»"
        if row.decided == NEITHER:
            head += " ✓ " + QCoreApplication.translate("DisagreementsPanel", "neither taken")
        elif row.decided is not None:
            head += " ✓ " + QCoreApplication.translate("DisagreementsPanel", "{name} taken").format(
                name=isolate(row.decided)
            )
        elif row.resolved:
            head += " ✓ " + QCoreApplication.translate("DisagreementsPanel", "the curator's span")
        lines = [self._choice(i, c) for i, c in enumerate(d.choices, 1)]
        return "\n".join([head, *lines])

    def refresh(self) -> None:
        s = self.session
        self.list.clear()
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for row in s.rows:
            item = QListWidgetItem(self._row_text(row))
            if row.resolved:
                item.setForeground(grey)
            self.list.addItem(item)
        if s.current is not None:
            self.list.setCurrentRow(s.current)
            self.list.scrollToItem(self.list.item(s.current))
        if not s.active:
            self.title.setText(QCoreApplication.translate("DisagreementsPanel", "Not curating"))
        elif s.reviewing:
            self.title.setText(
                QCoreApplication.translate(
                    "DisagreementsPanel",
                    "Where {name}'s spans (1) and the curated result of {curator} (2) differ: {n}",
                ).format(
                    name=isolate(s.controller.annotator),
                    curator=isolate(s.curator),
                    n=ltr(str(len(s.rows))),
                )
            )
        else:
            self.title.setText(
                QCoreApplication.translate(
                    "DisagreementsPanel",
                    "Curator {curator} ({strategy}): {open} of {n} disagreements open",
                ).format(
                    curator=isolate(s.curator),
                    strategy=self._strategy(),
                    open=ltr(str(s.open_count())),
                    n=ltr(str(len(s.rows))),
                )
            )
        self.keys.setText(self.key_hint)

    def _strategy(self) -> str:
        if self.session.settings.curation_strategy() is Strategy.MAJORITY:
            return QCoreApplication.translate("DisagreementsPanel", "merged by majority")
        return QCoreApplication.translate("DisagreementsPanel", "merged where all agree")

    def retranslate(self, key_hint: str) -> None:
        self.key_hint = key_hint
        self.refresh()
