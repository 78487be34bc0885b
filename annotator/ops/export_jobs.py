"""An export rendered in several processes (docs/adr/0052).

A token format spends nearly all of an export in Python (tokens, tags, JSON), one core at a
time. When the selection is big enough and the writer renders each document on its own
(``RenderingWriter``), this process finds the batches' ids, worker processes read and render
the batches (each opens the project read-only), and this process writes the pieces in document
order: the file is byte for byte the one a single process writes, and so is the report.

At most ``AHEAD`` batches a worker are rendered ahead of the writing, so memory stays flat in
the number of documents. Workers start with ``spawn`` (never ``fork``: the window's process has
Qt's threads), so starting them costs their imports (about half a second): small exports stay
in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import LabelSet, Status
from annotator.formats import registry
from annotator.formats.base import ExportOptions, ExportReport, RenderingWriter
from annotator.formats.token_tags import SEGMENT, RememberingSplitter
from annotator.store import Repository, open_project

PARALLEL_FROM = 24  # batches (of up to 500 documents): fewer stay in this process
MAX_JOBS = 4  # worker processes at most, whatever the machine has
AHEAD = 2  # batches a worker may have rendered before the writing takes them


class ExportJobError(AnnotatorError):
    """A worker process failed (its error, as it said it) or died."""


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs, sent once when it starts."""

    path: str
    fmt: str
    labels: LabelSet
    options: ExportOptions
    status: Status | None
    annotator: str | None
    span_labels: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Rendered:
    """One batch as its worker rendered it, and what it counted on the way."""

    data: bytes  # the batch's pieces joined, UTF-8 (this process writes it as it is)
    report: ExportReport
    documents: int
    spans: int  # kept in the exported documents
    spans_left_out: int  # by the annotator or label filter
    relations_left_out: int


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def job_count(requested: int | None, batches: int) -> int:
    """Worker processes for an export of ``batches`` batches: ``requested`` if given (1: none,
    this process renders), else one a usable core (at most ``MAX_JOBS``) from
    ``PARALLEL_FROM`` batches on, else 1."""
    if requested is not None:
        if requested < 1:
            raise AnnotatorError(f"--jobs must be 1 or more, not {requested}")
        return requested
    if batches < PARALLEL_FROM:
        return 1
    return max(1, min(MAX_JOBS, usable_cpus()))


def can_render_apart(writer: object, repo: Repository) -> bool:
    """The writer renders documents one by one and the project is a file workers can open."""
    return isinstance(writer, RenderingWriter) and Path(repo.path).is_file()


def job_of(
    repo: Repository,
    fmt: str,
    labels: LabelSet,
    options: ExportOptions,
    *,
    status: Status | None,
    annotator: str | None,
    span_labels: Collection[str] | None,
) -> Job:
    return Job(
        path=str(repo.path),
        fmt=fmt,
        labels=labels,
        options=options,
        status=status,
        annotator=annotator,
        span_labels=frozenset(span_labels) if span_labels is not None else None,
    )


def rendered_batches(job: Job, batches: Iterable[list[int]], jobs: int) -> Iterator[Rendered]:
    """Each batch of ids rendered by one of ``jobs`` worker processes, given back in the
    batches' order. Closing the iterator early (the writer failed) cancels what is queued;
    the workers stop when the pool shuts down."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(job,))
    pending: deque[Future[Rendered]] = deque()
    try:
        for ids in batches:
            pending.append(pool.submit(_render, ids))
            if len(pending) >= jobs * AHEAD:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[Rendered]) -> Rendered:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ExportJobError(
            f"an export process stopped unexpectedly ({exc}); nothing was written"
            " (annotator export --jobs 1 exports in one process)"
        ) from None


# --- in the worker ----------------------------------------------------------------------------

_job: Job | None = None
_repo: Repository | None = None


def _start(job: Job) -> None:
    global _job, _repo
    options = job.options
    if options.tokens == SEGMENT and options.clitics is not None:  # remembered across batches
        options = replace(options, clitics=RememberingSplitter(options.clitics))
    _job = replace(job, options=options)
    _repo = open_project(job.path, create=False, read_only=True)


def _render(ids: list[int]) -> Rendered:
    assert _job is not None and _repo is not None, "the worker did not start"
    try:
        writer = registry.writer(_job.fmt)
        assert isinstance(writer, RenderingWriter)
        reads = list(
            _repo.export_reads(
                status=_job.status,
                annotator=_job.annotator,
                labels=_job.span_labels,
                ids=ids,
                suggestions=_job.options.with_suggestions,
            )
        )
        docs = [read.document for read in reads]
        report = ExportReport(format=_job.fmt)
        data = "".join(writer.render(docs, _job.labels, _job.options, report)).encode("utf-8")
    except AnnotatorError as exc:  # its own class may not survive pickling: its words do
        raise ExportJobError(str(exc)) from None
    return Rendered(
        data=data,
        report=report,
        documents=len(docs),
        spans=sum(len(doc.spans) for doc in docs),
        spans_left_out=sum(read.spans_left_out for read in reads),
        relations_left_out=sum(read.relations_left_out for read in reads),
    )
