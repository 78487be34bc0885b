"""Suggestions → Consistency report… and Recommender quality… in the real window, on real
project files: the report lists the texts labelled differently, a click on a place opens its
document with the span selected, a relabel then Refresh takes it off; the quality table has
``ops.suggesting.evaluate``'s figures and ``annotator suggest --evaluate``'s."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from annotator.cli.main import cli
from annotator.core.edits import AddSpan, SetStatus
from annotator.core.model import Span, Status
from annotator.ops import suggesting
from annotator.ops.importing import import_paths
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.consistency_dialog import CONTEXT, PLACE, ConsistencyDialog
from annotator.ui.job_dialog import ReportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.quality_dialog import QualityDialog
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click_button, click_menus
from tests.ui.window_helpers import ANNOTATOR, REPO, key, make_project, open_window

ANERCORP = REPO / "tests" / "fixtures" / "ANERCorp.txt"


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, as a whole word or after و (والرقة)."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def inconsistent_project(folder: Path) -> tuple[Path, int, int]:
    """The sample article and one of its paragraphs: الرقة is LOC at every place of the article
    but its fourth (ORG); أنقرة is LOC in the article and ORG in the paragraph. Returns the
    project and the two documents' ids."""
    path = make_project(folder, second=True)
    with open_project(path, create=False) as repo:
        article, paragraph = repo.document_ids()
        text = repo.document(article).text
        for n, at in enumerate(occurrences(text, "الرقة")):
            label = "ORG" if n == 3 else "LOC"
            repo.apply(AddSpan(Span(None, article, at, at + 5, label, ANNOTATOR)))
        for at in occurrences(text, "أنقرة"):
            repo.apply(AddSpan(Span(None, article, at, at + 5, "LOC", ANNOTATOR)))
        at = repo.document(paragraph).text.index("أنقرة")
        repo.apply(AddSpan(Span(None, paragraph, at, at + 5, "ORG", ANNOTATOR)))
    return path, article, paragraph


@pytest.fixture
def reports_window(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> Iterator[tuple[MainWindow, int, int]]:
    path, article, paragraph = inconsistent_project(tmp_path)
    window = open_window(qtbot, path, user_settings)
    yield window, article, paragraph
    i18n.install("en")


def read(qtbot: QtBot, dialog: ReportDialog[object] | None) -> None:
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)


def from_menu(qtbot: QtBot, window: MainWindow, item: str) -> None:
    """Suggestions ▸ ``item`` with the mouse, then until the report is read."""
    QTest.mouseMove(window.view)  # not where the last test left the pointer
    click_menus(window, "Suggestions", item)
    reports = window.reports
    read(qtbot, reports.consistency if item.startswith("Consistency") else reports.quality)


def consistency(qtbot: QtBot, window: MainWindow) -> ConsistencyDialog:
    from_menu(qtbot, window, "Consistency report…")
    assert window.reports.consistency is not None
    return window.reports.consistency


def rows(dialog: ConsistencyDialog) -> list[tuple[str, str]]:
    tree = dialog.tree
    return [
        (item.text(0), item.text(1))
        for n in range(tree.topLevelItemCount())
        if (item := tree.topLevelItem(n)) is not None
    ]


def click_row(dialog: ConsistencyDialog, item: QTreeWidgetItem) -> None:
    tree = dialog.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()


def test_the_report_lists_the_texts_labelled_differently_and_a_click_opens_the_place(
    qtbot: QtBot, reports_window: tuple[MainWindow, int, int]
) -> None:
    window, article, paragraph = reports_window
    window.navigator.go(paragraph)  # start on the other document
    dialog = consistency(qtbot, window)
    assert rows(dialog) == [("الرقة", "LOC 6 · ORG 1"), ("أنقرة", "LOC 2 · ORG 1")]
    assert dialog.summary.text().startswith("\u20662\u2069 text(s) labelled differently")
    raqqa = dialog.tree.topLevelItem(0)
    assert raqqa is not None
    click_row(dialog, raqqa)  # selecting a text lists its places
    assert raqqa.isExpanded() and raqqa.childCount() == 1
    place = raqqa.child(0)
    assert place is not None
    assert (place.text(0), place.text(1)) == ("الرقة", "ORG")
    assert place.text(2) == window.repo.document(article).title
    where = place.data(CONTEXT, PLACE)
    assert where.before.endswith(window.repo.document(article).text[where.start - 5 : where.start])

    click_row(dialog, place)
    assert window.controller.document_id == article
    selected = window.controller.open.span(window.view.selected_span() or -1)
    assert selected is not None
    assert (selected.start, selected.end, selected.label) == (where.start, where.end, "ORG")
    assert "a label key relabels it" in window.status.action.text()

    key(window, "3")  # relabel it LOC, in the window
    with open_project(window.project, create=False) as repo:
        assert repo.span(selected.id).label == "LOC"
    click_button(dialog, "Refresh")
    read(qtbot, dialog)
    assert rows(dialog) == [("أنقرة", "LOC 2 · ORG 1")]


def test_enter_on_a_place_opens_the_other_document(
    qtbot: QtBot, reports_window: tuple[MainWindow, int, int]
) -> None:
    window, _, paragraph = reports_window
    dialog = consistency(qtbot, window)
    ankara = dialog.tree.topLevelItem(1)
    assert ankara is not None
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.tree.setFocus()
    dialog.tree.setCurrentItem(ankara)  # a text selected: its places are listed
    QTest.keyClick(dialog.tree, Qt.Key.Key_Down)
    place = ankara.child(0)
    assert dialog.tree.currentItem() is place and place is not None
    assert place.text(1) == "ORG"
    QTest.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert window.controller.document_id == paragraph
    span = window.controller.open.span(window.view.selected_span() or -1)
    assert span is not None and span.label == "ORG"
    assert window.controller.open.text[span.start : span.end] == "أنقرة"


def test_an_empty_report_says_so(qtbot: QtBot, window: MainWindow) -> None:
    dialog = consistency(qtbot, window)
    assert rows(dialog) == []
    assert (
        dialog.summary.text() == "No text is labelled differently (\u20660\u2069 spans compared)."
    )


# -- the quality table ------------------------------------------------------------------------
def anercorp_project(folder: Path, documents: int = 8, done: int = 5) -> Path:
    """``documents`` articles of 12 ANERcorp sentences each, imported (their spans are the
    annotator ``imported``'s), the first ``done`` marked done."""
    lines = ANERCORP.read_text(encoding="utf-8").splitlines()
    sentences, current = [], []
    for line in lines:
        current.append(line)
        if line == ". O":
            sentences.append(current)
            current = []
        if len(sentences) == documents * 12:
            break
    files = []
    for n in range(documents):
        source = folder / f"anercorp-{n:02}.txt"
        body = [line for sentence in sentences[n * 12 : (n + 1) * 12] for line in sentence]
        source.write_text("\n".join(body) + "\n", encoding="utf-8")
        files.append(source)
    path = folder / "anercorp.annot.db"
    with open_project(path) as repo:
        assert import_paths(repo, files, annotator=ANNOTATOR).imported == documents
        for document_id in repo.document_ids()[:done]:
            repo.apply(SetStatus(document_id, ANNOTATOR, Status.DONE))
    return path


def quality(qtbot: QtBot, window: MainWindow) -> QualityDialog:
    from_menu(qtbot, window, "Recommender quality…")
    assert window.reports.quality is not None
    return window.reports.quality


def table(dialog: QualityDialog) -> list[list[str]]:
    t = dialog.table
    return [
        [(cell.text() if (cell := t.item(r, c)) is not None else "") for c in range(8)]
        for r in range(t.rowCount())
    ]


def test_the_quality_table_has_the_figures_of_evaluate_and_of_the_command_line(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    project = anercorp_project(tmp_path)
    with open_project(project, create=False, read_only=True) as repo:
        documents, expected = suggesting.evaluate(repo, ["memory", "quotes"])
    assert documents == 5 and any(q.right for q in expected)
    window = open_window(qtbot, project, user_settings)
    dialog = quality(qtbot, window)
    shown = table(dialog)
    assert shown == [
        [
            q.recommender,
            q.label,
            f"{q.precision:.2f}",
            f"{q.recall:.2f}",
            f"{q.f1:.2f}",
            str(q.right),
            str(q.suggested),
            str(q.gold),
        ]
        for q in expected
    ]
    spans = sum({q.label: q.gold for q in expected}.values())
    assert dialog.summary.text().startswith(
        f"Over \u20665\u2069 document(s) marked done, \u2066{spans}\u2069 span(s)"
    )
    assert "Not measured: \u2068gazetteer: no gazetteer in the project" in dialog.summary.text()
    printed = CliRunner().invoke(
        cli, ["suggest", str(project), "--evaluate", "--recommender", "memory", "--recommender",
              "quotes"],
    )  # fmt: skip
    assert printed.exit_code == 0, printed.output
    lines = printed.output.splitlines()
    assert lines[0] == "over 5 documents marked done:"
    cli_rows = [line.split() for line in lines[2:]]
    assert [[*r[:5], r[5], r[7], r[9]] for r in cli_rows] == shown


def test_with_no_document_done_the_table_says_so(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    window = open_window(qtbot, anercorp_project(tmp_path, documents=2, done=0), user_settings)
    dialog = quality(qtbot, window)
    assert table(dialog) == []
    assert dialog.summary.text().startswith("No document is marked done yet")


def test_measuring_can_be_cancelled_and_run_again(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    window = open_window(qtbot, anercorp_project(tmp_path, documents=40, done=40), user_settings)
    dialog = quality(qtbot, window)
    assert dialog.table.rowCount() > 0
    click_button(dialog, "Refresh")
    assert dialog.running and dialog.refresh_button.text() == "Cancel"
    click_button(dialog, "Cancel")
    read(qtbot, dialog)
    assert dialog.summary.text() == "Cancelled: Refresh reads the project again."
    assert dialog.refresh_button.text() == "Refresh"
    click_button(dialog, "Refresh")
    read(qtbot, dialog)
    assert dialog.summary.text().startswith("Over \u206640\u2069 document(s) marked done")


def test_the_reports_follow_the_interface_language(
    qtbot: QtBot, reports_window: tuple[MainWindow, int, int], settings: QSettings
) -> None:
    window, _, _ = reports_window
    dialog = consistency(qtbot, window)
    window.set_language("ar")
    assert dialog.windowTitle() != "Consistency report"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.tree.headerItem().text(0) != "Text"
    assert rows(dialog)[0] == ("الرقة", "LOC 6 · ORG 1")
