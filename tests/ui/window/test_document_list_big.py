"""The document list of a big project (issue 10, docs/adr/0049): an edit refreshes the one row
it changed (moved or removed alone, never the list read and counted again), a title filter of
one or two letters is scanned in steps while the window stays responsive, and the list reads
its pages by keyset from the rows it knows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from annotator.core.document_order import DocumentOrder, SortKey
from annotator.core.model import AnnotatedDocument, Document, Status
from annotator.store import open_project
from annotator.store.document_list import ListView
from annotator.ui import document_model
from annotator.ui.document_model import DocumentListModel
from annotator.ui.list_pages import ROWS_PER_PAGE, ListPages, Seek
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import ANNOTATOR, find, key, make_project, open_window, text_of

MANY = 1_200


def big_project(folder: Path) -> Path:
    path = make_project(folder)  # the sample article first: the window opens it
    with open_project(path) as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, f"مقال {n} عن {('بغداد', 'دمشق')[n % 2]}", f"نص {n}"))
            for n in range(MANY)
        )
    return path


@pytest.fixture
def big(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> MainWindow:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    return open_window(qtbot, big_project(tmp_path), user)


class Signals:
    """What the document list model told its views."""

    def __init__(self, model: DocumentListModel) -> None:
        self.seen: list[str] = []
        self.changed: list[int] = []
        model.modelReset.connect(lambda: self.seen.append("reset"))
        model.rowsMoved.connect(lambda *_: self.seen.append("moved"))
        model.rowsRemoved.connect(lambda *_: self.seen.append("removed"))
        model.layoutChanged.connect(lambda *_: self.seen.append("layout"))
        model.dataChanged.connect(lambda a, _b: self.changed.append(a.row()))


def traced(window: MainWindow) -> list[str]:
    statements: list[str] = []
    window.repo.db.conn.set_trace_callback(statements.append)
    return statements


def label_a_word(window: MainWindow, word: str) -> None:
    window.view.set_selection(*find(text_of(window), word))
    key(window, "3")


def test_a_label_key_refreshes_its_row_alone(big: MainWindow) -> None:
    model = big.controller.document_model
    signals = Signals(model)
    statements = traced(big)
    label_a_word(big, "أنقرة")  # the first span: the status goes from new to in progress
    key(big, "Ctrl+Z")
    big.repo.db.conn.set_trace_callback(None)
    assert signals.seen == []
    assert set(signals.changed) == {0}  # the article's row, and nothing else
    listed = ("FROM documents d", "span_counts", "title_search", "document_status s")
    reads = [
        s
        for s in statements
        if ("ORDER BY" in s or "count(*)" in s)
        and any(t in s for t in listed)
        and not s.endswith("WHERE d.id IN (1)")  # the row's own summary counts its shown spans
    ]
    assert reads == []  # no page read again, nothing counted over the list


def test_sorted_by_spans_a_label_key_moves_the_row(big: MainWindow) -> None:
    model = big.controller.document_model
    big.documents.set_order(DocumentOrder(SortKey.SPANS, descending=True))
    article = big.controller.document_id or 0
    assert model.row_of(article) == MANY  # no spans anywhere: import order, reversed
    signals = Signals(model)
    label_a_word(big, "أنقرة")
    assert signals.seen == ["moved"]
    assert model.row_of(article) == 0 and model.document_id(0) == article
    assert model.document_id(1) == MANY + 1  # the others as they were
    key(big, "Ctrl+Z")
    assert signals.seen == ["moved", "moved"]
    assert model.document_id(MANY) == article and model.document_id(0) == MANY + 1
    assert [model.document_id(r) for r in range(MANY - 3, MANY + 1)] == [4, 3, 2, article]


def test_a_row_that_leaves_the_filter_leaves_alone(big: MainWindow) -> None:
    model = big.controller.document_model
    statuses = big.documents.status
    statuses.setCurrentIndex(statuses.findData(Status.NEW.value))
    assert model.rowCount() == MANY + 1
    signals = Signals(model)
    label_a_word(big, "أنقرة")  # in progress now: not new
    assert signals.seen == ["removed"]
    assert model.rowCount() == MANY and model.document_id(0) == 2
    assert model.rowCount() == big.repo.count_rows(ListView(ANNOTATOR, Status.NEW))


def test_a_short_title_filter_is_scanned_in_steps(
    big: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document_model, "SCAN_ROWS", 100)  # steps of 100 rows of the list
    model = big.controller.document_model
    expected = [s.id for s in big.repo.summaries(annotator=ANNOTATOR, search="دم")]
    assert len(expected) == MANY // 2
    big.documents.search.setText("دم")  # دمشق: two letters, no index
    assert not model.complete and 0 < model.rowCount() < len(expected)
    qtbot.waitUntil(lambda: model.rowCount() >= ROWS_PER_PAGE)  # the next steps: later turns
    assert model.document_id(len(expected) - 1) == expected[-1]  # a step on to a far row
    assert model.complete and model.rowCount() == len(expected)
    assert [model.document_id(r) for r in range(len(expected))] == expected
    big.documents.search.setText("دمش")  # three letters: the index, counted at once
    assert model.complete and model.rowCount() == len(expected)


def test_the_scroll_bar_at_the_end_reads_from_the_end(big: MainWindow) -> None:
    table = big.documents.table
    model = big.controller.document_model
    big.documents.set_order(DocumentOrder(SortKey.TITLE))
    statements = traced(big)
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    table.viewport().grab()
    big.repo.db.conn.set_trace_callback(None)
    ordered = [s for s in statements if "ORDER BY" in s]
    offsets = [int(re.findall(r"OFFSET (\d+)", s)[-1]) for s in ordered]
    assert ordered and all("DESC" in s for s in ordered)  # backwards, from the end
    assert max(offsets) < ROWS_PER_PAGE  # a seek, never the rows before counted off
    expected = [s.id for s in big.repo.summaries(order=DocumentOrder(SortKey.TITLE))]
    assert model.document_id(MANY) == expected[-1]


def test_pages_seek_from_the_nearest_row_they_know() -> None:
    pages = ListPages()
    assert pages.seek(0, 199, 10_000) == Seek(None, 0, False)
    assert pages.seek(9_800, 9_999, 10_000) == Seek(None, 0, True)  # the end, backwards
    assert pages.seek(6_000, 6_199, 10_000) == Seek(None, 3_800, True)
    pages.anchors = {4_199: (0, "a", 1), 5_000: (0, "b", 2)}
    assert pages.seek(4_200, 4_399, 10_000) == Seek((0, "a", 1), 1, False)
    assert pages.seek(4_800, 4_999, 10_000) == Seek((0, "b", 2), 1, True)
    assert pages.inside(4_000, 4_199) is None and pages.inside(4_000, 4_399) == (4_199, (0, "a", 1))
    pages.moved(4_199, 6_000, (0, "c", 3))  # a row moved down: those between move up
    assert pages.anchors == {4_999: (0, "b", 2), 6_000: (0, "c", 3)}
    pages.removed(4_999)
    assert pages.anchors == {5_999: (0, "c", 3)}


def test_every_cell_is_painted_with_its_own_roles(big: MainWindow) -> None:
    """The delegate takes a cell's roles in one multiData call and reuses what it passes: a
    role one cell answers (the open document's bold, a title's alignment) is no other's."""
    table = big.documents.table
    model = big.controller.document_model
    delegate = table.itemDelegate()
    table.viewport().grab()
    for row in (0, 1, 2):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            shown = model.data(index)  # None: a certainty not scored, an empty cell
            assert option.text == ("" if shown is None else str(shown))
            assert option.font.bold() == (model.document_id(row) == big.controller.document_id)
            align = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
            if align is None:
                assert not option.displayAlignment & Qt.AlignmentFlag.AlignRight
            else:
                assert int(option.displayAlignment) == align
