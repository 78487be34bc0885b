"""Clitic evidence read off the GUI thread (DESIGN.md §8, docs/adr/0025, 0045).

The evidence of the clitic analyser (ADR 0003) is kept in the project file (schema 4,
``store/evidence.py``): the folded word counts of the whole project, and each span's text. A
worker thread reads them with its own read-only connection and hands back plain values through
Qt signals, which arrive on the GUI thread: the spans of the open document by id (the window
keeps them right under its own edits) and the span texts of every other document, read in one
snapshot; then the word counts, read again only when the project's documents changed. A
request is made when a document opens and when another program changed the file (the
ProjectWatch notices it), so the evidence follows every span added, changed or removed. A
newer request cancels the one running (checked between reads and every few thousand spans);
closing the window cancels it too. Nothing here folds the texts of documents: the import did.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

from annotator.core.clitics import SpanEvidence, span_key
from annotator.core.errors import AnnotatorError
from annotator.store import Repository, open_project

log = logging.getLogger(__name__)

CHECK_EVERY = 20_000  # spans between two looks at the cancel flag


class Cancelled(Exception):
    """A newer request (or the window's closing) made this work useless."""


@dataclass(frozen=True, slots=True)
class SpanSnapshot:
    """The span evidence of the project as one read saw it, built on the worker thread."""

    generation: int
    document_id: int | None
    key_of: dict[int, str] = field(hash=False)  # span id -> folded text, the open document
    here: SpanEvidence = field(hash=False)  # the same keys, as evidence
    elsewhere: SpanEvidence = field(hash=False)  # every other document's span texts


@dataclass(frozen=True, slots=True)
class Request:
    generation: int
    document_id: int | None


def span_snapshot(
    repo: Repository, request: Request, cancelled: Callable[[], bool]
) -> SpanSnapshot:
    """The open document's span keys by id and the other documents' span texts, one snapshot."""
    keys: dict[str, str] = {}  # raw text -> key: a project repeats its names

    def key(text: str) -> str:
        found = keys.get(text)
        if found is None:
            found = keys[text] = span_key(text)
        return found

    with repo.reading():
        here_texts = [] if request.document_id is None else repo.span_texts_of(request.document_id)
        others = repo.span_text_counts(except_document=request.document_id)
    key_of: dict[int, str] = {}
    for n, (span_id, text) in enumerate(here_texts):
        key_of[span_id] = key(text)
        if n % CHECK_EVERY == 0 and cancelled():
            raise Cancelled
    here = SpanEvidence()
    here.add_keys(key_of.values())
    elsewhere = SpanEvidence()
    for n, (text, count) in enumerate(others):
        elsewhere.add_keys(repeat(key(text), count))
        if n % CHECK_EVERY == 0 and cancelled():
            raise Cancelled
    return SpanSnapshot(request.generation, request.document_id, key_of, here, elsewhere)


SWITCH_INTERVAL = 0.0005  # seconds a thread keeps the GIL while another waits for it
_turns = threading.Lock()
_running = 0
_default_interval = sys.getswitchinterval()


@contextmanager
def _short_turns() -> Iterator[None]:
    """While a worker runs, the GIL changes hands every SWITCH_INTERVAL instead of 5 ms: a
    key press then waits 0.5 ms for the worker's turn to end, not 5 ms, at each of the many
    times it gives the GIL away (every SQLite call does)."""
    global _running
    with _turns:
        _running += 1
        sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield
    finally:
        with _turns:
            _running -= 1
            if not _running:
                sys.setswitchinterval(_default_interval)


class EvidenceWorker(QObject):
    """Runs one request at a time on a thread of its own; emits what it found, piece by piece.

    Connect the signals to methods of a QObject of the GUI thread: they are then delivered
    there, in order, ``finished`` after the pieces of its request."""

    spansReady = Signal(object)  # SpanSnapshot
    countsReady = Signal(object)  # dict[str, int]: the project's folded word counts
    finished = Signal(int)  # the generation of a request done (not cancelled)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._lock = threading.Lock()
        self._generation = 0
        self._request: Request | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._documents: tuple[int, int] | None = None  # (count, max id) when counts were read

    def request(self, document_id: int | None) -> int:
        """Replace any request not done yet; its generation, echoed by ``finished``."""
        with self._lock:
            self._generation += 1
            self._request = Request(self._generation, document_id)
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(
                    target=self._run, name="clitic-evidence", daemon=True
                )
                self._thread.start()
            return self._generation

    def close(self) -> None:
        """Cancel what runs; nothing is emitted any more."""
        with self._lock:
            self._closed = True
            self._request = None

    def _run(self) -> None:
        try:
            with _short_turns():
                self._loop()
        finally:  # also after an unexpected error (logged by threading): the next request runs
            with self._lock:
                if self._thread is threading.current_thread():
                    self._thread = None

    def _loop(self) -> None:
        while True:
            with self._lock:
                request, self._request = self._request, None
                if request is None or self._closed:
                    self._thread = None
                    return
            try:
                self._work(request)
                self._emit(request, self.finished, request.generation)
            except Cancelled:
                continue
            except AnnotatorError as exc:  # locked, detached, gone: the next request retries
                log.warning("clitic evidence not read: %s", exc)

    def _cancelled(self, request: Request) -> bool:
        return self._closed or request.generation != self._generation

    def _emit(self, request: Request, signal: SignalInstance, value: object) -> None:
        if self._cancelled(request):
            raise Cancelled
        try:
            signal.emit(value)
        except RuntimeError:  # the window and this object are gone
            raise Cancelled from None

    def _work(self, request: Request) -> None:
        def cancelled() -> bool:
            return self._cancelled(request)

        with open_project(self.path, create=False, read_only=True) as repo:
            self._emit(request, self.spansReady, span_snapshot(repo, request, cancelled))
            # documents are only ever added: their number and highest id say if any came
            documents = (repo.count_documents(), max(repo.document_ids()[-1:], default=0))
            if documents != self._documents:
                counts = repo.token_counts()
                self._emit(request, self.countsReady, counts)
                self._documents = documents
