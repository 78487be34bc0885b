"""Clitic evidence reaches past the open document: a span anywhere in the project counts."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.store import open_project
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import (
    ANNOTATOR,
    db_spans,
    find,
    key,
    make_project,
    open_window,
    text_of,
)

FAR = 45  # documents before the evidence: beyond the neighbours whose tokens are counted


def test_a_span_in_a_far_document_is_evidence_for_the_stem(
    qtbot: QtBot, tmp_path: Path, user_settings: UserSettings
) -> None:
    project = make_project(tmp_path)
    with open_project(project) as repo:
        for n in range(FAR):
            filler = f"خبر رقم {n} عن الطقس في المدينة."
            repo.add_document(AnnotatedDocument(Document(None, f"خبر {n}", filler)))
        evidence = "وقع الطرفان اتفاق التعاون أمس."
        start = evidence.index("التعاون")
        span = Span(1, 0, start, start + len("التعاون"), "EVENT", ANNOTATOR)
        doc = AnnotatedDocument(Document(None, "اتفاق", evidence), (span,))
        assert repo.add_document(doc, annotator=ANNOTATOR) is not None
    window = open_window(qtbot, project, user_settings)
    text = text_of(window)
    assert "التعاون" not in text.replace("بالتعاون", "")  # no frequency evidence in this article
    start, end = find(text, "بالتعاون")
    window.view.set_selection(start, end)
    key(window, "5")
    assert db_spans(window) == [(start + 1, end, "EVENT")]  # ب left out: a span says التعاون
