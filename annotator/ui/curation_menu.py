"""Project ▸ Curation wired to the curation session and its Disagreements dock (ADR 0076), so the
main window only builds this and calls ``retranslate``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDockWidget

from annotator.ui import docks
from annotator.ui.actions import MAX_KEY
from annotator.ui.curation import CurationSession
from annotator.ui.curation_panel import DisagreementsPanel
from annotator.ui.text import ltr

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class CurationMenu:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        a = window.action_set
        self.session = session = CurationSession(window.controller, window.settings)
        self.panel = DisagreementsPanel(session, window)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("disagreements-dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(docks.reading_sides(window.rtl)[1], self.dock)
        self.dock.hide()
        menu = window.menus["curation"]
        menu.addAction(a["curate"])
        menu.addAction(a["merge_agreed"])
        menu.addSeparator()
        menu.addAction(a["next_disagreement"])
        menu.addAction(a["previous_disagreement"])
        for k in range(1, MAX_KEY + 1):
            menu.addAction(a[f"take_{k}"])
            a[f"take_{k}"].triggered.connect(lambda _=False, n=k: session.take(n))
        menu.addAction(a["take_neither"])
        menu.addAction(a["edit_disagreement"])
        menu.addSeparator()
        menu.addAction(a["my_differences"])
        a["my_differences"].setCheckable(True)
        a["my_differences"].triggered.connect(lambda _=False: session.review())
        a["curate"].setCheckable(True)
        a["curate"].triggered.connect(lambda _=False: session.toggle())
        a["merge_agreed"].triggered.connect(session.merge_agreed)
        a["next_disagreement"].triggered.connect(lambda: session.step(True))
        a["previous_disagreement"].triggered.connect(lambda: session.step(False))
        a["take_neither"].triggered.connect(session.take_neither)
        a["edit_disagreement"].triggered.connect(session.edit)
        self.panel.rowActivated.connect(session.select)
        session.changed.connect(self._follow)

    def _follow(self) -> None:
        """The dock and the check mark follow the mode."""
        active = self.session.active
        self.window.action_set["curate"].setChecked(active and not self.session.reviewing)
        self.window.action_set["my_differences"].setChecked(self.session.reviewing)
        if self.dock.isVisible() != active:
            self.dock.setVisible(active)
            if active:
                self.dock.raise_()

    def retranslate(self) -> None:
        a = self.window.action_set
        for k in range(1, MAX_KEY + 1):
            a[f"take_{k}"].setText(
                QCoreApplication.translate("CurationMenu", "Take annotator {n}'s spans").format(
                    n=ltr(str(k))
                )
            )
        self.dock.setWindowTitle(QCoreApplication.translate("CurationMenu", "Disagreements"))
        hints = (
            QCoreApplication.translate("CurationMenu", "{key}: next disagreement").format(
                key=self._key("next_disagreement")
            ),
            QCoreApplication.translate("CurationMenu", "{key}: previous").format(
                key=self._key("previous_disagreement")
            ),
            QCoreApplication.translate("CurationMenu", "{key}…: take annotator 1…").format(
                key=self._key("take_1")
            ),
            QCoreApplication.translate("CurationMenu", "{key}: take neither").format(
                key=self._key("take_neither")
            ),
            QCoreApplication.translate("CurationMenu", "{key}: edit with the label keys").format(
                key=self._key("edit_disagreement")
            ),
            QCoreApplication.translate("CurationMenu", "{key}: merge agreed").format(
                key=self._key("merge_agreed")
            ),
        )
        self.panel.retranslate(" · ".join(hints))

    def _key(self, action_id: str) -> str:
        return ltr(self.window.action_set.key_text(action_id))
