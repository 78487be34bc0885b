"""Suggestions in the real window (issue 11), with real keys, checked against the project file:
Ctrl+Shift+S runs the recommenders on the open document beside the window, N selects the next
suggestion, A accepts it (a span of the annotator), X rejects it (remembered: never offered
again), Ctrl+Shift+A accepts all; each is one undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.suggestions import SuggestedLink, Suggestion
from annotator.ops import import_paths
from annotator.store import open_project
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import (
    ANNOTATOR,
    cell_keys_agree_with_data,
    db_spans,
    key,
    make_project,
    open_window,
)

TEXTS = ("قال كارتر في لندن إن الرقة محاصرة.", "وصل كارتر إلى أنقرة.")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> MainWindow:
    """The sample article (open) and two short articles where كارتر (PER) and الرقة, لندن
    (LOC) are labelled: what the memory learns from."""
    path = make_project(tmp_path)
    lines = []
    for text in TEXTS:
        spans = [
            {"start": text.index(w), "end": text.index(w) + len(w), "label": label}
            for w, label in (("كارتر", "PER"), ("لندن", "LOC"), ("الرقة", "LOC"))
            if w in text
        ]
        lines.append(json.dumps({"title": text[:9], "text": text, "spans": spans}))
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_project(path, create=False) as repo:
        assert import_paths(repo, [labelled], annotator="amal").imported == 2
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("en")
    return open_window(qtbot, path, user)


def states(window: MainWindow) -> dict[str, int]:
    with open_project(window.project, create=False, read_only=True) as repo:
        found: dict[str, int] = {}
        for s in repo.suggestions(1, state=None):
            found[s.state.value] = found.get(s.state.value, 0) + 1
        return found


def suggested(window: MainWindow) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in window.controller.open.suggestions]


def test_suggest_then_accept_reject_and_undo_with_keys(window: MainWindow, qtbot: QtBot) -> None:
    text = window.controller.open.text
    key(window, "Ctrl+Shift+S")
    qtbot.waitUntil(lambda: bool(suggested(window)), timeout=10_000)
    shown = suggested(window)
    assert (text.index("كارتر"), text.index("كارتر") + 5, "PER") in shown
    assert len(window.view._edit.ghosts()) == len(shown)  # drawn, one frame each
    assert "open suggestion" in window.status.action.text()
    opened = states(window)["open"]

    key(window, "N")  # the first suggestion in reading order, selected
    first = window.controller.open.suggestions[0]
    assert window.controller.open.selected_suggestion == first.id
    assert window.view.selection() == (first.start, first.end)
    assert "Suggestion:" in window.status.action.text()
    key(window, "A")
    assert db_spans(window) == [(first.start, first.end, first.label)]
    assert states(window) == {"open": opened - 1, "accepted": 1}
    assert (first.start, first.end, first.label) not in suggested(window)
    key(window, "Ctrl+Z")  # the span goes, the suggestion is open again
    assert db_spans(window) == []
    assert states(window) == {"open": opened}
    assert (first.start, first.end, first.label) in suggested(window)

    key(window, "N")
    gone = window.controller.open.suggestions[0]
    key(window, "X")
    assert states(window) == {"open": opened - 1, "rejected": 1}
    assert db_spans(window) == []
    key(window, "Ctrl+Shift+S")  # the recommenders again: the rejected one stays rejected
    qtbot.waitUntil(lambda: "open suggestion" in window.status.action.text(), timeout=10_000)
    assert (gone.start, gone.end, gone.label) not in suggested(window)
    assert states(window)["rejected"] == 1

    key(window, "Ctrl+Shift+A")  # all the others, one edit
    assert len(db_spans(window)) == opened - 1
    assert suggested(window) == []
    key(window, "Ctrl+Z")
    assert db_spans(window) == [] and len(suggested(window)) == opened - 1


def test_keys_without_suggestions_say_what_to_do(window: MainWindow) -> None:
    key(window, "N")
    assert "No open suggestion in this document" in window.status.action.text()
    key(window, "A")
    assert "No suggestion here" in window.status.action.text()
    assert db_spans(window) == []


def test_reject_all_is_one_undo(window: MainWindow, qtbot: QtBot) -> None:
    key(window, "Ctrl+Shift+S")
    qtbot.waitUntil(lambda: bool(suggested(window)), timeout=10_000)
    count = len(suggested(window))
    key(window, "Ctrl+Shift+X")
    assert suggested(window) == [] and states(window) == {"rejected": count}
    key(window, "Ctrl+Z")
    assert len(suggested(window)) == count and states(window) == {"open": count}


def test_the_suggestions_list_follows_and_a_click_selects(
    window: MainWindow, qtbot: QtBot, screenshot_dir: Path
) -> None:
    panel = window.side
    assert panel.suggestions.rowCount() == 0
    assert "Suggestions in this document: 0" in panel.suggestions_title.text()
    key(window, "Ctrl+Shift+S")
    qtbot.waitUntil(lambda: panel.suggestions.rowCount() > 0, timeout=10_000)
    count = panel.suggestions.rowCount()
    assert count == len(suggested(window))
    assert f"Suggestions in this document: {count}" in panel.suggestions_title.text()
    model = panel.suggestions
    assert cell_keys_agree_with_data(model) == count * model.columnCount()
    starts = [model.suggestion_at_row(r).start for r in range(count)]  # type: ignore[union-attr]
    assert starts == sorted(starts)  # reading order
    header = panel.suggestion_table.horizontalHeader()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(model.SCORE) + 5, header.height() // 2),
    )
    scores = [model.suggestion_at_row(r).score for r in range(count)]  # type: ignore[union-attr]
    assert scores == sorted(scores, reverse=True) and model.by_score
    row = count - 1
    target = model.suggestion_at_row(row)
    assert target is not None
    table = panel.suggestion_table
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(model.index(row, 1)).center(),
    )
    assert window.controller.open.selected_suggestion == target.id
    assert window.view.selection() == (target.start, target.end)
    assert table.selectionModel().isRowSelected(row)
    window.resize(1280, 800)
    assert window.grab().save(str(screenshot_dir / "suggestions-en.png"))
    before = [model.suggestion_at_row(r) for r in range(count)]
    key(window, "A")  # accepted: its row goes, the count follows
    assert panel.suggestions.rowCount() == count - 1
    assert f"Suggestions in this document: {count - 1}" in panel.suggestions_title.text()
    assert db_spans(window) == [(target.start, target.end, target.label)]
    key(window, "Ctrl+Z")  # back in its row, by score as before
    assert [model.suggestion_at_row(r) for r in range(count)] == before
    texts = [model.index(r, 1).data() for r in range(count)]
    assert all(texts)


def test_accepting_a_quote_draws_its_speaker_link_and_undo_takes_it_away(
    window: MainWindow,
) -> None:
    """The speaker link an accept makes is drawn from the accept's own inverse (the window does
    not read the relations again after an accept that made none: ui/effects.py)."""
    doc = window.controller.open
    text, doc_id = doc.text, doc.document_id
    assert doc_id is not None
    line = text.index("وقال كارتر في حديث")
    name = (text.index("كارتر", line), text.index("كارتر", line) + len("كارتر"))
    opening = text.index("إن «", line) + len("إن «")
    quote = (opening, text.index("»", opening))
    with open_project(window.project, create=False) as repo:
        repo.add_suggestions(
            [
                Suggestion(doc_id, *name, "PER", "quotes", 0.9),
                Suggestion(doc_id, *quote, "QUOTE", "quotes", 0.9),
            ],
            [SuggestedLink(doc_id, "speaker", quote, name, "quotes", 0.9)],
        )
    window.controller.suggestion_keys.refresh()
    by_place = {(s.start, s.end): s for s in doc.suggestions}
    keys = window.controller.suggestion_keys
    keys.select(by_place[name].id or 0)
    key(window, "A")  # the speaker: a span, no link yet
    assert doc.relations == []
    keys.select(by_place[quote].id or 0)
    key(window, "A")  # the quote: a span and its speaker link, drawn
    spans = {(s.start, s.end): s.id for s in doc.spans.values()}
    assert [(r.type, r.source_id, r.target_id) for r in doc.relations] == [
        ("speaker", spans[quote], spans[name])
    ]
    with open_project(window.project, create=False, read_only=True) as repo:
        assert [(r.source_id, r.target_id) for r in repo.relations(doc_id)] == [
            (spans[quote], spans[name])
        ]
    key(window, "Ctrl+Z")  # the quote and its link go; the speaker's span stays
    assert doc.relations == [] and (quote[0], quote[1]) not in {
        (s.start, s.end) for s in doc.spans.values()
    }
    assert quote in {(s.start, s.end) for s in doc.suggestions}
