"""Project → Dashboard… in the real window (docs/adr/0072): two annotators' work on the
sample project, the tables beside the charts hold ``annotator stats --format json``'s
numbers, Refresh reads an edit made since; screenshots in English and Arabic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from annotator.cli.main import cli
from annotator.core.edits import AddSpan, SetStatus
from annotator.core.model import Span, Status
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.dashboard_dialog import TABS, DashboardDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click_button, click_menus
from tests.ui.window_helpers import ANNOTATOR, find, make_project, open_window

OTHER = "منى"


def strip_marks(text: str) -> str:
    """Without the direction marks and isolates the window wraps names and numbers in."""
    return "".join(c for c in text if c not in "\u200e\u200f\u2066\u2067\u2068\u2069")


def team_project(folder: Path) -> Path:
    """The sample article and a paragraph of it: the tester's two spans and the first
    document done; منى's one span on the paragraph, in progress."""
    path = make_project(folder, second=True)
    with open_project(path, create=False) as repo:
        article, paragraph = repo.document_ids()
        text = repo.document(article).text
        for word, label in (("أنقرة", "LOC"), ("الرقة", "LOC")):
            start, end = find(text, word)
            repo.apply(AddSpan(Span(None, article, start, end, label, ANNOTATOR)), actor=ANNOTATOR)
        repo.apply(SetStatus(article, ANNOTATOR, Status.DONE), actor=ANNOTATOR)
        start, end = find(repo.document(paragraph).text, "أنقرة")
        repo.apply(AddSpan(Span(None, paragraph, start, end, "ORG", OTHER)), actor=OTHER)
    return path


def agreeing_project(folder: Path) -> Path:
    """``team_project``, and منى has done the article too: أنقرة as LOC as the tester has it,
    واشنطن as PER where the tester has nothing."""
    path = team_project(folder)
    with open_project(path, create=False) as repo:
        article = repo.document_ids()[0]
        text = repo.document(article).text
        for word, label in (("أنقرة", "LOC"), ("واشنطن", "PER")):
            start, end = find(text, word)
            repo.apply(AddSpan(Span(None, article, start, end, label, OTHER)), actor=OTHER)
        repo.apply(SetStatus(article, OTHER, Status.DONE), actor=OTHER)
    return path


def cells(table: QTableWidget) -> dict[str, list[str]]:
    """Each row by its header: the numbers as shown."""
    out = {}
    for row in range(table.rowCount()):
        header = table.verticalHeaderItem(row)
        assert header is not None
        out[header.text()] = [
            item.text() if (item := table.item(row, c)) is not None else ""
            for c in range(table.columnCount())
        ]
    return out


def open_dashboard(qtbot: QtBot, window: MainWindow, *menus: str) -> DashboardDialog:
    QTest.mouseMove(window.view)
    click_menus(window, *menus)
    dialog = window.window_actions.dashboard
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.running and dialog.report is not None, timeout=30_000)
    return dialog


def test_the_dashboard_shows_the_numbers_of_annotator_stats(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    path = team_project(tmp_path)
    window = open_window(qtbot, path, user_settings)
    dialog = open_dashboard(qtbot, window, "Project", "Dashboard…")
    data = json.loads(CliRunner().invoke(cli, ["stats", str(path), "--format", "json"]).stdout)

    documents = cells(dialog.tables["documents"])
    assert documents["everyone"] == ["0", "1", "1"]  # new, in progress, done
    for name, counts in data["by_annotator"].items():
        assert documents[name] == [str(counts[s]) for s in ("new", "in_progress", "done")]
    assert documents[OTHER] == ["1", "1", "0"]

    spans = cells(dialog.tables["spans"])
    for name, by_label in data["spans_by_annotator_and_label"].items():
        assert spans[name] == [*map(str, by_label.values()), str(sum(by_label.values()))]
    assert spans[ANNOTATOR][-1] == "2" and spans[OTHER][-1] == "1"
    assert cells(dialog.tables["done"]) == {ANNOTATOR: ["1"]}
    assert cells(dialog.tables["made"]) == {ANNOTATOR: ["2"], OTHER: ["1"]}
    assert dialog.views["documents"].chart().series()  # drawn, not only tabulated

    start, end = find(window.controller.document.text, "واشنطن")
    window.repo.apply(
        AddSpan(Span(None, window.controller.document_id, start, end, "LOC", ANNOTATOR))
    )
    click_button(dialog, "Refresh")
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert cells(dialog.tables["made"])[ANNOTATOR] == ["3"]
    dialog.close()


def test_the_agreement_at_a_glance_is_annotator_stats_agreement(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    path = agreeing_project(tmp_path)
    window = open_window(qtbot, path, user_settings)
    dialog = open_dashboard(qtbot, window, "Project", "Dashboard…")
    data = json.loads(CliRunner().invoke(cli, ["stats", str(path), "--format", "json"]).stdout)
    (pair,) = data["agreement"]["pairs"]
    assert pair["documents"] == 1 and pair["exact_f1"] == pytest.approx(0.5)  # 2·1 / (2 + 2)

    dialog.tabs.setCurrentIndex(TABS.index("agreement"))
    ((name, row),) = cells(dialog.tables["agreement"]).items()
    assert strip_marks(name) == " – ".join(pair["annotators"])
    assert [strip_marks(c) for c in row[:3]] == ["1", "0.500", "0.500"]
    assert dialog.views["agreement"].chart().series()
    assert dialog.glance.isVisible() and "α" in dialog.glance.text()
    assert not dialog.note.isVisible()
    dialog.close()


def test_the_agreement_tab_says_why_it_is_empty(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    window = open_window(qtbot, team_project(tmp_path), user_settings)  # no document done twice
    dialog = open_dashboard(qtbot, window, "Project", "Dashboard…")
    dialog.tabs.setCurrentIndex(TABS.index("agreement"))
    assert dialog.tables["agreement"].rowCount() == 0
    assert "No document is marked done by two annotators yet" in dialog.glance.text()
    dialog.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_dashboard_screenshot(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    window = open_window(qtbot, agreeing_project(tmp_path), user)
    try:
        menus = ("Project", "Dashboard…") if language == "en" else ("مشروع", "لوحة المتابعة…")
        dialog = open_dashboard(qtbot, window, *menus)
        for tab in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(tab)
            assert dialog.grab().save(str(screenshot_dir / f"dashboard-{tab}-{language}.png"))
        dialog.close()
    finally:
        i18n.install("en")


def test_a_long_run_of_days_is_counted_from_the_first_and_mirrored_in_arabic(qtbot: QtBot) -> None:
    from PySide6.QtCharts import QBarCategoryAxis, QValueAxis
    from PySide6.QtCore import Qt

    from annotator.core.dashboard import DayCount, running_totals
    from annotator.ui import dashboard_charts

    days = [DayCount("2026-11-01", "ali", spans=3), DayCount("2026-11-30", "ali", spans=4)]
    lines = running_totals(days, "spans")
    assert lines[0].totals[-1] == 7 and len(lines[0].days) == 30
    chart = dashboard_charts.progress("t", lines, Qt.LayoutDirection.RightToLeft)
    (bottom,) = chart.axes(Qt.Orientation.Horizontal)
    assert isinstance(bottom, QValueAxis) and bottom.isReverse()
    assert bottom.titleText() == "days since 2026-11-01"
    (counts,) = chart.axes(Qt.Orientation.Vertical)
    assert chart.axes(Qt.Orientation.Vertical)[0].alignment() == Qt.AlignmentFlag.AlignRight
    assert isinstance(counts, QValueAxis) and counts.max() == 7
    short = dashboard_charts.progress("t", lines[:0], Qt.LayoutDirection.LeftToRight)
    assert isinstance(short.axes(Qt.Orientation.Horizontal)[0], QBarCategoryAxis)
