"""Import files and folders into a project: read every file fully, then add its documents.

A file that fails (InputError from its reader, a label the project does not know, a document the
store refuses) adds nothing and its error goes into the report; the other files still import.
Documents whose text is already in the project are skipped and counted. See docs/adr/0005.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from annotator.core.boilerplate import BoilerplateRule
from annotator.core.errors import AnnotatorError, InputError, ValidationError
from annotator.core.labels import name_error
from annotator.core.model import AnnotatedDocument, Kind, LabelSet
from annotator.formats import registry
from annotator.formats.base import ImportReport, Reader, ReaderWithNotes
from annotator.formats.plaintext import DROPPED, BoilerplateOptions
from annotator.store import Repository, open_project
from annotator.store.guard import file_id

Progress = Callable[[int, int], None]
"""``progress(done, total)``: the CLI drives a click progress bar with it, the window a dialog."""

BATCH = 2000  # documents per transaction: each commit costs an fsync, so fewer and bigger


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files to import: each file given, and every file under each folder (sorted, recursive,
    hidden files and folders skipped); plus an error for each path that does not exist."""
    return _collect(paths)[:2]


def _collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[str], set[Path]]:
    files: list[Path] = []
    errors: list[str] = []
    walked: set[Path] = set()  # files found in a folder (not named by the user)
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            # a brat pair is read through its .ann: its .txt is not a document of its own
            anns = {p.with_suffix("") for p in found if p.suffix.lower() == ".ann"}
            found = [
                p for p in found if not (p.suffix.lower() == ".txt" and p.with_suffix("") in anns)
            ]
            if not found:
                errors.append(f"{path}: no files in this folder")
            files.extend(found)
            walked.update(found)
        elif path.is_file():
            files.append(path)
        else:
            errors.append(f"{path}: no such file or folder")
    return files, errors, walked


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
    reader: Reader, path: Path, labels: LabelSet, report: ImportReport
) -> tuple[list[AnnotatedDocument], dict[str, Kind]] | None:
    """The file's documents and the labels they bring; None (error reported) if it is refused."""
    try:
        if isinstance(reader, ReaderWithNotes):
            docs, notes = reader.read_with_notes(path, labels)
            report.notes.extend(f"{path}: {note}" for note in notes)
        else:
            docs = reader.read(path, labels)
        return resolve_labels(docs, labels, path)
    except InputError as exc:
        report.errors.append(str(exc))
        return None


@dataclass(frozen=True, slots=True)
class _ReadFile:
    path: Path
    docs: list[AnnotatedDocument]


def import_paths(
    repo: Repository,
    paths: Sequence[str | Path],
    *,
    annotator: str = "",
    fmt: str | None = None,
    keep_boilerplate: bool = False,
    rules: Iterable[BoilerplateRule] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import files and folders into ``repo``; the report says what was added and refused."""
    if fmt is not None and fmt not in registry.reader_names():
        raise AnnotatorError(
            f"no importer for format {fmt!r}; known: {', '.join(registry.reader_names())}"
        )
    files, errors, walked = _collect(paths)
    report = ImportReport(errors=errors)
    files = _not_the_project(repo, files, walked, report)
    labels = repo.labels()
    pending: list[_ReadFile] = []
    waiting = 0  # documents in pending
    for done, path in enumerate(files, start=1):
        try:
            reader = reader_for(path, fmt, keep_boilerplate=keep_boilerplate, rules=rules)
        except UnknownFormat as exc:
            if path in walked:  # a file the user did not name (a README, a picture...)
                report.notes.append(f"{path}: skipped, not in a format this program reads")
            else:
                report.errors.append(str(exc))
        else:
            read = _read(reader, path, labels, report)
            if read is not None and _add_labels(repo, path, read[1], report):
                docs = read[0]
                if read[1]:
                    labels = repo.labels()
                report.notes.extend(_dropped_notes(path, docs))
                pending.append(_ReadFile(path, docs))
                waiting += len(docs)
                if waiting >= BATCH:
                    _add(repo, pending, annotator, report)
                    pending, waiting = [], 0
        if progress is not None:
            progress(done, len(files))
    _add(repo, pending, annotator, report)
    return report


def _add_labels(repo: Repository, path: Path, new: dict[str, Kind], report: ImportReport) -> bool:
    """Add the labels a file brings; False (the file refused) if the store refuses one."""
    try:
        for name, kind in new.items():
            repo.ensure_label(name, kind)
            report.notes.append(f"{path}: label {name} added to the project ({kind})")
    except ValidationError as exc:
        report.errors.append(f"{path}: {exc}")
        return False
    return True


def resolve_labels(
    docs: list[AnnotatedDocument], labels: LabelSet, path: Path
) -> tuple[list[AnnotatedDocument], dict[str, Kind]]:
    """The labels the file brings: each span's label is the project's, or one the reader found
    with a kind (``AnnotatedDocument.new_labels``); anything else is an error naming the file.

    Returns the documents unchanged (their spans' attributes are the annotator's own) and the
    labels to add, each with its kind.
    """
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
            if new.setdefault(span.label, kind) != kind:
                raise InputError(
                    f"label {span.label!r} comes as both {new[span.label]} and {kind}",
                    path=str(path),
                )
    for name in new:
        problem = name_error(name)
        if problem is not None:
            raise InputError(problem, path=str(path))
    return docs, new


def _name(doc: AnnotatedDocument) -> str:
    return f"document {doc.document.title!r}" if doc.document.title else "a document"


def _dropped_notes(path: Path, docs: list[AnnotatedDocument]) -> list[str]:
    notes = []
    for doc in docs:
        dropped = doc.document.meta.get(DROPPED)
        if dropped:
            notes.append(f"{path}: {len(dropped)} boilerplate line(s) dropped")
    return notes


def _add(repo: Repository, pending: list[_ReadFile], annotator: str, report: ImportReport) -> None:
    """Add the documents of ``pending`` in one transaction; if the store refuses one of them,
    add file by file so that only the file at fault is left out."""
    docs = [d for f in pending for d in f.docs]
    if not docs:
        return
    try:
        _tally(repo, docs, annotator, report)
    except ValidationError:
        for f in pending:
            try:
                _tally(repo, f.docs, annotator, report)
            except ValidationError as exc:
                report.errors.append(f"{f.path}: {exc}")


def _tally(
    repo: Repository, docs: list[AnnotatedDocument], annotator: str, report: ImportReport
) -> None:
    added, duplicates = repo.add_documents(docs, annotator=annotator, batch=len(docs))
    spans = {d.document.text: len(d.spans) for d in docs}
    report.imported += len(added)
    report.duplicates += duplicates
    report.spans += sum(spans[d.text] for d in added)


def seed_project(project: Path, seed_dir: Path, *, annotator: str = "") -> ImportReport | None:
    """Create ``project`` from the files in ``seed_dir`` if it does not exist yet (first run)."""
    if project.exists():
        return None
    project.parent.mkdir(parents=True, exist_ok=True)
    with open_project(project, create=True) as repo:
        return import_paths(repo, [seed_dir], annotator=annotator)
