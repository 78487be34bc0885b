"""The SQL of the document list: which index a list reads, and the ranges of it a keyset read
seeks (store/document_list.py, docs/adr/0049).

A list in one order is one **segment** (the list by status is three: new, in progress, done,
each in id order): rows ``SELECT ident, value FROM source WHERE where``, ``value`` being what the
order sorts by (None: the id alone) and ``ident`` the document id that breaks ties. A read
from a row's key is at most two index **ranges**: the rows with the key's own value and a
greater id, then the rows with a greater value; each is a seek of ``value`` then the id in the
index, where a row value ``(value, id) > (?, ?)`` would make SQLite 3.40 scan the index.

How a title filter is read depends on the order and on how often it matches: the list in
import order walks the trigram index's matches in id order; sorted by title or span count, a
rare filter sorts its matches (a few thousand at most), a frequent one walks the order's index
and tests each row's key (``instr``), stopping at the page's last row; the two plans cost about
the same, ``sqrt(rows per page × documents)`` rows, at the threshold (``_frequent``).
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from annotator.core.document_order import SortKey
from annotator.core.model import Status
from annotator.core.search import query_keys
from annotator.store import certainties, list_index

RowKey = tuple[int, Any, int]
"""Where a row sits in its order: (segment, sort value, document id)."""

PAGE_ROWS = 200  # the rows a page reads, for the choice between two plans
IDS = "documents d INDEXED BY documents_list"


@dataclass(frozen=True, slots=True)
class TitleFilter:
    """The title filter resolved against the file and how it is tested on a document id."""

    kind: str  # "" none, "match" the trigram index, "scan" the keys row by row, "like" schema 4
    args: tuple[Any, ...] = ()
    keys: tuple[str, ...] = ()

    def where(self, ident: str) -> tuple[list[str], list[Any]]:
        if self.kind == "match":
            sql = f"{ident} IN (SELECT rowid FROM title_search WHERE title_search MATCH ?)"
        elif self.kind == "scan":
            tests = " OR ".join("instr(k.key, ?) > 0" for _ in self.args)
            sql = f"EXISTS (SELECT 1 FROM title_keys k WHERE k.document_id = {ident} AND ({tests}))"
        elif self.kind == "like":
            sql = (
                f"EXISTS (SELECT 1 FROM documents t WHERE t.id = {ident}"
                " AND t.title LIKE ? ESCAPE '\\')"
            )
        else:
            return [], []
        return [sql], list(self.args)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def title_filter(conn: sqlite3.Connection, search: str) -> TitleFilter:
    if not search:
        return TitleFilter("")
    if not list_index.has_list_index(conn):
        return TitleFilter("like", (f"%{_escape_like(search)}%",))
    keys = query_keys(search)
    if not all(keys):
        return TitleFilter("")  # folds to nothing: every title holds it
    if min(map(len, keys)) >= list_index.MIN_INDEXED:
        return TitleFilter("match", (list_index.search_phrase(keys),), keys)
    return TitleFilter("scan", keys, keys)


def _frequent(conn: sqlite3.Connection, found: TitleFilter) -> bool:
    """True when the filter matches at least sqrt(PAGE_ROWS × documents) documents: walking
    the order's index then finds a page sooner than sorting the matches (docs/adr/0049)."""
    highest = conn.execute("SELECT max(id) FROM documents").fetchone()[0] or 0
    cap = math.isqrt(PAGE_ROWS * highest)
    sql = "SELECT count(*) FROM (SELECT 1 FROM title_search WHERE title_search MATCH ? LIMIT ?)"
    return int(conn.execute(sql, [*found.args, cap]).fetchone()[0]) >= cap


@dataclass(frozen=True, slots=True)
class Segment:
    """One index range of the list: rows ``SELECT ident, value FROM source WHERE where``."""

    rank: int
    source: str
    ident: str
    value: str | None
    where: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class Range:
    """Rows of a segment one seek of its index reads, in ``order``."""

    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    order: str = ""


def status_where(ident: str, annotator: str, status: Status) -> tuple[str, list[Any]]:
    probe = f"SELECT 1 FROM document_status s2 WHERE s2.document_id = {ident} AND s2.annotator = ?"
    if status is Status.NEW:
        return f"NOT EXISTS ({probe})", [annotator]
    return f"EXISTS ({probe} AND s2.status = ?)", [annotator, status.value]


def segment(
    conn: sqlite3.Connection,
    *,
    annotator: str,
    search: TitleFilter,
    key: SortKey,
    status: Status | None,
    rank: int,
    reading: bool,
) -> Segment:
    """The rows with ``status`` (None: any) that ``search`` keeps, in ``key``'s order (for a
    read, ``reading``, or a count: a count never walks an index to test every row)."""
    indexed = list_index.has_list_index(conn)
    where: list[str] = []
    params: list[Any] = []
    value: str | None = None
    sorted_by_value = key in (SortKey.TITLE, SortKey.SPANS)
    group = (Status.IN_PROGRESS, Status.DONE)
    if sorted_by_value and search.kind == "match" and reading and _frequent(conn, search):
        search = TitleFilter("scan", search.keys, search.keys)
    if key is SortKey.IMPORT and search.kind == "match":
        source, ident = "title_search t", "t.rowid"  # the index's matches, in id order
        where, params = ["t.title_search MATCH ?"], list(search.args)
        search = TitleFilter("")
    elif key is SortKey.IMPORT and status in (Status.IN_PROGRESS, Status.DONE):
        source, ident = "document_status s", "s.document_id"
        where, params = ["s.annotator = ?", "s.status = ?"], [annotator, status.value]
        status = None
    elif sorted_by_value and indexed and not reading and status in group:
        # a count of one status sorted by value: its status rows, each looked up once
        assert status is not None
        by_value = {
            SortKey.TITLE: (IDS, "d.id", "d.title COLLATE NOCASE"),
            SortKey.SPANS: ("span_counts c", "c.document_id", "c.spans"),
        }
        table, ident, value = by_value[key]
        source = f"document_status s JOIN {table} ON {ident} = s.document_id"
        where, params = ["s.annotator = ?", "s.status = ?"], [annotator, status.value]
        status = None
    elif key is SortKey.TITLE:
        # the title index, walked; or, for a rare title filter, the matches looked up by id
        walk = indexed and search.kind != "match"
        source = "documents d INDEXED BY documents_title" if walk else IDS
        ident, value = "d.id", "d.title COLLATE NOCASE"
    elif key is SortKey.SPANS and indexed:
        hint = " INDEXED BY span_counts_order" if search.kind != "match" else ""
        source, ident, value = f"span_counts c{hint}", "c.document_id", "c.spans"
    elif key is SortKey.SPANS:
        source, ident = IDS, "d.id"
        value = "(SELECT count(*) FROM spans WHERE spans.document_id = d.id)"
    else:
        source, ident = IDS, "d.id"
    if status is not None:
        sql, args = status_where(ident, annotator, status)
        where.append(sql)
        params.extend(args)
    more, args = search.where(ident)
    return Segment(rank, source, ident, value, (*where, *more), (*params, *args))


SCORED = "document_certainty c INDEXED BY document_certainty_order"


def certainty_segment(
    conn: sqlite3.Connection,
    *,
    annotator: str,
    search: TitleFilter,
    status: Status | None,
    rank: int,
) -> Segment:
    """The list by the model's certainty (docs/adr/0073) is two segments: rank 0, the scored
    documents from the certainty index (least sure first); rank 1, the others in id order."""
    where: list[str] = []
    params: list[Any] = []
    if rank == 0:
        source, ident, value = SCORED, "c.document_id", "c.certainty"
    else:
        source, ident, value = IDS, "d.id", None
        if certainties.has_table(conn):
            where.append(
                "NOT EXISTS (SELECT 1 FROM document_certainty c WHERE c.document_id = d.id)"
            )
    if status is not None:
        sql, args = status_where(ident, annotator, status)
        where.append(sql)
        params.extend(args)
    more, args = search.where(ident)
    return Segment(rank, source, ident, value, (*where, *more), (*params, *args))


def ranges(
    seg: Segment,
    after: RowKey | None,
    until: RowKey | None,
    *,
    down: bool,
    inclusive: bool = False,
) -> list[Range]:
    """The seeks reading ``seg`` in walking order from ``after`` (exclusive, or
    ``inclusive``) up to ``until`` (inclusive); the bounds of other segments do not apply."""
    a = after if after is not None and after[0] == seg.rank else None
    u = until if until is not None and until[0] == seg.rank else None
    gt, ge, lt, le = ("<", "<=", ">", ">=") if down else (">", ">=", "<", "<=")
    direction = " DESC" if down else ""
    where, params = list(seg.where), list(seg.params)
    ident, value = seg.ident, seg.value
    if value is None:
        if a is not None:
            where.append(f"{ident} {ge if inclusive else gt} ?")
            params.append(a[2])
        if u is not None:
            where.append(f"{ident} {le} ?")
            params.append(u[2])
        return [Range(where, params, f"{ident}{direction}")]
    order = f"{value}{direction}, {ident}{direction}"
    if u is not None:  # (value, id) up to u's: a seek's end, and u's own ties
        where += [f"{value} {le} ?", f"({value} {lt} ? OR {ident} {le} ?)"]
        params += [u[1], u[1], u[2]]
    if a is None:
        return [Range(where, params, order)]
    tie = f"{ident} {ge if inclusive else gt} ?"
    ties = Range([*where, f"{value} = ?", tie], [*params, a[1], a[2]], order)
    return [ties, Range([*where, f"{value} {gt} ?"], [*params, a[1]], order)]


def before(seg: Segment, key: RowKey, *, down: bool) -> list[Range]:
    """The seeks of the rows of ``seg`` before ``key`` in walking order (for a count)."""
    gt = ">" if down else "<"
    where, params = list(seg.where), list(seg.params)
    if seg.value is None:
        return [Range([*where, f"{seg.ident} {gt} ?"], [*params, key[2]])]
    return [
        Range([*where, f"{seg.value} {gt} ?"], [*params, key[1]]),
        Range([*where, f"{seg.value} = ?", f"{seg.ident} {gt} ?"], [*params, key[1], key[2]]),
    ]


def clause(where: list[str]) -> str:
    return f" WHERE {' AND '.join(where)}" if where else ""


def count_range(conn: sqlite3.Connection, seg: Segment, rng: Range) -> int:
    sql = f"SELECT count(*) FROM {seg.source}{clause(rng.where)}"
    return int(conn.execute(sql, rng.params).fetchone()[0])
