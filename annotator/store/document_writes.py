"""Adding documents to the project: new texts inserted, known ones skipped or attached to.

``add_documents`` is what every import calls (docs/adr/0005, 0047); ``add_or_attach`` also
gives a text already here the spans, links and status it lacks (store/attaching.py,
docs/adr/0071).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from annotator.core.model import AnnotatedDocument, Document
from annotator.store import attaching, documents, rows
from annotator.store.attaching import Attached
from annotator.store.connection import now
from annotator.store.documents import OnInvalid
from annotator.store.project_file import ProjectFile


class DocumentWrites(ProjectFile):
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
        added, duplicates, _ = self.add_or_attach(
            docs, annotator=annotator, batch=batch, on_invalid=on_invalid, attach=False
        )
        return added, duplicates

    def add_or_attach(
        self,
        docs: Iterable[AnnotatedDocument],
        *,
        annotator: str,
        attach: bool,
        batch: int = 500,
        on_invalid: OnInvalid | None = None,
    ) -> tuple[list[Document], int, list[Attached]]:
        """``add_documents``; with ``attach``, a document whose text is here already gets the
        spans, relations and status it lacks (store/attaching.py, docs/adr/0071): returns
        (added, duplicates, what each duplicate attached)."""
        added: list[Document] = []
        duplicates = 0
        attached: list[Attached] = []
        it = iter(docs)
        while chunk := list(islice(it, max(1, batch))):
            stamp = now()
            with self._write():
                conn = self.db.conn
                known = set(rows.labels(conn).names)
                prepared = documents.prepare_all(
                    chunk, annotator=annotator, labels=known, stamp=stamp, on_invalid=on_invalid
                )
                new, dup = documents.insert(conn, prepared, annotator=annotator, stamp=stamp)
                if attach:
                    attached += attaching.attach(conn, dup, annotator=annotator, stamp=stamp)
                who = {annotator} if annotator else set()
                who |= {s.annotator for p in chunk for s in p.spans if s.annotator}
                conn.executemany(
                    "INSERT OR IGNORE INTO annotators (name) VALUES (?)", [(w,) for w in who]
                )
            added.extend(new)
            duplicates += len(dup)
        return added, duplicates, attached
