"""What the document list reads besides the documents (schema 5, docs/adr/0049).

- ``title_keys``: each document's title folded as find folds it (``core.search.search_key``
  with ``join_names``), one row per document, and ``title_search``, an FTS5 trigram index over
  those keys (external content: the index holds no copy of them). A title filter of three or
  more key characters is a ``MATCH`` of that index: the documents it finds, never a scan of
  every title. Issue 11's search of the texts sits beside it the same way: a ``text_keys``
  table of folded texts and its ``text_search`` index, read through the same functions
  (``search_phrase``), kept in step by the same import transaction.
- ``span_counts``: how many spans each document has, one row per document, indexed by the
  count: the list sorted by span count reads its pages from that index (keyset), and a label
  key changes one number instead of the list counting every document's spans.

All three are derived data and this module keeps them in step: the import adds a batch's rows
in the transaction that adds its documents (``add_documents``), every span edit moves its
document's count (``count_spans``), and ``set_title`` / ``forget`` are what a rename or a
removal of documents must call (none exists today: a document's title and text never change).
``check`` recomputes everything from the documents and says where it differs; ``fill``
(migration 5, ``check --repair``) writes it again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from annotator.core.search import search_key

LIST_SCHEMA = 5
"""The first schema with the title index and the span counts; an older file (opened
read-only, which never upgrades it) is listed the way schema 4 did: a LIKE over the titles,
spans counted per row."""

MIN_INDEXED = 3
"""Key characters the trigram index needs; a shorter query scans (``document_list``)."""

CREATE = (
    """
    CREATE TABLE title_keys (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        key TEXT NOT NULL
    )""",
    # external content: the index reads the keys from title_keys; columnsize=0: no ranking
    """
    CREATE VIRTUAL TABLE title_search USING fts5(
        key, content='title_keys', content_rowid='document_id',
        tokenize='trigram case_sensitive 1', columnsize=0
    )""",
    """
    CREATE TABLE span_counts (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        spans INTEGER NOT NULL DEFAULT 0 CHECK (spans >= 0)
    )""",
    "CREATE INDEX span_counts_order ON span_counts (spans)",
    # the list sorted by title walks this index (its rowid breaks ties, as the list does)
    "CREATE INDEX documents_title ON documents (title COLLATE NOCASE)",
)


def has_list_index(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= LIST_SCHEMA


def title_key(title: str) -> str:
    """The folded title the filter compares: find's key (tashkeel, hamza forms… folded)."""
    return search_key(title, join_names=True)[0]


def search_phrase(keys: Sequence[str]) -> str:
    """An FTS5 query matching any of ``keys`` as a substring: one quoted phrase each."""
    return " OR ".join('"' + key.replace('"', '""') + '"' for key in keys)


def add_documents(conn: sqlite3.Connection, rows: Iterable[tuple[int, str, int]]) -> None:
    """Index new documents, ``(id, title, number of spans)`` each (in the import's
    transaction)."""
    rows = list(rows)
    keys = [(doc_id, title_key(title)) for doc_id, title, _ in rows]
    conn.executemany("INSERT INTO title_keys (document_id, key) VALUES (?, ?)", keys)
    conn.executemany("INSERT INTO title_search (rowid, key) VALUES (?, ?)", keys)
    conn.executemany(
        "INSERT INTO span_counts (document_id, spans) VALUES (?, ?)",
        [(doc_id, spans) for doc_id, _, spans in rows],
    )


def count_spans(conn: sqlite3.Connection, document_id: int, delta: int) -> None:
    """A span of the document was added (+1) or removed (-1), in the edit's transaction."""
    conn.execute(
        "UPDATE span_counts SET spans = spans + ? WHERE document_id = ?", (delta, document_id)
    )


def _unindex(conn: sqlite3.Connection, document_id: int) -> None:
    row = conn.execute(
        "SELECT key FROM title_keys WHERE document_id = ?", (document_id,)
    ).fetchone()
    if row is not None:  # an external content index is told the old key to take out
        conn.execute(
            "INSERT INTO title_search (title_search, rowid, key) VALUES ('delete', ?, ?)",
            (document_id, row[0]),
        )


def set_title(conn: sqlite3.Connection, document_id: int, title: str) -> None:
    """The document's title changed (before or after its row is updated)."""
    _unindex(conn, document_id)
    key = title_key(title)
    conn.execute(
        "INSERT OR REPLACE INTO title_keys (document_id, key) VALUES (?, ?)", (document_id, key)
    )
    conn.execute("INSERT INTO title_search (rowid, key) VALUES (?, ?)", (document_id, key))


def forget(conn: sqlite3.Connection, document_ids: Iterable[int]) -> None:
    """Documents about to be deleted: out of the index (their rows cascade)."""
    for document_id in document_ids:
        _unindex(conn, document_id)
        conn.execute("DELETE FROM title_keys WHERE document_id = ?", (document_id,))
        conn.execute("DELETE FROM span_counts WHERE document_id = ?", (document_id,))


def fill(conn: sqlite3.Connection) -> None:
    """Write the keys, the index and the counts again from the documents (migration 5,
    repair); ``title_keys`` and ``span_counts`` must exist."""
    conn.execute("DELETE FROM title_keys")
    conn.executemany(
        "INSERT INTO title_keys (document_id, key) VALUES (?, ?)",
        ((i, title_key(t)) for i, t in conn.execute("SELECT id, title FROM documents").fetchall()),
    )
    conn.execute("INSERT INTO title_search (title_search) VALUES ('rebuild')")
    conn.execute("DELETE FROM span_counts")
    conn.execute(
        "INSERT INTO span_counts (document_id, spans) SELECT d.id,"
        " (SELECT count(*) FROM spans s WHERE s.document_id = d.id) FROM documents d"
    )


def _listed(ids: list[int]) -> str:
    return ", ".join(map(str, ids[:10])) + (" ..." if len(ids) > 10 else "")


SQLITE_READONLY = 8


def _index_matches(conn: sqlite3.Connection) -> bool:
    """True when the trigram index holds exactly the trigrams of the stored keys."""
    try:  # rank 1: the index against its content table, not only its own structure
        conn.execute("INSERT INTO title_search (title_search, rank) VALUES ('integrity-check', 1)")
        return True
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) != SQLITE_READONLY:
            return False
    except sqlite3.DatabaseError:
        return False
    # a read-only connection (``annotator check``) cannot run the command: every (trigram,
    # document, offset) the index holds, read through an fts5vocab table of the temp schema,
    # against the keys' own, compared as a sum of hashes and a count
    conn.execute(
        "CREATE VIRTUAL TABLE temp.title_search_check USING fts5vocab(main, title_search,"
        " 'instance')"
    )
    try:
        held = [0, 0]
        for term, doc, offset in conn.execute(
            "SELECT term, doc, offset FROM temp.title_search_check"
        ):
            held[0] = (held[0] + hash((term, doc, offset))) & _MASK
            held[1] += 1
    finally:
        conn.execute("DROP TABLE temp.title_search_check")
    wanted = [0, 0]
    for doc, key in conn.execute("SELECT document_id, key FROM title_keys"):
        for i in range(len(key) - 2):
            wanted[0] = (wanted[0] + hash((key[i : i + 3], doc, i))) & _MASK
            wanted[1] += 1
    return held == wanted


_MASK = (1 << 64) - 1


def check(conn: sqlite3.Connection) -> list[str]:
    """Where the title keys, their index or the span counts differ from the documents."""
    if not has_list_index(conn):
        return []
    problems = []
    keys = dict(conn.execute("SELECT document_id, key FROM title_keys").fetchall())
    wrong = []
    for doc_id, title in conn.execute("SELECT id, title FROM documents ORDER BY id"):
        key = keys.pop(doc_id, None)
        if not isinstance(title, str) or key != title_key(title):
            wrong.append(doc_id)
    wrong += sorted(keys)  # keys of documents that are gone
    if wrong:
        problems.append(
            f"{len(wrong)} document(s) have a title key other than their title folded "
            f"(document {_listed(wrong)}; `annotator check --repair` writes them again)"
        )
    if not _index_matches(conn):
        problems.append(
            "the title index differs from the title keys (`annotator check --repair` builds "
            "it again)"
        )
    counted = [
        r[0]
        for r in conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN span_counts c ON c.document_id = d.id"
            " WHERE c.spans IS NOT (SELECT count(*) FROM spans s WHERE s.document_id = d.id)"
            " ORDER BY d.id"
        )
    ]
    counted += [
        r[0]
        for r in conn.execute(
            "SELECT document_id FROM span_counts WHERE document_id NOT IN"
            " (SELECT id FROM documents) ORDER BY document_id"
        )
    ]
    if counted:
        problems.append(
            f"{len(counted)} document(s) have a recorded span count other than their spans "
            f"(document {_listed(counted)}; `annotator check --repair` counts them again)"
        )
    return problems
