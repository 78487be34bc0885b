"""A document's spans share their label, annotator and time strings (a dense document holds
hundreds of thousands of spans: one string object each was most of their memory)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.store import open_project


def test_the_spans_of_a_document_share_equal_strings(tmp_path: Path) -> None:
    text = "قال كارتر في لندن إن الرقة محاصرة."
    spans = (Span(1, 0, 4, 9, "PER", "amal"), Span(2, 0, 13, 17, "LOC", "amal"))
    with open_project(tmp_path / "p.annot.db") as repo:
        added = repo.add_document(AnnotatedDocument(Document(None, "خبر", text), spans))
        assert added is not None and added.id is not None
        for read in (repo.annotated(added.id).spans, repo.spans(added.id)):
            first, second = read
            assert first.annotator is second.annotator
            assert first.created is second.created is first.updated
            assert (first.label, second.label) == ("PER", "LOC")
