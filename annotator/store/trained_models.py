"""The project's own trained models (issue 12, docs/adr/0069), since schema 9: one row per
recommender name, replaced whole by each training, in one transaction.

The store keeps what it is given: the model's bytes, plain counts and texts, and the JSON
columns (labels, lexicon, evaluation, extra) as text. A project file travels and is untrusted,
so ``ops/model_store.py`` reads those leniently and reports a model it cannot read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from annotator.store.project_file import ProjectFile

SINCE = 9  # the schema that has the table

COLUMNS = (
    "name",
    "model",
    "spans",
    "documents",
    "labels",
    "source",
    "in_progress",
    "trained",
    "seconds",
    "lexicon",
    "evaluation",
    "extra",
)


@dataclass(frozen=True, slots=True)
class StoredModel:
    """A trained model as the project keeps it. ``source``: ``project`` or the corpus file it
    learned from; ``trained``: when (UTC, ISO 8601); ``labels``, ``lexicon``, ``evaluation``
    and ``extra``: JSON texts, read by ops/model_store.py."""

    name: str
    model: bytes
    spans: int
    documents: int
    labels: str
    source: str
    in_progress: bool
    trained: str
    seconds: float
    lexicon: str
    evaluation: str
    extra: str = "{}"


def _has_table(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= SINCE


def read(conn: sqlite3.Connection, name: str) -> StoredModel | None:
    if not _has_table(conn):
        return None
    row = conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM trained_models WHERE name = ?", (name,)
    ).fetchone()
    if row is None:
        return None
    n, model, spans, documents, labels, source, in_progress, trained, seconds, *texts = row
    return StoredModel(
        str(n),
        bytes(model) if isinstance(model, bytes | bytearray | memoryview) else b"",
        int(spans),
        int(documents),
        str(labels),
        str(source),
        bool(in_progress),
        str(trained),
        float(seconds),
        *(str(t) for t in texts),
    )


def write(conn: sqlite3.Connection, stored: StoredModel) -> bool:
    """Replace the model of ``stored.name``; True when the project had none of that name."""
    first = conn.execute("SELECT 1 FROM trained_models WHERE name = ?", (stored.name,)).fetchone()
    conn.execute("DELETE FROM trained_models WHERE name = ?", (stored.name,))
    values = [getattr(stored, c) for c in COLUMNS]
    values[COLUMNS.index("in_progress")] = int(stored.in_progress)
    conn.execute(
        f"INSERT INTO trained_models ({', '.join(COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(COLUMNS))})",
        values,
    )
    return first is None


class TrainedModels(ProjectFile):
    """The trained models of a project file; each write one transaction."""

    def trained_model(self, name: str) -> StoredModel | None:
        """The model stored under ``name``, or None (none trained, or a file older than it)."""
        with self._read():
            return read(self.db.conn, name)

    def trained_when(self, name: str) -> str | None:
        """When the model ``name`` was trained (its id for the scores it gives, ADR 0073),
        None if there is none; reads neither its bytes nor its JSON."""
        with self._read():
            if not _has_table(self.db.conn):
                return None
            row = self.db.conn.execute(
                "SELECT trained FROM trained_models WHERE name = ?", (name,)
            ).fetchone()
        return None if row is None else str(row[0])

    def save_trained_model(self, stored: StoredModel) -> bool:
        """Store ``stored``, replacing the former model of its name in one transaction; True
        when it is the project's first of that name."""
        with self._write():
            return write(self.db.conn, stored)

    def span_total(self) -> int:
        """How many spans the project has (what "after every N new spans" counts)."""
        with self._read():
            return int(self.db.conn.execute("SELECT count(*) FROM spans").fetchone()[0])

    def remove_trained_model(self, name: str) -> bool:
        with self._write():
            return (
                self.db.conn.execute("DELETE FROM trained_models WHERE name = ?", (name,)).rowcount
                > 0
            )
