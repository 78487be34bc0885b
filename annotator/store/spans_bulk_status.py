"""The statuses of a bulk edit (store/spans_bulk_remove.py, spans_bulk_restore.py), read once,
followed step by step in memory as ``edits_apply`` would move them, and written at the end."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from annotator.core.edits import Composite, Edit, SetStatus, StatusWas
from annotator.core.errors import ConflictError, NotFoundError
from annotator.core.model import Status
from annotator.store.rows import as_status
from annotator.store.spans_bulk import chunks

StatusKey = tuple[int, str]
Statuses = dict[StatusKey, tuple[Status, str | None]]
"""(document, annotator) -> (status, its time); a key missing is NEW."""


def read_statuses(conn: sqlite3.Connection, documents: Sequence[int]) -> Statuses:
    out: Statuses = {}
    for chunk in chunks(documents):
        marks = ",".join("?" * len(chunk))
        for d, annotator, status, updated in conn.execute(
            "SELECT document_id, annotator, status, updated FROM document_status"
            f" WHERE document_id IN ({marks})",
            tuple(chunk),
        ):
            out[int(d), str(annotator)] = (as_status(status, f"a status of document {d}"), updated)
    return out


def bump(statuses: Statuses, key: StatusKey, stamp: str) -> list[Edit]:
    """``edits_apply.bump_status`` in memory: NEW -> IN_PROGRESS; the inverse to append."""
    if statuses.get(key, (Status.NEW, None))[0] is not Status.NEW:
        return []
    statuses[key] = (Status.IN_PROGRESS, stamp)
    return [SetStatus(*key, Status.NEW, expect=StatusWas(Status.IN_PROGRESS, stamp))]


def set_status(step: SetStatus, statuses: Statuses, known: set[int], stamp: str) -> Edit:
    """``edits_apply.set_status`` in memory, with its messages; the inverse."""
    if step.document_id not in known:
        raise NotFoundError(f"document {step.document_id} does not exist")
    key = (step.document_id, step.annotator)
    old_status, old_updated = statuses.get(key, (Status.NEW, None))
    if step.expect is not None and step.expect != StatusWas(old_status, old_updated):
        raise ConflictError(
            f"the status of document {step.document_id} for {step.annotator or 'no annotator'} "
            f"was changed since by another window or program: it is now {old_status}"
        )
    status = step.status if isinstance(step.status, Status) else Status(step.status)
    given = None if status is Status.NEW else step.updated or stamp
    statuses[key] = (status, given)
    return SetStatus(*key, old_status, old_updated, StatusWas(status, given))


def write_statuses(conn: sqlite3.Connection, before: Statuses, after: Statuses) -> None:
    """The rows of ``document_status`` from ``before`` to ``after``."""
    gone = [k for k in before if after.get(k, (Status.NEW, None))[0] is Status.NEW]
    conn.executemany("DELETE FROM document_status WHERE document_id = ? AND annotator = ?", gone)
    conn.executemany(
        "INSERT INTO document_status (document_id, annotator, status, updated)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator)"
        " DO UPDATE SET status = excluded.status, updated = excluded.updated",
        (
            (d, a, status.value, updated)
            for (d, a), (status, updated) in after.items()
            if status is not Status.NEW and before.get((d, a)) != (status, updated)
        ),
    )


def flatten(inverses: list[Edit]) -> list[Edit]:
    """The inverses of a Composite's steps as its inverse: last step's first, flat."""
    flat: list[Edit] = []
    for inverse in reversed(inverses):
        flat.extend(inverse.edits if isinstance(inverse, Composite) else (inverse,))
    return flat
