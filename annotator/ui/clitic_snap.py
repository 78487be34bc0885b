"""Feeds the core clitic analyser with the project's evidence and snaps selections with it.

Evidence (DESIGN.md §4, ADR 0003): span texts first, then token frequency. The counts come from
the open document and the first ``evidence.FIRST_DOCUMENTS_COUNTED`` documents by id (each
counted once); span texts from those documents, from the project's 20,000 newest spans, and from
every edit.

Nothing of it is read on the GUI thread (docs/adr/0025): opening a document asks the
``EvidenceWorker`` for what is missing, and its results are merged here as they arrive, on the
GUI thread. The analyser reads the live counts and span evidence, so it is never rebuilt: an
edit adds or removes one folded text, and a label key pressed before the evidence arrived
snaps with what is known (the selection still grows to whole words).
"""

from __future__ import annotations

from collections import Counter

from annotator.core.clitics import CliticAnalyser, SpanEvidence, snap, span_key
from annotator.core.model import StoredSpan
from annotator.ui.evidence import DocumentEvidence, EvidenceWorker


class Snapper:
    def __init__(self, worker: EvidenceWorker) -> None:
        self._worker = worker
        self._text = ""
        self._document_id: int | None = None
        self._counts: Counter[str] = Counter()  # folded word -> occurrences, counted documents
        self._counted: set[int] = set()
        self._session = SpanEvidence()  # spans by id: of counted documents and of edits
        self._key_of: dict[int, str] = {}
        self._gone: set[int] = set()  # removed here: a late evidence must not bring them back
        self._project = SpanEvidence()  # the project's newest span texts, read once
        self._project_loaded = False
        self._neighbours_done = False  # a request that counted the neighbours finished
        self._waiting: int | None = None  # generation of the request not answered yet
        self._with_neighbours: int | None = None  # ... and of the one asking for neighbours
        self._analyser = CliticAnalyser.live(self._counts, self._session, self._project)

    # -- what the window tells ----------------------------------------------------------------
    def set_document(self, document_id: int | None, text: str, spans: list[StoredSpan]) -> None:
        """The open document; asks the worker for the evidence it lacks (nothing read here)."""
        self._document_id = document_id
        self._text = text
        unknown = any(s.id not in self._key_of for s in spans)
        if document_id is None:
            return
        complete = self._project_loaded and self._neighbours_done
        if document_id in self._counted and not unknown and complete:
            return
        self._waiting = self._worker.request(
            document_id,
            frozenset(self._counted),
            neighbours=not self._neighbours_done,
            project=not self._project_loaded,
        )
        if not self._neighbours_done:
            self._with_neighbours = self._waiting

    def add_span(self, span: StoredSpan) -> None:
        """A span added or changed by an edit in the open document."""
        new = span_key(span.text_in(self._text))
        old = self._key_of.get(span.id)
        if old == new:
            return
        if old is not None:
            self._session.remove_key(old)
        self._key_of[span.id] = new
        self._gone.discard(span.id)
        self._session.add_keys([new])

    def remove_span(self, span_id: int) -> None:
        old = self._key_of.pop(span_id, None)
        self._gone.add(span_id)
        if old is not None:
            self._session.remove_key(old)

    def close(self) -> None:
        self._worker.close()

    # -- what the worker found (delivered on the GUI thread) ---------------------------------
    def take_document(self, found: DocumentEvidence) -> None:
        if found.document_id not in self._counted:
            self._counted.add(found.document_id)
            self._counts.update(found.counts)
        fresh = [
            (i, k) for i, k in found.span_keys if i not in self._key_of and i not in self._gone
        ]
        self._key_of.update(fresh)
        self._session.add_keys(k for _, k in fresh)

    def take_project(self, keys: list[str]) -> None:
        if not self._project_loaded:
            self._project_loaded = True
            self._project.add_keys(keys)

    def take_finished(self, generation: int) -> None:
        if generation == self._with_neighbours:
            self._neighbours_done = True
        if generation == self._waiting:
            self._waiting = None

    # -- the analyser -----------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """All the evidence asked for has arrived."""
        return self._waiting is None and (
            self._document_id is None or self._document_id in self._counted
        )

    def refresh(self) -> CliticAnalyser:
        """The analyser: always current (it reads the live evidence)."""
        return self._analyser

    def snap(self, start: int, end: int) -> tuple[int, int, str] | None:
        """``(start, end, proclitic left out or "")`` for a selection, None if it holds no word."""
        result = snap(self._text, start, end, self._analyser)
        if result is None:
            return None
        return result.start, result.end, result.clitic.proclitic if result.clitic else ""
