"""What agreement reads (issue 13, docs/adr/0074): each document's text and the places of the
spans of some annotators, with their speaker links, in batches. Only (start, end, label,
annotator): agreement needs no span values (no attributes, no times), and making 37,000 of
them was two thirds of reading 1,000 documents."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from annotator.core.model import SPEAKER
from annotator.store.project_file import ProjectFile
from annotator.store.queries import whose

BATCH = 500

PlaceOf = tuple[int, int, str, str]
"""(start, end, label, annotator) of one span."""


@dataclass(frozen=True, slots=True)
class WorkRead:
    document_id: int
    title: str
    text: str
    places: dict[int, PlaceOf]  # by span id
    speakers: list[tuple[int, int]]  # (quote span id, speaker span id), both of those annotators


class AgreementReads(ProjectFile):
    def work_reads(
        self, ids: Sequence[int], *, annotators: Collection[str] | None = None
    ) -> Iterator[WorkRead]:
        """``ids`` in the order given, ``BATCH`` at a time, each batch in a read transaction
        of its own; the spans of ``annotators`` (None: everyone's)."""
        where, names = whose(annotators, "annotator")
        for at in range(0, len(ids), BATCH):
            part = list(ids[at : at + BATCH])
            marks = ", ".join("?" * len(part))
            with self._read():
                conn = self.db.conn
                texts = conn.execute(
                    f"SELECT id, title, text FROM documents WHERE id IN ({marks})", part
                ).fetchall()
                spans = conn.execute(
                    f'SELECT id, document_id, start, "end", label, annotator FROM spans'
                    f" WHERE document_id IN ({marks}){where}",
                    (*part, *names),
                ).fetchall()
                links = conn.execute(
                    "SELECT r.source_id, r.target_id, s.document_id FROM relations r"
                    " JOIN spans s ON s.id = r.source_id"
                    f" WHERE r.type = ? AND s.document_id IN ({marks})",
                    (SPEAKER, *part),
                ).fetchall()
            places: dict[int, dict[int, PlaceOf]] = {i: {} for i in part}
            for span_id, doc, start, end, label, who in spans:
                places[doc][span_id] = (start, end, label, who)
            speakers: dict[int, list[tuple[int, int]]] = {i: [] for i in part}
            for source, target, doc in links:
                if source in places[doc] and target in places[doc]:
                    speakers[doc].append((source, target))
            found = {int(r[0]): r for r in texts}
            for i in part:
                if i in found:
                    _, title, text = found[i]
                    yield WorkRead(i, str(title), str(text), places[i], speakers[i])
