"""A window on a project whose newest spans sit in one big, dense document opens and labels at
once: the clitic evidence is read by a worker thread on its own connection (docs/adr/0025).

Checked structurally: the window's own connection (the GUI thread's) never reads the span
texts or the big document while opening and labelling; the evidence arrives later, from the
worker, and then counts.
"""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.core.tokens import tokenize
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.app import create_main_window
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import (
    ANNOTATOR,
    activate,
    db_spans,
    find,
    key,
    make_project,
    text_of,
    wait_for_evidence,
)

SENTENCE = "وقع الطرفان اتفاق التعاون في العاصمة بحضور الوزراء والسفراء."


def add_big_document(project: Path, sentences: int = 2_500) -> int:
    """A document of ``sentences`` sentences with a span on every word: the newest spans."""
    text = "\n".join(SENTENCE for _ in range(sentences))
    words = [t for t in tokenize(text) if t.is_word]
    spans = tuple(
        Span(n, 0, t.start, t.end, "MISC", ANNOTATOR) for n, t in enumerate(words, start=1)
    )
    with open_project(project) as repo:
        added = repo.add_document(AnnotatedDocument(Document(None, "كبير", text), spans))
        assert added is not None and added.id is not None
        return added.id


def test_the_window_opens_and_labels_without_reading_the_evidence(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    project = make_project(tmp_path)
    big = add_big_document(project)
    i18n.install(user_settings.language())
    window = create_main_window(project, user_settings)
    statements: list[str] = []
    window.repo.db.conn.set_trace_callback(statements.append)  # the GUI thread's connection
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    text = text_of(window)
    start, end = find(text, "أنقرة")
    window.view.set_selection(start, end)
    key(window, "3")
    assert (start, end, "LOC") in db_spans(window)  # labelled, whatever the evidence knows

    big_text = re.compile(rf"\btext\b.* FROM documents WHERE id = {big}\b")
    read_here = [s for s in statements if "substr(" in s or big_text.search(s)]
    assert read_here == [], "evidence read on the GUI thread"

    wait_for_evidence(qtbot, window)  # then the big document's spans are evidence
    start, end = find(text, "بالتعاون")
    window.view.set_selection(start, end)
    key(window, "5")
    assert (start + 1, end, "EVENT") in db_spans(window)  # ب left out: a span says التعاون
    assert not any(big_text.search(s) for s in statements)
