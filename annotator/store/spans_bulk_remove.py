"""Many spans removed in one edit, in a few queries: the undo of a project-wide label-all
(issue 11, docs/adr/0068, 0073).

The inverse of ``spans_bulk.add_spans`` is a Composite of thousands of ``RemoveSpan`` (each
expecting the span as the label-all left it) with a ``SetStatus`` back to NEW after the first
span of each document it moved. ``edits_apply.remove_span`` spends about six queries on each.
This makes the same checks in the same order with the same messages, on the spans, links and
statuses read in batches and followed step by step in memory, then deletes and writes in
queries of many rows and returns the same inverse. An edit that removes a span twice, or holds
another kind of step, goes the usual way.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Composite,
    Edit,
    RemoveRelation,
    RemoveSpan,
    SetStatus,
)
from annotator.core.errors import ConflictError, NotFoundError
from annotator.core.model import Relation, Status, StoredSpan
from annotator.store import actor as actor_rules
from annotator.store.connection import now
from annotator.store.rows import (
    RELATION_COLUMNS,
    SPAN_COLUMNS,
    relation_from_row,
    span_from_row,
)
from annotator.store.spans_bulk import SMALLEST, chunks, ids_in
from annotator.store.spans_bulk_status import (
    bump,
    flatten,
    read_statuses,
    set_status,
    write_statuses,
)

Step = RemoveSpan | SetStatus | RemoveRelation


def removals(edit: Edit) -> list[Step] | None:
    """The steps of a Composite of RemoveSpan (each span once), RemoveRelation (each link
    once) and SetStatus back to NEW expecting what it undoes; else None."""
    if not isinstance(edit, Composite) or len(edit.edits) < SMALLEST:
        return None
    steps: list[Step] = []
    ids: set[int] = set()
    links: set[int] = set()
    for e in edit.edits:
        if isinstance(e, RemoveSpan) and e.span_id not in ids:
            ids.add(e.span_id)
        elif isinstance(e, RemoveRelation) and e.relation_id not in links:
            links.add(e.relation_id)
        elif not (isinstance(e, SetStatus) and e.status is Status.NEW and e.expect is not None):
            return None
        steps.append(e)
    return steps if ids else None


def remove_spans(conn: sqlite3.Connection, steps: list[Step], actor: str | None) -> Edit:
    """Apply ``steps`` (from ``removals``, inside the caller's transaction) and return the
    inverse, as ``apply_edit`` would for their Composite."""
    span_ids = [s.span_id for s in steps if isinstance(s, RemoveSpan)]
    spans = _spans(conn, span_ids)
    asked = [s.relation_id for s in steps if isinstance(s, RemoveRelation)]
    links, named = _links(conn, span_ids, asked)
    documents = sorted({s.document_id for s in spans.values()} | _status_documents(steps))
    before = read_statuses(conn, documents)
    statuses = dict(before)  # followed step by step
    known = ids_in(conn, "documents", documents)
    stamp = now()
    taken: set[int] = set()  # links removed by an earlier step
    inverses: list[Edit] = []
    for step in steps:
        if actor is not None:
            _check_actor(conn, step, spans, actor)
        if isinstance(step, RemoveRelation):
            inverses.append(_unlink(step, named, taken, actor))
        elif isinstance(step, RemoveSpan):
            span = _target(spans, step)
            mine = [r for r in links.get(span.id, []) if r.id not in taken]
            taken.update(r.id for r in mine if r.id is not None)
            moved = bump(statuses, (span.document_id, span.annotator), stamp)
            inverses.append(Composite((AddSpan(span), *map(AddRelation, mine), *moved)))
        else:
            inverses.append(set_status(step, statuses, known, stamp))
    _write(conn, spans, taken)
    write_statuses(conn, before, statuses)
    return Composite(tuple(flatten(inverses)))


def _status_documents(steps: Sequence[SetStatus | object]) -> set[int]:
    return {s.document_id for s in steps if isinstance(s, SetStatus)}


def _check_actor(
    conn: sqlite3.Connection, step: Step, spans: dict[int, StoredSpan], actor: str
) -> None:
    """``actor.check`` on the spans read (a span gone is left to the step's own error)."""
    if isinstance(step, SetStatus):
        actor_rules.check(conn, step, actor)  # the step names whose status: no read
    elif isinstance(step, RemoveRelation):
        return  # checked by _unlink, which knows whether an earlier step removed it
    elif step.span_id in spans:
        actor_rules.check_owner(step.span_id, spans[step.span_id].annotator, actor)


def _unlink(
    step: RemoveRelation, named: dict[int, Relation], taken: set[int], actor: str | None
) -> Edit:
    """``actor.check`` then ``edits_apply.remove_relation`` on the links read (one an
    earlier step removed is gone)."""
    relation = None if step.relation_id in taken else named.get(step.relation_id)
    if actor is not None and relation is not None:
        actor_rules.check_link_owner(step.relation_id, relation.annotator, actor)
    if relation is None:
        if step.expect is None:
            raise NotFoundError(f"relation {step.relation_id} does not exist")
        raise ConflictError(
            f"relation {step.relation_id} no longer exists: another window or program removed it"
        )
    if step.expect is not None and relation != step.expect:
        raise ConflictError(f"relation {step.relation_id} was changed since: it is now {relation}")
    taken.add(step.relation_id)
    return AddRelation(relation)


def _target(spans: dict[int, StoredSpan], step: RemoveSpan) -> StoredSpan:
    """``edits_apply._target``: the span, as the step expects it."""
    span = spans.get(step.span_id)
    if span is None:
        if step.expect is None:
            raise NotFoundError(f"span {step.span_id} does not exist")
        raise ConflictError(
            f"span {step.span_id} no longer exists: another window or program deleted it since"
        )
    if step.expect is not None and span.updated != step.expect:
        raise ConflictError(
            f"span {span.id} was changed since by another window or program: it is now "
            f"{span.label} at {span.start}-{span.end} (by {span.annotator or 'no annotator'}, "
            f"changed {span.updated})"
        )
    return span


def _write(
    conn: sqlite3.Connection,
    spans: dict[int, StoredSpan],
    links: set[int],
) -> None:
    """The links and spans deleted, the span counts lowered."""
    conn.executemany("DELETE FROM relations WHERE id = ?", ((i,) for i in sorted(links)))
    conn.executemany("DELETE FROM spans WHERE id = ?", ((i,) for i in spans))
    counts = Counter(s.document_id for s in spans.values())
    conn.executemany(
        "UPDATE span_counts SET spans = spans - ? WHERE document_id = ?",
        ((n, d) for d, n in counts.items()),
    )


def _spans(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, StoredSpan]:
    out: dict[int, StoredSpan] = {}
    shared: dict[str, str] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE id IN ({marks})", tuple(chunk)
        ):
            span = span_from_row(row, shared)
            out[span.id] = span
    return out


def _links(
    conn: sqlite3.Connection, ids: Sequence[int], asked: Sequence[int]
) -> tuple[dict[int, list[Relation]], dict[int, Relation]]:
    """The links of each span (as source or target) in id order, and the links ``asked``
    for by id (those that exist)."""
    found: dict[int, Relation] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations"
            f" WHERE source_id IN ({marks}) OR target_id IN ({marks})",
            (*chunk, *chunk),
        ):
            relation = relation_from_row(row)
            found[relation.id or 0] = relation
    named: dict[int, Relation] = {}
    for chunk in chunks(asked):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE id IN ({marks})", tuple(chunk)
        ):
            relation = relation_from_row(row)
            named[relation.id or 0] = relation
    out: dict[int, list[Relation]] = {}
    for _, relation in sorted(found.items()):
        for end in {relation.source_id, relation.target_id}:
            out.setdefault(end, []).append(relation)
    return out, named
