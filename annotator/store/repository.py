"""The project file: ``open_project(path)`` gives a Repository; every method one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from sqlite_utils import Database

from annotator.core.edits import AddLabel, AddSpan, ChangeLabel, Edit, RemoveLabel
from annotator.core.errors import NotFoundError
from annotator.core.model import (
    AnnotatedDocument,
    Document,
    Kind,
    Label,
    LabelSet,
    Relation,
    Status,
    StoredAnnotatedDocument,
    StoredSpan,
)
from annotator.core.recommender_settings import DEFAULT_ENABLED
from annotator.store import actor as actor_rules
from annotator.store import (
    edits_apply,
    evidence,
    export_reads,
    labels,
    list_index,
    project_setup,
    queries,
    rows,
    span_edges,
    spans_bulk,
    spans_bulk_remove,
    spans_bulk_restore,
    text_index,
)
from annotator.store.activity_reads import ActivityReads
from annotator.store.agreement_reads import AgreementReads
from annotator.store.certainties import Certainties
from annotator.store.document_writes import DocumentWrites
from annotator.store.export_reads import ExportRead
from annotator.store.list_reads import ListReads
from annotator.store.opening import open_database
from annotator.store.package_file import PackageFile
from annotator.store.project_setup import ProjectSetup
from annotator.store.queries import ProjectStats
from annotator.store.schema import schema_version
from annotator.store.suggestion_reads import SuggestionReads
from annotator.store.text_reads import TextReads
from annotator.store.trained_models import TrainedModels
from annotator.store.verify import foreign_objects, repair


def open_project(
    path: str | Path,
    *,
    create: bool = True,
    timeout: float = 5.0,
    read_only: bool = False,
    verify: bool = True,
) -> Repository:
    """Open (and if missing and ``create``, create) the project file at ``path``.

    ``read_only=True`` opens the file with SQLite's ``mode=ro``: reading works, the first write
    raises ProjectFileError and changes nothing (also for root, who ignores file permissions).
    A file whose schema is not exactly ours (a trigger, a view, a changed table) is refused
    (docs/adr/0028); ``verify=False`` opens it anyway, without upgrading it, for ``check`` and
    ``check --repair`` only.
    """
    path = Path(path)
    db = open_database(path, create=create, timeout=timeout, read_only=read_only, verify=verify)
    return Repository(db, path, read_only=read_only, timeout=timeout)


class Repository(
    PackageFile,
    ActivityReads,
    DocumentWrites,
    SuggestionReads,
    ListReads,
    ProjectSetup,
    TextReads,
    TrainedModels,
    AgreementReads,
    Certainties,
):
    """One open project file. Returns domain values; each write is one committed transaction."""

    def __init__(
        self, db: Database, path: Path, *, read_only: bool = False, timeout: float = 5.0
    ) -> None:
        super().__init__(db, path, read_only=read_only, timeout=timeout)
        # the last document read: an edit's span-edge check looks at its text, not the file's
        self._known: span_edges.KnownText | None = None

    # -- labels and annotators --------------------------------------------------------------

    def labels(self) -> LabelSet:
        with self._errors():
            return rows.labels(self.db.conn)

    def save_label(self, label: Label, *, old_name: str | None = None) -> Edit:
        """Add ``label``, or change the label ``old_name`` (or of the same name) into it: one
        edit (AddLabel or ChangeLabel); returns its inverse."""
        with self._write():
            current = old_name if old_name is not None else label.name
            exists = self.db.conn.execute(
                "SELECT 1 FROM labels WHERE name = ?", (current,)
            ).fetchone()
            edit = ChangeLabel(current, label) if exists or old_name else AddLabel(label)
            return edits_apply.apply_edit(self.db.conn, edit)

    def delete_label(self, name: str) -> Edit:
        return self.apply(RemoveLabel(name))

    def label_uses(self, name: str) -> int:
        """How many spans have the label ``name``."""
        with self._errors():
            return labels.label_uses(self.db.conn, name)

    def ensure_label(self, name: str, kind: Kind) -> Label:
        with self._errors():
            row = self.db.conn.execute(
                f"SELECT {rows.LABEL_COLUMNS} FROM labels WHERE name = ?", (name,)
            ).fetchone()
        if row is not None:
            return rows.label_from_row(row)
        with self._write():
            return labels.ensure_label(self.db.conn, name, kind)

    def ensure_annotator(self, name: str) -> None:
        with self._write():
            self.db.conn.execute("INSERT OR IGNORE INTO annotators (name) VALUES (?)", (name,))

    def annotators(self) -> list[str]:
        """Every annotator the project knows: named (Settings, an import), with spans or with
        a status; sorted, without the empty name."""
        with self._read():
            return [
                r[0]
                for r in self.db.conn.execute(
                    "SELECT name FROM annotators UNION SELECT annotator FROM spans"
                    " UNION SELECT annotator FROM document_status ORDER BY 1"
                )
                if r[0]
            ]

    # -- documents --------------------------------------------------------------------------

    def has_text_hash(self, sha256: str) -> bool:
        with self._errors():
            row = self.db.conn.execute(
                "SELECT 1 FROM documents WHERE text_sha256 = ?", (sha256,)
            ).fetchone()
        return row is not None

    def document(self, document_id: int) -> Document:
        with self._errors():
            row = self.db.conn.execute(
                f"SELECT {rows.DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"document {document_id} does not exist")
        return self._remember(rows.document_from_row(row))

    def document_ids(self) -> list[int]:
        with self._errors():
            return [int(r[0]) for r in self.db.conn.execute("SELECT id FROM documents ORDER BY id")]

    def count_documents(self) -> int:
        with self._errors():
            return int(self.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def annotated(
        self,
        document_id: int,
        *,
        annotator: str | None = None,
        annotators: Collection[str] | None = None,
    ) -> StoredAnnotatedDocument:
        """The document with the spans of ``annotators`` (None: everyone's) and the relations
        between them; the status of ``annotator`` (None: the highest anyone gave). Whose spans
        is always said by the caller: the window names the annotators it shows."""
        with self._read():
            conn = self.db.conn
            status = None if annotator is None else rows.fetch_status(conn, document_id, annotator)
            found = queries.annotated(conn, document_id, annotators=annotators, status=status)
        self._remember(found.document)
        return found

    def _remember(self, document: Document) -> Document:
        if document.id is not None:
            self._known = span_edges.KnownText(document.id, document.text_sha256, document.text)
        return document

    def export_count(self, *, status: Status | None = None, annotator: str | None = None) -> int:
        """How many documents an export with these filters writes."""
        with self._read():
            return export_reads.count(self.db.conn, status=status, annotator=annotator)

    def export_reads(
        self,
        *,
        status: Status | None = None,
        annotator: str | None = None,
        labels: Collection[str] | None = None,
        ids: Sequence[int] | None = None,
        suggestions: bool = False,
        annotators: Collection[str] | None = None,
    ) -> Iterator[ExportRead]:
        """Documents for export in id order (``ids``: only these), each with what the
        annotator and label filters left out of it; read a batch at a time, each batch in a
        read transaction of its own, none held while the caller works (docs/adr/0050).
        ``annotator`` selects by that annotator's status and keeps their spans;
        ``annotators`` names whose spans instead (None: ``annotator``'s, else everyone's)."""
        with self._errors():
            for batch in export_reads.read_batches(
                self.db.conn,
                self._read,
                status=status,
                annotator=annotator,
                labels=labels,
                ids=ids,
                suggestions=suggestions,
                annotators=annotators,
            ):
                batch.reverse()
                while batch:  # each document let go once given: the batch shrinks
                    yield batch.pop()

    def export_batches(
        self, *, status: Status | None = None, annotator: str | None = None
    ) -> Iterator[list[int]]:
        """The ids of the documents an export with these filters writes, ascending, in the
        batches ``export_reads`` reads them in (each found in a read transaction of its own):
        an export that reads them elsewhere asks for one batch at a time by its ids."""
        with self._errors():
            yield from export_reads.batch_ids(
                self.db.conn, self._read, status=status, annotator=annotator
            )

    def iter_annotated(
        self,
        *,
        status: Status | None = None,
        annotator: str | None = None,
        labels: Collection[str] | None = None,
        ids: Sequence[int] | None = None,
        annotators: Collection[str] | None = None,
    ) -> Iterator[AnnotatedDocument]:
        """The documents of ``export_reads``, without the counts."""
        for read in self.export_reads(
            status=status, annotator=annotator, labels=labels, ids=ids, annotators=annotators
        ):
            yield read.document

    def counts(
        self, document_id: int, *, annotators: Collection[str] | None = None
    ) -> tuple[int, int]:
        """(spans, relations) of a document, of ``annotators`` (None: everyone's), counted by
        SQLite."""
        with self._read():
            return queries.counts(self.db.conn, document_id, annotators)

    # -- spans, relations, status -----------------------------------------------------------

    def spans(
        self, document_id: int, *, annotators: Collection[str] | None = None
    ) -> list[StoredSpan]:
        """The document's spans of ``annotators`` (None: everyone's) in reading order
        (``core.model.reading_order``)."""
        shared: dict[str, str] = {}
        where, names = queries.whose(annotators, "annotator")
        with self._errors():
            return [
                rows.span_from_row(r, shared)
                for r in self.db.conn.execute(
                    f"SELECT {rows.SPAN_COLUMNS} FROM spans WHERE document_id = ?{where}"
                    f" ORDER BY {rows.SPAN_ORDER}",
                    (document_id, *names),
                )
            ]

    def span_texts(self, *, recent: int = 20_000) -> list[str]:
        """The distinct texts of the project's ``recent`` newest spans (clitic evidence)."""
        with self._read():
            return queries.span_texts(self.db.conn, recent)

    # -- clitic evidence kept in the file (store/evidence.py, docs/adr/0045) ----------------

    def token_counts(self) -> dict[str, int]:
        """Folded word token -> occurrences in the whole project (the index import keeps)."""
        with self._read():
            return evidence.token_counts(self.db.conn)

    def span_texts_of(self, document_id: int) -> list[tuple[int, str]]:
        """``(span id, the span's text)`` of every span of a document, by id."""
        with self._read():
            return evidence.span_texts(self.db.conn, document_id)

    def span_text_counts(self, *, except_document: int | None = None) -> list[tuple[str, int]]:
        """``(span text, how many spans have it)`` over the project, one document left out."""
        with self._read():
            return evidence.span_text_counts(self.db.conn, except_document=except_document)

    def span_places(self, document_id: int) -> list[tuple[int, int, int]]:
        """``(span id, start, end)`` of every span of a document: no Span values made."""
        with self._errors():
            return self.db.conn.execute(
                'SELECT id, start, "end" FROM spans WHERE document_id = ? ORDER BY id',
                (document_id,),
            ).fetchall()

    def span(self, span_id: int) -> StoredSpan:
        with self._errors():
            return rows.fetch_span(self.db.conn, span_id)

    def relations(
        self, document_id: int, *, annotators: Collection[str] | None = None
    ) -> list[Relation]:
        """The relations whose ends are spans of ``annotators`` (None: everyone's)."""
        where, names = queries.whose(annotators, "annotator")
        among = f"(SELECT id FROM spans WHERE document_id = ?{where})"
        with self._errors():
            return [
                rows.relation_from_row(r)
                for r in self.db.conn.execute(
                    f"SELECT {rows.RELATION_COLUMNS} FROM relations WHERE source_id IN {among}"
                    + (f" AND target_id IN {among}" if where else "")
                    + " ORDER BY id",
                    (document_id, *names, *((document_id, *names) if where else ())),
                )
            ]

    def status(self, document_id: int, annotator: str) -> Status:
        with self._errors():
            return rows.fetch_status(self.db.conn, document_id, annotator)

    # -- edits ------------------------------------------------------------------------------

    def apply(
        self, edit: Edit, *, actor: str | None = None, read: spans_bulk.ReadTexts | None = None
    ) -> Edit:
        """Apply ``edit`` in one committed transaction; return the inverse edit.

        ``actor``: the annotator making it (the window's, from Settings). A step touching
        another annotator's span, link or status is refused with NotYoursError naming them,
        and nothing is written; the statuses that move are the actor's (docs/adr/0071).
        Undo and redo pass the same actor: the inverse touches only the actor's work too.
        ``read``: the new spans' texts as the caller read them inside the ``transaction()`` it
        holds around this call (project-wide label-all); refused outside one."""
        if read is not None and not self.db.conn.in_transaction:
            raise ValueError("texts read outside the transaction cannot be taken as read")
        with self._write():
            spans = spans_bulk.new_spans(edit)
            if spans is not None:  # project-wide label-all: thousands of new spans
                if actor is not None:  # each the actor's own (no reads: the spans say whose)
                    for span in spans:
                        actor_rules.check(self.db.conn, AddSpan(span), actor)
                return spans_bulk.add_spans(self.db.conn, spans, read)
            steps = spans_bulk_remove.removals(edit)
            if steps is not None:  # its undo, or many spans deleted at once
                return spans_bulk_remove.remove_spans(self.db.conn, steps, actor)
            restoring = spans_bulk_restore.restores(edit)
            if restoring is not None:  # the redo of that undo
                return spans_bulk_restore.restore_spans(self.db.conn, restoring, actor)
            span_edges.check_edges(self.db.conn, edit, self._known)
            return edits_apply.apply_edit(self.db.conn, edit, self._known, actor=actor)

    def document_of(self, edit: Edit) -> int | None:
        with self._errors():
            return edits_apply.document_of(self.db.conn, edit)

    # -- checks and stats -------------------------------------------------------------------

    def stats(self) -> ProjectStats:
        with self._read():
            return queries.stats(self.db.conn)

    def check(self, recommenders: Collection[str] = DEFAULT_ENABLED) -> list[str]:
        """Problems in plain words naming document / span / relation ids; empty when fine
        (``recommenders``: the names a setting may give).

        Anything foreign in the schema comes first; the data is checked only when the tables
        are ours (a view in the place of a table could make the queries hang)."""
        with self._read():
            conn = self.db.conn
            foreign = foreign_objects(conn, schema_version(self.db))
            problems = [
                f"schema: {f.text}" + (" (`annotator check --repair` removes it)" if f.drop else "")
                for f in foreign
            ]
            if any(f.drop is None for f in foreign):
                return [*problems, "the data was not checked: the tables are not this program's"]
            found = queries.check(conn)
            # the evidence and the list's index derive from texts, titles and spans: checked
            # once those are right
            if found:
                return problems + found
            names = {row[0] for row in conn.execute("SELECT name FROM labels")}
            setup = project_setup.check(conn, names, recommenders)
            return [
                *problems,
                *evidence.check(conn),
                *list_index.check(conn),
                *text_index.check(conn),
                *setup,
            ]

    def backup(self, target: Path) -> None:
        """Copy the project to a new file ``target`` through SQLite's backup API."""
        with self._errors():
            out = sqlite3.connect(target)
            try:
                self.db.conn.backup(out)
            finally:
                out.close()

    def repair(self) -> list[str]:
        """Remove the triggers, views, indexes and tables this program did not make."""
        with self._errors():
            done = repair(self.db.conn, self.path, schema_version(self.db))
        if self.check_evidence():
            with self._write():
                evidence.fill(self.db.conn)
            done.append("the clitic evidence (span texts, token counts) written again")
        with self._read():
            stale = list_index.check(self.db.conn)
        if stale:
            with self._write():
                list_index.fill(self.db.conn)
            done.append("the document list's title keys, title index and span counts written again")
        with self._read():
            stale = text_index.check(self.db.conn)
        if stale:
            with self._write():
                text_index.fill(self.db.conn)
            done.append("the texts' search index written again")
        return done

    def check_evidence(self) -> list[str]:
        """Where the stored clitic evidence differs from the texts (part of ``check``)."""
        with self._read():
            return evidence.check(self.db.conn)
