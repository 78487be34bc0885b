"""Feeds the core clitic analyser with the project's evidence and snaps selections with it.

Evidence (DESIGN.md §4): span texts first, then token frequency. Counting the tokens of every
document of a 100,000-document project would stall the window, so the counts come from the open
document and up to ``NEIGHBOURS`` documents around it (each counted once, cached), and the span
texts from those documents; spans added or removed while annotating update the evidence.
"""

from __future__ import annotations

from collections import Counter

from annotator.core.clitics import CliticAnalyser, snap
from annotator.core.errors import NotFoundError
from annotator.core.model import Span
from annotator.core.tokens import tokenize
from annotator.store import Repository

NEIGHBOURS = 40


class Snapper:
    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self._text = ""
        self._counted: set[int] = set()
        self._counts: Counter[str] = Counter()
        self._span_texts: Counter[str] = Counter()
        self._span_text_of: dict[int, str] = {}
        self._base: CliticAnalyser | None = None
        self._analyser: CliticAnalyser | None = None
        self._counts_dirty = True

    def set_document(self, text: str, spans: list[Span]) -> None:
        self._text = text
        for span in spans:
            self.add_span(span)

    def add_span(self, span: Span) -> None:
        if span.id is None:
            return
        old = self._span_text_of.get(span.id)
        new = span.text_in(self._text)
        if old == new:
            return
        if old is not None:
            self._drop(old)
        self._span_text_of[span.id] = new
        self._span_texts[new] += 1
        self._analyser = None

    def remove_span(self, span_id: int) -> None:
        old = self._span_text_of.pop(span_id, None)
        if old is not None:
            self._drop(old)
            self._analyser = None

    def _drop(self, text: str) -> None:
        self._span_texts[text] -= 1
        if self._span_texts[text] <= 0:
            del self._span_texts[text]

    def prepare(self, document_id: int | None) -> None:
        """Count the tokens of the open document and its neighbours (once each)."""
        ids = self._neighbours(document_id)
        for doc_id in ids:
            if doc_id in self._counted:
                continue
            self._counted.add(doc_id)
            try:
                annotated = self._repo.annotated(doc_id)
            except NotFoundError:
                continue
            text = annotated.document.text
            self._counts.update(t.text for t in tokenize(text) if t.is_word)
            self._counts_dirty = True
            for span in annotated.spans:
                if span.id is not None and span.id not in self._span_text_of:
                    self._span_text_of[span.id] = span.text_in(text)
                    self._span_texts[span.text_in(text)] += 1

    def _neighbours(self, document_id: int | None) -> list[int]:
        if document_id is None:
            return []
        found = [document_id]
        if len(self._counted) >= NEIGHBOURS:
            return found
        summaries = self._repo.summaries(limit=NEIGHBOURS)
        found += [s.id for s in summaries if s.id != document_id]
        return found

    def analyser(self, document_id: int | None) -> CliticAnalyser:
        if document_id is not None and document_id not in self._counted:
            self.prepare(document_id)
        if self._base is None or self._counts_dirty:
            self._base = CliticAnalyser(self._counts)
            self._counts_dirty = False
            self._analyser = None
        if self._analyser is None:
            self._analyser = self._base.with_spans(list(self._span_texts))
        return self._analyser

    def snap(
        self, start: int, end: int, document_id: int | None = None
    ) -> tuple[int, int, str] | None:
        """``(start, end, proclitic left out or "")`` for a selection, None if it holds no word."""
        result = snap(self._text, start, end, self.analyser(document_id))
        if result is None:
            return None
        return result.start, result.end, result.clitic.proclitic if result.clitic else ""
