"""The texts' search index (issue 11, docs/adr/0060): which documents may hold a query.

``text_search`` is an FTS5 trigram index over each document's text folded as find folds it
(``core.search.search_key`` with ``join_names``). It is contentless (the folded texts are not
stored: the documents' own texts are the content) and keeps no positions (``detail=none``):
it answers only "which documents hold every trigram of this key", a superset of the
documents where find finds the query. Whoever needs the hits runs ``core.search.find_words``
on those documents' texts (``ops/project_search.py``), so the hits are exactly find's.

Derived data: the import adds a batch's rows in the transaction that adds its documents
(``add_texts``), ``forget`` is what a removal of documents must call (none exists today),
migration 7 and ``check --repair`` write it all again (``fill``), and ``check`` compares the
index's trigram counts with the texts'.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

from annotator.core.search import query_keys, search_key

TEXT_SCHEMA = 8
"""The first schema with the texts' index; an older file (read-only) is searched by scanning
every text."""

TRIGRAM = 3
"""Key characters the index needs; a shorter query scans every text."""

CREATE = (
    # contentless (content=''): no copy of the texts; detail=none: no positions, a verifier
    # (find_words on the text) decides; columnsize=0: no ranking
    """
    CREATE VIRTUAL TABLE text_search USING fts5(
        key, content='', tokenize='trigram case_sensitive 1', detail=none, columnsize=0
    )""",
)


def has_text_index(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= TEXT_SCHEMA


def text_key(text: str) -> str:
    """The folded text the index holds: find's key."""
    return search_key(text, join_names=True)[0]


def add_texts(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Index new documents, ``(id, text)`` each (in the import's transaction)."""
    conn.executemany(
        "INSERT INTO text_search (rowid, key) VALUES (?, ?)",
        ((doc_id, text_key(text)) for doc_id, text in rows),
    )


def forget(conn: sqlite3.Connection, document_ids: Iterable[int]) -> None:
    """Documents about to be deleted (their texts still there): out of the index. A contentless
    index is told the old key to take out."""
    for document_id in document_ids:
        row = conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is not None:
            conn.execute(
                "INSERT INTO text_search (text_search, rowid, key) VALUES ('delete', ?, ?)",
                (document_id, text_key(row[0])),
            )


def fill(conn: sqlite3.Connection) -> None:
    """Write the index again from the documents' texts (migration 7, repair)."""
    conn.execute("INSERT INTO text_search (text_search) VALUES ('delete-all')")
    add_texts(conn, conn.execute("SELECT id, text FROM documents ORDER BY id"))


def _trigrams(key: str) -> set[str]:
    return {key[i : i + TRIGRAM] for i in range(len(key) - TRIGRAM + 1)}


def match_query(query: str) -> str | None:
    """The FTS5 query for the documents that may hold ``query`` (every trigram of one of its
    keys); None when a key is shorter than a trigram (the caller scans every text)."""
    keys = query_keys(query)
    if min(map(len, keys)) < TRIGRAM:
        return None
    return " OR ".join(
        "(" + " AND ".join('"' + t.replace('"', '""') + '"' for t in sorted(_trigrams(k))) + ")"
        for k in keys
    )


def candidates(conn: sqlite3.Connection, query: str) -> list[int] | None:
    """Ids (ascending) of the documents that may hold ``query``; None: every document may
    (a query too short for the index, or a file older than the index)."""
    match = match_query(query)
    if match is None or not has_text_index(conn):
        return None
    return [
        r[0]
        for r in conn.execute(
            "SELECT rowid FROM text_search WHERE text_search MATCH ? ORDER BY rowid", (match,)
        )
    ]


def _held(conn: sqlite3.Connection) -> Counter[str]:
    """Each trigram the index holds and in how many documents, read through an fts5vocab table
    of the temp schema (a read-only connection can make one)."""
    conn.execute(
        "CREATE VIRTUAL TABLE temp.text_search_check USING fts5vocab(main, text_search, 'row')"
    )
    try:
        return Counter(dict(conn.execute("SELECT term, doc FROM temp.text_search_check")))
    finally:
        conn.execute("DROP TABLE temp.text_search_check")


def check(conn: sqlite3.Connection) -> list[str]:
    """Where the index differs from the texts: every trigram's number of documents."""
    if not has_text_index(conn):
        return []
    wanted: Counter[str] = Counter()
    for (text,) in conn.execute("SELECT text FROM documents"):
        wanted.update(_trigrams(text_key(text)) if isinstance(text, str) else ())
    held = _held(conn)
    if held == wanted:
        return []
    wrong = sum(1 for t in held.keys() | wanted.keys() if held[t] != wanted[t])
    return [
        f"the texts' search index differs from the texts ({wrong} trigram(s) counted in other "
        "documents; `annotator check --repair` builds it again)"
    ]
