"""The import dialog, opened with Ctrl+I and driven with keys and the mouse (issue 8 §6, §14):
ANERcorp imported through the window shows its progress while the window keeps painting, its
labels are usable at once, the user says whose the spans are, and a file whose format cannot be
told gets a Format list instead of "pass --format"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QProgressDialog
from pytestqt.qtbot import QtBot

from annotator.core.model import Kind, Status
from annotator.ops import import_paths
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from annotator.ui.viewer.style import fmt, label_style
from tests.ui.viewer_helpers import look_at
from tests.ui.window.dialog_driver import choose_file, click, click_radio, when_shown
from tests.ui.window.test_export_dialog import pick
from tests.ui.window_helpers import (
    ANNOTATOR,
    REPO,
    activate,
    key,
    make_project,
    open_window,
    text_of,
    type_text,
)

ANERCORP = REPO / "tests" / "fixtures" / "ANERCorp.txt"


def import_with(window: MainWindow, qtbot: QtBot, act: Callable[[ImportDialog], None]) -> None:
    """Ctrl+I, ``act`` in the dialog, then its Close button."""

    def run(dialog: ImportDialog) -> None:
        act(dialog)
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Close))

    seen = when_shown(ImportDialog, run)
    key(window, "Ctrl+I")
    seen.wait(qtbot)
    activate(qtbot, window)


def add_file(dialog: ImportDialog, qtbot: QtBot, path: Path) -> None:
    """Add files…, the path pasted into the file dialog."""
    chosen = choose_file(str(path))
    buttons = [b for b in dialog.findChildren(type(dialog.import_button)) if "…" in b.text()]
    click(buttons[0])  # Add files…
    chosen.wait(qtbot)


def test_anercorp_through_the_window_progress_labels_and_owner(
    window: MainWindow, qtbot: QtBot
) -> None:
    seen: dict[str, object] = {}

    def record(progress: QProgressDialog) -> None:
        seen["label"] = progress.labelText()
        seen["busy"] = progress.maximum() == 0
        seen["running"] = dialog_of["dialog"].report is None  # the import is still running
        seen["painted"] = not window.grab().isNull()  # the window paints meanwhile

    dialog_of: dict[str, ImportDialog] = {}

    def act(dialog: ImportDialog) -> None:
        dialog_of["dialog"] = dialog
        dialog.progress_after_ms = 0
        add_file(dialog, qtbot, ANERCORP)
        click_radio(dialog.owner_other)
        type_text(dialog.owner_name, "ANERcorp")
        shown = when_shown(QProgressDialog, record)
        click(dialog.import_button)
        shown.wait(qtbot)
        seen["summary"] = dialog.summary.toPlainText()
        seen["progress left"] = [p for p in dialog.findChildren(QProgressDialog) if p.isVisible()]

    import_with(window, qtbot, act)
    assert seen["label"] == "Reading \u2068ANERCorp.txt\u2069 (file 1 of 1)…"
    assert seen["busy"] is True and seen["running"] is True and seen["painted"] is True
    assert "Imported: 98" in str(seen["summary"]) and seen["progress left"] == []
    # PERS, brought by the file, is usable at once: a button with its colour, drawn in it
    pers = window.controller.labels.get("PERS")
    assert pers is not None and pers.kind is Kind.ENTITY
    assert window.side.label_palette.button("PERS") is not None
    key(window, "Alt+PgDown")  # the first ANERcorp document
    with open_project(window.project, create=False) as repo:
        document = window.controller.document_id or 0
        spans = repo.spans(document)
        owners = {s.annotator for s in spans}
        status = repo.status(document, ANNOTATOR)
    assert owners == {"ANERcorp"} and status is Status.NEW  # not my work, not started by me
    first = next(s for s in spans if s.label == "PERS")
    assert look_at(window.view, first.start + 1).background != fmt(
        label_style(Kind.ENTITY, pers.colour).background
    )  # ANERcorp's spans are not mine: not shown until asked for (ADR 0071)
    key(window, "Ctrl+Shift+O")
    drawn = look_at(window.view, first.start + 1).background
    assert drawn == fmt(label_style(Kind.ENTITY, pers.colour).background)
    # and its button labels a selection
    text = text_of(window)
    start = text.index(" ", first.end) + 1
    end = text.index(" ", start)
    window.view.set_selection(start, end)
    click(window.side.label_palette.button("PERS"))
    with open_project(window.project, create=False) as repo:
        mine = [(s.start, s.end, s.label) for s in repo.spans(document) if s.annotator == ANNOTATOR]
    assert mine == [(start, end, "PERS")]


def test_my_spans_or_the_names_in_the_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    article = tmp_path / "khabar.jsonl"
    article.write_text(
        '{"text": "قال كارتر في لندن.", "spans": [{"start": 4, "end": 9, "label": "PER",'
        ' "annotator": "amal"}, {"start": 13, "end": 17, "label": "LOC"}]}\n'
        '{"text": "وصل كارتر إلى أنقرة.", "spans": [{"start": 4, "end": 9, "label": "PER",'
        ' "annotator": "amal"}]}\n',
        encoding="utf-8",
    )

    def as_file(dialog: ImportDialog) -> None:  # the default choice
        add_file(dialog, qtbot, article)
        click(dialog.import_button)

    import_with(window, qtbot, as_file)
    with open_project(window.project, create=False) as repo:
        owners = sorted(
            (s.label, s.annotator) for d in repo.document_ids()[1:] for s in repo.spans(d)
        )
    assert owners == [("LOC", "imported"), ("PER", "amal"), ("PER", "amal")]

    again = tmp_path / "again.jsonl"  # other texts, so that they are no duplicates
    again.write_text(
        article.read_text(encoding="utf-8").replace("كارتر", "ماتيس"), encoding="utf-8"
    )

    def as_mine(dialog: ImportDialog) -> None:
        add_file(dialog, qtbot, again)
        click_radio(dialog.owner_me)
        click(dialog.import_button)

    import_with(window, qtbot, as_mine)
    with open_project(window.project, create=False) as repo:
        owners = sorted(
            (s.label, s.annotator) for d in repo.document_ids()[3:] for s in repo.spans(d)
        )
    assert owners == [("LOC", ANNOTATOR), ("PER", ANNOTATOR), ("PER", ANNOTATOR)]


def test_a_file_of_unknown_format_gets_a_format_list_not_pass_format(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    article = tmp_path / "khabar.article"
    article.write_text("مقال عن الموصل\n\nقال كارتر إن الخطة تمضي.\n", encoding="utf-8")
    seen: list[str] = []

    def detected(dialog: ImportDialog) -> None:
        add_file(dialog, qtbot, article)
        click(dialog.import_button)
        seen.append(dialog.summary.toPlainText())

    def chosen(dialog: ImportDialog) -> None:
        add_file(dialog, qtbot, article)
        pick(dialog.format_choice, "text")
        click(dialog.import_button)
        seen.append(dialog.summary.toPlainText())

    import_with(window, qtbot, detected)
    import_with(window, qtbot, chosen)
    assert (
        f"  • \u2068{article}: cannot tell the format of this file; choose its format in the "
        "Format list and import it again\u2069"
    ) in seen[0].splitlines()
    assert "--format" not in seen[0]
    assert "Imported: 1" in seen[1]
    assert window.controller.document_model.rowCount() == 2


def test_labels_another_program_imports_appear_without_a_restart(
    window: MainWindow, qtbot: QtBot
) -> None:
    with open_project(window.project, create=False) as repo:
        import_paths(repo, [REPO / "tests" / "fixtures" / "anercorp_sample.txt"], annotator="cli")
    window.watch.poll()
    assert window.side.label_palette.button("PERS") is not None
    assert window.controller.labels.get("PERS") is not None


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_import_dialog_in_both_languages(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    seen: dict[str, str] = {}

    def record(progress: QProgressDialog) -> None:
        progress.grab().save(str(screenshot_dir / f"import-progress-{language}.png"))
        seen["progress"] = progress.labelText()

    def act(dialog: ImportDialog) -> None:
        dialog.progress_after_ms = 0
        add_file(dialog, qtbot, ANERCORP)
        click_radio(dialog.owner_other)
        type_text(dialog.owner_name, "ANERcorp")
        dialog.grab().save(str(screenshot_dir / f"import-dialog-{language}.png"))
        shown = when_shown(QProgressDialog, record)
        click(dialog.import_button)
        shown.wait(qtbot)
        dialog.grab().save(str(screenshot_dir / f"import-summary-{language}.png"))

    try:
        window = open_window(qtbot, make_project(tmp_path), user)
        import_with(window, qtbot, act)
        window.grab().save(str(screenshot_dir / f"import-labels-{language}.png"))
    finally:
        i18n.install("en")
    reading = {"en": "Reading", "ar": "قراءة"}[language]
    assert seen["progress"].startswith(reading)
    assert window.side.label_palette.button("PERS") is not None
