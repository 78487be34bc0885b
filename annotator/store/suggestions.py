"""The suggestions table's SQL (schema 6, docs/adr/0053): storing a recommender's run, reading
suggestions back as ``core.suggestions`` values, counting and checking them.

A run is stored by ``add`` in the caller's transaction. A suggestion whose document, offsets and
label were ever rejected (by any recommender) is not stored, nor one that is already a span
with that label (anyone's). With ``replace``, the recommender's *open* suggestions of the
documents given that the run does not make again are removed; those it makes again keep their
id and ``created`` (a window showing them keeps them) and take the new score and links.
Accepted and rejected suggestions are never removed: they are what was decided.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from annotator.core.errors import NotFoundError, ProjectFileError, ValidationError
from annotator.core.suggestions import SuggestedLink, Suggestion, SuggestionState

SUGGESTIONS_SCHEMA = 6
COLUMNS = 'id, document_id, start, "end", label, recommender, score, state, created'
ORDER = 'start, "end" DESC, label, recommender, id'

Place = tuple[int, int, int, str]  # document, start, end, label: what a rejection remembers


def has_table(conn: sqlite3.Connection) -> bool:
    """False for a file older than schema 6 read as it is (a read-only open): no suggestions."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= SUGGESTIONS_SCHEMA


def from_row(row: Sequence[object]) -> Suggestion:
    id_, doc, start, end, label, recommender, score, state, created = row
    try:
        return Suggestion(
            document_id=int(doc),  # type: ignore[call-overload]
            start=int(start),  # type: ignore[call-overload]
            end=int(end),  # type: ignore[call-overload]
            label=str(label),
            recommender=str(recommender),
            score=float(score),  # type: ignore[arg-type]
            state=SuggestionState(str(state)),
            id=int(id_),  # type: ignore[call-overload]
            created=str(created),
        )
    except (TypeError, ValueError) as exc:
        raise ProjectFileError(
            f"suggestion {id_}: {exc}, damaged; the project file was changed by another "
            "program: run `annotator check`"
        ) from None


def fetch(conn: sqlite3.Connection, suggestion_id: int) -> Suggestion:
    row = conn.execute(
        f"SELECT {COLUMNS} FROM suggestions WHERE id = ?", (suggestion_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"suggestion {suggestion_id} does not exist")
    return from_row(row)


def select(
    conn: sqlite3.Connection,
    *,
    document_id: int | None = None,
    state: SuggestionState | None = SuggestionState.OPEN,
    recommenders: Collection[str] | None = None,
    min_score: float = 0.0,
) -> list[Suggestion]:
    """Suggestions by document (None: all, by document), state (None: any), recommender and
    lowest score, in reading order."""
    if not has_table(conn):
        return []
    where, args = ["score >= ?"], [min_score]
    if document_id is not None:
        where.append("document_id = ?")
        args.append(document_id)
    if state is not None:
        where.append("state = ?")
        args.append(state.value)  # type: ignore[arg-type]
    if recommenders is not None:
        where.append(f"recommender IN ({', '.join('?' * len(recommenders))})")
        args.extend(recommenders)  # type: ignore[arg-type]
    sql = f"SELECT {COLUMNS} FROM suggestions WHERE {' AND '.join(where)}"
    return [from_row(r) for r in conn.execute(f"{sql} ORDER BY document_id, {ORDER}", args)]


def links(
    conn: sqlite3.Connection, document_id: int, state: SuggestionState | None = None
) -> list[SuggestedLink]:
    """The suggested links of a document's suggestions (``state``: of those only)."""
    if not has_table(conn):
        return []
    sql = (
        'SELECT s.start, s."end", s.recommender, k.type, k.target_start, k.target_end, k.score'
        " FROM suggested_links k JOIN suggestions s ON s.id = k.suggestion_id"
        " WHERE s.document_id = ?"
    )
    args: list[object] = [document_id]
    if state is not None:
        sql += " AND s.state = ?"
        args.append(state.value)
    return [
        SuggestedLink(document_id, kind, (start, end), (ts, te), recommender, score)
        for start, end, recommender, kind, ts, te, score in conn.execute(
            f"{sql} ORDER BY s.start, s.id, k.target_start", args
        )
    ]


def links_of(conn: sqlite3.Connection, suggestion_id: int) -> list[tuple[str, int, int]]:
    """(type, target start, target end) of one suggestion's links."""
    return [
        (str(t), int(a), int(b))
        for t, a, b in conn.execute(
            "SELECT type, target_start, target_end FROM suggested_links WHERE suggestion_id = ?"
            " ORDER BY target_start, target_end, type",
            (suggestion_id,),
        )
    ]


def counts(conn: sqlite3.Connection) -> list[tuple[str, str, SuggestionState, int]]:
    """(recommender, label, state, how many), sorted."""
    if not has_table(conn):
        return []
    return [
        (str(r), str(lb), SuggestionState(st), int(n))
        for r, lb, st, n in conn.execute(
            "SELECT recommender, label, state, count(*) FROM suggestions"
            " GROUP BY recommender, label, state ORDER BY recommender, label, state"
        )
    ]


def twins(conn: sqlite3.Connection, place: Place, state: SuggestionState) -> list[int]:
    """Ids of the suggestions at ``place`` in ``state``, by any recommender, ascending."""
    return [
        int(r[0])
        for r in conn.execute(
            'SELECT id FROM suggestions WHERE document_id = ? AND start = ? AND "end" = ?'
            " AND label = ? AND state = ? ORDER BY id",
            (*place, state.value),
        )
    ]


@dataclass(frozen=True, slots=True)
class Stored:
    """What ``add`` did: suggestions added, kept (made again: new score), removed (replaced),
    left out because their place was rejected before or is a span already; links stored and
    left out (their quote is not among the run's stored suggestions)."""

    added: int = 0
    kept: int = 0
    removed: int = 0
    rejected_before: int = 0
    spans_already: int = 0
    decided_before: int = 0  # accepted already by the same recommender
    links: int = 0
    links_left_out: int = 0


def _validate(
    conn: sqlite3.Connection, suggestions: Sequence[Suggestion], links: Sequence[SuggestedLink]
) -> None:
    lengths: dict[int, int | None] = {}
    known = {r[0] for r in conn.execute("SELECT name FROM labels")}
    for s in suggestions:
        where = f"suggestion {s.label} at {s.start}-{s.end} in document {s.document_id}"
        if s.document_id not in lengths:
            row = conn.execute(
                "SELECT length FROM documents WHERE id = ?", (s.document_id,)
            ).fetchone()
            lengths[s.document_id] = None if row is None else int(row[0])
        length = lengths[s.document_id]
        if length is None:
            raise ValidationError(f"{where} (by {s.recommender}): the document does not exist")
        if s.end > length:
            raise ValidationError(
                f"{where} (by {s.recommender}): outside the text (end <= {length})"
            )
        if s.label not in known:
            raise ValidationError(f"{where} (by {s.recommender}): unknown label {s.label!r}")
        if not s.recommender:
            raise ValidationError(f"{where}: no recommender named")
    for k in links:
        where = f"suggested {k.type} link from {k.source[0]}-{k.source[1]} to {k.target[0]}-"
        where += f"{k.target[1]} in document {k.document_id} (by {k.recommender})"
        if k.document_id not in lengths:
            row = conn.execute(
                "SELECT length FROM documents WHERE id = ?", (k.document_id,)
            ).fetchone()
            lengths[k.document_id] = None if row is None else int(row[0])
        length = lengths[k.document_id]
        if length is None or not 0 <= k.target[0] < k.target[1] <= length:
            raise ValidationError(f"{where}: outside the text")
        if not k.type or not 0.0 <= k.score <= 1.0:
            raise ValidationError(f"{where}: needs a type and a score in [0, 1]")


def add(
    conn: sqlite3.Connection,
    suggestions: Iterable[Suggestion],
    links: Iterable[SuggestedLink] = (),
    *,
    replace: str | None = None,
    documents: Iterable[int] = (),
    stamp: str,
) -> Stored:
    """Store a run (inside the caller's transaction); see the module docstring. ``documents``:
    the documents the run covered, also those it made nothing for (``replace`` clears them)."""
    best: dict[tuple[int, int, int, str, str], Suggestion] = {}
    for s in suggestions:
        k = (*s.key, s.recommender)
        if k not in best or s.score > best[k].score:
            best[k] = s
    run = list(best.values())
    links = list(links)
    _validate(conn, run, links)
    covered = set(documents) | {s.document_id for s in run}
    existing: dict[tuple[int, int, int, str, str], tuple[int, SuggestionState]] = {}
    for doc in sorted(covered):
        for row in conn.execute(
            'SELECT id, start, "end", label, recommender, state FROM suggestions'
            " WHERE document_id = ?",
            (doc,),
        ):
            existing[(doc, row[1], row[2], row[3], row[4])] = (row[0], SuggestionState(row[5]))
    rejected = {k[:4] for k, (_, st) in existing.items() if st is SuggestionState.REJECTED}
    spans: set[Place] = set()
    for doc in sorted(covered):
        spans.update(
            (doc, a, b, lb)
            for a, b, lb in conn.execute(
                'SELECT start, "end", label FROM spans WHERE document_id = ?', (doc,)
            )
        )
    counts = {"added": 0, "kept": 0, "rejected_before": 0, "spans_already": 0, "decided": 0}
    stored: dict[tuple[int, int, int, str], list[int]] = {}  # doc, start, end, recommender
    kept: set[int] = set()
    for s in run:
        k = (*s.key, s.recommender)
        if s.key in rejected:
            counts["rejected_before"] += 1
            continue
        if s.key in spans:
            counts["spans_already"] += 1  # (an open one of a replaced run goes: not kept)
            continue
        if k in existing:
            suggestion_id, state = existing[k]
            if state is not SuggestionState.OPEN:
                counts["decided"] += 1
                continue
            conn.execute("UPDATE suggestions SET score = ? WHERE id = ?", (s.score, suggestion_id))
            conn.execute("DELETE FROM suggested_links WHERE suggestion_id = ?", (suggestion_id,))
            counts["kept"] += 1
        else:
            cursor = conn.execute(
                'INSERT INTO suggestions (document_id, start, "end", label, recommender, score,'
                " state, created) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
                (
                    s.document_id,
                    s.start,
                    s.end,
                    s.label,
                    s.recommender,
                    s.score,
                    s.created or stamp,
                ),
            )
            assert cursor.lastrowid is not None
            suggestion_id = cursor.lastrowid
            counts["added"] += 1
        kept.add(suggestion_id)
        stored.setdefault((s.document_id, s.start, s.end, s.recommender), []).append(suggestion_id)
    removed = 0
    if replace is not None:
        gone = [
            suggestion_id
            for (doc, *_, recommender), (suggestion_id, state) in existing.items()
            if recommender == replace
            and state is SuggestionState.OPEN
            and suggestion_id not in kept
        ]
        conn.executemany("DELETE FROM suggestions WHERE id = ?", [(i,) for i in gone])
        removed = len(gone)
    stored_links = left_out = 0
    for link in links:
        owners = stored.get((link.document_id, *link.source, link.recommender), [])
        if not owners:
            left_out += 1
            continue
        for owner in owners:
            conn.execute(
                "INSERT OR REPLACE INTO suggested_links"
                " (suggestion_id, type, target_start, target_end, score) VALUES (?, ?, ?, ?, ?)",
                (owner, link.type, *link.target, link.score),
            )
            stored_links += 1
    return Stored(
        added=counts["added"],
        kept=counts["kept"],
        removed=removed,
        rejected_before=counts["rejected_before"],
        spans_already=counts["spans_already"],
        decided_before=counts["decided"],
        links=stored_links,
        links_left_out=left_out,
    )


def of_documents(
    conn: sqlite3.Connection, ids: Sequence[int], labels: Collection[str] | None = None
) -> dict[int, list[Suggestion]]:
    """Every suggestion (any state) of the documents ``ids`` (of ``labels`` only), by document,
    in reading order: what a JSONL export with suggestions writes."""
    out: dict[int, list[Suggestion]] = {}
    if not has_table(conn) or not ids:
        return out
    marks = ", ".join("?" * len(ids))
    for row in conn.execute(
        f"SELECT {COLUMNS} FROM suggestions WHERE document_id IN ({marks})"
        f" ORDER BY document_id, {ORDER}",
        list(ids),
    ):
        s = from_row(row)
        if labels is None or s.label in labels:
            out.setdefault(s.document_id, []).append(s)
    return out


def links_of_documents(
    conn: sqlite3.Connection, ids: Sequence[int], labels: Collection[str] | None = None
) -> dict[int, list[SuggestedLink]]:
    """The suggested links of those suggestions, by document."""
    out: dict[int, list[SuggestedLink]] = {}
    if not has_table(conn) or not ids:
        return out
    marks = ", ".join("?" * len(ids))
    for doc, start, end, label, recommender, kind, ts, te, score in conn.execute(
        'SELECT s.document_id, s.start, s."end", s.label, s.recommender, k.type, k.target_start,'
        " k.target_end, k.score FROM suggested_links k JOIN suggestions s ON s.id = k.suggestion_id"
        f" WHERE s.document_id IN ({marks}) ORDER BY s.document_id, s.start, s.id, k.target_start",
        list(ids),
    ):
        if labels is None or label in labels:
            link = SuggestedLink(doc, kind, (start, end), (ts, te), recommender, score)
            out.setdefault(doc, []).append(link)
    return out


def labelled_texts(
    conn: sqlite3.Connection, *, except_document: int | None = None
) -> list[tuple[str, str, int]]:
    """(span text, label, how many spans) over the project, one document left out: what the
    memory recommender learns from."""
    return [
        (str(t), str(lb), int(n))
        for t, lb, n in conn.execute(
            "SELECT text, label, count(*) FROM spans WHERE document_id IS NOT ?"
            " GROUP BY text, label ORDER BY text, label",
            (except_document,),
        )
    ]


def labelled_places(
    conn: sqlite3.Connection, *, annotator: str | None = None
) -> list[tuple[int, str, str, int]]:
    """(document id, span text, label, start) of every span, or of ``annotator``'s."""
    where, params = ("WHERE annotator = ?", [annotator]) if annotator is not None else ("", [])
    return [
        (int(d), str(t), str(lb), int(a))
        for d, t, lb, a in conn.execute(
            f"SELECT document_id, text, label, start FROM spans {where}"
            " ORDER BY document_id, start",
            params,
        )
    ]


def check(conn: sqlite3.Connection) -> list[str]:
    """Suggestions outside their text, in plain words. (One whose label the project no longer
    knows is not a problem: it waits, unshown, for the label to come back; docs/adr/0053.)"""
    if not has_table(conn):
        return []
    return [
        f"suggestion {i} ({lb} at {a}-{b} in document {d}): outside the text "
        f"(must be 0 <= start < end <= {n})"
        for i, d, a, b, lb, n in conn.execute(
            'SELECT s.id, s.document_id, s.start, s."end", s.label, d.length FROM suggestions s'
            ' JOIN documents d ON d.id = s.document_id WHERE s."end" > d.length ORDER BY s.id'
        )
    ]
