"""Reads for finding a text across the project (issue 11, docs/adr/0060): the documents the
texts' index names for a query (store/text_index.py), their texts, and their spans of some
labels, in batches, for ``ops/project_search.py``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from annotator.store import text_index
from annotator.store.project_file import ProjectFile


def _marks(values: Collection[object]) -> str:
    return ", ".join("?" * len(values))


class TextReads(ProjectFile):
    """Candidate documents of a query, their texts, and their spans of given labels."""

    def text_candidates(self, query: str) -> list[int]:
        """Ids (ascending) of the documents that may hold ``query``: the index's answer, or
        every document for a query too short for it (or a file older than it)."""
        with self._read():
            conn = self.db.conn
            found = text_index.candidates(conn, query)
            if found is None:
                found = [int(r[0]) for r in conn.execute("SELECT id FROM documents ORDER BY id")]
            return found

    def texts(self, ids: Sequence[int]) -> list[tuple[int, str, str]]:
        """``(id, title, text)`` of each of ``ids`` that exists, in the order of ``ids``."""
        with self._read():
            rows = self.db.conn.execute(
                f"SELECT id, title, text FROM documents WHERE id IN ({_marks(ids)})", tuple(ids)
            ).fetchall()
        by_id = {int(r[0]): (int(r[0]), str(r[1]), str(r[2])) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def places(self, ids: Sequence[int]) -> dict[int, list[tuple[int, int, str]]]:
        """``(start, end, label)`` of the spans of each of the documents ``ids`` (a document
        without spans is absent)."""
        if not ids:
            return {}
        with self._read():
            rows = self.db.conn.execute(
                'SELECT document_id, start, "end", label FROM spans'
                f" WHERE document_id IN ({_marks(ids)})",
                tuple(ids),
            ).fetchall()
        out: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for doc, start, end, label in rows:
            out[int(doc)].append((int(start), int(end), str(label)))
        return dict(out)
