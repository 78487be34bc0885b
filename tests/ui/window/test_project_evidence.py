"""The window's clitic evidence is the whole project's (docs/adr/0045): the word counts of every
document (the index the import keeps, not the first 40 by id), the spans of every document,
followed as another program adds and removes them; and a find match is labelled as found."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan
from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.core.text import text_sha256
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window.dialog_driver import click_menus
from tests.ui.window_helpers import (
    ANNOTATOR,
    db_spans,
    find,
    key,
    make_project,
    open_window,
    text_of,
    type_text,
    wait_for_evidence,
)

OPEN = "وصل الوفد ببغداد أمس، وقال مراسل لرويترز إن المحادثات ستستمر.\n"
FILLER = "قال المتحدث إن الاجتماع المقبل سيعقد في الأسبوع {n} من الشهر.\n"
FAR = "وصلت طائرة إلى بغداد صباح اليوم بعد رحلة طويلة.\n"
OTHER = "نقلت وكالة لرويترز عن مصادر محلية أن الطريق مغلق.\n"


def project_of(tmp_path: Path, *texts: str) -> Path:
    path = tmp_path / "evidence.annot.db"
    with open_project(path) as repo:
        repo.add_documents(
            [
                AnnotatedDocument(Document(None, f"خبر {n + 1}", t, text_sha256(t)))
                for n, t in enumerate(texts)
            ],
            annotator=ANNOTATOR,
        )
    return path


def label_at(window: MainWindow, qtbot: QtBot, words: str, sequence: str = "3") -> None:
    window.view.set_selection(*find(text_of(window), words))
    key(window, sequence)


def test_word_counts_come_from_every_document_of_the_project(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    """بغداد occurs only in the 45th document: its count still makes ببغداد ب + بغداد."""
    fillers = [FILLER.format(n=n) for n in range(43)]
    window = open_window(qtbot, project_of(tmp_path, OPEN, *fillers, FAR), user_settings)
    assert window.controller.document_id == 1
    label_at(window, qtbot, "ببغداد")
    start, end = find(OPEN, "ببغداد")
    assert db_spans(window) == [(start + 1, end, "LOC")]
    assert "proclitic" in window.status.action.text()


def test_another_programs_spans_become_evidence_and_stop_being_it(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    """Another program labels رويترز inside لرويترز of another document: once the window has
    noticed (its watch of the file), لرويترز here leaves the ل out; once that span is
    removed, it stays whole again."""
    path = project_of(tmp_path, OPEN, OTHER)
    window = open_window(qtbot, path, user_settings)
    start, end = find(OPEN, "لرويترز")
    assert window.controller.snapper.snap(start, end) == (start, end, "")
    with open_project(path, create=False) as other:
        a, b = find(OTHER, "لرويترز")
        inverse = other.apply(AddSpan(Span(None, 2, a + 1, b, "ORG", "omar")))
    window.watch.poll()  # what its timer does once a second
    wait_for_evidence(qtbot, window)
    assert window.controller.snapper.snap(start, end) == (start + 1, end, "ل")
    with open_project(path, create=False) as other:
        other.apply(inverse)  # removed again
    window.watch.poll()
    wait_for_evidence(qtbot, window)
    label_at(window, qtbot, "لرويترز", "2")
    assert db_spans(window) == [(start, end, "ORG")]


def test_an_own_span_undone_is_no_evidence_any_more(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    window = open_window(
        qtbot, project_of(tmp_path, OPEN + OPEN.replace("أمس", "اليوم")), user_settings
    )
    text = text_of(window)
    first = find(text, "لرويترز")
    window.view.set_selection(first[0] + 1, first[1])
    key(window, "Alt+2")  # exactly رويترز
    assert window.controller.snapper.snap(*first) == (first[0] + 1, first[1], "ل")
    key(window, "Ctrl+Z")
    assert db_spans(window) == []
    assert window.controller.snapper.snap(*first) == (*first, "")
    window.controller.snapper.reload()  # a snapshot read after the undo agrees
    wait_for_evidence(qtbot, window)
    assert window.controller.snapper.snap(*first) == (*first, "")


def test_a_find_match_is_labelled_as_found_and_a_hand_change_snaps(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    """Find تركيا, which the article writes لتركيا: the label key keeps exactly the match. A
    selection changed by hand afterwards grows to whole words again."""
    window = open_window(qtbot, make_project(tmp_path), user_settings)
    text = text_of(window)
    whole = find(text, "لتركيا")
    key(window, "Ctrl+F")
    type_text(window.find_bar.field, "تركيا")
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.view.selection() == (whole[0] + 1, whole[1])
    key(window, "3")
    assert db_spans(window) == [(whole[0] + 1, whole[1], "LOC")]
    assert "labelled as it is" in window.status.action.text()

    key(window, "Ctrl+F")
    type_text(window.find_bar.field, "واشنط")  # part of a word
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    match = window.view.selection()
    key(window, "Shift+Left")  # changed by hand: one more character
    assert window.view.selection() == (match[0], match[1] + 1)
    key(window, "1")
    word = find(text, "واشنطن")
    assert (*word, "PER") in db_spans(window)  # snapped to the whole word


@pytest.mark.parametrize(
    ("language", "menu", "item", "split_tab"),
    [
        ("en", "View", "Clitic report…", "Split words"),
        ("ar", "عرض", "تقرير السوابق…", "كلمات فُصلت سوابقها"),
    ],
)
def test_the_clitic_report_dialog_shows_split_and_corrected_words(
    qtbot: QtBot,
    tmp_path: Path,
    settings: QSettings,
    screenshot_dir: Path,
    language: str,
    menu: str,
    item: str,
    split_tab: str,
) -> None:
    """لتركيا labelled by hand without its ل is a split word; والرقة kept whole with Alt + key
    while الرقة is a word of the article is a correction against the analyser."""
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    try:
        window = open_window(qtbot, make_project(tmp_path), user)
        text = text_of(window)
        turkey = find(text, "لتركيا")
        window.view.set_selection(turkey[0] + 1, turkey[1])
        key(window, "Alt+3")
        window.view.set_selection(*find(text, "والرقة"))
        key(window, "Alt+3")
        click_menus(window, menu, item)
        dialog = window.window_actions.clitics
        assert dialog is not None and dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
        assert dialog.tabs.tabText(0) == split_tab
        split = dialog.split_table
        assert split.rowCount() == 1 and split.item(0, 0).text() == "\u2068لتركيا\u2069"
        assert split.item(0, 1).text() == "\u2068ل\u2069"
        corrected = dialog.corrected_table
        words = [corrected.item(r, 0).text() for r in range(corrected.rowCount())]
        assert "\u2068والرقة\u2069" in words
        row = words.index("\u2068والرقة\u2069")
        assert corrected.item(row, 2).text() == "\u2068و\u2069"
        assert corrected.item(row, 3).text()  # the analyser's evidence, in words
        dialog.grab().save(str(screenshot_dir / f"clitic-report-split-{language}.png"))
        dialog.tabs.setCurrentIndex(1)
        dialog.grab().save(str(screenshot_dir / f"clitic-report-corrected-{language}.png"))
        assert dialog.layoutDirection() == (
            Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
        )
    finally:
        i18n.install("en")
