"""Moving through the work: done and next, document keys, find then label, speaker links,
the span list and the document list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.model import Status
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.viewer_helpers import click
from tests.ui.window_helpers import (
    ANNOTATOR,
    db_relations,
    db_spans,
    find,
    key,
    make_project,
    open_window,
    text_of,
    type_text,
)


def statuses(window: MainWindow) -> dict[int, Status]:
    with open_project(window.project, create=False) as repo:
        return {d: repo.status(d, ANNOTATOR) for d in repo.document_ids()}


def test_ctrl_enter_marks_done_and_opens_the_next_unfinished(two_docs: MainWindow) -> None:
    window = two_docs
    first = window.controller.document_id
    assert window.status.position.text() == "Document \u20661\u2069 of \u20662\u2069"
    window.view.set_selection(*find(text_of(window), "أنقرة"))
    key(window, "3")
    assert statuses(window)[first or 0] is Status.IN_PROGRESS
    key(window, "Ctrl+Return")
    second = window.controller.document_id
    assert second != first
    assert statuses(window) == {first: Status.DONE, second: Status.NEW}
    assert window.status.position.text() == "Document \u20662\u2069 of \u20662\u2069"
    assert window.documents.table.currentIndex().row() == 1
    # the last unfinished one: done, and nothing is left
    key(window, "Ctrl+Return")
    assert statuses(window) == {first: Status.DONE, second: Status.DONE}
    assert "Every document is done" in window.status.action.text()
    # undo the status: back to in progress (first) — undo brings its document back
    key(window, "Ctrl+Z")
    assert statuses(window)[second or 0] is Status.NEW
    key(window, "Ctrl+Z")
    assert window.controller.document_id == first
    assert statuses(window)[first or 0] is Status.IN_PROGRESS


def test_alt_page_keys_move_between_documents(two_docs: MainWindow) -> None:
    window = two_docs
    first = window.controller.document_id
    key(window, "Alt+PgDown")
    second = window.controller.document_id
    assert second != first
    key(window, "Alt+PgDown")
    assert window.controller.document_id == second
    assert window.status.action.text() == "This is the last document"
    key(window, "Alt+PgUp")
    assert window.controller.document_id == first


def test_document_list_click_opens_and_filters(two_docs: MainWindow, qtbot: QtBot) -> None:
    window = two_docs
    table = window.documents.table
    rect = table.visualRect(table.model().index(1, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.document_id == window.controller.document_model.document_id(1)
    type_text(window.documents.search, "أنقرة")
    assert table.model().rowCount() == 1
    window.documents.search.clear()
    window.documents.status.setCurrentIndex(window.documents.status.findData("done"))
    assert table.model().rowCount() == 0


def test_find_then_label_the_match(window: MainWindow, qtbot: QtBot) -> None:
    text = text_of(window)
    key(window, "Ctrl+F")
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    type_text(window.find_bar.field, "الرقه")  # ة typed as ه: still found
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    first = find(text, "الرقة")
    assert window.view.selection() == first
    assert window.view.text_edit.hasFocus()
    key(window, "Return")  # next match, from the viewer
    second = window.find_bar.matches()[1]
    assert window.view.selection() == second
    key(window, "3")
    assert db_spans(window) == [(*second, "LOC")]
    key(window, "Shift+Return")
    assert window.view.selection() == first
    key(window, "Escape")
    assert not window.find_bar.isVisible()


def test_pick_speaker_with_the_key_and_remove_it_with_the_button(
    window: MainWindow, qtbot: QtBot
) -> None:
    text = text_of(window)
    quote = find(text, "«ما تصر تركيا وتركز عليه هو أن العمليات يجب أن تشنها القوات المحلية")
    quote = (quote[0], text.index("»", quote[0]) + 1)
    speaker = find(text, "إيشق", 1)
    window.view.set_selection(*speaker)
    key(window, "1")
    speaker_id = window.view.selected_span()
    window.view.set_selection(*quote)
    key(window, "Alt+6")
    quote_id = window.view.selected_span()
    assert window.side.pick_button.isEnabled()
    key(window, "S")
    assert window.controller.speakers.picking
    click(window.view, speaker[0] + 1)
    assert not window.controller.speakers.picking
    assert db_relations(window) == [("speaker", quote_id, speaker_id)]
    model = window.controller.span_model
    row = model.row_of(quote_id or 0)
    assert model.index(row, model.SPEAKER).data() == "إيشق"
    assert window.view.selected_span() == quote_id
    assert window.side.remove_speaker_button.isEnabled()
    qtbot.mouseClick(window.side.remove_speaker_button, Qt.MouseButton.LeftButton)
    assert db_relations(window) == []
    assert model.index(row, model.SPEAKER).data() == ""


def test_picking_refuses_a_non_entity_and_escape_cancels(window: MainWindow) -> None:
    text = text_of(window)
    quote = find(text, "«بحث الوزيران كذلك أهمية استعادة الرقة")
    window.view.set_selection(quote[0], quote[1])
    key(window, "Alt+6")
    key(window, "S")
    click(window.view, quote[0] + 3)  # the quote itself: not an entity
    assert window.controller.speakers.picking
    assert "not an entity" in window.status.action.text()
    key(window, "Escape")
    assert not window.controller.speakers.picking
    assert db_relations(window) == []
    window.view.select_span(None)
    key(window, "S")  # nothing selected: nothing to pick for
    assert not window.controller.speakers.picking


def test_span_list_click_selects_the_span_in_the_viewer(window: MainWindow) -> None:
    text = text_of(window)
    for word in ("أنقرة", "كارتر"):
        window.view.set_selection(*find(text, word))
        key(window, "1")
    window.view.select_span(None)
    table = window.side.table
    rect = table.visualRect(table.model().index(1, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    span = window.controller.span_model.span_at_row(1)
    assert span is not None and window.view.selected_span() == span.id
    key(window, "Delete")  # keys still act on the viewer
    assert len(db_spans(window)) == 1


def test_zoom_keys_change_and_remember_the_zoom(window: MainWindow) -> None:
    key(window, "Ctrl+=")
    key(window, "Ctrl+=")
    assert window.view.zoom() == 2
    key(window, "Ctrl+-")
    assert window.view.zoom() == 1 == window.settings.zoom()
    key(window, "Ctrl+0")
    assert window.view.zoom() == 0 == window.settings.zoom()


def test_status_bar_names_the_document_position_in_both_languages(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """ "Document 1 of 2", and in Arabic "المستند 1 من 2" (not "المستند 2 / 1"): each number
    isolated left to right."""
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("ar")
    try:
        window = open_window(qtbot, make_project(tmp_path, second=True), user)
        assert window.status.position.text() == "المستند \u20661\u2069 من \u20662\u2069"
        key(window, "Alt+PgDown")
        assert window.status.position.text() == "المستند \u20662\u2069 من \u20662\u2069"
    finally:
        i18n.install("en")
