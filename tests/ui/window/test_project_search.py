"""Search the project (Ctrl+Shift+F) in the real window, on a real project file (the sample
article and articles made of ANERcorp's sentences), with real key and mouse events: the hits
are search_project's, grouped by document; a hit opens its document with the hit selected;
labelling from the list makes spans in the file, one Ctrl+Z removes them all, and what is
labelled already is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan
from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.ops.project_search import search_project
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.search_panel import LABELS, SearchPanel
from annotator.ui.settings import UserSettings
from tests.ops.anercorp_articles import articles
from tests.ui.viewer_helpers import drag
from tests.ui.window_helpers import ANNOTATOR, find, key, make_project, open_window, type_text

QUERY = "سوريا"


def _project(folder: Path) -> Path:
    """The sample article (six سوريا) and four articles of ANERcorp's sentences (one of them
    with وسوريا); the article's fourth سوريا is labelled LOC already."""
    path = make_project(folder)
    with open_project(path) as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, f"ANERcorp {n}", text))
            for n, text in enumerate(articles(4, 300), start=1)
        )
        text = repo.document(1).text
        start, end = find(text, QUERY, 3)
        repo.apply(AddSpan(Span(None, 1, start, end, "LOC", ANNOTATOR)))
    return path


def _expected(path: Path, query: str = QUERY) -> dict[int, list[tuple[int, int]]]:
    with open_project(path, create=False) as repo:
        found = search_project(repo, query)
    return {d.document_id: [(h.start, h.end) for h in d.hits] for d in found}


def _spans(path: Path) -> dict[int, list[tuple[int, int, str]]]:
    with open_project(path, create=False) as repo:
        return {
            d: sorted((s.start, s.end, s.label) for s in repo.spans(d)) for d in repo.document_ids()
        }


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, user_settings: UserSettings) -> MainWindow:
    return open_window(qtbot, _project(tmp_path), user_settings)


def _panel(window: MainWindow) -> SearchPanel:
    return window.search.panel


def _search(qtbot: QtBot, window: MainWindow, query: str) -> None:
    """Ctrl+Shift+F, type the query over what is there, Enter; until the hits are listed."""
    key(window, "Ctrl+Shift+F")
    field = _panel(window).field
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, query)
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.search.running, timeout=30_000)


def _listed(panel: SearchPanel) -> dict[int, list[tuple[int, int]]]:
    """The hits the tree shows, document row by document row."""
    out: dict[int, list[tuple[int, int]]] = {}
    for n in range(panel.tree.topLevelItemCount()):
        row = panel.tree.topLevelItem(n)
        assert row is not None
        hits = [panel.hit_of(row.child(i)) for i in range(row.childCount())]
        out[hits[0].document_id if hits[0] else -1] = [(h.start, h.end) for h in hits if h]
    return out


def _plain(text: str) -> str:
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


def _click(widget: QPushButton) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def _click_row(panel: SearchPanel, item: QTreeWidgetItem, *, double: bool = False) -> None:
    panel.tree.scrollToItem(item)
    where = panel.tree.visualItemRect(item).center()
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(panel.tree.viewport(), button, none, where)
    if double:  # QTest's double click is the second click's event alone
        QTest.mouseDClick(panel.tree.viewport(), button, none, where)
    QApplication.processEvents()


def _choose(panel: SearchPanel, name: str) -> None:
    """Choose a label with the keyboard (Down from the first)."""
    panel.chooser.setFocus()
    QTest.keyClick(panel.chooser, Qt.Key.Key_Home)
    for _ in range(panel.chooser.findData(name)):
        QTest.keyClick(panel.chooser, Qt.Key.Key_Down)
    assert panel.chosen_label() == name


def test_ctrl_shift_f_opens_the_dock_with_the_selected_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert not window.search.dock.isVisible()
    start, end = find(window.controller.open.text, QUERY)
    drag(window.view, start, end)
    key(window, "Ctrl+Shift+F")
    panel = _panel(window)
    assert window.search.dock.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.field)
    assert panel.field.text() == QUERY
    assert window.menu("go").actions()[-1].shortcut().toString() == "Ctrl+Shift+F"


def test_a_selected_span_gives_its_text_and_its_label(qtbot: QtBot, window: MainWindow) -> None:
    span = next(iter(window.controller.open.spans.values()))
    window.view.select_span(span.id)
    key(window, "Ctrl+Shift+F")
    assert _panel(window).field.text() == QUERY
    assert _panel(window).chosen_label() == "LOC"


def test_enter_lists_the_hits_of_search_project_grouped_by_document(
    qtbot: QtBot, window: MainWindow
) -> None:
    _search(qtbot, window, QUERY)
    panel = _panel(window)
    expected = _expected(window.project)
    assert len(expected) >= 2 and 1 in expected
    assert _listed(panel) == expected
    hits = sum(map(len, expected.values()))
    assert _plain(panel.summary.text()) == f"{hits} hit(s) in {len(expected)} document(s)"
    first = panel.tree.topLevelItem(0)
    assert first is not None
    assert _plain(first.text(0)).startswith(f"{len(expected[1])} hit(s) in ")
    covered = [panel.hit_of(first.child(i)) for i in range(first.childCount())]
    assert [h.covered_by for h in covered if h] == [(), (), (), ("LOC",), (), ()]
    assert first.child(3).text(LABELS) == "LOC"  # type: ignore[union-attr]
    _search(qtbot, window, "زخم أميركي")  # a new query replaces the list
    found = _expected(window.project, "زخم أميركي")
    assert _listed(panel) == found and list(found) == [1] and len(found[1]) == 1


def test_a_hit_opens_its_document_with_the_hit_selected(qtbot: QtBot, window: MainWindow) -> None:
    _search(qtbot, window, QUERY)
    panel = _panel(window)
    other = next(r for r in panel.hit_rows() if (h := panel.hit_of(r)) and h.document_id != 1)
    hit = panel.hit_of(other)
    assert hit is not None
    _click_row(panel, other)
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)  # Enter opens it
    assert window.controller.document_id == hit.document_id
    assert window.view.selection() == (hit.start, hit.end)
    assert window.controller.open.text[hit.start : hit.end] == QUERY
    back = panel.hit_rows()[1]
    first = panel.hit_of(back)
    assert first is not None and first.document_id == 1
    _click_row(panel, back, double=True)  # so does a double click
    assert window.controller.document_id == 1
    assert window.view.selection() == (first.start, first.end)
    key(window, "1")  # the window has the keyboard: a label key labels the hit as it is
    assert (first.start, first.end, "PER") in _spans(window.project)[1]


def test_label_this_selected_and_all_each_one_undo(qtbot: QtBot, window: MainWindow) -> None:
    before = _spans(window.project)
    _search(qtbot, window, QUERY)
    panel = _panel(window)
    expected = _expected(window.project)
    _choose(panel, "LOC")
    this = panel.hit_rows()[0]
    _click_row(panel, this)
    _click(panel.label_this)
    hit = panel.hit_of(this)
    assert hit is not None and hit.covered_by == ("LOC",)
    assert this.text(LABELS) == "LOC"
    assert (hit.start, hit.end, "LOC") in _spans(window.project)[1]
    assert _plain(window.status.action.text()) == "Labelled 1 hit(s) as LOC in 1 document(s)"
    # a document row stands for all its hits
    row = next(
        r
        for n in range(panel.tree.topLevelItemCount())
        if (r := panel.tree.topLevelItem(n)) is not None and n > 0
    )
    _click_row(panel, row)
    _click(panel.label_selected)
    document = panel.hit_of(row.child(0))
    assert document is not None
    doc_id = document.document_id
    made = [(a, b, "LOC") for a, b in expected[doc_id]]
    assert _spans(window.project)[doc_id] == sorted(before[doc_id] + made)
    assert window.controller.document_id == doc_id  # one other document: it opens, as an undo
    after_selected = _spans(window.project)
    # label all: the rest; the two labelled here and the one labelled before are skipped
    _click(panel.label_all)
    everywhere = _spans(window.project)
    for d, places in expected.items():
        assert {(a, b) for a, b, label in everywhere[d] if label == "LOC"} == set(places)
    assert window.controller.document_id == 1  # the rest was in the article alone: it opens
    total = sum(map(len, expected.values()))
    skipped = 2 + len(made)
    message = _plain(window.status.action.text())
    assert message == (
        f"Labelled {total - skipped} hit(s) as LOC in 1 document(s); "
        f"{skipped} skipped: a span of its kind is already there"
    )
    assert all(panel.hit_of(r).covered_by == ("LOC",) for r in panel.hit_rows())  # type: ignore[union-attr]
    # one Ctrl+Z takes every span of the label-all away, the list says so
    key(window, "Ctrl+Z")
    assert _spans(window.project) == after_selected
    QApplication.processEvents()
    assert sum(1 for r in panel.hit_rows() if not panel.hit_of(r).covered_by) == total - skipped  # type: ignore[union-attr]
    key(window, "Ctrl+Z")  # label selected
    key(window, "Ctrl+Z")  # label this
    assert _spans(window.project) == before
    _click(panel.label_all)
    assert _spans(window.project) == everywhere
    _click(panel.label_all)  # again: nothing left to label
    assert _spans(window.project) == everywhere
    assert _plain(window.status.action.text()) == (
        f"Nothing labelled: a span of the kind of LOC is already over {total} hit(s)"
    )


def test_another_label_of_the_kind_is_skipped_one_of_another_kind_is_not(
    qtbot: QtBot, window: MainWindow
) -> None:
    _search(qtbot, window, QUERY)
    panel = _panel(window)
    expected = _expected(window.project)
    _choose(panel, "EVENT")  # another kind: the LOC span does not stand in the way
    _click(panel.label_all)
    events = {
        d: [(a, b) for a, b, lb in s if lb == "EVENT"] for d, s in _spans(window.project).items()
    }
    assert {d: p for d, p in events.items() if p} == expected
    key(window, "Ctrl+Z")
    _choose(panel, "ORG")  # of the LOC span's kind: its hit is skipped
    _click(panel.label_all)
    orgs = [(a, b) for a, b, lb in _spans(window.project)[1] if lb == "ORG"]
    assert len(orgs) == len(expected[1]) - 1


def test_the_buttons_mnemonics_work_from_the_article(qtbot: QtBot, window: MainWindow) -> None:
    _search(qtbot, window, QUERY)
    panel = _panel(window)
    _choose(panel, "QUOTE")  # another kind than the LOC span: every hit
    window.view.setFocus()
    expected = _expected(window.project)
    key(window, "Alt+L")  # Label a&ll: the button's animated click ends with a timer
    qtbot.waitUntil(lambda: window.controller.stack.count() == 1)
    quotes = {
        d: [(a, b) for a, b, lb in s if lb == "QUOTE"] for d, s in _spans(window.project).items()
    }
    assert {d: p for d, p in quotes.items() if p} == expected
    key(window, "Ctrl+Z")
    assert not any(lb == "QUOTE" for s in _spans(window.project).values() for _, _, lb in s)


def test_nothing_to_label_and_a_blank_query_say_so(qtbot: QtBot, window: MainWindow) -> None:
    key(window, "Ctrl+Shift+F")
    panel = _panel(window)
    _click(panel.label_this)
    assert _plain(window.status.action.text()) == "Choose a hit in the list first"
    _click(panel.label_all)
    assert _plain(window.status.action.text()) == "No hits to label: search first"
    _search(qtbot, window, "   ")
    assert panel.summary.text() == "Type a word or a name to search for"
    _search(qtbot, window, "كلمةليستهنا")
    assert panel.summary.text() == "No hit in the project"
    assert panel.tree.topLevelItemCount() == 0


def test_a_project_that_cannot_be_read_is_one_line_in_the_panel(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    moved = tmp_path / "moved.annot.db"
    window.project.rename(moved)
    try:
        _search(qtbot, window, QUERY)
        text = _panel(window).summary.text()
        assert text.startswith("The search failed: ") and "\n" not in text
        assert window.project.name in text
    finally:
        moved.rename(window.project)


def _type_now(widget: QWidget, text: str) -> None:
    """Type into ``widget`` without letting queued events in (a search's end stays queued)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def test_a_new_query_drops_the_older_ones_answer(qtbot: QtBot, window: MainWindow) -> None:
    key(window, "Ctrl+Shift+F")
    panel = _panel(window)
    _type_now(panel.field, "داعش")
    QTest.keyClick(panel.field, Qt.Key.Key_Return)
    older = window.search.run
    assert older is not None
    QTest.keyClick(panel.field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type_now(panel.field, QUERY)
    QTest.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.search.run is not older and older.job.cancelled
    qtbot.waitUntil(lambda: not window.search.running, timeout=30_000)
    qtbot.waitUntil(lambda: not older.job._thread.is_alive())
    QApplication.processEvents()
    assert _listed(panel) == _expected(window.project)


def test_cancel_stops_the_search_and_keeps_nothing_of_it(qtbot: QtBot, window: MainWindow) -> None:
    key(window, "Ctrl+Shift+F")
    panel = _panel(window)
    _type_now(panel.field, QUERY)
    QTest.keyClick(panel.field, Qt.Key.Key_Return)
    run = window.search.run
    assert run is not None and panel.search_button.text() == "Cancel"
    assert panel.progress.isVisibleTo(panel)
    QTest.keyClick(panel.search_button, Qt.Key.Key_Space)  # the button is Cancel meanwhile
    assert not window.search.running and run.job.cancelled
    qtbot.waitUntil(lambda: not run.job._thread.is_alive())
    QApplication.processEvents()
    assert panel.summary.text() == "Search cancelled"
    assert panel.tree.topLevelItemCount() == 0 and not panel.progress.isVisibleTo(panel)
    assert panel.search_button.text() == "Search"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_screenshot(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    window = open_window(qtbot, _project(tmp_path), user)
    try:
        _search(qtbot, window, QUERY)
        panel = _panel(window)
        assert panel.tree.topLevelItemCount() >= 2
        if language == "ar":
            assert panel.label_all.text() != "Label a&ll"
            assert window.search.dock.windowTitle() != "Search the project"
        QApplication.processEvents()  # the layout without the progress bar
        assert window.grab().save(str(screenshot_dir / f"project-search-{language}.png"))
    finally:
        i18n.install("en")
