"""The clitic analyser's evidence kept in the project file (schema 4, docs/adr/0045).

Two things the window and the clitic report read without going back to the texts:

- ``token_counts``: every word token of every document, folded as the analyser compares words
  (``core.search.fold``), with its number of occurrences in the whole project. Documents are
  added (never changed, never deleted one by one), so the counts only grow: the import adds a
  batch's counts in the transaction that adds its documents.
- ``spans.text``: the span's own characters, ``text[start:end]`` of its document, written
  whenever a span is made or moved (an edit, its undo, an import), so reading the texts of a
  project's spans is one plain query, never a ``substr`` over a long document per span.

Both are derived from the texts: ``check`` recomputes them and says when they differ, and
``fill`` (migration 4, ``check --repair``) writes them again from the texts.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from annotator.core.search import fold
from annotator.core.tokens import word_tokens

EVIDENCE_SCHEMA = 4
"""The first schema with ``token_counts`` and ``spans.text``; older files (opened read-only,
which does not upgrade them) are read the slow way, from the texts."""

CREATE_TOKEN_COUNTS = """
    CREATE TABLE token_counts (
        key TEXT PRIMARY KEY,
        count INTEGER NOT NULL CHECK (count > 0)
    ) WITHOUT ROWID"""


def folded_counts(texts: Iterable[str]) -> Counter[str]:
    """Folded word token -> occurrences in ``texts``.

    A token never holds white space and the tokenizer looks at nothing across it, so the
    tokens of a text are the tokens of its white-space-separated pieces: the pieces are counted
    (``str.split``, C speed) and each distinct piece is tokenized and folded once. News text
    repeats its pieces (Zipf), which makes the import's counting about ten times faster than
    tokenizing every text (docs/adr/0045)."""
    pieces: Counter[str] = Counter()
    for text in texts:
        pieces.update(text.split())
    out: Counter[str] = Counter()
    for piece, n in pieces.items():
        for key in _piece_keys(piece):
            out[key] += n
    return out


@lru_cache(maxsize=1 << 16)
def _piece_keys(piece: str) -> tuple[str, ...]:
    """The folded keys of a piece's word tokens, kept across calls: an import streamed in
    batches (docs/adr/0047) meets the same frequent pieces in every batch."""
    return tuple(key for word in word_tokens(piece) if (key := fold(word)))


def add_counts(conn: sqlite3.Connection, counts: Counter[str]) -> None:
    """Add ``counts`` to the project's (inside the caller's write transaction)."""
    conn.executemany(
        "INSERT INTO token_counts (key, count) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET count = count + excluded.count",
        counts.items(),
    )


def has_evidence(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= EVIDENCE_SCHEMA


def _texts(conn: sqlite3.Connection) -> Iterator[str]:
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is not None:
            yield row[0]


def token_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """The project's folded token counts: the index, or (an older schema) the texts counted."""
    if not has_evidence(conn):
        return dict(folded_counts(_texts(conn)))
    return dict(conn.execute("SELECT key, count FROM token_counts"))


def _slices(
    conn: sqlite3.Connection, where: str = "", args: tuple[object, ...] = ()
) -> Iterator[tuple[int, int, int, int, str]]:
    """``(span id, document id, start, end, text[start:end])``, each text read once."""
    by_document: dict[int, list[tuple[int, int, int]]] = {}
    for span_id, doc_id, start, end in conn.execute(
        f'SELECT id, document_id, start, "end" FROM spans {where} ORDER BY id', args
    ):
        by_document.setdefault(doc_id, []).append((span_id, start, end))
    for doc_id, places in by_document.items():
        row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is not None:
            text = row[0]
            for span_id, start, end in places:
                yield span_id, doc_id, start, end, text[start:end]


def span_texts(conn: sqlite3.Connection, document_id: int) -> list[tuple[int, str]]:
    """``(span id, its text)`` of every span of one document, by id."""
    if not has_evidence(conn):
        return [(i, t) for i, _, _, _, t in _slices(conn, "WHERE document_id = ?", (document_id,))]
    return conn.execute(
        "SELECT id, text FROM spans WHERE document_id = ? ORDER BY id", (document_id,)
    ).fetchall()


def span_text_counts(
    conn: sqlite3.Connection, *, except_document: int | None = None
) -> list[tuple[str, int]]:
    """``(text, how many spans have it)`` over the project's spans (``except_document``'s left
    out): one grouped query on the stored texts."""
    if not has_evidence(conn):
        found: Counter[str] = Counter(t for _, d, _, _, t in _slices(conn) if d != except_document)
        return list(found.items())
    return conn.execute(
        "SELECT text, count(*) FROM spans WHERE document_id IS NOT ? GROUP BY text",
        (except_document,),
    ).fetchall()


def fill(conn: sqlite3.Connection) -> None:
    """Write ``spans.text`` and ``token_counts`` again from the texts (migration 4, repair)."""
    conn.executemany(
        "UPDATE spans SET text = ? WHERE id = ?", ((t, i) for i, _, _, _, t in _slices(conn))
    )
    conn.execute("DELETE FROM token_counts")
    add_counts(conn, folded_counts(_texts(conn)))


def check(conn: sqlite3.Connection) -> list[str]:
    """Where the stored evidence differs from the texts, in plain words."""
    if not has_evidence(conn):
        return []
    problems = []
    stored = dict(conn.execute("SELECT id, text FROM spans").fetchall())
    outside = {  # spans outside their text: queries.check names them
        r[0]
        for r in conn.execute(
            "SELECT s.id FROM spans s JOIN documents d ON d.id = s.document_id"
            ' WHERE s.start < 0 OR s."end" > d.length OR s.start >= s."end"'
        )
    }
    wrong = [i for i, _, _, _, t in _slices(conn) if stored.get(i) != t and i not in outside]
    if wrong:
        shown = ", ".join(map(str, wrong[:10])) + (" ..." if len(wrong) > 10 else "")
        problems.append(
            f"{len(wrong)} span(s) store a text other than their document's characters "
            f"(span {shown}; `annotator check --repair` writes them again)"
        )
    if token_counts(conn) != dict(folded_counts(_texts(conn))):
        problems.append(
            "the token counts of the clitic evidence differ from the documents' words "
            "(`annotator check --repair` counts them again)"
        )
    return problems
