"""Clitic evidence read and folded off the GUI thread (DESIGN.md §8, docs/adr/0025).

The evidence of the clitic analyser (ADR 0003) is token counts of the open document and its
neighbours, and the texts of spans: of those documents, and of the project's newest spans. On a
big project that is seconds to minutes of work (a window on a 5.8-million-character document
with a million spans froze 149 s at start), so a worker thread does it with its own read-only
connection, one short query at a time, and hands back plain values through Qt signals, which
arrive on the GUI thread. A newer request cancels the one running (checked between documents
and every few thousand tokens); closing the window cancels it too.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

from annotator.core.clitics import span_key
from annotator.core.errors import AnnotatorError, NotFoundError
from annotator.core.search import fold
from annotator.core.tokens import word_tokens
from annotator.store import Repository, open_project

log = logging.getLogger(__name__)

FIRST_DOCUMENTS_COUNTED = 40  # the first 40 documents by id: their tokens are counted too
PROJECT_SPANS = 20_000  # newest spans of the whole project whose texts are evidence
CHECK_EVERY = 20_000  # tokens or spans between two looks at the cancel flag


class Cancelled(Exception):
    """A newer request (or the window's closing) made this work useless."""


@dataclass(frozen=True, slots=True)
class DocumentEvidence:
    document_id: int
    counts: Counter[str] = field(hash=False)  # folded word -> occurrences
    span_keys: tuple[tuple[int, str], ...] = ()  # (span id, folded span text)


@dataclass(frozen=True, slots=True)
class Request:
    generation: int
    document_id: int | None
    counted: frozenset[int]  # documents whose tokens the window has counted already
    neighbours: bool
    project: bool


def document_evidence(
    repo: Repository, document_id: int, *, counted: bool, cancelled: Callable[[], bool]
) -> DocumentEvidence | None:
    """Folded token counts (unless ``counted``) and folded span texts of one document."""
    try:
        text = repo.document(document_id).text
    except NotFoundError:
        return None
    raw: Counter[str] = Counter()
    if not counted:
        for n, word in enumerate(word_tokens(text)):
            raw[word] += 1
            if n % CHECK_EVERY == 0 and cancelled():
                raise Cancelled
    counts: Counter[str] = Counter()
    for word, n in raw.items():
        counts[fold(word)] += n
    keys: dict[str, str] = {}  # raw span text -> key: a dense document repeats its names
    span_keys = []
    for n, (span_id, start, end) in enumerate(repo.span_places(document_id)):
        piece = text[start:end]
        key = keys.get(piece)
        if key is None:
            key = keys[piece] = span_key(piece)
        span_keys.append((span_id, key))
        if n % CHECK_EVERY == 0 and cancelled():
            raise Cancelled
    return DocumentEvidence(document_id, counts, tuple(span_keys))


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

    documentReady = Signal(object)  # DocumentEvidence
    projectReady = Signal(object)  # list[str]: folded texts of the project's newest spans
    finished = Signal(int)  # the generation of a request done (not cancelled)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._lock = threading.Lock()
        self._generation = 0
        self._request: Request | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    def request(
        self, document_id: int | None, counted: frozenset[int], *, neighbours: bool, project: bool
    ) -> int:
        """Replace any request not done yet; its generation, echoed by ``finished``."""
        with self._lock:
            self._generation += 1
            self._request = Request(self._generation, document_id, counted, neighbours, project)
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
            wanted = [] if request.document_id is None else [request.document_id]
            if request.neighbours:
                wanted += [
                    i for i in repo.document_ids()[:FIRST_DOCUMENTS_COUNTED] if i not in wanted
                ]
            for n, document_id in enumerate(wanted):
                if n == 1 and request.project:  # the open document first, then the project
                    self._project(repo, request)
                if n and document_id in request.counted:
                    continue
                found = document_evidence(
                    repo, document_id, counted=document_id in request.counted, cancelled=cancelled
                )
                if found is not None:
                    self._emit(request, self.documentReady, found)
            if request.project and len(wanted) <= 1:
                self._project(repo, request)

    def _project(self, repo: Repository, request: Request) -> None:
        keys = [span_key(text) for text in repo.span_texts(recent=PROJECT_SPANS)]
        self._emit(request, self.projectReady, keys)
