"""Read-side queries: exports, statistics and the consistency check (the list: document_list)."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from annotator.core.errors import NotFoundError, ProjectFileError
from annotator.core.labels import name_error
from annotator.core.model import (
    Status,
    StoredAnnotatedDocument,
)
from annotator.core.text import text_sha256
from annotator.store import evidence, suggestions
from annotator.store.rows import (
    DOCUMENT_COLUMNS,
    RELATION_COLUMNS,
    SPAN_COLUMNS,
    SPAN_ORDER,
    as_status,
    document_from_row,
    highest_status,
    relation_from_row,
    span_from_row,
)
from annotator.store.speakers import broken_links


@dataclass(frozen=True, slots=True)
class ProjectStats:
    """Counts for ``annotator stats`` and the window's status bar.

    ``by_status`` counts each document once, by the most advanced status any annotator gave it;
    ``by_annotator`` has, for every known annotator, documents by that annotator's status.
    """

    documents: int
    spans: int
    relations: int
    by_status: Mapping[Status, int] = field(default_factory=dict, hash=False)
    by_annotator: Mapping[str, Mapping[Status, int]] = field(default_factory=dict, hash=False)
    spans_by_label: Mapping[str, int] = field(default_factory=dict, hash=False)
    spans_by_annotator: Mapping[str, int] = field(default_factory=dict, hash=False)


def annotated(
    conn: sqlite3.Connection,
    document_id: int,
    *,
    annotators: Collection[str] | None = None,
    labels: Collection[str] | None = None,
    status: Status | None = None,
) -> StoredAnnotatedDocument:
    """A document with the spans of ``annotators`` (None: everyone's; some labels), the
    relations between them, and ``status`` (None: the highest any annotator gave)."""
    row = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"document {document_id} does not exist")
    shared: dict[str, str] = {}
    spans = [
        span_from_row(r, shared)
        for r in conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document_id = ? ORDER BY {SPAN_ORDER}",
            (document_id,),
        )
    ]
    if annotators is not None:
        whose = set(annotators)
        spans = [s for s in spans if s.annotator in whose]
    if labels is not None:
        wanted = set(labels)
        spans = [s for s in spans if s.label in wanted]
    kept = {s.id for s in spans}
    relations = [
        relation_from_row(r)
        for r in conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE source_id IN"
            " (SELECT id FROM spans WHERE document_id = ?) ORDER BY id",
            (document_id,),
        )
    ]
    relations = [r for r in relations if r.source_id in kept and r.target_id in kept]
    if status is None:
        status = highest_status(conn, document_id)
    return StoredAnnotatedDocument(document_from_row(row), tuple(spans), tuple(relations), status)


def span_texts(conn: sqlite3.Connection, recent: int) -> list[str]:
    """The distinct texts of the project's ``recent`` newest spans (clitic evidence): the
    texts stored with the spans (schema 4), never a ``substr`` per span."""
    if not evidence.has_evidence(conn):
        by_document: dict[int, list[tuple[int, int]]] = {}
        for doc_id, start, end in conn.execute(
            'SELECT document_id, start, "end" FROM spans ORDER BY id DESC LIMIT ?', (recent,)
        ):
            by_document.setdefault(doc_id, []).append((start, end))
        found: dict[str, None] = {}
        for doc_id, places in by_document.items():
            row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is not None:
                found.update((row[0][a:b], None) for a, b in places)
        return list(found)
    rows = conn.execute("SELECT text FROM spans ORDER BY id DESC LIMIT ?", (recent,))
    return list(dict.fromkeys(r[0] for r in rows))


def whose(annotators: Collection[str] | None, column: str) -> tuple[str, list[str]]:
    """The SQL condition (`` AND column IN (...)``, or nothing for None: everyone) and its
    parameters that keep the rows of ``annotators``."""
    if annotators is None:
        return "", []
    names = sorted(set(annotators))
    return f" AND {column} IN ({', '.join('?' * len(names))})", names


def counts(
    conn: sqlite3.Connection, document_id: int, annotators: Collection[str] | None = None
) -> tuple[int, int]:
    """(spans, relations) of one document, of ``annotators`` (None: everyone's)."""
    where, names = whose(annotators, "annotator")
    spans = conn.execute(
        f"SELECT count(*) FROM spans WHERE document_id = ?{where}", (document_id, *names)
    ).fetchone()[0]
    relations = conn.execute(
        "SELECT count(*) FROM relations WHERE source_id IN"
        f" (SELECT id FROM spans WHERE document_id = ?{where})",
        (document_id, *names),
    ).fetchone()[0]
    return int(spans), int(relations)


def stats(conn: sqlite3.Connection) -> ProjectStats:
    documents = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    spans = int(conn.execute("SELECT count(*) FROM spans").fetchone()[0])
    relations = int(conn.execute("SELECT count(*) FROM relations").fetchone()[0])
    by_status = dict.fromkeys(Status, 0)
    for rank, n in conn.execute(
        "SELECT top, count(*) FROM (SELECT max(CASE status WHEN 'done' THEN 2 ELSE 1 END) AS top"
        " FROM document_status GROUP BY document_id) GROUP BY top"
    ):
        by_status[Status.DONE if rank == 2 else Status.IN_PROGRESS] += n
    by_status[Status.NEW] = documents - by_status[Status.DONE] - by_status[Status.IN_PROGRESS]
    names = {r[0] for r in conn.execute("SELECT name FROM annotators")}
    names |= {r[0] for r in conn.execute("SELECT DISTINCT annotator FROM document_status")}
    by_annotator: dict[str, dict[Status, int]] = {
        name: dict.fromkeys(Status, 0) for name in sorted(names)
    }
    for name, status, n in conn.execute(
        "SELECT annotator, status, count(*) FROM document_status GROUP BY annotator, status"
    ):
        by_annotator[name][as_status(status, f"a status of {name}")] = n
    for counts in by_annotator.values():
        counts[Status.NEW] = documents - counts[Status.IN_PROGRESS] - counts[Status.DONE]
    spans_by_label: dict[str, int] = {
        r[0]: 0 for r in conn.execute("SELECT name FROM labels ORDER BY ord, name")
    }
    for label, n in conn.execute("SELECT label, count(*) FROM spans GROUP BY label"):
        spans_by_label[label] = n
    spans_by_annotator = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT annotator, count(*) FROM spans GROUP BY annotator ORDER BY annotator"
        )
    }
    return ProjectStats(
        documents, spans, relations, by_status, by_annotator, spans_by_label, spans_by_annotator
    )


# Rows whose JSON column is not a JSON object (json_valid is false for text that is not JSON).
_NOT_AN_OBJECT = (
    "SELECT id, substr(quote({column}), 1, 60) FROM {table} WHERE NOT json_valid({column})"
    " OR json_type({column}) <> 'object' ORDER BY id"
)


def check(conn: sqlite3.Connection) -> list[str]:
    """Problems in plain words, each naming the document, span or relation; empty when fine."""
    problems = [
        f"database integrity: {r[0]}"
        for r in conn.execute("PRAGMA integrity_check")
        if r[0] != "ok"
    ]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid} refers to a missing row of {parent}")
    lengths: dict[int, int] = {}
    for doc_id, text, sha, length in conn.execute(
        "SELECT id, text, text_sha256, length FROM documents ORDER BY id"
    ):
        if type(text) is not str:
            problems.append(f"document {doc_id}: its text is {type(text).__name__}, not text")
            lengths[doc_id] = 0
            continue
        lengths[doc_id] = len(text)
        if text_sha256(text) != sha:
            problems.append(
                f"document {doc_id}: the text does not match its sha256 (changed after import)"
            )
        if length != len(text):
            problems.append(
                f"document {doc_id}: recorded length {length}, but the text has {len(text)}"
                " characters"
            )
    problems.extend(
        f"document {doc_id}: its metadata is not a JSON object: {meta}"
        for doc_id, meta in conn.execute(_NOT_AN_OBJECT.format(column="meta", table="documents"))
    )
    problems.extend(
        f"document {doc_id}: its {column} is {kind}, not text"
        for column in ("title", "source", "url", "published")
        for doc_id, kind in conn.execute(
            f"SELECT id, typeof({column}) FROM documents WHERE typeof({column}) <> 'text'"
        )
    )
    problems.extend(
        f"label {name!r}: unknown kind {kind!r} (entity, event or quote)"
        for name, kind in conn.execute(
            "SELECT name, kind FROM labels WHERE kind NOT IN ('entity', 'event', 'quote')"
        )
    )
    problems.extend(
        f"document {doc_id}: unknown status {status!r} for {who!r}"
        for doc_id, who, status in conn.execute(
            "SELECT document_id, annotator, status FROM document_status"
            " WHERE status NOT IN ('in_progress', 'done')"
        )
    )
    known = {r[0] for r in conn.execute("SELECT name FROM labels")}
    for name in sorted(known, key=repr):
        problem = name_error(name) if isinstance(name, str) else f"label {name!r}: not text"
        if problem is not None:
            problems.append(f"{problem}: rename it (Labels…) before exporting")
    span_docs: dict[int, int] = {}
    for span_id, doc_id, start, end, label in conn.execute(
        'SELECT id, document_id, start, "end", label FROM spans ORDER BY id'
    ):
        span_docs[span_id] = doc_id
        where = f"span {span_id} ({label} at {start}-{end}) in document {doc_id}"
        if doc_id not in lengths:
            problems.append(f"{where}: the document does not exist")
        elif type(start) is not int or type(end) is not int:
            problems.append(f"{where}: the offsets are not integers")
        elif not 0 <= start < end <= lengths[doc_id]:
            problems.append(
                f"{where}: outside the text (must be 0 <= start < end <= {lengths[doc_id]})"
            )
        if label not in known:
            problems.append(f"{where}: unknown label {label!r}")
    problems.extend(
        f"span {span_id}: its attributes are not a JSON object: {attributes}"
        for span_id, attributes in conn.execute(
            _NOT_AN_OBJECT.format(column="attributes", table="spans")
        )
    )
    for rel_id, rel_type, source, target in conn.execute(
        "SELECT id, type, source_id, target_id FROM relations ORDER BY id"
    ):
        where = f"relation {rel_id} ({rel_type} from span {source} to span {target})"
        missing = [s for s in (source, target) if s not in span_docs]
        for span_id in missing:
            problems.append(f"{where}: span {span_id} does not exist")
        if not missing and span_docs[source] != span_docs[target]:
            problems.append(
                f"{where}: the spans are in different documents "
                f"({span_docs[source]} and {span_docs[target]})"
            )
    try:
        broken = broken_links(conn)
    except ProjectFileError as exc:  # a damaged label, listed above
        return [*problems, f"the speaker links were not checked: {exc}"]
    problems.extend(
        f"relation {r.id} (speaker from span {r.source_id} to span {r.target_id}): {reason}; "
        "remove the link, or change the labels (Labels…)"
        for r, reason in broken
    )
    return problems + suggestions.check(conn)
