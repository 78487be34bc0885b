"""View ▸ Annotators: whose spans the window shows besides the current annotator's (ADR 0071).

The window shows the current annotator's spans (the name in Settings) and no one else's until
asked. The submenu lists the project's other annotators, each with a check box and the badge of
the colour their spans are framed in; "Everyone" checks them all, "Only mine" none. The action
``show_all_annotators`` (Ctrl+Shift+O) switches between only mine and everyone from the keyboard.
Everyone means every annotator, also one whose spans arrive later (an import, another window).
The menu is filled when it opens: an import or another program may have brought annotators.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.core.errors import AnnotatorError
from annotator.ui.annotator_colours import badge
from annotator.ui.controller import AnnotationController
from annotator.ui.text import isolate


class AnnotatorsMenu(QObject):
    def __init__(self, menu: QMenu, toggle: QAction, controller: AnnotationController) -> None:
        super().__init__(menu)
        self.menu, self.toggle, self.controller = menu, toggle, controller
        menu.setObjectName("annotators-menu")
        menu.aboutToShow.connect(self.fill)
        toggle.setCheckable(True)
        toggle.triggered.connect(self._toggled)

    def others(self) -> list[str]:
        """The project's annotators but the current one."""
        c = self.controller
        try:
            names = c.repo.annotators()
        except AnnotatorError:  # locked for a moment: those shown still are
            names = list(c.others or ())
        return [n for n in names if n != c.annotator]

    def fill(self) -> None:
        c, menu = self.controller, self.menu
        menu.clear()
        mine = menu.addAction(
            QCoreApplication.translate("AnnotatorsMenu", "Only mine ({name})").format(
                name=isolate(c.annotator)
            ),
            lambda: self.show(()),
        )
        mine.setIcon(badge(c.annotator))
        everyone = menu.addAction(
            QCoreApplication.translate("AnnotatorsMenu", "Everyone"), lambda: self.show(None)
        )
        everyone.setCheckable(True)
        everyone.setChecked(c.others is None)
        others = self.others()
        menu.addSeparator()
        if not others:
            menu.addAction(
                QCoreApplication.translate("AnnotatorsMenu", "No other annotator in this project")
            ).setEnabled(False)
        for name in others:
            action = menu.addAction(badge(name), name)
            action.setCheckable(True)
            action.setChecked(c.others is None or name in c.others)
            action.setData(name)
            action.toggled.connect(lambda on, n=name: self._one(n, on))

    def show(self, others: tuple[str, ...] | None) -> None:
        """Show these others' spans beside mine (None: everyone's, newcomers too)."""
        self.controller.show_annotators(others)
        self.toggle.setChecked(others != ())
        if others is None:
            text = QCoreApplication.translate("AnnotatorsMenu", "Showing everyone's spans")
        elif others:
            text = QCoreApplication.translate(
                "AnnotatorsMenu", "Showing the spans of: {names}"
            ).format(names=", ".join(isolate(n) for n in others))
        else:
            text = QCoreApplication.translate("AnnotatorsMenu", "Showing only your spans")
        self.controller.message.emit(text)

    def _one(self, name: str, on: bool) -> None:
        shown = self.controller.others
        kept = [n for n in (self.others() if shown is None else shown) if n != name]
        self.show(tuple([*kept, name] if on else kept))

    def _toggled(self, on: bool) -> None:
        self.show(None if on else ())
