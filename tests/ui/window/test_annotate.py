"""Annotating in the real window with real mouse and key events, checked against the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.model import AnnotatedDocument, Document
from annotator.core.text import text_sha256
from annotator.ui.main_window import MainWindow
from tests.ui.viewer_helpers import click, drag
from tests.ui.window_helpers import (
    db_spans,
    find,
    key,
    shown_spans,
    text_of,
)


def test_label_key_after_a_mouse_selection_snaps_off_the_proclitic(window: MainWindow) -> None:
    text = text_of(window)
    start, end = find(text, "والرقة")
    drag(window.view, start, end)
    assert window.view.selection() == (start, end)
    key(window, "3")
    stem = (start + 1, end)
    assert text[slice(*stem)] == "الرقة"
    assert db_spans(window) == [(*stem, "LOC")]
    assert shown_spans(window) == [(*stem, "LOC")]
    message = window.status.action.text()
    assert "proclitic \u2068و\u2069 left out of the span" in message
    assert window.status.spans.text() == "Spans: 1"


def test_alt_label_key_keeps_the_exact_characters(window: MainWindow) -> None:
    text = text_of(window)
    start, end = find(text, "والرقة")
    drag(window.view, start, end)
    key(window, "Alt+3")
    assert db_spans(window) == [(start, end, "LOC")]
    assert "proclitic" not in window.status.action.text()


def test_partial_word_selection_grows_to_the_whole_word(window: MainWindow) -> None:
    text = text_of(window)
    start, end = find(text, "واشنطن")
    drag(window.view, start + 2, end - 1)  # "شنط"
    key(window, "3")
    # واشنطن is a word of its own: no proclitic is split off it
    assert db_spans(window) == [(start, end, "LOC")]


def test_keyboard_selection_then_label_key(window: MainWindow) -> None:
    text = text_of(window)
    start, end = find(text, "كارتر")
    window.view.set_selection(start, start)
    for _ in range(end - start):  # right-to-left: Shift+Left extends towards the end
        QTest.keyClick(window.view.text_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection() == (start, end)
    key(window, "1")
    assert db_spans(window) == [(start, end, "PER")]


def test_a_selection_of_punctuation_makes_no_span(window: MainWindow) -> None:
    text = text_of(window)
    start = text.index("«")
    window.view.set_selection(start, start + 1)
    key(window, "2")
    assert db_spans(window) == []
    assert "no span" in window.status.action.text()


def test_palette_button_labels_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    text = text_of(window)
    start, end = find(text, "البنتاغون")
    window.view.set_selection(start, end)
    button = window.side.label_palette.button("ORG")
    assert button is not None and "[2]" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert db_spans(window) == [(start, end, "ORG")]


def test_click_a_span_and_relabel_it_with_a_key(window: MainWindow) -> None:
    text = text_of(window)
    start, end = find(text, "أنقرة")
    window.view.set_selection(start, end)
    key(window, "3")
    window.view.set_selection(0, 0)
    click(window.view, start + 2)
    assert window.view.selected_span() is not None
    key(window, "2")
    assert db_spans(window) == [(start, end, "ORG")]
    assert shown_spans(window) == [(start, end, "ORG")]
    assert window.status.action.text() == "Relabel \u2068LOC\u2069 as \u2068ORG\u2069"


def test_delete_and_backspace_remove_the_selected_span(window: MainWindow) -> None:
    text = text_of(window)
    a = find(text, "أنقرة")
    b = find(text, "كارتر")
    for start, end in (a, b):
        window.view.set_selection(start, end)
        key(window, "3")
    click(window.view, a[0] + 1)
    key(window, "Delete")
    assert db_spans(window) == [(*b, "LOC")]
    click(window.view, b[0] + 1)
    key(window, "Backspace")
    assert db_spans(window) == []
    assert shown_spans(window) == []


def test_tab_walks_the_spans_in_reading_order(window: MainWindow) -> None:
    text = text_of(window)
    words = [find(text, w) for w in ("كارتر", "واشنطن", "أنقرة")]
    for start, end in words:
        window.view.set_selection(start, end)
        key(window, "Alt+1")
    window.view.select_span(None)
    window.view.set_selection(0, 0)
    seen = []
    for _ in range(3):
        key(window, "Tab")
        span = window.controller.span_model.span_by_id(window.view.selected_span() or -1)
        assert span is not None
        seen.append((span.start, span.end))
    assert seen == sorted(words)
    key(window, "Shift+Tab")
    span = window.controller.span_model.span_by_id(window.view.selected_span() or -1)
    assert span is not None and (span.start, span.end) == sorted(words)[1]


def test_boundary_keys_move_start_and_end_in_screen_direction(window: MainWindow) -> None:
    text = text_of(window)
    start, end = find(text, "والرقة")
    window.view.set_selection(start, end)
    key(window, "Alt+3")
    assert window.view.selected_span() is not None  # a new span is selected
    # Right-to-left: Left moves a boundary towards the end of the text
    key(window, "Shift+Alt+Left")
    assert db_spans(window) == [(start + 1, end, "LOC")]
    key(window, "Shift+Alt+Right")
    assert db_spans(window) == [(start, end, "LOC")]
    key(window, "Ctrl+Shift+Alt+Right")
    assert db_spans(window) == [(start, end - 1, "LOC")]
    key(window, "Ctrl+Shift+Alt+Left")
    assert db_spans(window) == [(start, end, "LOC")]
    assert shown_spans(window) == [(start, end, "LOC")]


def test_a_span_cannot_shrink_to_nothing(window: MainWindow) -> None:
    text = text_of(window)
    start = text.index("و", 10)
    window.view.set_selection(start, start + 1)
    key(window, "Alt+4")
    key(window, "Shift+Alt+Left")
    assert db_spans(window) == [(start, start + 1, "MISC")]
    assert "cannot" in window.status.action.text()


EMOJI_LATIN = "CNN: قال كارتر 😀👍🏽 إن «الرقة» 🇸🇦 والموصل\nBBC Arabic نقلت عن أنقرة"


def test_selection_after_emoji_and_in_a_latin_first_paragraph(
    window: MainWindow, qtbot: QtBot
) -> None:
    added = window.repo.add_document(
        AnnotatedDocument(Document(None, "emoji", EMOJI_LATIN, text_sha256(EMOJI_LATIN)))
    )
    assert added is not None and added.id is not None
    window.controller.document_model.reload()
    window.navigator.go(added.id)
    text = text_of(window)
    # the paragraph starts with Latin, and is still laid out right to left
    assert window.view.char_rect(0).x() > window.view.char_rect(text.index("قال")).x()
    for word, key_name in (("والموصل", "3"), ("أنقرة", "3"), ("كارتر", "1")):
        start, end = find(text, word)
        drag(window.view, start, end)
        assert window.view.selection() == (start, end)
        key(window, key_name)
    mosul = find(text, "الموصل")
    assert db_spans(window) == [
        (*find(text, "كارتر"), "PER"),
        (*mosul, "LOC"),
        (*find(text, "أنقرة"), "LOC"),
    ]


def test_a_proclitic_before_a_quote_mark_is_left_out_with_the_mark(window: MainWindow) -> None:
    text = text_of(window)
    window.view.set_selection(*find(text, "لـ«رويترز»"))  # further down than a drag reaches
    key(window, "2")
    word = find(text, "رويترز")
    assert db_spans(window) == [(*word, "ORG")]
    message = window.status.action.text()
    assert "proclitic \u2068لـ\u2069 and \u2068«\u2069 left out of the span" in message
