"""Import files and folders into a project: read every file, then add its documents.

A file that fails (InputError from its reader, a label the project does not know, a document the
store refuses) adds nothing and its error goes into the report; the other files still import.
Documents whose text is already in the project are skipped and counted. See docs/adr/0005.
A file of more than STREAM documents from a reader that streams (JSONL) is read and written
STREAM documents at a time, in one transaction for the whole file (docs/adr/0047).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar, cast

from annotator.core.boilerplate import BoilerplateRule
from annotator.core.errors import (
    AnnotatorError,
    Cancelled,
    InputError,
    ProjectFileError,
    ProjectLockedError,
    ValidationError,
    one_line,
)
from annotator.core.labels import name_error
from annotator.core.model import AnnotatedDocument, Kind, Label, LabelSet, Relation, Span
from annotator.formats import registry
from annotator.formats.base import (
    REPORT_FILE,
    ImportReport,
    Reader,
    ReaderWithNotes,
    StreamingReader,
)
from annotator.formats.plaintext import DROPPED, BoilerplateOptions
from annotator.ops.collecting import collect
from annotator.store import Repository, open_project
from annotator.store.guard import file_id

Progress = Callable[[int, int], None]
"""``progress(done, total)``: the CLI drives a click progress bar with it, the window a dialog."""

log = logging.getLogger(__name__)
_T = TypeVar("_T")

BATCH = 2000  # documents per transaction: each commit costs an fsync, so fewer and bigger
STREAM = 500  # documents held at a time of a file streamed (in its one transaction; ADR 0047)
BUG = "a bug in this program"  # in the one-line error of an unexpected exception (see _read)


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files to import: each file given, and every file under each folder (sorted, recursive,
    hidden files and folders skipped); plus an error for each path that does not exist."""
    found = collect(paths)
    return found.files, found.errors


def _not_the_project(
    repo: Repository, files: list[Path], walked: set[Path], report: ImportReport
) -> list[Path]:
    """``files`` without the open project and its journal, which are never read: opening and
    closing them in this process would drop the connection's locks (docs/adr/0016). A stat
    tells them apart."""
    own = repo.own_file_ids()
    kept = []
    for path in files:
        if file_id(path) not in own:
            kept.append(path)
        elif path in walked:
            report.notes.append(f"{path}: skipped, it is this project's own file")
        else:
            report.errors.append(f"{path}: is this project's own file, not an article")
    return kept


class UnknownFormat(InputError):
    """No reader recognises the file (by extension or content)."""


def reader_for(
    path: Path,
    fmt: str | None = None,
    *,
    keep_boilerplate: bool = False,
    rules: Iterable[BoilerplateRule] | None = None,
) -> Reader:
    """The reader for ``path`` (``fmt`` or detected), with the boilerplate options applied.

    UnknownFormat if no reader recognises the file."""
    if fmt is None:
        try:
            found = registry.detect(path)
        except InputError as exc:
            raise UnknownFormat(exc.reason, path=exc.path) from None
    else:
        try:
            found = registry.reader(fmt)
        except KeyError as exc:
            raise AnnotatorError(str(exc.args[0])) from None
    if isinstance(found, BoilerplateOptions):
        return cast(Reader, found.configured(keep_boilerplate=keep_boilerplate, rules=rules))
    return found


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


def _guarded(
    path: Path, what: str, report: ImportReport, call: Callable[..., _T], *args: object
) -> _T | None:
    """``call(*args)``; None with the file's one-line error in the report if it fails. An exception
    that is no InputError is a bug of ours (logged with its traceback): it refuses this file
    and the import goes on with the next one."""
    try:
        return call(*args)
    except InputError as exc:
        report.errors.append(str(exc))
    except OSError as exc:
        report.errors.append(f"{path}: cannot read the file: {exc.strerror or exc}")
    except (AnnotatorError, KeyboardInterrupt):
        raise
    except Exception as exc:
        log.exception("%s while %s %s", type(exc).__name__, what, path)
        report.errors.append(
            f"{path}: refused: {type(exc).__name__} while {what} it, {BUG} (the traceback is "
            f"in the log; please report it with the file): {str(exc)[:200]}"
        )
    return None


@dataclass(frozen=True, slots=True)
class _ReadFile:
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


class _Labels:
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


def import_paths(
    repo: Repository,
    paths: Sequence[str | Path],
    *,
    annotator: str = "",
    fmt: str | None = None,
    keep_boilerplate: bool = False,
    rules: Iterable[BoilerplateRule] | None = None,
    progress: Progress | None = None,
    follow_symlinks: bool = False,
    format_hint: str = "pass --format",
    credit_all: bool = False,
    reading: Callable[[int, int, Path], None] | None = None,
) -> ImportReport:
    """Import files and folders into ``repo``; the report says what was added and refused.

    Whose the imported work is: a span or relation keeps the annotator its file names, and
    ``annotator`` gets those that name none and the documents' statuses; with ``credit_all``,
    ``annotator`` gets every one of them, whatever the file says (docs/adr/0033).
    ``reading(done, total, path)`` is called before each file is read (the window names it).

    ``format_hint``: how the caller lets the user give the format of a file named explicitly
    whose format cannot be told (the window has a Format list, the command line --format).
    ImportStopped (with the report so far) if the project cannot be written part-way."""
    if fmt is not None and fmt not in registry.reader_names():
        raise AnnotatorError(
            f"no importer for format {fmt!r}; known: {', '.join(registry.reader_names())}"
        )
    found = collect(paths, follow_symlinks=follow_symlinks)
    report = ImportReport(errors=found.errors, notes=found.notes)
    files = _not_the_project(repo, found.files, found.walked, report)
    run = _Run(repo, annotator, report)
    boilerplate = {"keep_boilerplate": keep_boilerplate, "rules": rules}
    try:
        labels = _Labels(repo.labels())
        for done, path in enumerate(files, start=1):
            if reading is not None:  # may raise Cancelled: this file and those after it wait
                reading(done - 1, len(files), path)
            run.read = done
            reader = _guarded(
                path, "detecting the format of", report, _detect, path, fmt, boilerplate
            )
            if isinstance(reader, UnknownFormat):
                if path in found.walked:  # a file the user did not name (a README, a picture...)
                    why = (
                        reader.reason
                        if path.name == REPORT_FILE
                        else "not in a format this program reads"
                    )
                    report.notes.append(f"{path}: skipped, {why}")
                elif reader.reason == registry.UNKNOWN_FORMAT:
                    report.errors.append(f"{reader}; {format_hint}")
                else:
                    report.errors.append(str(reader))
            elif reader is not None:
                run.streaming = None
                _guarded(path, "reading", report, run.take, path, reader, labels, credit_all)
            if progress is not None:
                progress(done, len(files))
        run.flush()
    except (ProjectLockedError, ProjectFileError) as exc:
        raise run.stopped(exc, files) from exc
    except Cancelled as exc:  # between files: the files read so far go in, the rest wait
        run.flush()
        raise run.stopped(exc, files, again="import again to add the rest") from exc
    finally:
        report.errors[:] = [one_line(e) for e in report.errors]
        report.notes[:] = [one_line(n) for n in report.notes]
    return report


def _detect(path: Path, fmt: str | None, boilerplate: dict[str, Any]) -> Reader | UnknownFormat:
    try:
        if fmt is not None and path.name == REPORT_FILE:
            registry.detect(path)  # an export's report is no document, whatever the format
        return reader_for(path, fmt, **boilerplate)
    except UnknownFormat as exc:
        return exc
    except InputError as exc:
        return UnknownFormat(exc.reason, path=exc.path)


class _Run:
    """The files read and not yet added, added BATCH documents per transaction; a file of more
    than STREAM documents that its reader streams is added alone, STREAM at a time, in one
    transaction."""

    def __init__(self, repo: Repository, annotator: str, report: ImportReport) -> None:
        self.repo = repo
        self.annotator = annotator
        self.report = report
        self.pending: list[_ReadFile] = []
        self.waiting = 0  # documents in pending
        self.added: list[Path] = []  # files whose documents are in the project
        self.read = 0  # files read (or refused) so far
        self.streaming: Path | None = None  # the file being streamed into the project

    def take(self, path: Path, reader: Reader, labels: _Labels, credit_all: bool) -> None:
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
        self.queue(_ReadFile(path, docs, labels.take(docs, new)))

    def _stream(
        self, path: Path, docs: Iterator[AnnotatedDocument], labels: _Labels, credit_all: bool
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
                    new_docs, dup = repo.add_documents(
                        batch, annotator=self.annotator, batch=len(batch)
                    )
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
        self.added.append(path)

    def queue(self, read: _ReadFile) -> None:
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

    def _commit(self, files: list[_ReadFile]) -> None:
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
            added, duplicates = repo.add_documents(
                docs, annotator=self.annotator, batch=max(1, len(docs))
            )
        report.notes.extend(notes)
        spans = {d.document.text: len(d.spans) for d in docs}
        report.imported += len(added)
        report.duplicates += duplicates
        report.spans += sum(spans[d.text] for d in added)
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


def _name(doc: AnnotatedDocument) -> str:
    return f"document {doc.document.title!r}" if doc.document.title else "a document"


def _dropped_notes(path: Path, docs: list[AnnotatedDocument]) -> list[str]:
    notes = []
    for doc in docs:
        dropped = doc.document.meta.get(DROPPED)
        if dropped:
            notes.append(f"{path}: {len(dropped)} boilerplate line(s) dropped")
    return notes


def seed_project(project: Path, seed_dir: Path, *, annotator: str = "") -> ImportReport | None:
    """Create ``project`` from the files in ``seed_dir`` if it does not exist yet (first run)."""
    if project.exists():
        return None
    project.parent.mkdir(parents=True, exist_ok=True)
    with open_project(project, create=True) as repo:
        return import_paths(repo, [seed_dir], annotator=annotator)
