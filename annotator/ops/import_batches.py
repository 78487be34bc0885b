"""The files an import has read, added to the project in transactions (docs/adr/0005, 0047).

Files read whole are pooled, ``BATCH`` documents a transaction (one fsync for many small
files); a file of more than ``STREAM`` documents from a streaming reader is written alone,
``STREAM`` at a time, in one transaction of its own. A refused file adds nothing (its labels
neither); when the project stops taking writes part-way, ``Batches.stopped`` says what went in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError, ValidationError, one_line
from annotator.core.labels import name_error
from annotator.core.model import AnnotatedDocument, Kind, Label, LabelSet, Relation, Span
from annotator.formats.base import ImportReport, Reader, ReaderWithNotes, StreamingReader
from annotator.formats.plaintext import DROPPED
from annotator.store import Repository
from annotator.store.attaching import Attached

BATCH = 2000  # documents per transaction: each commit costs an fsync, so fewer and bigger
STREAM = 500  # documents held at a time of a file streamed (in its one transaction; ADR 0047)


def _read(
    path: Path, reader: Reader, labels: LabelSet, report: ImportReport
) -> tuple[list[AnnotatedDocument], dict[str, Kind]]:
    """The whole file's documents and the labels they bring; InputError if it is refused."""
    if isinstance(reader, ReaderWithNotes):
        docs, notes = reader.read_with_notes(path, labels)
        report.notes.extend(f"{path}: {note}" for note in notes)
    else:
        docs = reader.read(path, labels)
    return resolve_labels(docs, labels, path)


@dataclass(frozen=True, slots=True)
class ReadFile:
    path: Path
    docs: list[AnnotatedDocument]
    labels: dict[str, Kind]  # labels its spans use that the project lacks, added with them


class ImportStopped(AnnotatorError):
    """The project refused to be written part-way (locked by another program, read-only, disk
    full): the message says what was already imported; ``report`` is that part's report."""

    def __init__(self, cause: AnnotatorError, report: ImportReport, message: str) -> None:
        super().__init__(message)
        self.cause = cause
        self.report = report


class BroughtLabels:
    """The project's labels, and those the files read so far bring (added with their
    documents, in one transaction, so that a refused file adds none)."""

    def __init__(self, stored: LabelSet) -> None:
        self.stored = stored
        self.known = stored
        self.brought: dict[str, Kind] = {}

    def take(self, docs: list[AnnotatedDocument], new: dict[str, Kind]) -> dict[str, Kind]:
        """Remember the labels a file brings; the ones its documents need from the store."""
        if new:
            self.brought.update(new)
            order = len(self.known)
            extra = [
                Label(n, k, "#cccccc", None, order + i) for i, (n, k) in enumerate(new.items())
            ]
            self.known = LabelSet((*self.known.labels, *extra))
        used = {span.label for doc in docs for span in doc.spans}
        return {name: self.brought[name] for name in sorted(used) if name not in self.stored}


class Batches:
    """The files read and not yet added, added BATCH documents per transaction; a file of more
    than STREAM documents that its reader streams is added alone, STREAM at a time, in one
    transaction."""

    def __init__(
        self, repo: Repository, annotator: str, report: ImportReport, *, attach: bool = False
    ) -> None:
        self.repo = repo
        self.annotator = annotator
        self.attach = attach  # a duplicate's spans go to the text already here (ADR 0071)
        self.report = report
        self.pending: list[ReadFile] = []
        self.waiting = 0  # documents in pending
        self.added: list[Path] = []  # files whose documents are in the project
        self.read = 0  # files read (or refused) so far
        self.streaming: Path | None = None  # the file being streamed into the project

    def take(self, path: Path, reader: Reader, labels: BroughtLabels, credit_all: bool) -> None:
        """Read the file at ``path`` and queue its documents, or stream it into the project when
        it holds more than STREAM of them. InputError if the file is refused (nothing added)."""
        known = labels.known
        stream = reader.stream(path, known) if isinstance(reader, StreamingReader) else None
        if stream is None:
            docs, new = _read(path, reader, known, self.report)
        else:
            docs = list(islice(stream, STREAM + 1))
            if len(docs) > STREAM:
                self._stream(path, chain(docs, stream), labels, credit_all)
                return
            docs, new = resolve_labels(docs, known, path)
        if credit_all:
            docs = [credited(doc, self.annotator) for doc in docs]
        self.report.notes.extend(_dropped_notes(path, docs))
        self.queue(ReadFile(path, docs, labels.take(docs, new)))

    def _stream(
        self, path: Path, docs: Iterator[AnnotatedDocument], labels: BroughtLabels, credit_all: bool
    ) -> None:
        """Add the file's documents STREAM at a time, reading on between the batches, in one
        transaction: an error on any line (InputError, raised) or a document the store refuses
        (reported) leaves nothing of the file in the project."""
        self.flush()  # the files read before it go in first, as they came
        self.streaming = path
        repo, known = self.repo, labels.known
        seen: dict[str, Kind] = {}  # the labels the file brings, for a kind given twice
        notes: list[str] = []
        added = duplicates = spans = 0
        attaching: list[Attached] = []
        try:
            with repo.transaction():
                have = set(repo.labels().names)
                while batch := list(islice(docs, STREAM)):
                    batch, new = resolve_labels(batch, known, path, seen)
                    if credit_all:
                        batch = [credited(doc, self.annotator) for doc in batch]
                    notes.extend(_dropped_notes(path, batch))
                    for name, kind in labels.take(batch, new).items():
                        if name not in have:
                            repo.ensure_label(name, kind)
                            have.add(name)
                            notes.append(f"{path}: label {name} added to the project ({kind})")
                    new_docs, dup, attached = repo.add_or_attach(
                        batch, annotator=self.annotator, attach=self.attach, batch=len(batch)
                    )
                    notes.extend(attached_notes(path, attached))
                    attaching.extend(attached)
                    count = {d.document.text: len(d.spans) for d in batch}
                    added += len(new_docs)
                    duplicates += dup
                    spans += sum(count[d.text] for d in new_docs)
        except ValidationError as exc:
            self.report.errors.append(f"{path}: {exc}")
            self.streaming = None
            return
        self.streaming = None
        self.report.notes.extend(notes)
        self.report.imported += added
        self.report.duplicates += duplicates
        self.report.spans += spans
        self._count(attaching)
        self.added.append(path)

    def _count(self, attached: list[Attached]) -> None:
        """A duplicate that brought something counts as attached, not as skipped."""
        brought = [a for a in attached if a.brought]
        self.report.duplicates -= len(brought)
        self.report.attached += len(brought)
        self.report.attached_spans += sum(a.spans for a in brought)

    def queue(self, read: ReadFile) -> None:
        self.pending.append(read)
        self.waiting += len(read.docs)
        if self.waiting >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Add the pending files in one transaction; if the store refuses one of them, add
        file by file so that only the file at fault is left out."""
        if not self.pending:
            return
        try:
            self._commit(self.pending)
        except ValidationError:
            for f in list(self.pending):
                try:
                    self._commit([f])
                except ValidationError as exc:
                    self.report.errors.append(f"{f.path}: {exc}")
                self.pending.remove(f)
        self.pending, self.waiting = [], 0

    def _commit(self, files: list[ReadFile]) -> None:
        repo, report = self.repo, self.report
        docs = [d for f in files for d in f.docs]
        notes = []
        with repo.transaction():
            have = set(repo.labels().names)
            for f in files:
                for name, kind in f.labels.items():
                    if name not in have:
                        repo.ensure_label(name, kind)
                        have.add(name)
                        notes.append(f"{f.path}: label {name} added to the project ({kind})")
            added, duplicates, attached = repo.add_or_attach(
                docs, annotator=self.annotator, attach=self.attach, batch=max(1, len(docs))
            )
        where = {id(d): f.path for f in files for d in f.docs}
        by_file: dict[Path, list[Attached]] = {}
        for a in attached:
            by_file.setdefault(where[id(a.source)], []).append(a)
        for path, some in by_file.items():
            notes.extend(attached_notes(path, some))
        report.notes.extend(notes)
        spans = {d.document.text: len(d.spans) for d in docs}
        report.imported += len(added)
        report.duplicates += duplicates
        report.spans += sum(spans[d.text] for d in added)
        self._count(attached)
        self.added.extend(f.path for f in files)

    def stopped(
        self,
        cause: AnnotatorError,
        files: list[Path],
        again: str = "import again once the project can be written",
    ) -> ImportStopped:
        """The error saying what was imported before ``cause`` stopped the import."""
        report = self.report
        left = [f.path for f in self.pending] + files[self.read :]
        if self.streaming is not None:
            left.insert(0, self.streaming)
        if self.added:
            what = (
                f"{report.imported} document(s) from {len(self.added)} file(s) were imported, "
                f"the last {self.added[-1]}"
            )
        else:
            what = "nothing was imported"
        if left:
            what += f"; not imported: {left[0]}"
        if len(left) > 1:
            what += f" and {len(left) - 1} file(s) after it"
        message = (
            f"{cause} — the import stopped: {what}; {again}"
            " (documents already in it are skipped as duplicates)"
        )
        report.errors[:] = [one_line(e) for e in report.errors]
        report.notes[:] = [one_line(n) for n in report.notes]
        return ImportStopped(cause, report, one_line(message))


def resolve_labels(
    docs: list[AnnotatedDocument],
    labels: LabelSet,
    path: Path,
    seen: dict[str, Kind] | None = None,
) -> tuple[list[AnnotatedDocument], dict[str, Kind]]:
    """The labels the file brings: each span's label is the project's, or one the reader found
    with a kind (``AnnotatedDocument.new_labels``); anything else is an error naming the file.

    Returns the documents unchanged (their spans' attributes are the annotator's own) and the
    labels to add, each with its kind. ``seen``: the labels earlier batches of the same file
    brought (updated; those are not returned again).
    """
    earlier: dict[str, Kind] = {} if seen is None else seen
    new: dict[str, Kind] = {}
    for doc in docs:
        for span in doc.spans:
            if span.label in labels:
                continue
            kind = doc.new_labels.get(span.label)
            if kind is None:
                raise InputError(
                    f"unknown label {span.label!r} in {_name(doc)}; the project has "
                    f"{', '.join(labels.names)}",
                    path=str(path),
                )
            first = earlier.get(span.label) or new.setdefault(span.label, kind)
            if first != kind:
                raise InputError(
                    f"label {span.label!r} comes as both {first} and {kind}",
                    path=str(path),
                )
    for name in new:
        problem = name_error(name)
        if problem is not None:
            raise InputError(problem, path=str(path))
    earlier.update(new)
    return docs, new


def credited(doc: AnnotatedDocument, annotator: str) -> AnnotatedDocument:
    """``doc`` with every span and relation credited to ``annotator``. The same span of two
    annotators becomes one (the first; relations to the others go to it)."""
    spans: list[Span] = []
    kept: dict[tuple[int, int, str], Span] = {}
    same: dict[int, int] = {}  # span id -> the id of the span kept for it
    for span in doc.spans:
        first = kept.get((span.start, span.end, span.label))
        if first is None:
            first = kept[(span.start, span.end, span.label)] = span
            spans.append(dataclasses.replace(span, annotator=annotator))
        if span.id is not None and first.id is not None:
            same[span.id] = first.id
    relations: dict[tuple[str, int, int], Relation] = {}
    for r in doc.relations:
        source, target = same.get(r.source_id, r.source_id), same.get(r.target_id, r.target_id)
        if source != target:
            relations.setdefault(
                (r.type, source, target),
                dataclasses.replace(r, source_id=source, target_id=target, annotator=annotator),
            )
    return dataclasses.replace(doc, spans=tuple(spans), relations=tuple(relations.values()))


def attached_notes(path: Path, attached: list[Attached]) -> list[str]:
    """One line per duplicate that brought something ("attached 12 spans of NAME to <title>
    (same text)"), and one for those whose work was all here already."""
    notes = []
    idle = [a for a in attached if not a.brought]
    if idle:
        notes.append(
            f"{path}: {_plural(len(idle), 'document')} with the same text and the same work of "
            f"{idle[0].annotator} here already: nothing attached"
        )
    for a in attached:
        title = repr(a.title) if a.title else f"document {a.document_id}"
        if not a.brought:
            continue
        what = f"attached {_plural(a.spans, 'span')} of {a.annotator} to {title} (same text"
        if a.already:
            what += f"; {a.already} already there"
        what += ")"
        if a.relations:
            what += f", {_plural(a.relations, 'link')}"
        if a.status is not None:
            what += f", status {a.status.value}"
        notes.append(f"{path}: {what}")
    return notes


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _name(doc: AnnotatedDocument) -> str:
    return f"document {doc.document.title!r}" if doc.document.title else "a document"


def _dropped_notes(path: Path, docs: list[AnnotatedDocument]) -> list[str]:
    notes = []
    for doc in docs:
        dropped = doc.document.meta.get(DROPPED)
        if dropped:
            notes.append(f"{path}: {len(dropped)} boilerplate line(s) dropped")
    return notes
