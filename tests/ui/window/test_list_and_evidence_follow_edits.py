"""What the window derives from each edit, with no reload in between: the document list's row
(span count, status), the next unfinished document after the last one, the clitic evidence, and
a span that is already there. Each test was written against a one-line break of that behaviour
(issue 7 §9) and fails on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.store import open_project
from annotator.ui.document_model import DocumentListModel
from annotator.ui.main_window import MainWindow
from tests.ui.viewer_helpers import click
from tests.ui.window_helpers import (
    ANNOTATOR,
    db_spans,
    find,
    key,
    shown_spans,
    text_of,
)


def row_cells(window: MainWindow) -> tuple[str, object]:
    """(status, span count) that the document list shows for the open document."""
    model = window.controller.document_model
    row = model.row_of(window.controller.document_id or 0)
    shown = window.documents.table.model()
    status = shown.data(shown.index(row, DocumentListModel.STATUS), Qt.ItemDataRole.DisplayRole)
    count = shown.data(shown.index(row, DocumentListModel.SPANS), Qt.ItemDataRole.DisplayRole)
    return status, count


def test_the_document_row_follows_every_edit(window: MainWindow, qtbot: QtBot) -> None:
    changed: list[int] = []
    window.controller.document_model.dataChanged.connect(lambda a, _b: changed.append(a.row()))
    assert row_cells(window) == ("new", 0)
    text = text_of(window)
    for words in ("أنقرة", "كارتر"):
        window.view.set_selection(*find(text, words))
        key(window, "3")
    assert row_cells(window) == ("in progress", 2)
    assert changed, "the list was not told that its row changed"
    click(window.view, find(text, "أنقرة")[0] + 1)
    key(window, "Delete")
    assert row_cells(window) == ("in progress", 1)
    with open_project(window.project, create=False) as repo:  # the same as a fresh list
        assert repo.summaries(annotator=ANNOTATOR)[0].span_count == 1


def test_ctrl_enter_on_the_last_document_wraps_to_the_first_unfinished(
    two_docs: MainWindow,
) -> None:
    window = two_docs
    first = window.controller.document_id
    key(window, "Alt+PgDown")
    last = window.controller.document_id
    assert last != first
    key(window, "Ctrl+Return")
    assert window.controller.document_id == first  # wrapped around
    assert "opened the next unfinished" in window.status.action.text()


def test_a_new_span_is_clitic_evidence_at_once(window: MainWindow, qtbot: QtBot) -> None:
    """لمعركتي stays whole (معركتي is nowhere else, and ل has no prior); once معركتي is a span,
    the same selection leaves the ل out, without reopening anything."""
    text = text_of(window)
    start, end = find(text, "لمعركتي")
    assert window.controller.snapper.snap(start, end) == (start, end, "")
    window.view.set_selection(start + 1, end)
    key(window, "Alt+5")  # exactly معركتي, as an EVENT
    qtbot.waitUntil(lambda: window.controller.snapper.snap(start, end) == (start + 1, end, "ل"))
    window.view.set_selection(start, end)
    key(window, "2")
    assert (start + 1, end, "ORG") in db_spans(window)


def test_labelling_a_span_that_is_already_there_selects_it(window: MainWindow) -> None:
    text = text_of(window)
    span = find(text, "أنقرة")
    window.view.set_selection(*span)
    key(window, "3")
    window.view.set_selection(*span)
    window.view.select_span(None)
    window.view.set_selection(*span)
    key(window, "3")
    assert window.status.action.text() == "That span is already there"
    assert window.banner.isHidden()
    assert db_spans(window) == [(*span, "LOC")] == shown_spans(window)
    assert window.view.selected_span() is not None
    assert window.controller.stack.count() == 1
