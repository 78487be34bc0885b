"""The project file: ``open_project(path)`` gives a Repository; every method one transaction."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from itertools import islice
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from annotator.core.edits import Edit
from annotator.core.errors import NotFoundError, ProjectFileError
from annotator.core.model import (
    AnnotatedDocument,
    Document,
    DocumentSummary,
    Kind,
    Label,
    LabelSet,
    Relation,
    Span,
    Status,
)
from annotator.store import documents, edits_apply, labels, queries, rows
from annotator.store.connection import connect, errors, now, read, write
from annotator.store.documents import OnInvalid
from annotator.store.queries import ProjectStats
from annotator.store.schema import check_file, migrate


def open_project(
    path: str | Path, *, create: bool = True, timeout: float = 5.0, read_only: bool = False
) -> Repository:
    """Open (and if missing and ``create``, create) the project file at ``path``.

    ``read_only=True`` opens the file with SQLite's ``mode=ro``: reading works, the first write
    raises ProjectFileError and changes nothing (also for root, who ignores file permissions).
    """
    path = Path(path)
    if not path.exists() and (not create or read_only):
        raise ProjectFileError(f"{path} does not exist")
    if path.exists() and path.is_dir():
        raise ProjectFileError(f"{path} is a folder, not a project file")
    db = connect(path, timeout=timeout, read_only=read_only)
    try:
        with errors(path):
            pending = check_file(db, path, create=create)
        if pending:
            if read_only:
                raise ProjectFileError(
                    f"{path} needs an upgrade, which a read-only file cannot get"
                )
            migrate(db, path)
    except BaseException:
        db.close()
        raise
    return Repository(db, path, read_only=read_only)


class Repository:
    """One open project file. Returns domain values; each write is one committed transaction."""

    def __init__(self, db: Database, path: Path, *, read_only: bool = False) -> None:
        self.db = db
        self.path = path
        self._read_only = read_only

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Repository({str(self.path)!r})"

    @property
    def read_only(self) -> bool:
        """True when writes are refused (opened read-only, or ``set_read_only()``)."""
        with errors(self.path):
            query_only = self.db.conn.execute("PRAGMA query_only").fetchone()[0]
        return self._read_only or bool(query_only)

    def set_read_only(self, read_only: bool = True) -> None:
        """Refuse (or allow again) writes on this connection (``PRAGMA query_only``).

        Every later write raises ProjectFileError and changes nothing: the way to reproduce
        "cannot write" in tests, where root ignores file permissions.
        """
        with errors(self.path):
            self.db.conn.execute(f"PRAGMA query_only = {1 if read_only else 0}")

    # -- labels and annotators --------------------------------------------------------------

    def labels(self) -> LabelSet:
        with errors(self.path):
            return rows.labels(self.db.conn)

    def save_label(self, label: Label, *, old_name: str | None = None) -> None:
        with write(self.db, self.path):
            labels.save_label(self.db.conn, label, old_name=old_name)

    def delete_label(self, name: str) -> None:
        with write(self.db, self.path):
            labels.delete_label(self.db.conn, name)

    def ensure_label(self, name: str, kind: Kind) -> Label:
        with errors(self.path):
            row = self.db.conn.execute(
                f"SELECT {rows.LABEL_COLUMNS} FROM labels WHERE name = ?", (name,)
            ).fetchone()
        if row is not None:
            return rows.label_from_row(row)
        with write(self.db, self.path):
            return labels.ensure_label(self.db.conn, name, kind)

    def ensure_annotator(self, name: str) -> None:
        with write(self.db, self.path):
            self.db.conn.execute("INSERT OR IGNORE INTO annotators (name) VALUES (?)", (name,))

    def annotators(self) -> list[str]:
        with errors(self.path):
            return [r[0] for r in self.db.conn.execute("SELECT name FROM annotators ORDER BY name")]

    # -- documents --------------------------------------------------------------------------

    def add_document(self, doc: AnnotatedDocument, *, annotator: str = "") -> Document | None:
        """Add one document with its spans and relations; None if its text is already here."""
        added, _ = self.add_documents([doc], annotator=annotator)
        return added[0] if added else None

    def add_documents(
        self,
        docs: Iterable[AnnotatedDocument],
        *,
        annotator: str = "",
        batch: int = 500,
        on_invalid: OnInvalid | None = None,
    ) -> tuple[list[Document], int]:
        """Add many documents, ``batch`` per transaction; return (added, duplicates skipped).

        Each batch is validated before it is written. An invalid document raises
        ValidationError (earlier batches stay committed, nothing of this batch is written), or,
        with ``on_invalid``, is passed to it and skipped.
        """
        added: list[Document] = []
        duplicates = 0
        it = iter(docs)
        while chunk := list(islice(it, max(1, batch))):
            stamp = now()
            with write(self.db, self.path):
                conn = self.db.conn
                known = set(rows.labels(conn).names)
                prepared = documents.prepare_all(
                    chunk, annotator=annotator, labels=known, stamp=stamp, on_invalid=on_invalid
                )
                new, dup = documents.insert(conn, prepared, annotator=annotator, stamp=stamp)
                who = {annotator} if annotator else set()
                who |= {s.annotator for p in chunk for s in p.spans if s.annotator}
                conn.executemany(
                    "INSERT OR IGNORE INTO annotators (name) VALUES (?)", [(w,) for w in who]
                )
            added.extend(new)
            duplicates += dup
        return added, duplicates

    def has_text_hash(self, sha256: str) -> bool:
        with errors(self.path):
            row = self.db.conn.execute(
                "SELECT 1 FROM documents WHERE text_sha256 = ?", (sha256,)
            ).fetchone()
        return row is not None

    def document(self, document_id: int) -> Document:
        with errors(self.path):
            row = self.db.conn.execute(
                f"SELECT {rows.DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"document {document_id} does not exist")
        return rows.document_from_row(row)

    def document_ids(self) -> list[int]:
        with errors(self.path):
            return [int(r[0]) for r in self.db.conn.execute("SELECT id FROM documents ORDER BY id")]

    def count_documents(self) -> int:
        with errors(self.path):
            return int(self.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def summaries(
        self,
        *,
        annotator: str = "",
        status: Status | None = None,
        search: str = "",
        offset: int = 0,
        limit: int | None = None,
    ) -> list[DocumentSummary]:
        with read(self.db, self.path):
            return queries.summaries(
                self.db.conn,
                annotator=annotator,
                status=status,
                search=search,
                offset=offset,
                limit=limit,
            )

    def count_summaries(
        self, *, annotator: str = "", status: Status | None = None, search: str = ""
    ) -> int:
        with read(self.db, self.path):
            return queries.count_summaries(
                self.db.conn, annotator=annotator, status=status, search=search
            )

    def position(
        self,
        document_id: int,
        *,
        annotator: str = "",
        status: Status | None = None,
        search: str = "",
    ) -> int:
        """0-based row of the document in ``summaries(...)``; -1 if the filter hides it."""
        with read(self.db, self.path):
            return queries.position(
                self.db.conn, document_id, annotator=annotator, status=status, search=search
            )

    def annotated(self, document_id: int, *, annotator: str | None = None) -> AnnotatedDocument:
        """The document, all its spans and relations; status of ``annotator`` (None: highest)."""
        with read(self.db, self.path):
            conn = self.db.conn
            status = None if annotator is None else rows.fetch_status(conn, document_id, annotator)
            return queries.annotated(conn, document_id, status=status)

    def iter_annotated(
        self,
        *,
        status: Status | None = None,
        annotator: str | None = None,
        labels: Collection[str] | None = None,
    ) -> Iterator[AnnotatedDocument]:
        """Documents for export, in id order (no transaction is held between documents)."""
        with errors(self.path):
            yield from queries.iter_annotated(
                self.db.conn, status=status, annotator=annotator, labels=labels
            )

    # -- spans, relations, status -----------------------------------------------------------

    def spans(self, document_id: int) -> list[Span]:
        """The document's spans in ``sorted_spans`` order."""
        with errors(self.path):
            return [
                rows.span_from_row(r)
                for r in self.db.conn.execute(
                    f"SELECT {rows.SPAN_COLUMNS} FROM spans WHERE document_id = ?"
                    f" ORDER BY {rows.SPAN_ORDER}",
                    (document_id,),
                )
            ]

    def span_texts(self, *, recent: int = 20_000) -> list[str]:
        """The distinct texts of the project's ``recent`` newest spans (clitic evidence).

        SQLite's substr counts characters (code points), as our offsets do; the limit keeps the
        cost bounded on very large projects.
        """
        with errors(self.path):
            return [
                r[0]
                for r in self.db.conn.execute(
                    "SELECT DISTINCT substr(d.text, s.start + 1, s.end - s.start)"
                    " FROM (SELECT document_id, start, end FROM spans ORDER BY id DESC LIMIT ?) s"
                    " JOIN documents d ON d.id = s.document_id",
                    (recent,),
                )
            ]

    def span(self, span_id: int) -> Span:
        with errors(self.path):
            return rows.fetch_span(self.db.conn, span_id)

    def relations(self, document_id: int) -> list[Relation]:
        with errors(self.path):
            return [
                rows.relation_from_row(r)
                for r in self.db.conn.execute(
                    f"SELECT {rows.RELATION_COLUMNS} FROM relations WHERE source_id IN"
                    " (SELECT id FROM spans WHERE document_id = ?) ORDER BY id",
                    (document_id,),
                )
            ]

    def status(self, document_id: int, annotator: str) -> Status:
        with errors(self.path):
            return rows.fetch_status(self.db.conn, document_id, annotator)

    # -- edits ------------------------------------------------------------------------------

    def apply(self, edit: Edit) -> Edit:
        """Apply ``edit`` in one committed transaction; return the inverse edit."""
        with write(self.db, self.path):
            return edits_apply.apply_edit(self.db.conn, edit)

    def document_of(self, edit: Edit) -> int | None:
        with errors(self.path):
            return edits_apply.document_of(self.db.conn, edit)

    # -- checks and stats -------------------------------------------------------------------

    def stats(self) -> ProjectStats:
        with read(self.db, self.path):
            return queries.stats(self.db.conn)

    def check(self) -> list[str]:
        """Problems in plain words naming document / span / relation ids; empty when fine."""
        with read(self.db, self.path):
            return queries.check(self.db.conn)
