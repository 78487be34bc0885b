"""The status bar answers a number key with no label on it, and forgets the last action when
another document opens (issue 8 §14)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.test_first_steps import empty_window
from tests.ui.window.test_labelset import quote_with_carter
from tests.ui.window_helpers import db_relations, db_spans, find, key, open_window, text_of

KEY_7 = "No label on key \u20667\u2069"


def test_a_number_key_with_no_label_says_so(window: MainWindow) -> None:
    text = text_of(window)
    window.view.set_selection(*find(text, "أنقرة"))
    key(window, "7")  # the default label set has keys 1-6
    assert window.status.action.text() == KEY_7
    key(window, "Alt+7")
    assert window.status.action.text() == KEY_7
    key(window, "9")
    assert window.status.action.text() == "No label on key \u20669\u2069"
    assert db_spans(window) == []
    key(window, "3")  # a key with a label still labels
    assert db_spans(window) == [(*find(text, "أنقرة"), "LOC")]


def test_no_label_on_the_key_in_the_arabic_interface(
    qtbot: QtBot, project: Path, user_settings: UserSettings
) -> None:
    user_settings.set_language("ar")
    window = open_window(qtbot, project, user_settings)
    try:
        window.view.set_selection(*find(text_of(window), "أنقرة"))
        key(window, "8")
        assert window.status.action.text() == "لا وسم على المفتاح \u20668\u2069"
    finally:
        i18n.install("en")


def test_the_last_action_is_cleared_when_the_document_changes(two_docs: MainWindow) -> None:
    window = two_docs
    text = text_of(window)
    window.view.set_selection(*find(text, "أنقرة"))
    key(window, "3")
    assert window.status.action.text().startswith("Label")
    key(window, "Alt+PgDown")
    assert window.status.action.text() == ""
    key(window, "7")
    assert window.status.action.text() == KEY_7
    table = window.documents.table  # a click on the first document's row
    rect = table.visualRect(table.model().index(0, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.document_id == 1
    assert window.status.action.text() == ""


def test_a_message_about_the_switch_itself_stays(two_docs: MainWindow) -> None:
    window = two_docs
    key(window, "Ctrl+Return")  # done, and the next unfinished one opens
    assert window.status.action.text() == "Marked done; opened the next unfinished document"
    key(window, "Ctrl+Z")  # undone in the first document: back there, and says so
    assert window.controller.document_id == 1
    assert window.status.action.text().startswith("Undone: Mark")


def test_a_number_key_in_an_empty_project_says_why_nothing_happens(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    window = empty_window(qtbot, tmp_path, user_settings)
    key(window, "3")
    assert window.status.action.text() == "No article is open: import articles first"


def test_deleting_a_speaker_says_that_its_link_went_and_undo_brings_both_back(
    window: MainWindow,
) -> None:
    quote_id, carter_id, _quote, carter = quote_with_carter(window)
    window.view.select_span(carter_id)
    key(window, "Delete")
    assert window.status.action.text() == (
        "Delete \u2068PER\u2069 \u2068كارتر\u2069; its speaker link removed too"
    )
    assert db_relations(window) == [] and carter not in [s[:2] for s in db_spans(window)]
    key(window, "Ctrl+Z")
    assert db_relations(window) == [("speaker", quote_id, carter_id)]
