"""Store errors in the window: a plain sentence in the interface language chosen by the error's
type, the store's own (English) words kept as the detail, and nothing drawn or stacked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.store import open_project
from annotator.ui import i18n
from tests.ui.window_helpers import (
    db_spans,
    find,
    key,
    shown_spans,
    text_of,
    window_in,
)

CANNOT_WRITE = {
    "en": "The project file cannot be written (read-only, disk full or removed). "
    "Nothing was changed.",
    "ar": "تتعذّر الكتابة في ملف المشروع (للقراءة فقط، أو القرص ممتلئ، أو أُزيل الملف). "
    "لم يتغيّر شيء.",
}
NOT_SAVED = {"en": "Not saved: ", "ar": "لم يُحفظ التعديل: "}
LOCKED = {
    "en": "The project is being written by another program (for example an import). "
    "Try again in a moment.",
    "ar": "برنامج آخر يكتب في المشروع الآن (عملية استيراد مثلًا). حاول مرة أخرى بعد لحظات.",
}

# Another program writing the project (as tests/store/test_locking.py does): it takes the write
# lock, says so, and holds it until it reads a line.
HOLD_WRITE_LOCK = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE documents SET title = 'held by the other program'")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    conn.close()
    """
)


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_file_that_cannot_be_written_is_explained_in_plain_words(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str
) -> None:
    window = window_in(qtbot, tmp_path, settings, language)
    ankara = find(text_of(window), "أنقرة")
    window.repo.set_read_only(True)
    window.view.set_selection(*ankara)
    key(window, "3")
    banner = window.banner
    assert banner.isVisible()
    assert banner.text.text() == CANNOT_WRITE[language]
    # the store's own words, naming the file, on the second line and in the tooltip
    detail = banner.detail.text()
    assert str(window.project) in detail and "cannot be written" in detail
    assert banner.detail.isVisibleTo(banner) and banner.text.toolTip() == detail
    assert window.status.action.text() == CANNOT_WRITE[language]
    assert window.view.span_at(ankara[0]) == [] and shown_spans(window) == []
    assert window.controller.stack.count() == 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_span_the_store_refuses_keeps_the_reason(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str
) -> None:
    window = window_in(qtbot, tmp_path, settings, language)
    with open_project(window.project, create=False) as other:  # another window removes LOC
        other.delete_label("LOC")
    ankara = find(text_of(window), "أنقرة")
    window.view.set_selection(*ankara)
    key(window, "3")  # still LOC in this window's palette
    text = window.banner.text.text()
    assert text.startswith(NOT_SAVED[language]) and "unknown label 'LOC'" in text
    assert not window.banner.detail.isVisibleTo(window.banner)  # nothing said twice
    assert db_spans(window) == [] and window.view.span_at(ankara[0]) == []
    assert window.controller.stack.count() == 0
    # the next action that works takes the banner away
    window.view.set_selection(*find(text_of(window), "كارتر"))
    key(window, "1")
    assert not window.banner.isVisible()


def test_a_project_that_cannot_be_opened_says_so_in_arabic(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = window_in(qtbot, tmp_path, settings, "ar")
    notes = tmp_path / "notes.annot.db"
    notes.write_text("not sqlite", encoding="utf-8")
    window.projectRequested.emit(str(notes))  # Project → Open project…: refused, window stays
    assert window.isVisible()
    assert window.banner.text.text() == "يتعذّر فتح المشروع."
    assert "not a project file" in window.banner.detail.text()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_project_locked_by_another_program_is_explained_quickly(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    """A real second process holds the write lock: the label key gives the locked message after
    the window's short busy timeout (not the store's 5 s), draws nothing and stacks nothing."""
    window = window_in(qtbot, tmp_path, settings, language)
    window.resize(1280, 800)
    (busy_ms,) = window.repo.db.conn.execute("PRAGMA busy_timeout").fetchone()
    assert busy_ms == 1500
    text = text_of(window)
    carter, ankara = find(text, "كارتر"), find(text, "أنقرة")
    window.view.set_selection(*carter)
    key(window, "1")
    stack = window.controller.stack
    before = (stack.count(), stack.index(), shown_spans(window), db_spans(window))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(window.project)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        window.view.set_selection(*ankara)
        key(window, "3")
        banner = window.banner
        assert banner.isVisible() and banner.text.text() == LOCKED[language]
        assert "being written by another program" in banner.detail.text()
        assert str(window.project) in banner.text.toolTip()
        assert window.view.span_at(ankara[0]) == []
        assert (stack.count(), stack.index(), shown_spans(window)) == before[:3]
        QApplication.processEvents()
        assert window.grab().save(str(screenshot_dir / f"error-banner-locked-{language}.png"))
        assert holder.stdin is not None
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert db_spans(window) == before[3]
    key(window, "3")  # the other program is done: the same key works now
    assert not window.banner.isVisible()
    assert window.view.span_at(ankara[0]) != [] and stack.count() == before[0] + 1
