"""The dialogs, driven like a user would: labels, settings, import, export."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from annotator.core.model import Kind, Status
from annotator.store import open_project
from annotator.ui import app as app_module
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.label_dialog import LabelDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.settings_dialog import SettingsDialog
from tests.ui.window.dialog_driver import when_shown
from tests.ui.window_helpers import SEED, activate, find, key, text_of, type_text


def close_when_shown(cls: type[QDialog], act: object, *, accept: bool = True) -> None:
    """Run ``act(dialog)`` on the next dialog of ``cls`` that opens, then accept or reject it."""

    def step(dialog: QDialog) -> None:
        act(dialog)  # type: ignore[operator]
        dialog.accept() if accept else dialog.reject()

    when_shown(cls, step)


def test_label_dialog_renames_recolours_rekeys_and_adds(window: MainWindow, qtbot: QtBot) -> None:
    text = text_of(window)
    window.view.set_selection(*find(text, "كارتر"))
    key(window, "1")

    def edit(dialog: LabelDialog) -> None:
        dialog.set_row(0, name="PERS", colour="#ff0000", key=7)
        dialog.set_row(4, kind=Kind.ENTITY)  # EVENT becomes an entity label
        row = dialog.add_row()
        dialog.set_row(row, name="TIME", key=1)

    close_when_shown(LabelDialog, edit)
    window.action_set["labels"].trigger()
    labels = window.controller.labels
    assert labels.get("PERS") is not None and labels.get("PERS").key == 7  # type: ignore[union-attr]
    assert labels.get("PERS").colour == "#ff0000"  # type: ignore[union-attr]
    assert labels.kind_of("EVENT") is Kind.ENTITY
    assert labels.by_key(1).name == "TIME"  # type: ignore[union-attr]
    with open_project(window.project, create=False) as repo:
        assert [s.label for s in repo.spans(window.controller.document_id or 0)] == ["PERS"]
    assert window.side.label_palette.button("PERS") is not None
    assert window.controller.span_model.index(0, 0).data() == "PERS"
    activate(qtbot, window)
    window.view.set_selection(*find(text, "أنقرة"))
    key(window, "7")
    assert "PERS" in window.status.action.text()


def test_label_dialog_refuses_duplicates_and_removing_a_used_label(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.view.set_selection(*find(text_of(window), "كارتر"))
    key(window, "1")
    dialog = LabelDialog(window.repo, window)
    qtbot.addWidget(dialog)
    dialog.set_row(1, name="PER")
    assert dialog.problems() == ["Two labels have the same name: \u2068PER\u2069."]
    dialog.set_row(1, name="ORG", key=1)
    assert dialog.problems() == [
        "Two labels have the same key 1: \u2068PER\u2069, \u2068ORG\u2069."
    ]
    dialog.set_row(1, key=2)
    dialog.table.setCurrentCell(0, 0)
    assert not dialog.remove_row()  # PER, used by a span: refused at the row
    assert "used by 1 span" in dialog.notice.text()
    assert dialog.table.rowCount() == len(window.repo.labels())
    assert dialog.save() is None
    assert "PER" in window.repo.labels()


def test_label_dialog_refuses_names_that_break_exports(window: MainWindow, qtbot: QtBot) -> None:
    """The dialog asks the core rule: a bidi override, a noncharacter, a control character."""
    dialog = LabelDialog(window.repo, window)
    qtbot.addWidget(dialog)
    before = window.repo.labels()
    dialog.set_row(5, name="QUOTE\u202e")
    assert dialog.problems() == [
        "A label name cannot hold direction marks or bidi controls."
        " \u2066'QUOTE\\u202e' (U+202E RIGHT-TO-LEFT OVERRIDE)\u2069"
    ]
    dialog.set_row(5, name="QUOTE")
    row = dialog.add_row()
    dialog.set_row(row, name="X\ufffe")
    dialog.set_row(1, name="ORG\x07")
    problems = dialog.problems()
    assert len(problems) == 2 and "U+0007" in problems[0] and "U+FFFE" in problems[1]
    assert dialog.save() == "\n".join(problems)
    assert window.repo.labels() == before


def test_settings_dialog_sets_annotator_font_and_zoom(window: MainWindow, qtbot: QtBot) -> None:
    def edit(dialog: SettingsDialog) -> None:
        dialog.annotator.setText("مريم")
        dialog.zoom.setValue(3)

    close_when_shown(SettingsDialog, edit)
    window.action_set["settings"].trigger()
    assert window.controller.annotator == "مريم"
    assert window.settings.annotator() == "مريم"
    assert window.view.zoom() == 3
    assert "مريم" in window.status.annotator.text()
    activate(qtbot, window)
    window.view.set_selection(*find(text_of(window), "كارتر"))
    key(window, "1")
    with open_project(window.project, create=False) as repo:
        document = window.controller.document_id or 0
        assert [s.annotator for s in repo.spans(document)] == ["مريم"]
        assert repo.status(document, "مريم") is Status.IN_PROGRESS
        assert repo.status(document, "tester") is Status.NEW


def test_import_dialog_pasted_article_and_files(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ImportDialog(window.repo, "tester", window)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(dialog.PASTE)
    type_text(dialog.title, "خبر ملصوق")
    dialog.text.setPlainText("\ufeffقال كارتر إن\u00a0«الخطة تمضي».\r\nوأضاف أن أنقرة شريك.")
    dialog.run()
    assert dialog.imported == 1
    assert "Imported: 1" in dialog.summary.toPlainText()
    assert not dialog.tabs.isVisible()

    second = ImportDialog(window.repo, "tester", window)
    qtbot.addWidget(second)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "again.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"text": 5}\n', encoding="utf-8")
    second.add_paths([str(folder)])
    second.run()
    summary = second.summary.toPlainText()
    assert "Imported: 0" in summary
    assert "Skipped as duplicates: 1" in summary
    assert "Refused: 1" in summary and "broken.jsonl" in summary

    with open_project(window.project, create=False) as repo:
        titles = [s.title for s in repo.summaries()]
        pasted = repo.document(repo.document_ids()[-1]).text
    assert titles[-1] == "خبر ملصوق"
    # canonical text: BOM and CR gone, NBSP kept (toPlainText() would make it a space)
    assert pasted == "قال كارتر إن\u00a0«الخطة تمضي».\nوأضاف أن أنقرة شريك."


def test_import_action_refreshes_the_document_list(window: MainWindow) -> None:
    def paste(dialog: ImportDialog) -> None:
        dialog.tabs.setCurrentIndex(dialog.PASTE)
        dialog.title.setText("ملصوق")
        dialog.text.setPlainText("قال كارتر إن الخطة تمضي.")
        dialog.run()

    close_when_shown(ImportDialog, paste)
    window.action_set["import"].trigger()
    assert window.controller.document_model.rowCount() == 2
    assert window.status.position.text() == "Document \u20661\u2069 of \u20662\u2069"


def test_export_dialog_writes_jsonl_and_shows_the_report(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    text = text_of(window)
    window.view.set_selection(*find(text, "كارتر"))
    key(window, "1")
    dialog = ExportDialog(window.repo, "tester", window)
    qtbot.addWidget(dialog)
    assert dialog.format.count() >= 1
    assert Path(dialog.out_dir.text()) == window.project.resolve().parent / "exports"
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    out = tmp_path / "out"
    dialog.out_dir.setText(str(out))
    dialog.run()
    assert dialog.report is not None and dialog.report.documents == 1
    assert "\u2068PER\u2069: 1" in dialog.summary.toPlainText()
    written = [p for p in out.iterdir() if p.suffix == ".jsonl"]
    assert written
    first = json.loads(written[0].read_text(encoding="utf-8").splitlines()[0])
    assert "كارتر" in json.dumps(first, ensure_ascii=False)
    # filter by a label that has no span: nothing is written, the export before stays
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for i in range(dialog.labels.count()):
        item = dialog.labels.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.text() == "LOC" else Qt.CheckState.Unchecked
        )
    assert dialog.chosen_labels() == ["LOC"]
    dialog.run()
    assert dialog.problem.text().startswith(
        "Nothing to export: no span matches the filters (\u2068labels: LOC\u2069)."
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_recent_projects_menu_lists_other_projects(
    window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:
    other = tmp_path / "other.annot.db"
    open_project(other).close()
    UserSettings(settings).add_recent_project(other)
    window.window_actions.fill_recent_menu()
    texts = [a.text() for a in window.menu("recent").actions()]
    assert texts == [str(other.resolve())]


def test_opening_another_project_replaces_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    other = tmp_path / "other.annot.db"
    window.newProjectRequested.emit(str(other))  # Project → New project…
    new = app_module._windows.pop()
    qtbot.addWidget(new)
    assert new.project == other and other.exists()
    assert not window.isVisible()
    assert new.controller.document_model.rowCount() == 0
    not_a_project = tmp_path / "notes.annot.db"
    not_a_project.write_text("not sqlite", encoding="utf-8")
    new.projectRequested.emit(str(not_a_project))
    assert new.isVisible() and "not a project file" in new.banner.message()


def test_export_report_speaks_arabic_in_the_arabic_interface(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    from annotator.ui import i18n
    from tests.ui.window_helpers import ANNOTATOR, make_project, open_window

    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language("ar")
    try:
        window = open_window(qtbot, make_project(tmp_path), user)
        text = text_of(window)
        window.view.set_selection(*find(text, "كارتر"))
        key(window, "1")
        dialog = ExportDialog(window.repo, ANNOTATOR, window)
        qtbot.addWidget(dialog)
        dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
        out = tmp_path / "مخرجات"
        dialog.out_dir.setText(str(out))
        dialog.run()
        report = dialog.summary.toPlainText()
        # every line right to left, even "  ⁨PER⁩: 1" which has no Arabic letter of its own
        line = dialog.summary.document().findBlockByNumber(5)
        assert line.text() == "  \u2068PER\u2069: 1"
        option = dialog.summary.document().defaultTextOption()
        assert option.textDirection() == Qt.LayoutDirection.RightToLeft
        assert option.alignment() & Qt.AlignmentFlag.AlignRight
    finally:
        i18n.install("en")
    # the folder isolated, so its slashes keep their order inside the Arabic sentence
    assert report.splitlines()[0] == f"كُتبت الملفات في \u2068{out}\u2069"
    assert "المستندات: 1" in report and "المقاطع: 1" in report
    assert "documents:" not in report and "spans" not in report
