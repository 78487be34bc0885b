"""Feeds the core clitic analyser with the project's evidence and snaps selections with it.

Evidence (DESIGN.md §4): span texts first, then token frequency. Counting the tokens of every
document of a 100,000-document project would stall the window, so the counts come from the open
document and up to ``NEIGHBOURS`` other documents (each counted once, cached). Span texts come
from the whole project (its 20,000 newest spans, read once) and from those documents; spans added
or removed while annotating update the evidence.

Rebuilding the analyser folds every distinct span text, which takes milliseconds on a dense
document; the window calls :meth:`Snapper.refresh` when it is idle (after an edit is drawn or a
document opened), so a label key finds the analyser ready. The analyser is rebuilt only when the
set of distinct span texts changed.
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
        self._document_id: int | None = None
        self._counted: set[int] = set()
        self._counts: Counter[str] = Counter()
        self._span_texts: Counter[str] = Counter()
        self._span_text_of: dict[int, str] = {}
        self._base: CliticAnalyser | None = None
        self._analyser: CliticAnalyser | None = None
        self._project_span_texts: set[str] = set()  # the project's span texts, read once

    # -- evidence ---------------------------------------------------------------------------
    def set_document(self, document_id: int | None, text: str, spans: list[Span]) -> None:
        self._document_id = document_id
        self._text = text
        for span in spans:
            self.add_span(span)

    def add_span(self, span: Span) -> None:
        if span.id is None:
            return
        new = span.text_in(self._text)
        old = self._span_text_of.get(span.id)
        if old == new:
            return
        if old is not None:
            self._drop(old)
        self._span_text_of[span.id] = new
        self._span_texts[new] += 1
        if self._span_texts[new] == 1:
            self._analyser = None  # a text not seen before: new evidence

    def remove_span(self, span_id: int) -> None:
        old = self._span_text_of.pop(span_id, None)
        if old is not None:
            self._drop(old)

    def _drop(self, text: str) -> None:
        self._span_texts[text] -= 1
        if self._span_texts[text] <= 0:
            del self._span_texts[text]
            self._analyser = None  # the last span with this text went

    def _count(self) -> None:
        """Count the tokens (and span texts) of the open document and its neighbours, once."""
        wanted = [] if self._document_id is None else [self._document_id]
        if not self._counted:  # once: the strongest evidence, span texts of the whole project
            self._project_span_texts = set(self._repo.span_texts())
            self._analyser = None
        if len(self._counted) < NEIGHBOURS:
            wanted += [s.id for s in self._repo.summaries(limit=NEIGHBOURS)]
        for doc_id in wanted:
            if doc_id in self._counted:
                continue
            self._counted.add(doc_id)
            try:
                annotated = self._repo.annotated(doc_id)
            except NotFoundError:
                continue
            text = annotated.document.text
            self._counts.update(t.text for t in tokenize(text) if t.is_word)
            self._base = None
            for span in annotated.spans:
                if span.id is not None and span.id not in self._span_text_of:
                    self._span_text_of[span.id] = span.text_in(text)
                    self._span_texts[span.text_in(text)] += 1
                    self._analyser = None

    # -- the analyser -----------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self._analyser is not None and self._document_id in self._counted

    def refresh(self) -> CliticAnalyser:
        """Bring the analyser up to date with the evidence (cheap when nothing changed)."""
        if self._document_id is not None and self._document_id not in self._counted:
            self._count()
        if self._base is None:
            self._base = CliticAnalyser(self._counts)
            self._analyser = None
        if self._analyser is None:
            self._analyser = self._base.with_spans([*self._span_texts, *self._project_span_texts])
        return self._analyser

    def snap(self, start: int, end: int) -> tuple[int, int, str] | None:
        """``(start, end, proclitic left out or "")`` for a selection, None if it holds no word."""
        result = snap(self._text, start, end, self.refresh())
        if result is None:
            return None
        return result.start, result.end, result.clitic.proclitic if result.clitic else ""
