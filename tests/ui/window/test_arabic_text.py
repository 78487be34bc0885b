"""Interface text that reads right in both languages (issue 8 §12): numbers, shortcuts, label
names, file names and colour codes isolated in their own direction; message parts joined by the
interface's semicolon; every message box title translated. The exact strings, isolates
included, in English and in Arabic; screenshots in tests/ui/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from annotator.ui import app as app_module
from annotator.ui import i18n
from annotator.ui.bidi_style import IsolatingStyle, menu_item_text
from annotator.ui.label_dialog import COLOUR, LabelDialog
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import cancel_file_dialog, when_shown
from tests.ui.window_helpers import (
    find,
    key,
    text_of,
    window_in,
)

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_message_with_a_label_and_a_proclitic(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str
) -> None:
    window = window_in(qtbot, tmp_path, settings, language)
    window.view.set_selection(*find(text_of(window), "والرقة"))
    key(window, "3")
    expected = {
        "en": f"Label {FSI}الرقة{PDI} as {FSI}LOC{PDI}; proclitic {FSI}و{PDI} left out of the span",
        "ar": f"وسم {FSI}الرقة{PDI} بـ {FSI}LOC{PDI}؛ أُخرجت السابقة {FSI}و{PDI} من المقطع",
    }[language]
    assert window.status.action.text() == expected


@pytest.mark.parametrize("language", ["en", "ar"])
def test_shortcuts_are_isolated_left_to_right(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    """Menus draw "Settings…<Tab>Ctrl+," through a style that isolates the keys (drawn
    ",+Ctrl" in Arabic without); buttons and tooltips that name keys isolate them."""
    window = window_in(qtbot, tmp_path, settings, language)
    assert isinstance(QApplication.style(), IsolatingStyle)
    assert menu_item_text("الإعدادات…\tCtrl+,") == f"الإعدادات…\t{LRI}Ctrl+,{PDI}"
    assert menu_item_text("Labels…") == "Labels…"
    native = QKeySequence("Alt+Shift+Left").toString(QKeySequence.SequenceFormat.NativeText)
    if language == "ar":
        assert native == "Alt+Shift+اليسار"  # Qt's own Arabic name, drawn out of order
    assert menu_item_text(f"move\t{native}") == f"move\t{LRI}Alt+Shift+Left{PDI}"
    assert menu_item_text(f"x\t{LRI}Ctrl+,{PDI}") == f"x\t{LRI}Ctrl+,{PDI}"
    pick = {"en": f"Pick speaker ({LRI}S{PDI})", "ar": f"اختيار المتحدث ({LRI}S{PDI})"}
    assert window.side.pick_button.text() == pick[language]
    tip = window.side.label_palette.button("PER").toolTip()  # type: ignore[union-attr]
    assert tip.endswith(
        {
            "en": f"Key {LRI}1{PDI} labels the selection; {LRI}Alt+1{PDI} keeps it exact",
            "ar": f"المفتاح {LRI}1{PDI} يَسِم التحديد؛ و{LRI}Alt+1{PDI} يبقيه كما هو بالضبط",
        }[language]
    )
    assert (
        window.find_bar.previous_button.toolTip()
        == {
            "en": f"Previous match ({LRI}Shift+Enter, Shift+F3{PDI})",
            "ar": f"النتيجة السابقة ({LRI}Shift+Enter, Shift+F3{PDI})",
        }[language]
    )
    menu = window.menu("edit")
    menu.popup(window.mapToGlobal(window.rect().center()))
    QTest.qWaitForWindowExposed(menu)
    assert menu.grab().save(str(screenshot_dir / f"menu-edit-{language}.png"))
    menu.hide()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_colour_codes_are_left_to_right(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    window = window_in(qtbot, tmp_path, settings, language)
    dialog = LabelDialog(window.repo, window)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.table.cellWidget(0, COLOUR)
    assert isinstance(button, QPushButton)
    assert button.text() == f"{LRI}{button.property('colour')}{PDI}"
    assert button.text() == f"{LRI}#f4a3a3{PDI}"  # PER's default colour
    assert dialog.grab().save(str(screenshot_dir / f"label-dialog-{language}.png"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_error_box_title_is_translated(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str
) -> None:
    user = UserSettings(settings)
    user.set_language(language)
    i18n.install(language)
    bad = tmp_path / "notaproject.annot.db"
    bad.write_bytes(b"notes, not a project\n")
    titles: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        titles.append(box.windowTitle())
        box.accept()

    seen = when_shown(QMessageBox, read_and_close)
    cancelled = cancel_file_dialog()
    assert app_module.first_window(bad, user) is None
    seen.wait(qtbot)
    cancelled.wait(qtbot)
    assert titles == [{"en": "Annotator", "ar": "أداة التوسيم"}[language]]


def test_menus_keep_their_isolating_style_after_a_language_switch(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = window_in(qtbot, tmp_path, settings, "en")
    window.set_language("ar")
    assert isinstance(QApplication.style(), IsolatingStyle)
    assert isinstance(window.menu("edit"), QMenu)
