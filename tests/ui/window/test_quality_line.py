"""The recommenders' quality in the Suggestions panel (docs/adr/0070), in the real window on
real ANERcorp articles: Measure (a real click) runs on a Job and shows each recommender's F1,
precision and recall over the documents marked done, the figures of ``suggesting.evaluate``;
the suggestion rows' tooltips give their recommender's figures on their label; an edit marks
the line out of date; the Recommender quality dialog's figures reach the line too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.edits import SetStatus
from annotator.core.model import Status
from annotator.ops import suggesting
from annotator.ops.importing import import_paths
from annotator.ops.recommender_quality import measure
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.quality_line import overall
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click
from tests.ui.window.test_suggestion_reports import anercorp_project, from_menu
from tests.ui.window_helpers import ANNOTATOR, open_window


def measured(qtbot: QtBot, window: MainWindow) -> str:
    line = window.side.quality
    click(line.measure_button)
    assert line.measuring and not line.measure_button.isEnabled()
    qtbot.waitUntil(lambda: not line.measuring, timeout=30_000)
    return line.text.text()


def test_measure_shows_each_recommenders_figures_over_the_done_documents(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    project = anercorp_project(tmp_path)
    with open_project(project, create=False, read_only=True) as repo:
        report = measure(repo)
        documents, table = suggesting.evaluate(repo, ["memory", "quotes"])
    assert documents == 5 and any(q.right for q in table)
    window = open_window(qtbot, project, user_settings)
    line = window.side.quality
    assert line.text.text().startswith("Quality against your documents marked done: not meas")
    assert not line.details_button.isVisible()
    text = measured(qtbot, window)
    assert text.startswith(
        f"Quality over \u20665\u2069 document(s) marked done, \u2066{report.spans}\u2069 span(s): "
    )
    for q in overall(report):
        assert (
            f"\u2068{q.recommender}\u2069 \u2066F1 {q.f1:.2f}\u2069 (precision "
            f"\u2066{q.precision:.2f}\u2069, recall \u2066{q.recall:.2f}\u2069)"
        ) in text
    memory = next(q for q in overall(report) if q.recommender == "memory")
    assert memory.right == sum(q.right for q in table if q.recommender == "memory")
    assert line.measure_button.text() == "Measure again" and line.details_button.isVisible()


def test_a_suggestion_rows_tooltip_gives_its_recommenders_figures_on_its_label(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    project = anercorp_project(tmp_path)
    with open_project(project, create=False) as repo:
        first = repo.document(repo.document_ids()[0])
        plain = tmp_path / "unlabelled.txt"  # a part of a done article, with no span
        plain.write_text(first.text[: first.text.index(" ", 1500)] + "\n", encoding="utf-8")
        assert import_paths(repo, [plain], annotator=ANNOTATOR).imported == 1
        last = repo.document_ids()[-1]
        suggesting.suggest(repo, ["memory"], documents=[last])
        report = measure(repo)
    window = open_window(qtbot, project, user_settings)
    window.navigator.go(last)
    model = window.controller.suggestion_model
    assert model.rowCount() > 0
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.data(model.index(0, model.SCORE), tip) is None  # not measured yet
    measured(qtbot, window)
    row = model.suggestion_at_row(0)
    assert row is not None
    q = {(q.recommender, q.label): q for q in report.table}[("memory", row.label)]
    assert model.data(model.index(0, model.SCORE), tip) == (
        f"\u2068memory\u2069 on \u2068{row.label}\u2069: precision \u2066{q.precision:.2f}"
        f"\u2069, recall \u2066{q.recall:.2f}\u2069, \u2066F1 {q.f1:.2f}\u2069 over "
        "\u20665\u2069 document(s) marked done"
    )
    assert model.data(model.index(0, model.RECOMMENDER), tip) == model.data(
        model.index(0, model.SCORE), tip
    )


def test_an_edit_marks_the_figures_out_of_date_and_the_dialog_measures_for_the_line(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    project = anercorp_project(tmp_path)
    window = open_window(qtbot, project, user_settings)
    measured(qtbot, window)
    line = window.side.quality
    assert "changed since" not in line.text.text()
    last = window.repo.document_ids()[-1]
    window.navigator.go(last)
    assert window.controller.push(SetStatus(last, ANNOTATOR, Status.DONE), "done")
    assert line.text.text().endswith("(the project changed since it was measured)")
    from_menu(qtbot, window, "Recommender quality…")  # measures six done documents
    assert line.text.text().startswith("Quality over \u20666\u2069 document(s) marked done")
    assert "changed since" not in line.text.text()


def test_the_line_follows_the_interface_language(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    window = open_window(qtbot, anercorp_project(tmp_path, documents=2, done=0), user_settings)
    try:
        text = measured(qtbot, window)
        assert text.startswith("Quality: no document is marked done yet")
        window.set_language("ar")
        line = window.side.quality
        assert line.text.text() != text and line.measure_button.text() != "Measure again"
        assert line.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        i18n.install("en")
