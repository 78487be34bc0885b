"""Project ▸ Team ▸ Agreement… in the real window on a real project file (docs/adr/0074): two
annotators' work on the sample article, both done; the matrix has the CLI's figures, a click
on a cell lists that pair's disagreements, a click on one opens the article at the span."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan, SetStatus
from annotator.core.model import Span, Status
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.agreement_dialog import AgreementDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click_menus
from tests.ui.window_helpers import ANNOTATOR, make_project, open_window

OTHER = "amal"


def team_project(folder: Path) -> tuple[Path, int, tuple[int, int]]:
    """The article: both label كارتر PER and الموصل LOC; the tester's الرقة is one character
    longer than amal's. Returns the project, the article's id and amal's الرقة."""
    path = make_project(folder)
    with open_project(path, create=False) as repo:
        (article,) = repo.document_ids()
        text = repo.document(article).text
        places = [
            (text.index(w), text.index(w) + len(w), lab)
            for w, lab in (("كارتر", "PER"), ("الموصل", "LOC"))
        ]
        raqqa = text.index("الرقة")
        for who, end in ((ANNOTATOR, raqqa + 5), (OTHER, raqqa + 4)):
            for start, stop, label in [*places, (raqqa, end, "LOC")]:
                repo.apply(AddSpan(Span(None, article, start, stop, label, who)))
            repo.apply(SetStatus(article, who, Status.DONE))
    return path, article, (raqqa, raqqa + 4)


@pytest.fixture
def team_window(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> Iterator[tuple[MainWindow, int, tuple[int, int]]]:
    path, article, raqqa = team_project(tmp_path)
    window = open_window(qtbot, path, user_settings)
    yield window, article, raqqa
    i18n.install("en")


def click_cell(table: QTableWidget, row: int, column: int) -> None:
    item = table.item(row, column)
    assert item is not None
    table.scrollToItem(item)
    rect = table.visualItemRect(item)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()


def agreement(qtbot: QtBot, window: MainWindow) -> AgreementDialog:
    QTest.mouseMove(window.view)
    click_menus(window, "Project", "Team", "Agreement…")
    dialog = window.team.agreement
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    return dialog


def test_the_matrix_a_cell_and_a_disagreement(
    qtbot: QtBot, team_window: tuple[MainWindow, int, tuple[int, int]]
) -> None:
    window, article, raqqa = team_window
    dialog = agreement(qtbot, window)
    names = dialog.report.agreement.annotators if dialog.report else ()
    assert set(names) == {ANNOTATOR, OTHER}
    cell = dialog.matrix.item(0, 1)
    assert cell is not None
    plain = cell.text().replace("\u2066", "").replace("\u2069", "")  # numbers isolated LTR
    assert plain.startswith("0.67 / 1.00\nκ ") and plain.endswith("· 1 doc.")
    click_cell(dialog.matrix, 1, 0)
    assert dialog.tabs.currentIndex() == 0
    assert dialog.differences.rowCount() == 1
    kind = dialog.differences.item(0, 1)
    assert kind is not None and kind.text() == "other boundaries"
    assert dialog.labels.rowCount() == 2 and dialog.documents.rowCount() == 1
    click_cell(dialog.differences, 0, 0)
    assert window.controller.document_id == article
    assert window.view.selection() == raqqa  # amal's span (A: names in order), not shown


def test_arabic(qtbot: QtBot, team_window: tuple[MainWindow, int, tuple[int, int]]) -> None:
    window, _article, _raqqa = team_window
    dialog = agreement(qtbot, window)
    window.set_language("ar")
    assert dialog.windowTitle() == "الاتفاق"
    assert dialog.tabs.tabText(0) == "الاختلافات"
    assert dialog.summary.text().startswith("كل زوج على المستندات التي أنهاها كلاهما")
    assert dialog.isRightToLeft()
