"""The window's import shows the same one-line errors as the command line, for every hostile
file, and says where it stopped when the project cannot be written part-way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.store import open_project
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from tests.fuzz.hostile_files import HOSTILE, brat_pair
from tests.store.conftest import dump


def test_every_hostile_file_is_one_line_of_the_summary(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for case in HOSTILE:
        (folder / case.name).write_bytes(case.data)
    brat = folder / "brat"
    brat.mkdir()
    for name, data in brat_pair("T1\tPER 4 17\tالرئيس\n".encode("cp1256")).items():
        (brat / name).write_bytes(data)
    (folder / "good.txt").write_text("مقال سليم عن الموصل.", encoding="utf-8")
    (folder / "x\ny.jsonl").write_text('{"text": []}\n', encoding="utf-8")
    before = dump(window.project)
    dialog = ImportDialog(window.repo, "tester", window)
    qtbot.addWidget(dialog)
    dialog.add_paths([str(folder)])
    dialog.run()
    report = dialog.report
    assert report is not None and report.imported == 1
    assert len(report.errors) == len(HOSTILE) + 2
    summary = dialog.summary.toPlainText().split("\n")
    assert "Imported: 1" in summary and f"Refused: {len(HOSTILE) + 2}" in summary
    for case in HOSTILE:  # each error one line, isolated (U+2068 ... U+2069) in the summary
        start = f"  • \u2068{folder / case.name}"
        [line] = [s for s in summary if s.startswith((f"{start},", f"{start}:"))]
        assert case.error in line and line.endswith("\u2069")
    assert any(str(brat / "doc.ann") in s and "not valid UTF-8" in s for s in summary)
    assert any("x\\ny.jsonl" in s for s in summary)
    after = dump(window.project)
    assert after["labels"] == before["labels"] and len(after["documents"][1]) == 2


def test_a_locked_project_stops_the_import_with_one_line(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("مقال جديد عن الرقة.", encoding="utf-8")
    other = sqlite3.connect(window.project, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with open_project(window.project, timeout=0.05) as repo:
            dialog = ImportDialog(repo, "tester", window)
            qtbot.addWidget(dialog)
            dialog.add_paths([str(tmp_path / "a.txt")])
            dialog.run()
    finally:
        other.rollback()
        other.close()
    first = dialog.summary.toPlainText().split("\n")[0]
    assert first.startswith("Stopped: ")
    assert "is being written by another program" in first
    assert f"nothing was imported; not imported: {tmp_path / 'a.txt'};" in first
    assert dialog.imported == 0
