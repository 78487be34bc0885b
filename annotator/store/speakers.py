"""The speaker rule in the project file (core/speakers.py; docs/adr/0029).

``check_link`` refuses a new speaker link that breaks the rule; ``drop_broken`` removes, inside
the caller's transaction, the speaker links an edit has just broken and returns the AddRelation
edits that bring them back (appended to that edit's inverse, after the part that restores the
labels, so the links are valid again when they return); ``broken_links`` is what ``check`` lists.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from annotator.core.edits import AddRelation, Edit
from annotator.core.errors import ValidationError
from annotator.core.model import SPEAKER, LabelSet, Relation
from annotator.core.speakers import describe, link_problem
from annotator.store.rows import labels as read_labels
from annotator.store.rows import relation_from_row


def check_link(conn: sqlite3.Connection, relation: Relation, where: str) -> None:
    """ValidationError naming the labels when ``relation`` is a new speaker link (no id yet) the
    rule refuses. A relation with its id is one an inverse brings back as it was in the file (an
    undo), even one that broke the rule before (from an older file, an import)."""
    if relation.type != SPEAKER or relation.id is not None:
        return
    names = [
        conn.execute("SELECT label FROM spans WHERE id = ?", (span_id,)).fetchone()
        for span_id in (relation.source_id, relation.target_id)
    ]
    if names[0] is None or names[1] is None:
        return  # check_relation names the missing span
    labels = read_labels(conn)
    problem = link_problem(SPEAKER, labels.get(names[0][0]), labels.get(names[1][0]))
    if problem is not None:
        reason = describe(problem, names[0][0], names[1][0], labels.speakers)
        raise ValidationError(f"{where}: {reason}")


_LINKS = (
    "SELECT r.id, r.type, r.source_id, r.target_id, r.annotator, s.label, t.label"
    " FROM relations r JOIN spans s ON s.id = r.source_id JOIN spans t ON t.id = r.target_id"
    " WHERE r.type = ?"
)


def broken_links(
    conn: sqlite3.Connection,
    *,
    span_id: int | None = None,
    label_names: Sequence[str] = (),
    labels: LabelSet | None = None,
) -> list[tuple[Relation, str]]:
    """Speaker links that break the rule, with the reason in English: those touching
    ``span_id``, or a span of one of ``label_names``, or (neither given) all of them."""
    sql = _LINKS
    params: list[object] = [SPEAKER]
    if span_id is not None:
        sql += " AND (r.source_id = ? OR r.target_id = ?)"
        params += [span_id, span_id]
    elif label_names:
        marks = ",".join("?" * len(label_names))
        sql += f" AND (s.label IN ({marks}) OR t.label IN ({marks}))"
        params += [*label_names, *label_names]
    rows = conn.execute(sql + " ORDER BY r.id", params).fetchall()
    if not rows:
        return []  # most edits: no speaker link there, no label set to read
    labels = read_labels(conn) if labels is None else labels
    found = []
    for row in rows:
        source, target = row[5], row[6]
        problem = link_problem(SPEAKER, labels.get(source), labels.get(target))
        if problem is not None:
            reason = describe(problem, str(source), str(target), labels.speakers)
            found.append((relation_from_row(row[:5]), reason))
    return found


def drop_broken(
    conn: sqlite3.Connection, *, span_id: int | None = None, label_names: Sequence[str] = ()
) -> list[Edit]:
    """Delete the speaker links an edit just broke (see ``broken_links``); their AddRelation."""
    if span_id is None and not label_names:
        return []
    broken = [r for r, _ in broken_links(conn, span_id=span_id, label_names=label_names)]
    conn.executemany("DELETE FROM relations WHERE id = ?", [(r.id,) for r in broken])
    return [AddRelation(r) for r in broken]
