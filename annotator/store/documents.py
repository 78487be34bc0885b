"""Adding documents with their spans and relations: validated in Python, inserted in batches.

Validation happens before anything of the document is written. Ids are assigned here (max + 1)
while the write lock is held, so a whole batch goes in with a few ``executemany`` calls.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatedDocument, Document, Status
from annotator.core.text import canonical_text, text_sha256
from annotator.store import evidence, list_index, text_index
from annotator.store.rows import dump_json

OnInvalid = Callable[[AnnotatedDocument, ValidationError], None]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A validated document: its row values and its spans and relations by local index."""

    source: AnnotatedDocument
    document: Document  # id None, sha256 and imported_at filled
    meta_json: str
    spans: tuple[tuple[Any, ...], ...]  # (start, end, label, annotator, created, updated, attrs)
    relations: tuple[tuple[str, int, int, str], ...]  # (type, source index, target index, annot.)


def _stored(doc: Document, doc_id: int | None, sha: str, stamp: str) -> Document:
    """``doc`` as stored (``dataclasses.replace`` is slow enough to show in the benchmark)."""
    return Document(
        doc_id, doc.title, doc.text, sha, doc.source, doc.url, doc.published, doc.meta, stamp
    )


def _name(doc: Document) -> str:
    return f"document {doc.title!r}" if doc.title else "document"


def _encodable(value: str) -> bool:
    """False for a string SQLite cannot store: one holding a lone UTF-16 surrogate."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _surrogate(found: str | UnicodeEncodeError) -> str:
    """Words for a lone surrogate (from JSON with a broken \\ud800 escape, say) and where."""
    if isinstance(found, UnicodeEncodeError):
        at, char = found.start, found.object[found.start]
    else:
        at = next(i for i, c in enumerate(found) if "\ud800" <= c <= "\udfff")
        char = found[at]
    return (
        f"holds a lone UTF-16 surrogate U+{ord(char):04X} at offset {at}, "
        "which is not a character (half of a broken pair)"
    )


def prepare(
    item: AnnotatedDocument, *, annotator: str, labels: Collection[str], stamp: str
) -> Prepared:
    """Validate one document; ValidationError naming the offending span or relation."""
    doc = item.document
    where = _name(doc)
    if not doc.text:
        raise ValidationError(f"{where}: the text is empty")
    if canonical_text(doc.text) != doc.text:
        raise ValidationError(
            f"{where}: the text is not canonical (leading BOM or CR line ends); "
            "pass it through canonical_text() before adding it"
        )
    try:
        sha = text_sha256(doc.text)
    except UnicodeEncodeError as exc:
        raise ValidationError(f"{where}: the text {_surrogate(exc)}") from exc
    if doc.text_sha256 and doc.text_sha256 != sha:
        raise ValidationError(f"{where}: text_sha256 does not match the text")
    try:
        meta_json = dump_json(doc.meta)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"{where}: metadata is not JSON: {exc}") from exc
    for field, value in (
        ("title", doc.title),
        ("source", doc.source),
        ("url", doc.url),
        ("published", doc.published),
        ("metadata", meta_json),
    ):
        if not _encodable(value):
            raise ValidationError(f"{where}: the {field} {_surrogate(value)}")
    length = len(doc.text)
    index: dict[int, int] = {}
    places: set[tuple[int, int, str, str]] = set()
    spans: list[tuple[Any, ...]] = []
    for i, span in enumerate(item.spans):
        start, end, label = span.start, span.end, span.label
        problem = ""
        if not 0 <= start < end <= length:
            problem = f"must satisfy 0 <= start < end <= {length}"
        elif label not in labels:
            problem = f"unknown label {label!r}"
        who = span.annotator or annotator
        place = (start, end, label, who)
        if not problem and place in places:
            problem = "the same span appears twice"
        places.add(place)
        if not problem and span.id is not None:
            if span.id in index:
                problem = f"span id {span.id} appears twice"
            index[span.id] = i
        if not problem:
            try:
                attrs = dump_json(span.attributes)
            except (TypeError, ValueError) as exc:
                problem = f"attributes are not JSON: {exc}"
            else:
                for field, value in (("annotator", who), ("attributes", attrs)):
                    if not problem and not _encodable(value):
                        problem = f"the {field} {_surrogate(value)}"
        if problem:
            name = f"span {span.id if span.id is not None else i + 1} ({label} at {start}-{end})"
            raise ValidationError(f"{where}: {name}: {problem}")
        created = span.created or stamp
        spans.append((start, end, label, who, created, span.updated or created, attrs))
    relations: list[tuple[str, int, int, str]] = []
    for relation in item.relations:
        name = f"{where}: relation {relation.type!r} from span {relation.source_id}"
        name += f" to span {relation.target_id}"
        if not relation.type:
            raise ValidationError(f"{name}: the relation type is empty")
        if relation.source_id not in index or relation.target_id not in index:
            raise ValidationError(f"{name}: both spans must be spans of this document")
        if relation.source_id == relation.target_id:
            raise ValidationError(f"{name}: a span cannot be related to itself")
        for field, value in (("type", relation.type), ("annotator", relation.annotator)):
            if not _encodable(value):
                raise ValidationError(f"{name}: the {field} {_surrogate(value)}")
        relations.append(
            (
                relation.type,
                index[relation.source_id],
                index[relation.target_id],
                relation.annotator or annotator,
            )
        )
    document = _stored(doc, None, sha, stamp)
    return Prepared(item, document, meta_json, tuple(spans), tuple(relations))


def existing_hashes(conn: sqlite3.Connection, hashes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(hashes), 500):
        chunk = hashes[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT text_sha256 FROM documents WHERE text_sha256 IN ({marks})", chunk
            )
        )
    return found


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def insert(
    conn: sqlite3.Connection, prepared: Iterable[Prepared], *, annotator: str, stamp: str
) -> tuple[list[Document], list[Prepared]]:
    """Insert validated documents (inside the caller's write transaction), skipping known texts.

    Returns the documents added (with ids) and the duplicates (their text is here already;
    store/attaching.py may add their spans to it).
    """
    items = list(prepared)
    known = existing_hashes(conn, [p.document.text_sha256 for p in items])
    doc_id = _next_id(conn, "documents")
    span_id = _next_id(conn, "spans")
    relation_id = _next_id(conn, "relations")
    doc_rows: list[tuple[Any, ...]] = []
    span_rows: list[tuple[Any, ...]] = []
    relation_rows: list[tuple[Any, ...]] = []
    status_rows: list[tuple[Any, ...]] = []
    added: list[Document] = []
    duplicates: list[Prepared] = []
    for p in items:
        d = p.document
        if d.text_sha256 in known:
            duplicates.append(p)
            continue
        known.add(d.text_sha256)
        doc_rows.append(
            (doc_id, d.title, d.source, d.url, d.published, len(d.text), d.text_sha256,
             p.meta_json, d.imported_at, d.text)
        )  # fmt: skip
        first_span = span_id
        for row in p.spans:
            span_rows.append((span_id, doc_id, *row, d.text[row[0] : row[1]]))
            span_id += 1
        for type_, source, target, who in p.relations:
            relation_rows.append(
                (relation_id, type_, first_span + source, first_span + target, who)
            )
            relation_id += 1
        if p.source.status is not Status.NEW:
            status_rows.append((doc_id, annotator, Status(p.source.status).value, stamp))
        added.append(_stored(d, doc_id, d.text_sha256, d.imported_at))
        doc_id += 1
    conn.executemany(
        "INSERT INTO documents (id, title, source, url, published, length, text_sha256, meta,"
        " imported_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        doc_rows,
    )
    conn.executemany(
        'INSERT INTO spans (id, document_id, start, "end", label, annotator, created, updated,'
        " attributes, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        span_rows,
    )
    evidence.add_counts(conn, evidence.folded_counts(row[-1] for row in doc_rows))
    spans_of = Counter(row[1] for row in span_rows)
    list_index.add_documents(conn, ((row[0], row[1], spans_of[row[0]]) for row in doc_rows))
    text_index.add_texts(conn, ((row[0], row[-1]) for row in doc_rows))
    conn.executemany(
        "INSERT INTO relations (id, type, source_id, target_id, annotator) VALUES (?, ?, ?, ?, ?)",
        relation_rows,
    )
    conn.executemany(
        "INSERT INTO document_status (document_id, annotator, status, updated) VALUES (?,?,?,?)",
        status_rows,
    )
    return added, duplicates


def prepare_all(
    items: Iterable[AnnotatedDocument],
    *,
    annotator: str,
    labels: Collection[str],
    stamp: str,
    on_invalid: OnInvalid | None,
) -> list[Prepared]:
    """Validate a batch; an invalid document raises, or goes to ``on_invalid`` and is skipped."""
    out: list[Prepared] = []
    for item in items:
        try:
            out.append(prepare(item, annotator=annotator, labels=labels, stamp=stamp))
        except ValidationError as exc:
            if on_invalid is None:
                raise
            on_invalid(item, exc)
    return out
