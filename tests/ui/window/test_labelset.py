"""Issue 8, items 1, 5 and 7, driven through the real window with real keys, mouse and dialogs,
checked against the project file (a second connection).

1. Relabelling a quote that has a speaker removes the link in the same undoable edit and says
   so; a place cannot be picked as a speaker; the Labels dialog's kind and Speaker changes
   follow the rule; ``check`` and the brat export agree with the file.
5. Label-set changes are undoable edits, the dialog's changes one transaction; a label in use
   cannot be removed (the Remove button says how many spans use it); duplicate keys are named.
7. The name set in Settings, and everyone with spans, is in the export dialog's list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan, RemoveLabel
from annotator.core.model import Kind, Span
from annotator.ops import export_project
from annotator.store import open_project
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.label_dialog import KIND, NAME, LabelDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings_dialog import SettingsDialog
from tests.ui.viewer_helpers import click
from tests.ui.window.dialog_driver import when_shown
from tests.ui.window_helpers import (
    activate,
    db_relations,
    db_spans,
    find,
    key,
    text_of,
    type_text,
)


def ok_button(dialog: QDialog) -> QWidget:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def click_row(dialog: LabelDialog, row: int) -> None:
    """A real click on the name cell of ``row``."""
    rect = dialog.table.visualItemRect(dialog.table.item(row, NAME))
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def rename(dialog: LabelDialog, row: int, name: str) -> None:
    """F2 on the name cell, select all, type the new name, Enter: as a user renames."""
    click_row(dialog, row)
    QTest.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.findChild(QLineEdit)  # the cell's editor (the dialog may be inactive)
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, name)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def choose_kind(dialog: LabelDialog, row: int, kind: Kind) -> None:
    """Focus the row's kind box and step to ``kind`` with the arrow keys."""
    combo = dialog.table.cellWidget(row, KIND)
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    target = list(Kind).index(kind)
    while combo.currentIndex() != target:
        step = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        QTest.keyClick(combo, step)


def click_speaker(dialog: LabelDialog, row: int) -> None:
    box = dialog._speaker_box(row)
    QTest.mouseClick(
        box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() // 2, box.height() // 2)
    )


def in_dialog(window: MainWindow, qtbot: QtBot, act: Callable[[LabelDialog], None]) -> None:
    """Edit → Labels…, ``act`` on the dialog (which clicks OK or Cancel), back to the window.
    A failing check inside ``act`` closes the dialog (else its event loop would never end)."""

    def guarded(dialog: QWidget) -> None:
        assert isinstance(dialog, LabelDialog)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_shown(LabelDialog, guarded)
    window.action_set["labels"].trigger()
    activate(qtbot, window)


def refusal_box(shown: list[str]) -> None:
    """The next message box (a refused save) is read into ``shown`` and closed."""

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    when_shown(QMessageBox, close)


def row_of(dialog: LabelDialog, name: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.row_label(r).name == name)


def quote_with_carter(window: MainWindow) -> tuple[int, int, tuple[int, int], tuple[int, int]]:
    """Label كارتر PER, his quote (Alt+6), link them (S, click): (quote id, carter id, places)."""
    text = text_of(window)
    carter = find(text, "كارتر", 1)
    quote = (text.index("«خطة عمليتنا"), text.index("سياسي»") + len("سياسي»"))
    window.view.set_selection(*carter)
    key(window, "1")
    carter_id = window.view.selected_span()
    window.view.set_selection(*quote)
    key(window, "Alt+6")
    quote_id = window.view.selected_span()
    key(window, "S")
    click(window.view, carter[0] + 2)
    assert db_relations(window) == [("speaker", quote_id, carter_id)]
    return quote_id or 0, carter_id or 0, quote, carter


# -- item 1 ---------------------------------------------------------------------------------


def test_relabelling_a_linked_quote_removes_the_link_says_so_and_undo_restores_it(
    window: MainWindow, tmp_path: Path
) -> None:
    quote_id, carter_id, quote, _ = quote_with_carter(window)
    click(window.view, quote[0] + 3)  # select the quote
    assert window.view.selected_span() == quote_id
    key(window, "2")
    assert (*quote, "ORG") in db_spans(window)
    assert db_relations(window) == []  # the link went in the same edit
    assert "speaker link removed" in window.status.action.text()
    assert window.controller.span_model.speaker_relation(quote_id) is None
    with open_project(window.project, create=False) as repo:
        assert repo.check() == []
    key(window, "Ctrl+Z")  # one step back: the quote and its speaker
    assert (*quote, "QUOTE") in db_spans(window)
    assert db_relations(window) == [("speaker", quote_id, carter_id)]
    model = window.controller.span_model
    assert model.index(model.row_of(quote_id), model.SPEAKER).data() == "كارتر"
    key(window, "Ctrl+Shift+Z")
    assert db_relations(window) == []
    # the brat export never writes a relation its own annotation.conf forbids
    with open_project(window.project, create=False) as repo:
        export_project(repo, "brat", tmp_path / "brat")
    ann = next((tmp_path / "brat").glob("*.ann")).read_text("utf-8")
    assert "\nR" not in ann and not ann.startswith("R")


def test_a_place_cannot_be_picked_as_the_speaker(window: MainWindow) -> None:
    text = text_of(window)
    washington = find(text, "واشنطن")
    quote = (text.index("«خطة عمليتنا"), text.index("سياسي»") + len("سياسي»"))
    window.view.set_selection(*washington)
    key(window, "3")  # LOC
    window.view.set_selection(*quote)
    key(window, "Alt+6")
    key(window, "S")
    click(window.view, washington[0] + 2)
    assert db_relations(window) == []
    message = window.status.action.text()
    assert "LOC\u2069 cannot be a speaker" in message and "PER, ORG" in message
    assert window.controller.speakers.picking  # still waiting for a speaker
    key(window, "Escape")


def test_making_the_quote_label_an_entity_in_the_dialog_removes_its_links_undoably(
    window: MainWindow, qtbot: QtBot
) -> None:
    quote_id, carter_id, _, _ = quote_with_carter(window)

    def act(dialog: LabelDialog) -> None:
        choose_kind(dialog, row_of(dialog, "QUOTE"), Kind.ENTITY)
        QTest.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    in_dialog(window, qtbot, act)
    assert db_relations(window) == []
    assert window.controller.labels.kind_of("QUOTE") is Kind.ENTITY
    assert "\u20661\u2069 speaker link(s) removed" in window.status.action.text()
    key(window, "Ctrl+Z")
    assert window.controller.labels.kind_of("QUOTE") is Kind.QUOTE
    assert db_relations(window) == [("speaker", quote_id, carter_id)]
    with open_project(window.project, create=False) as repo:
        assert repo.labels().kind_of("QUOTE") is Kind.QUOTE


def test_the_speaker_column_sets_which_labels_may_be_speakers(
    window: MainWindow, qtbot: QtBot
) -> None:
    _, carter_id, quote, carter = quote_with_carter(window)
    text = text_of(window)
    washington = find(text, "واشنطن")

    def act(dialog: LabelDialog) -> None:
        click_speaker(dialog, row_of(dialog, "PER"))  # PER no longer a speaker
        click_speaker(dialog, row_of(dialog, "LOC"))  # LOC is
        assert not dialog._speaker_box(row_of(dialog, "EVENT")).isEnabled()
        QTest.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    in_dialog(window, qtbot, act)
    assert db_relations(window) == []  # كارتر (PER) was the speaker
    with open_project(window.project, create=False) as repo:
        assert repo.labels().speakers == ("ORG", "LOC")
    window.view.set_selection(*washington)
    key(window, "3")
    washington_id = window.view.selected_span()
    click(window.view, quote[0] + 3)
    quote_id = window.view.selected_span()
    key(window, "S")
    click(window.view, carter[0] + 2)  # a PER is refused now
    assert db_relations(window) == []
    click(window.view, washington[0] + 2)
    assert db_relations(window) == [("speaker", quote_id, washington_id)]
    assert carter_id != washington_id


# -- item 5 ---------------------------------------------------------------------------------


def test_a_rename_is_undone_with_ctrl_z_on_every_span_and_keeps_the_history(
    window: MainWindow, qtbot: QtBot
) -> None:
    text = text_of(window)
    for words in ("كارتر", "أنقرة"):
        window.view.set_selection(*find(text, words))
        key(window, "1")
    before = window.controller.stack.count()

    def act(dialog: LabelDialog) -> None:
        rename(dialog, row_of(dialog, "PER"), "PERSON")
        QTest.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    in_dialog(window, qtbot, act)
    assert [label for *_, label in db_spans(window)] == ["PERSON", "PERSON"]
    assert window.controller.stack.count() == before + 1  # the history is still there
    assert window.side.label_palette.button("PERSON") is not None
    key(window, "Ctrl+Z")
    assert [label for *_, label in db_spans(window)] == ["PER", "PER"]
    assert window.controller.labels.get("PER") is not None
    assert window.side.label_palette.button("PER") is not None
    assert {s.label for s in window.controller.span_model.spans()} == {"PER"}
    key(window, "Ctrl+Z")  # and the steps before it: the second span goes
    assert len(db_spans(window)) == 1
    key(window, "Ctrl+Shift+Z")
    key(window, "Ctrl+Shift+Z")
    assert [label for *_, label in db_spans(window)] == ["PERSON", "PERSON"]


def test_removing_a_label_in_use_is_refused_at_the_row_naming_the_count(
    window: MainWindow, qtbot: QtBot
) -> None:
    text = text_of(window)
    for words in ("الموصل", "الرقة"):
        window.view.set_selection(*find(text, words))
        key(window, "3")
    seen: dict[str, object] = {}

    def act(dialog: LabelDialog) -> None:
        click_row(dialog, row_of(dialog, "LOC"))
        QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        seen["notice"] = dialog.notice.text()
        seen["rows"] = [dialog.row_label(r).name for r in range(dialog.table.rowCount())]
        click_row(dialog, row_of(dialog, "MISC"))
        QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        seen["after"] = [dialog.row_label(r).name for r in range(dialog.table.rowCount())]
        refusal_box(refused)  # none expected; without the row check, the save is refused
        QTest.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    refused: list[str] = []
    in_dialog(window, qtbot, act)
    assert refused == []
    assert "LOC" in str(seen["notice"]) and "used by 2 span" in str(seen["notice"])
    assert "LOC" in seen["rows"]  # type: ignore[operator]
    assert "MISC" not in seen["after"]  # type: ignore[operator]
    with open_project(window.project, create=False) as repo:
        assert "MISC" not in repo.labels() and "LOC" in repo.labels()
    key(window, "Ctrl+Z")
    with open_project(window.project, create=False) as repo:
        assert "MISC" in repo.labels()


def test_two_labels_on_one_key_are_named(window: MainWindow, qtbot: QtBot) -> None:
    dialog = LabelDialog(window.repo, window)
    qtbot.addWidget(dialog)
    dialog.set_row(1, key=1)  # ORG on PER's key
    assert dialog.problems() == [
        "Two labels have the same key 1: \u2068PER\u2069, \u2068ORG\u2069."
    ]
    dialog.set_row(1, name="PER", key=2)
    assert dialog.problems() == ["Two labels have the same name: \u2068PER\u2069."]


def test_the_dialogs_changes_are_one_transaction(window: MainWindow, qtbot: QtBot) -> None:
    """A rename and LOC made a speaker; before OK another program removes LOC: that change is
    refused and the rename is not written either (it was one transaction per row)."""
    shown: list[str] = []

    def act(dialog: LabelDialog) -> None:
        rename(dialog, row_of(dialog, "PER"), "PERSON")
        click_speaker(dialog, row_of(dialog, "LOC"))
        with open_project(window.project, create=False) as other:
            other.apply(RemoveLabel("LOC"))
        refusal_box(shown)
        QTest.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # refused: the dialog stays open with the rows
        dialog.reject()

    in_dialog(window, qtbot, act)
    assert shown and "label 'LOC' does not exist" in shown[0]
    with open_project(window.project, create=False) as repo:
        labels = repo.labels()
    assert "PER" in labels and "PERSON" not in labels and "LOC" not in labels
    assert window.controller.labels.get("PER") is not None


# -- item 7 ---------------------------------------------------------------------------------


def test_every_annotator_is_in_the_export_dialog(window: MainWindow, qtbot: QtBot) -> None:
    document = window.controller.document_id or 0
    with open_project(window.project, create=False) as other:  # spans only, never named
        other.apply(AddSpan(Span(None, document, 0, 6, "LOC", "omar")))

    def settings(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.annotator.setFocus()
        dialog.annotator.selectAll()
        type_text(dialog.annotator, "نادية")
        QTest.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    when_shown(SettingsDialog, settings)
    window.action_set["settings"].trigger()
    activate(qtbot, window)
    assert window.controller.annotator == "نادية"
    with open_project(window.project, create=False) as repo:
        assert "نادية" in repo.annotators()
    names: list[str] = []

    def export(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        names.extend(dialog.annotator.itemText(i) for i in range(1, dialog.annotator.count()))
        dialog.reject()

    when_shown(ExportDialog, export)
    window.action_set["export"].trigger()
    assert "نادية" in names and "omar" in names and "tester" in names
