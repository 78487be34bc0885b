"""The export dialog's report is the report the export writes (ExportReport.to_text): with the
filters and what they left out; the dialog's scheme and token lists are the formats' own; a
label filter is checked by the rule the command line uses (ops.exporting.check_label_filter)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.formats.token_tags import SCHEMES, TOKEN_MODES
from annotator.ui import i18n
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click
from tests.ui.window.test_export_dialog import export_with, pick, type_folder
from tests.ui.window_helpers import ANNOTATOR, find, key, make_project, open_window, text_of


def check_only(dialog: ExportDialog, wanted: set[str]) -> None:
    """Tick exactly ``wanted`` in the label list: a click on the row, then Space."""
    for i in range(dialog.labels.count()):
        item = dialog.labels.item(i)
        if (item.checkState() == Qt.CheckState.Checked) != (item.text() in wanted):
            centre = dialog.labels.visualItemRect(item).center()
            QTest.mouseClick(dialog.labels.viewport(), Qt.MouseButton.LeftButton, pos=centre)
            QTest.keyClick(dialog.labels, Qt.Key.Key_Space)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_window_report_names_the_filters_as_the_written_report_does(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    out = tmp_path / "exports"
    seen: dict[str, object] = {}

    def act(dialog: ExportDialog) -> None:
        seen["schemes"] = [dialog.scheme.itemData(i) for i in range(dialog.scheme.count())]
        seen["modes"] = [dialog.tokens.itemData(i) for i in range(dialog.tokens.count())]
        pick(dialog.format, "conll")
        type_folder(dialog.out_dir, out)
        check_only(dialog, {"PER"})
        click(dialog.export_button)
        seen["report"] = dialog.summary.toPlainText()
        dialog.grab().save(str(screenshot_dir / f"export-report-filters-{language}.png"))
        check_only(dialog, set())
        click(dialog.export_button)
        seen["no label"] = dialog.problem.text()

    try:
        window = open_window(qtbot, make_project(tmp_path), user)
        text = text_of(window)
        window.view.set_selection(*find(text, "كارتر"))
        key(window, "1")
        window.view.set_selection(*find(text, "واشنطن"))
        key(window, "3")
        export_with(window, qtbot, act)
    finally:
        i18n.install("en")
    assert seen["schemes"] == list(SCHEMES) and seen["modes"] == list(TOKEN_MODES)
    written = (out / "export-report.txt").read_text(encoding="utf-8")
    assert "filters: labels: PER\n  left out by the filters: 1 span(s) and 0 relation(s)\n" in (
        written
    )
    lines = str(seen["report"]).splitlines()
    filters, left_out = lines[4], lines[5]
    assert lines[6].endswith(": 1")  # spans: the PER one
    first, detail = str(seen["no label"]).split("\n")
    assert detail == "no label given"  # the words of `annotator export --labels ,`
    assert (
        first
        == {
            "en": "Not exported: no label is checked. Check the labels to export.",
            "ar": "لم يُصدَّر شيء: لم تُحدَّد أي تسمية. حدِّد التسميات المراد تصديرها.",
        }[language]
    )
    # the window's report names the same filter and count as the written one, in its words
    assert (
        filters
        == {
            "en": "Filters: labels: \u2068PER\u2069",
            "ar": "عوامل التصفية: الوسوم: \u2068PER\u2069",
        }[language]
    )
    assert (
        left_out
        == {
            "en": "  Left out by the filters: \u20661\u2069 span(s) and \u20660\u2069 relation(s)",
            "ar": "  ما استبعدته عوامل التصفية: \u20661\u2069 مقطع و\u20660\u2069 علاقة",
        }[language]
    )
