"""Label all occurrences (Ctrl+L) in the real window, with real mouse and key events, checked
against the project file: the stems after proclitics, one undo for all, spans already there."""

from __future__ import annotations

from annotator.core.occurrences import occurrences
from annotator.ui.main_window import MainWindow
from tests.ui.viewer_helpers import drag
from tests.ui.window_helpers import db_spans, find, key, shown_spans, text_of


def test_ctrl_l_labels_every_other_occurrence_as_one_undoable_edit(window: MainWindow) -> None:
    text = text_of(window)
    start, end = find(text, "والرقة")
    drag(window.view, start, end)
    key(window, "3")  # LOC; the new span is selected
    first = (start + 1, end, "LOC")
    assert db_spans(window) == [first]
    key(window, "Ctrl+L")
    spans = db_spans(window)
    assert len(spans) == 7  # the article's seven الرقة, three of them after و
    assert {text[a:b] for a, b, _ in spans} == {"الرقة"}
    assert {label for _, _, label in spans} == {"LOC"}
    assert shown_spans(window) == spans
    message = window.status.action.text()
    assert "6" in message and "more occurrence" in message and "LOC" in message
    key(window, "Ctrl+Z")  # one undo takes all six away, the first span stays
    assert db_spans(window) == [first]
    assert shown_spans(window) == [first]
    key(window, "Ctrl+Shift+Z")
    assert db_spans(window) == spans


def test_a_longer_span_of_the_kind_is_left_alone_and_nothing_twice(window: MainWindow) -> None:
    text = text_of(window)
    targets = occurrences(text, "كارتر", [])
    assert len(targets) >= 3
    a, b = targets[1]
    longer = (text.rindex(" ", 0, a - 1) + 1, b)  # the word before كارتر and كارتر
    drag(window.view, *longer)
    key(window, "Alt+1")  # PER, exactly as selected
    drag(window.view, *targets[0])
    key(window, "1")
    key(window, "Ctrl+L")
    made = [(s, e) for s, e, _ in db_spans(window)]
    assert longer in made and targets[0] in made
    assert targets[1] not in made  # inside the longer PER span
    assert len(made) == len(targets)  # every كارتر but the one inside, and the longer span
    key(window, "Ctrl+L")  # again: nothing left to label
    assert len(db_spans(window)) == len(made)
    assert "No other occurrence" in window.status.action.text()


def test_without_a_selected_span_it_says_what_to_do(window: MainWindow) -> None:
    window.view.set_selection(0, 0)
    key(window, "Ctrl+L")
    assert db_spans(window) == []
    assert "Select a span first" in window.status.action.text()
