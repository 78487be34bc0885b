"""How sure the project's model is of each document (issue 12, docs/adr/0073), since schema 10:
one row per document, its ``certainty`` (0: the model hesitates, 1: it is sure) and the model
it came from (the model's training time, ``trained_models.trained``). A score whose model is
not the stored one is **stale**: the list still sorts by it until the document is scored
again, "next most useful" does not use it.

Derived data: nothing else refers to it, a removed document takes its row with it (cascade),
and every write replaces rows whole in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.store.project_file import ProjectFile

SINCE = 10  # the schema that has the table (store/schema.py, migration 10)


@dataclass(frozen=True, slots=True)
class Useful:
    """An unfinished document and how sure the model is of it."""

    document_id: int
    title: str
    certainty: float


def has_table(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= SINCE


def _not_done(ident: str) -> str:
    return (
        f"NOT EXISTS (SELECT 1 FROM document_status s WHERE s.document_id = {ident}"
        " AND s.annotator = ? AND s.status = 'done')"
    )


class Certainties(ProjectFile):
    """The documents' certainty as the model last scored them."""

    def unscored(self, model: str, annotator: str) -> list[int]:
        """The documents ``annotator`` has not done that have no score from ``model``, in id
        order (what scoring after a training goes through)."""
        with self._read():
            if not has_table(self.db.conn):
                return []
            sql = (
                "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM"
                " document_certainty c WHERE c.document_id = d.id AND c.model = ?)"
                f" AND {_not_done('d.id')} ORDER BY d.id"
            )
            return [int(r[0]) for r in self.db.conn.execute(sql, (model, annotator))]

    def save_certainties(self, model: str, scores: Iterable[tuple[int, float]]) -> None:
        """Store ``(document id, certainty)`` pairs from ``model`` in one transaction."""
        with self._write():
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO document_certainty (document_id, model, certainty)"
                " VALUES (?, ?, ?)",
                [(doc, model, min(1.0, max(0.0, float(c)))) for doc, c in scores],
            )

    def certainty(self, document_id: int) -> tuple[str, float] | None:
        """(model, certainty) of the document, None if it was never scored."""
        with self._read():
            if not has_table(self.db.conn):
                return None
            row = self.db.conn.execute(
                "SELECT model, certainty FROM document_certainty WHERE document_id = ?",
                (document_id,),
            ).fetchone()
        return None if row is None else (str(row[0]), float(row[1]))

    def most_useful(
        self, model: str, annotator: str, *, limit: int = 1, besides: int | None = None
    ) -> list[Useful]:
        """The documents ``annotator`` has not done that ``model`` is least sure of (ties by
        id), ``besides`` left out; scores of another model are not used."""
        with self._read():
            if not has_table(self.db.conn):
                return []
            sql = (
                "SELECT c.document_id, d.title, c.certainty FROM document_certainty c"
                " INDEXED BY document_certainty_order JOIN documents d ON d.id = c.document_id"
                f" WHERE c.model = ? AND c.document_id IS NOT ? AND {_not_done('c.document_id')}"
                " ORDER BY c.certainty, c.document_id LIMIT ?"
            )
            found = self.db.conn.execute(sql, (model, besides, annotator, limit)).fetchall()
        return [Useful(int(i), str(t), float(c)) for i, t, c in found]

    def scored(self, model: str) -> int:
        """How many documents have a score from ``model``."""
        with self._read():
            if not has_table(self.db.conn):
                return 0
            sql = "SELECT count(*) FROM document_certainty WHERE model = ?"
            return int(self.db.conn.execute(sql, (model,)).fetchone()[0])
