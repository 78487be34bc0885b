"""The document list in SQL at any size: keyset pages, counts and positions (docs/adr/0049).

A list is a ``ListView``: whose statuses, a status filter, a title filter, an order. Its rows
are read by **keyset**: "the rows after this row's key", from an index in the order's own
sequence (the title index, the span counts' index, the statuses' index, the ids), so a page
costs the same at row 10 and at row 99,800; ``skip`` reads on from a key as far as it says (the
list's jump far down starts from the nearest row it knows, or from the end, backwards).

A row's key is ``(segment, value, id)``: the value the order sorts by (a title, a span count;
None for import order), the id breaking ties, and the segment: the list sorted by status is
three index ranges one after the other (new, in progress, done; each in id order), and every
other order is one (store/list_segments.py builds their SQL). Descending walks the segments and
each index the other way.

The title filter matches the folded title (``list_index.title_key``) as find matches a text:
a key of three or more characters is a ``MATCH`` of the trigram index; a shorter one tests the
keys row by row, which ``scan`` does a bounded number of rows at a time (the list shows what it
found so far and reads on while it is shown: docs/adr/0049). On a file older than schema 5
(read-only) the filter is schema 4's LIKE over the titles and spans are counted per row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.document_order import IMPORT_ORDER, DocumentOrder, SortKey
from annotator.core.model import DocumentSummary, Status
from annotator.store import certainties, list_index
from annotator.store.list_segments import (
    IDS,
    RowKey,
    Segment,
    before,
    certainty_segment,
    clause,
    count_range,
    ranges,
    segment,
    title_filter,
)
from annotator.store.rows import as_status, as_text

__all__ = ["ListView", "RowKey", "count", "keys", "locate", "row_key", "scan", "scans"]

STATUS_RANK = {Status.NEW: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}


@dataclass(frozen=True, slots=True)
class ListView:
    """The document list as shown: ``annotator``'s statuses, filtered, in ``order``; each
    row's ``shown_spans`` counts the spans of ``counted`` (None: everyone's, not counted
    apart). Sorting by spans still sorts by everyone's (docs/adr/0071)."""

    annotator: str = ""
    status: Status | None = None
    search: str = ""
    order: DocumentOrder = IMPORT_ORDER
    counted: tuple[str, ...] | None = None


def row_key(summary: DocumentSummary, order: DocumentOrder) -> RowKey:
    """The key of a row of the list in ``order`` (what ``after=`` takes)."""
    if order.key is SortKey.TITLE:
        return 0, summary.title, summary.id
    if order.key is SortKey.SPANS:
        return 0, summary.span_count, summary.id
    if order.key is SortKey.STATUS:
        return STATUS_RANK[summary.status], None, summary.id
    if order.key is SortKey.CERTAINTY:
        if summary.certainty is None:
            return 1, None, summary.id
        return 0, summary.certainty, summary.id
    return 0, None, summary.id


def scans(conn: sqlite3.Connection, view: ListView) -> bool:
    """True when the title filter is too short for the index: count it with ``scan``."""
    return title_filter(conn, view.search).kind == "scan"


def _segments(conn: sqlite3.Connection, view: ListView, *, reading: bool) -> list[Segment]:
    """The segments of ``view`` in ascending order."""
    order, search = view.order, title_filter(conn, view.search)
    if order.key is SortKey.CERTAINTY:
        status = None if view.status is None else Status(view.status)
        ranks = (0, 1) if certainties.has_table(conn) else (1,)
        return [
            certainty_segment(
                conn, annotator=view.annotator, search=search, status=status, rank=rank
            )
            for rank in ranks
        ]
    if order.key is not SortKey.STATUS:
        statuses = [(view.status, 0)]
        key = order.key
    else:
        key = SortKey.IMPORT
        statuses = [
            (status, rank)
            for status, rank in STATUS_RANK.items()
            if view.status is None or Status(view.status) is status
        ]
    return [
        segment(
            conn,
            annotator=view.annotator,
            search=search,
            key=key,
            status=None if status is None else Status(status),
            rank=rank,
            reading=reading,
        )
        for status, rank in statuses
    ]


def _walk(
    segments: list[Segment], down: bool, after: RowKey | None, until: RowKey | None
) -> Iterator[Segment]:
    """The segments a read from ``after`` to ``until`` passes, in walking order."""
    sign = -1 if down else 1
    for seg in segments[::sign]:
        if after is not None and sign * seg.rank < sign * after[0]:
            continue
        if until is not None and sign * seg.rank > sign * until[0]:
            break
        yield seg


def keys(
    conn: sqlite3.Connection,
    view: ListView,
    *,
    after: RowKey | None = None,
    until: RowKey | None = None,
    skip: int = 0,
    limit: int | None = None,
    backwards: bool = False,
    inclusive: bool = False,
) -> list[RowKey]:
    """Keys of the rows of ``view`` after ``after`` (from it, ``inclusive``; from the start
    when None), ``skip`` rows on, at most ``limit``, up to ``until`` (inclusive);
    ``backwards``: the rows before, nearest first."""
    down = view.order.descending != backwards
    found: list[RowKey] = []
    for seg in _walk(_segments(conn, view, reading=True), down, after, until):
        for rng in ranges(seg, after, until, down=down, inclusive=inclusive):
            left = -1 if limit is None else limit - len(found)
            if left == 0:
                return found
            rows = conn.execute(
                f"SELECT {seg.ident}, {seg.value or 'NULL'} FROM {seg.source}"
                f"{clause(rng.where)} ORDER BY {rng.order} LIMIT ? OFFSET ?",
                [*rng.params, left, skip],
            ).fetchall()
            if not rows and skip:
                skip -= count_range(conn, seg, rng)  # the range ends before the skip does
                continue
            skip = 0
            found.extend((seg.rank, value, int(ident)) for ident, value in rows)
    return found


def count(conn: sqlite3.Connection, view: ListView, *, before_key: RowKey | None = None) -> int:
    """Rows of ``view`` (before ``before_key`` only, in its order), counted in an index.

    Without a title filter, a filter by NEW is the rows less those in progress and done (index
    ranges of the statuses), never a probe of every document; a title filter of one or two
    letters tests every title (``scans``: read it with ``scan`` instead)."""
    order, key = view.order, before_key
    down = order.descending
    plain = title_filter(conn, view.search).kind == ""
    if plain and view.status is not None and Status(view.status) is Status.NEW:
        if order.key is SortKey.STATUS:
            view = replace(view, order=DocumentOrder(SortKey.IMPORT, down))
            key = None if key is None else (0, None, key[2])
        everything = count(conn, replace(view, status=None), before_key=key)
        return everything - sum(
            count(conn, replace(view, status=s), before_key=key)
            for s in (Status.IN_PROGRESS, Status.DONE)
        )
    if key is not None and order.key is SortKey.CERTAINTY:
        return _count_before(conn, view, key)
    if key is not None and order.key in (SortKey.TITLE, SortKey.SPANS):
        (seg,) = _segments(conn, view, reading=False)
        return sum(count_range(conn, seg, rng) for rng in before(seg, key, down=down))
    if key is not None and order.key is SortKey.STATUS and view.status is None:
        # the segments walked before the row's, then the rows before it in its own
        sign = -1 if down else 1
        earlier = [s for s, r in STATUS_RANK.items() if sign * r < sign * key[0]]
        total = sum(count(conn, replace(view, status=s, order=IMPORT_ORDER)) for s in earlier)
        own = next(s for s, r in STATUS_RANK.items() if r == key[0])
        inner = replace(view, status=own, order=DocumentOrder(SortKey.IMPORT, down))
        return total + count(conn, inner, before_key=(0, None, key[2]))
    ids = replace(view, order=DocumentOrder(SortKey.IMPORT, down))
    (seg,) = _segments(conn, ids, reading=False)
    (rng,) = ranges(seg, None, None, down=down) if key is None else before(seg, key, down=down)
    return count_range(conn, seg, rng)


def _count_before(conn: sqlite3.Connection, view: ListView, key: RowKey) -> int:
    """Rows of a list of several segments before ``key``: the segments walked before its
    own, whole, then its own up to it."""
    down, total = view.order.descending, 0
    for seg in _walk(_segments(conn, view, reading=False), down, None, None):
        if seg.rank == key[0]:
            return total + sum(count_range(conn, seg, rng) for rng in before(seg, key, down=down))
        total += sum(count_range(conn, seg, rng) for rng in ranges(seg, None, None, down=down))
    return total


def locate(conn: sqlite3.Connection, view: ListView, document_id: int) -> tuple[int, RowKey] | None:
    """The row of the document in ``view`` and its key; None when the filter hides it."""
    found = summaries_of(conn, view, [document_id])
    if not found:
        return None
    key = row_key(found[0], view.order)
    for seg in _segments(conn, view, reading=False):
        if seg.rank == key[0]:
            where = [*seg.where, f"{seg.ident} = ?"]
            sql = f"SELECT 1 FROM {seg.source}{clause(where)} LIMIT 1"
            if conn.execute(sql, [*seg.params, document_id]).fetchone() is not None:
                return count(conn, view, before_key=key), key
    return None


def scan(
    conn: sqlite3.Connection, view: ListView, cursor: RowKey | None, *, rows: int, limit: int
) -> tuple[list[RowKey], RowKey | None, bool]:
    """At most ``limit`` rows of ``view`` among the next ``rows`` rows of its order after
    ``cursor`` (a bounded read for a filter that tests every row); returns them, the cursor to
    go on from, and whether the end of the list was reached."""
    status = view.status if view.order.key is SortKey.STATUS else None
    bare = replace(view, search="", status=status)  # the rows of the order the scan passes
    ahead = keys(conn, bare, after=cursor, skip=max(0, rows - 1), limit=1)
    until = ahead[0] if ahead else None
    found = keys(conn, view, after=cursor, until=until, limit=limit)
    if found and len(found) == limit:
        return found, found[-1], False
    return found, until, until is None


def summaries_of(
    conn: sqlite3.Connection, view: ListView, ids: Sequence[int]
) -> list[DocumentSummary]:
    """The rows of these documents (those that exist), in the order of ``ids``."""
    spans = (
        "coalesce((SELECT spans FROM span_counts c WHERE c.document_id = d.id), 0)"
        if list_index.has_list_index(conn)
        else "(SELECT count(*) FROM spans WHERE spans.document_id = d.id)"
    )
    names = sorted(set(view.counted)) if view.counted is not None else []
    shown = (
        "(SELECT count(*) FROM spans x WHERE x.document_id = d.id AND x.annotator IN"
        f" ({', '.join('?' * len(names))}))"
        if view.counted is not None
        else "NULL"
    )
    certainty = (
        "(SELECT certainty FROM document_certainty u WHERE u.document_id = d.id)"
        if certainties.has_table(conn)
        else "NULL"
    )
    found: dict[int, DocumentSummary] = {}
    for chunk in range(0, len(ids), 400):  # SQLite's parameter limit, the names beside
        part = list(ids[chunk : chunk + 400])
        rows = conn.execute(
            f"SELECT d.id, d.title, coalesce(s.status, 'new'), d.length, {spans}, {shown},"
            f" {certainty}"
            f" FROM {IDS}"
            " LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator = ?"
            f" WHERE d.id IN ({', '.join('?' * len(part))})",
            [*names, view.annotator, *part],
        )
        for r in rows:
            found[r[0]] = DocumentSummary(
                id=r[0],
                title=as_text(r[1], f"the title of document {r[0]}"),
                status=as_status(r[2], f"a status of document {r[0]}"),
                span_count=r[4],
                length=r[3],
                shown_spans=r[5],
                certainty=r[6],
            )
    return [found[i] for i in ids if i in found]


def page(conn: sqlite3.Connection, view: ListView, **where: Any) -> list[DocumentSummary]:
    """The rows ``keys(conn, view, **where)`` names, as summaries, in that order."""
    return summaries_of(conn, view, [k[2] for k in keys(conn, view, **where)])
