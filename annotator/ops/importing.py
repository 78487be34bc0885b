"""Import files and folders into a project: read every file, then add its documents.

A file that fails (InputError from its reader, a label the project does not know, a document the
store refuses) adds nothing and its error goes into the report; the other files still import.
Documents whose text is already in the project are skipped and counted. See docs/adr/0005.
A file of more than STREAM documents from a reader that streams (JSONL) is read and written
STREAM documents at a time, in one transaction for the whole file (docs/adr/0047); the
batching is in import_batches.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from annotator.core.boilerplate import BoilerplateRule
from annotator.core.errors import (
    AnnotatorError,
    Cancelled,
    InputError,
    ProjectFileError,
    ProjectLockedError,
    one_line,
)
from annotator.formats import registry
from annotator.formats.base import (
    REPORT_FILE,
    ImportReport,
    Reader,
)
from annotator.formats.plaintext import BoilerplateOptions
from annotator.ops.collecting import collect
from annotator.ops.import_batches import (
    BATCH,
    STREAM,
    Batches,
    BroughtLabels,
    ImportStopped,
)
from annotator.store import Repository, open_project
from annotator.store.guard import file_id

__all__ = [  # BATCH, STREAM and ImportStopped live in import_batches; imported from here too
    "BATCH",
    "BUG",
    "STREAM",
    "ImportStopped",
    "Progress",
    "UnknownFormat",
    "collect_files",
    "import_paths",
    "reader_for",
    "seed_project",
]

Progress = Callable[[int, int], None]
"""``progress(done, total)``: the CLI drives a click progress bar with it, the window a dialog."""

log = logging.getLogger(__name__)
_T = TypeVar("_T")

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
    attach: bool = False,
) -> ImportReport:
    """Import files and folders into ``repo``; the report says what was added and refused.

    Whose the imported work is: a span or relation keeps the annotator its file names, and
    ``annotator`` gets those that name none and the documents' statuses; with ``credit_all``,
    ``annotator`` gets every one of them, whatever the file says (docs/adr/0033).
    ``reading(done, total, path)`` is called before each file is read (the window names it).
    ``attach``: a document whose text is here already gets the spans, relations and status it
    lacks (``annotator``'s, or those its file names) instead of being skipped (ADR 0071).

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
    run = Batches(repo, annotator, report, attach=attach)
    boilerplate = {"keep_boilerplate": keep_boilerplate, "rules": rules}
    try:
        labels = BroughtLabels(repo.labels())
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


def seed_project(project: Path, seed_dir: Path, *, annotator: str = "") -> ImportReport | None:
    """Create ``project`` from the files in ``seed_dir`` if it does not exist yet (first run)."""
    if project.exists():
        return None
    project.parent.mkdir(parents=True, exist_ok=True)
    with open_project(project, create=True) as repo:
        return import_paths(repo, [seed_dir], annotator=annotator)
