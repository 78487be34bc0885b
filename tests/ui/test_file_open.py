"""The relay of the desktop's file-open events (ui/file_open.py): a local file is taken and
opened, or kept until a window can open it; anything else passes on to Qt."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent

from annotator.ui.file_open import FileOpenRelay


def test_files_asked_for_before_a_window_are_kept_then_opened_in_order() -> None:
    relay, opened = FileOpenRelay(), list[str]()
    assert relay.handle(QFileOpenEvent("/projects/a.annot.db"))
    assert relay.handle(QFileOpenEvent("/projects/b.annot.db"))
    relay.set_target(opened.append)
    assert opened == ["/projects/a.annot.db", "/projects/b.annot.db"]
    assert relay.handle(QFileOpenEvent("/projects/c.annot.db"))
    assert opened[-1] == "/projects/c.annot.db" and relay.take_waiting() == []


def test_a_web_address_and_other_events_are_not_taken() -> None:
    relay, opened = FileOpenRelay(), list[str]()
    relay.set_target(opened.append)
    assert not relay.handle(QFileOpenEvent(QUrl("https://example.org/a.annot.db")))
    assert not relay.handle(QEvent(QEvent.Type.KeyPress))
    assert opened == []
