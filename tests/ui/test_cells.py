"""The span list's cells are copies of pictures Qt's delegate painted: they look the same, and
they change when what they show changes."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from annotator.ui.cells import CachedCells, RightToLeftCells

ROWS = [
    ("LOC", "#a8e0a0", "«إن داعش في الرقة ينسحب من منبج وأضاف أن الولايات المتحدة»", "12–40"),
    ("PER", "#f4a3a3", "كارتر", "155–160"),
    ("ORG", "#9fc5f8", "البنتاغون", "668–677"),
    ("QUOTE", "#e08000", "«داعش»", "50–56"),
]


def table(qtbot: QtBot, delegate_of: type) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(0, 3)
    for label, colour, text, offsets in ROWS:
        first = QStandardItem(label)
        first.setData(QColor(colour), Qt.ItemDataRole.DecorationRole)
        model.appendRow([first, QStandardItem(text), QStandardItem(offsets)])
    view = QTableView()
    view.setAlternatingRowColors(True)
    view.setModel(model)
    view.setItemDelegate(delegate_of((1,), view))
    view.resize(420, 200)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def shot(view: QTableView) -> QImage:
    return view.viewport().grab().toImage()


def test_cached_cells_look_exactly_like_qts_own(qtbot: QtBot) -> None:
    plain, plain_model = table(qtbot, RightToLeftCells)
    cached, cached_model = table(qtbot, CachedCells)
    assert shot(cached) == shot(plain)
    assert shot(cached) == shot(plain)  # painted again from the pictures
    for view, model in ((plain, plain_model), (cached, cached_model)):
        model.item(1, 1).setText("آشتون كارتر")  # the text of a cell changes
        model.item(2, 0).setData(QColor("#ffd0a0"), Qt.ItemDataRole.DecorationRole)
        view.selectionModel().select(
            model.index(3, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert shot(cached) == shot(plain)
    cached.resize(300, 200)  # narrower: the text is elided again
    plain.resize(300, 200)
    qtbot.wait(10)
    assert shot(cached) == shot(plain)


def test_after_a_font_or_direction_change_the_cells_follow(qtbot: QtBot) -> None:
    """The view's font and direction are read once; FontChange / LayoutDirectionChange make
    the delegate read them again and paint new pictures."""
    plain, _ = table(qtbot, RightToLeftCells)
    cached, _ = table(qtbot, CachedCells)
    assert shot(cached) == shot(plain)
    for view in (plain, cached):
        font = view.font()
        font.setPointSize(font.pointSize() + 4)
        view.setFont(font)
    qtbot.wait(10)
    assert shot(cached) == shot(plain)
    for view in (plain, cached):
        view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(10)
    assert shot(cached) == shot(plain)
