"""Many spans brought back in one edit, in a few queries: the redo of a project-wide label-all
(issue 11, docs/adr/0068).

Undoing a label-all (store/spans_bulk_remove.py) returns the spans as they were, ids and times
kept, with their documents' statuses set back: a Composite of thousands of ``AddSpan`` with
ids and ``SetStatus`` expecting what they undo (and ``AddRelation`` for links they had). This
applies it as ``edits_apply`` would, step by step on what was read in batches, then inserts in
queries of many rows, then adds the links the usual way, and returns the same inverse. (A
link's refusal is therefore found after every span's, where the usual path finds it in its
place: only the message of an edit wrong twice can differ; nothing is written either way.)
A span with no id, a span or id twice, a link to a span added after it, or another kind of
step goes the usual way.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from typing import Any

from annotator.core.edits import AddRelation, AddSpan, Composite, Edit, RemoveSpan, SetStatus
from annotator.core.errors import ValidationError
from annotator.core.model import Span
from annotator.store import actor as actor_rules
from annotator.store import edits_apply
from annotator.store.connection import now
from annotator.store.edits_apply import describe
from annotator.store.rows import dump_json
from annotator.store.spans_bulk import (
    SMALLEST,
    check_span,
    ids_in,
    place,
    read_lengths,
    span_texts,
    spans_there,
)
from annotator.store.spans_bulk_status import (
    bump,
    flatten,
    read_statuses,
    set_status,
    write_statuses,
)

Step = AddSpan | SetStatus | AddRelation


def restores(edit: Edit) -> list[Step] | None:
    """The steps of a Composite of AddSpan with ids (each id and place once), SetStatus
    expecting what they undo, and links whose spans are there before them; else None."""
    if not isinstance(edit, Composite) or len(edit.edits) < SMALLEST:
        return None
    steps: list[Step] = []
    ids: set[int] = set()
    places: set[tuple[int, int, int, str, str]] = set()
    for e in edit.edits:
        if isinstance(e, AddSpan):
            span = e.span
            if span.id is None or span.id in ids or place(span) in places:
                return None
            ids.add(span.id)
            places.add(place(span))
        elif isinstance(e, AddRelation):
            steps.append(e)
            continue
        elif not (isinstance(e, SetStatus) and e.expect is not None):
            return None
        steps.append(e)
    later = _added_later(steps)
    if not ids or later:
        return None
    return steps


def _added_later(steps: Sequence[Step]) -> bool:
    """True when a link names a span a later step of the edit adds (the usual path refuses
    it: its span does not exist yet)."""
    seen: set[int] = set()
    ids = {s.span.id for s in steps if isinstance(s, AddSpan)}
    for step in steps:
        if isinstance(step, AddSpan) and step.span.id is not None:
            seen.add(step.span.id)
        elif isinstance(step, AddRelation):
            ends = {step.relation.source_id, step.relation.target_id}
            if ends & ids - seen:
                return True
    return False


def restore_spans(conn: sqlite3.Connection, steps: list[Step], actor: str | None) -> Edit:
    """Apply ``steps`` (from ``restores``, inside the caller's transaction) and return the
    inverse, as ``apply_edit`` would for their Composite."""
    spans = [s.span for s in steps if isinstance(s, AddSpan)]
    documents = sorted(
        {s.document_id for s in spans} | {s.document_id for s in steps if isinstance(s, SetStatus)}
    )
    lengths = read_lengths(conn, documents)
    texts = dict(zip((s.id for s in spans), span_texts(conn, spans, lengths), strict=True))
    there = spans_there(conn, documents)
    used = ids_in(conn, "spans", [s.id for s in spans if s.id is not None])
    before = read_statuses(conn, documents)
    statuses = dict(before)  # followed step by step
    known = ids_in(conn, "documents", documents)
    labels: set[str] = set()
    stamp = now()
    rows: list[tuple[Any, ...]] = []
    inverses: list[Edit | None] = []
    links: list[tuple[int, AddRelation]] = []  # applied once the spans are in
    for step in steps:
        if isinstance(step, AddRelation):
            links.append((len(inverses), step))
            inverses.append(None)
            continue
        if actor is not None:
            actor_rules.check(conn, step, actor)  # both kinds name whose they are: no reads
        if isinstance(step, SetStatus):
            inverses.append(set_status(step, statuses, known, stamp))
            continue
        span = step.span
        check_span(conn, span, lengths.get(span.document_id), labels, there)
        if span.id in used:
            raise ValidationError(f"{describe(span)}: span id {span.id} is already used")
        created = span.created or stamp
        updated = span.updated or created
        moved = bump(statuses, (span.document_id, span.annotator), stamp)
        rows.append(_row(span, created, updated, texts[span.id]))
        assert span.id is not None
        inverses.append(Composite((RemoveSpan(span.id, expect=updated), *moved)))
    conn.executemany(
        'INSERT INTO spans (id, document_id, start, "end", label, annotator, created, updated,'
        " attributes, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.executemany(
        "UPDATE span_counts SET spans = spans + ? WHERE document_id = ?",
        ((n, d) for d, n in Counter(r[1] for r in rows).items()),
    )
    write_statuses(conn, before, statuses)
    for at, link in links:  # the usual way, in order, now that their spans are there
        inverses[at] = edits_apply.apply_edit(conn, link, actor=actor)
    return Composite(tuple(flatten([e for e in inverses if e is not None])))


def _row(span: Span, created: str, updated: str, text: str | None) -> tuple[Any, ...]:
    attributes = dump_json(span.attributes) if span.attributes else dump_json({})
    return (span.id, span.document_id, span.start, span.end, span.label, span.annotator,
            created, updated, attributes, text or "")  # fmt: skip
