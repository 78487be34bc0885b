"""What every format shares: options, reports, the reader/writer protocols and atomic writes.

Formats are pure: ``dumps``/``loads`` on values, with thin file wrappers. They never touch the
store; ``annotator.ops`` moves documents between the store and the formats.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from annotator.core.model import AnnotatedDocument, Kind, LabelSet
from annotator.formats import temporaries
from annotator.formats.token_tags import DEFAULT_TOKEN_MODE, ProcliticSplitter

REPORT_FILE = "export-report.txt"  # written beside every export; never imported as a document


@dataclass(frozen=True, slots=True)
class ExportOptions:
    layer: Kind = Kind.ENTITY  # for single-layer formats (conll)
    scheme: str = "iob2"  # iob1 | iob2 | bioes | bilou
    tokens: str = DEFAULT_TOKEN_MODE  # whole | segment | span-edges (token_tags.TOKEN_MODES)
    # segment: the analyser that finds the proclitics; ops.exporting builds it from the whole
    # project (its texts and span texts), the pure dumps from the documents they are given
    clitics: ProcliticSplitter | None = field(default=None, compare=False, repr=False)
    # JSONL only: each line also lists the document's suggestions and suggested relations
    with_suggestions: bool = False


@dataclass
class ExportReport:
    """What an export wrote and everything it could not express. Nothing is dropped silently."""

    format: str = ""
    documents: int = 0
    spans_per_label: Counter[str] = field(default_factory=Counter)
    files: list[Path] = field(default_factory=list)
    widened: list[str] = field(default_factory=list)  # spans widened to whole tokens
    warnings: list[str] = field(default_factory=list)  # e.g. span-edges tokens tell the labels
    proclitics_split: int = 0  # segment tokens: proclitics cut off words
    not_expressed: list[str] = field(default_factory=list)  # spans the format cannot hold, why
    filters: list[str] = field(default_factory=list)  # e.g. "labels: PER, LOC"
    filtered_out: list[str] = field(default_factory=list)  # what the filters left out, counted
    # (spans, relations) the annotator or label filter left out of the exported documents
    left_out: tuple[int, int] | None = None
    # single-layer formats: spans of the kinds the file does not hold, by kind (the writer
    # names them once, after the last document)
    other_layers: Counter[str] = field(default_factory=Counter)

    def add(self, part: ExportReport) -> None:
        """Take in what a part of the export (a batch rendered elsewhere) reported, after what
        this report holds: counts add up, lists follow on, a warning is named once."""
        self.documents += part.documents
        self.spans_per_label.update(part.spans_per_label)
        self.widened += part.widened
        self.warnings += [w for w in part.warnings if w not in self.warnings]
        self.proclitics_split += part.proclitics_split
        self.not_expressed += part.not_expressed
        self.other_layers.update(part.other_layers)

    def to_text(self) -> str:
        lines = [f"format: {self.format}", f"documents: {self.documents}"]
        lines.extend(f"warning: {w}" for w in self.warnings)
        if self.filters:
            lines.append(f"filters: {'; '.join(self.filters)}")
            lines.extend(f"  left out by the filters: {w}" for w in self.filtered_out)
        lines.append(f"spans: {sum(self.spans_per_label.values())}")
        for label, n in sorted(self.spans_per_label.items()):
            lines.append(f"  {label}: {n}")
        if self.proclitics_split:
            lines.append(f"proclitics split off words (segment tokens): {self.proclitics_split}")
        lines.append(f"spans widened to whole tokens: {len(self.widened)}")
        lines.extend(f"  {w}" for w in self.widened)
        lines.append(f"spans not expressed: {len(self.not_expressed)}")
        lines.extend(f"  {w}" for w in self.not_expressed)
        lines.append("files:")
        lines.extend(f"  {p.name}" for p in self.files)
        return "\n".join(lines) + "\n"


@dataclass
class ImportReport:
    """What an import added, skipped as duplicate, and refused (with file and line)."""

    imported: int = 0
    duplicates: int = 0
    spans: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. direction marks removed, chrome dropped
    attached: int = 0  # duplicates whose spans were attached to the text here (ADR 0071)
    attached_spans: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class Reader(Protocol):
    """Reads one file into documents; bad input raises InputError (file, line), yields nothing."""

    name: str
    extensions: tuple[str, ...]

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path, labels: LabelSet) -> list[AnnotatedDocument]: ...


@runtime_checkable
class StreamingReader(Protocol):
    """A reader that can also give a file's documents one at a time, so that an import holds
    a batch of them, never the whole file (docs/adr/0047)."""

    def stream(self, path: Path, labels: LabelSet) -> Iterator[AnnotatedDocument] | None:
        """The documents, read lazily (InputError as ``read`` raises it, when it comes); None
        when this file must be read whole (``read`` then)."""
        ...


class ReaderWithNotes:
    """Base of the readers that also say what they did (marks removed, spans joined...) for the
    import report: ``read`` is the documents of ``read_with_notes``."""

    def read(self, path: Path, labels: LabelSet) -> list[AnnotatedDocument]:
        return self.read_with_notes(path, labels)[0]

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        raise NotImplementedError


class Writer(Protocol):
    """Writes documents into ``out_dir`` and fills ``report`` (files, counts, losses).

    ``uses``: the ExportOptions fields (``"layer"``, ``"scheme"``, ``"tokens"``) that change
    what it writes; the others it ignores (the export dialog greys them out for it)."""

    name: str
    uses: frozenset[str]

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None: ...


@runtime_checkable
class RenderingWriter(Protocol):
    """A writer whose main file is its documents' pieces one after the other, each document's
    made from that document alone (no numbering or state across documents): ``ops`` may then
    render batches of documents in other processes and write the pieces in order (docs/adr/0052).
    ``write(docs, ...)`` is ``write_rendered(render(docs, ...), ...)``."""

    def render(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        options: ExportOptions,
        report: ExportReport,
    ) -> Iterator[str]:
        """The main file's content for ``docs``, in pieces; what was lost goes into ``report``."""
        ...

    def write_rendered(
        self,
        chunks: Iterable[str | bytes],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None:
        """Write ``chunks`` (of ``render``, in document order; or those pieces joined and encoded
        as UTF-8) as the main file, and the rest."""
        ...


class RenderedWriter:
    """The ``write`` of a RenderingWriter: ``write_rendered(render(docs, ...), ...)``."""

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None:
        chunks = self.render(docs, labels, options, report)
        self.write_rendered(chunks, labels, out_dir, options, report)

    def render(
        self,
        docs: Iterable[AnnotatedDocument],
        labels: LabelSet,
        options: ExportOptions,
        report: ExportReport,
    ) -> Iterator[str]:
        raise NotImplementedError

    def write_rendered(
        self,
        chunks: Iterable[str | bytes],
        labels: LabelSet,
        out_dir: Path,
        options: ExportOptions,
        report: ExportReport,
    ) -> None:
        raise NotImplementedError


class AtomicFiles:
    """Collects files written under temporary names; ``commit()`` renames them all into place.

    On an exception inside the ``with`` block every temporary file is removed and no target file
    is touched, so a failed export leaves no half-written file. A killed process cannot remove
    them: their names (``temporaries.prefix``) let the next export tell them stale.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []
        self._folders: set[Path] = set()  # made already (a brat export writes 2 files a document)

    def __enter__(self) -> AtomicFiles:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()

    def path_for(self, target: Path) -> Path:
        """A temporary path beside ``target``; write there, it is renamed on commit."""
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        fd, tmp = tempfile.mkstemp(
            prefix=temporaries.prefix(target), suffix=temporaries.SUFFIX, dir=target.parent
        )
        os.close(fd)
        self._pending.append((Path(tmp), target))
        # mkstemp makes the file 0600; an export is an ordinary file (0666 less the umask)
        os.chmod(tmp, 0o666 & ~_umask())
        return Path(tmp)

    def write_text(self, target: Path, text: str) -> None:
        self.path_for(target).write_text(text, encoding="utf-8", newline="\n")

    def write_bytes(self, target: Path, data: bytes) -> None:
        self.path_for(target).write_bytes(data)

    def write_lines(self, target: Path, chunks: Iterable[str | bytes]) -> None:
        """Stream ``chunks`` (lines, or documents of lines; text, or text already encoded as
        UTF-8) into ``target``, UTF-8, LF."""
        with self.path_for(target).open("wb") as out:
            write = out.write
            for chunk in chunks:
                write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))

    def write_report(self, out_dir: Path, report: ExportReport) -> None:
        """``export-report.txt`` beside the export, renamed into place with it (listed last)."""
        target = out_dir / REPORT_FILE
        report.files.append(target)
        self.write_text(target, report.to_text())

    def commit(self) -> list[Path]:
        # A folder where a file is to go would fail half-way through the renames: check first.
        for _, target in self._pending:
            if target.is_dir():
                self.abort()
                raise IsADirectoryError(errno.EISDIR, "a folder is in the way", str(target))
        done = []
        try:
            for tmp, target in self._pending:
                os.replace(tmp, target)
                done.append(target)
        finally:
            del self._pending[: len(done)]  # renamed: nothing left to remove
            self.abort()  # after a failed rename: the temporary files not yet renamed
        return done

    def abort(self) -> None:
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending.clear()


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask


def chunks(items: Iterable[AnnotatedDocument], size: int) -> Iterator[list[AnnotatedDocument]]:
    batch: list[AnnotatedDocument] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
