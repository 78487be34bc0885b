"""Feeds the core clitic analyser with the project's evidence and snaps selections with it.

Evidence (DESIGN.md §4, ADR 0003): span texts first, then token frequency, both over the whole
project (docs/adr/0045): the folded word counts the import keeps in the project file, the spans
of the open document by id, and the span texts of every other document.

Nothing of it is read on the GUI thread (docs/adr/0025): opening a document, or another
program's change to the file, asks the ``EvidenceWorker`` for a new snapshot, and it is swapped
in here when it arrives, on the GUI thread. The window's own edits change the evidence at once
(an edit adds or removes one folded text) and are laid again over a snapshot that was asked for
before them, so a snapshot never takes an edit back. A label key pressed before the evidence
arrived snaps with what is known (the selection still grows to whole words).
"""

from __future__ import annotations

from annotator.core.clitics import CliticAnalyser, SpanEvidence, snap, span_key
from annotator.core.model import StoredSpan
from annotator.ui.evidence import EvidenceWorker, SpanSnapshot


class Snapper:
    def __init__(self, worker: EvidenceWorker) -> None:
        self._worker = worker
        self._text = ""
        self._document_id: int | None = None
        self._counts: dict[str, int] = {}  # folded word -> occurrences in the project
        self._here = SpanEvidence()  # the open document's spans, by id in _key_of
        self._key_of: dict[int, str] = {}
        self._elsewhere = SpanEvidence()  # every other document's span texts
        # the window's edits since the last request: span id -> its key now (None: removed)
        self._touched: dict[int, str | None] = {}
        self._waiting: int | None = None  # generation of the request not answered yet
        self._analyser = self._new_analyser()

    def _new_analyser(self) -> CliticAnalyser:
        return CliticAnalyser.live(self._counts, self._here, self._elsewhere)

    # -- what the window tells ----------------------------------------------------------------
    def set_document(self, document_id: int | None, text: str, spans: list[StoredSpan]) -> None:
        """The open document; asks the worker for its evidence (nothing read here)."""
        changed = document_id != self._document_id
        self._document_id = document_id
        self._text = text
        if changed or self._waiting is None:
            self.reload()

    def reload(self) -> None:
        """Another program changed the project (or a document opened): a new snapshot."""
        self._touched = {}
        self._waiting = self._worker.request(self._document_id)

    def add_span(self, span: StoredSpan) -> None:
        """A span added or changed by an edit in the open document."""
        new = span_key(span.text_in(self._text))
        self._touched[span.id] = new
        old = self._key_of.get(span.id)
        if old == new:
            return
        if old is not None:
            self._here.remove_key(old)
        self._key_of[span.id] = new
        self._here.add_keys([new])

    def remove_span(self, span_id: int) -> None:
        self._touched[span_id] = None
        old = self._key_of.pop(span_id, None)
        if old is not None:
            self._here.remove_key(old)

    def close(self) -> None:
        self._worker.close()

    # -- what the worker found (delivered on the GUI thread) ---------------------------------
    def take_spans(self, found: SpanSnapshot) -> None:
        """A snapshot of the span texts: swapped in, the window's later edits laid over it."""
        if found.generation != self._waiting:
            return  # an older request's: the newer one comes
        key_of, here = found.key_of, found.here
        for span_id, key in self._touched.items():
            old = key_of.pop(span_id, None)
            if old is not None:
                here.remove_key(old)
            if key is not None:
                key_of[span_id] = key
                here.add_keys([key])
        self._key_of, self._here, self._elsewhere = key_of, here, found.elsewhere
        self._analyser = self._new_analyser()

    def take_counts(self, counts: dict[str, int]) -> None:
        self._counts = counts
        self._analyser = self._new_analyser()

    def take_finished(self, generation: int) -> None:
        if generation == self._waiting:
            self._waiting = None

    # -- the analyser -----------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """All the evidence asked for has arrived."""
        return self._waiting is None

    def refresh(self) -> CliticAnalyser:
        """The analyser over the evidence known now (a new one after each snapshot)."""
        return self._analyser

    def snap(self, start: int, end: int) -> tuple[int, int, str] | None:
        """``(start, end, proclitic left out or "")`` for a selection, None if it holds no word."""
        result = snap(self._text, start, end, self._analyser)
        if result is None:
            return None
        return result.start, result.end, result.clitic.proclitic if result.clitic else ""
