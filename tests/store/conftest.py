"""Fixtures for the store tests: real project files in tmp_path, the real sample article."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import AnnotatedDocument, Document, Relation, Span
from annotator.core.text import canonical_text
from annotator.store import Repository, open_project

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def article() -> str:
    """The sample article (see tests/fixtures/README.md), canonical."""
    return canonical_text((FIXTURES / "washington-turkey-isis.txt").read_text(encoding="utf-8"))


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "test.annot.db"


@pytest.fixture
def repo(project_path: Path) -> Iterator[Repository]:
    with open_project(project_path) as r:
        yield r


def sequence(path: Path) -> dict[str, int]:
    """The highest id ever given per table (SQLite's AUTOINCREMENT bookkeeping)."""
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
    finally:
        conn.close()


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """(start, end) of the nth occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def annotated_article(text: str) -> AnnotatedDocument:
    """The article with a quote, its speaker and two places, as an importer would yield it."""
    carter = find(text, "كارتر")
    quote = find(text, "«خطة عمليتنا")[0], text.index("سياسي»") + len("سياسي»")
    mosul = find(text, "الموصل")
    raqqa = find(text, "الرقة")
    spans = (
        Span(1, 0, *carter, "PER"),
        Span(2, 0, *quote, "QUOTE"),
        Span(3, 0, *mosul, "LOC"),
        Span(4, 0, *raqqa, "LOC", attributes={"note": "مدينة"}),
    )
    return AnnotatedDocument(
        Document(None, "واشنطن تجدد دعمها لتركيا", text, source="seed", meta={"lang": "ar"}),
        spans,
        (Relation(None, "speaker", 2, 1),),
    )


def dump(path: Path) -> dict[str, Any]:
    """Every row of every table (and the schema and header pragmas), for exact comparisons.

    Not ``sqlite_sequence``: the highest id ever given, which an undo never takes back (an id
    once used is never given to another span); see :func:`sequence`."""
    conn = sqlite3.connect(path)
    try:
        out: dict[str, Any] = {}
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            " AND name <> 'sqlite_sequence' ORDER BY name"
        ):
            if "content=''" in sql:  # contentless: its shadow tables hold its rows
                continue
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            order = ", ".join(str(i + 1) for i in range(len(columns)))
            out[name] = (sql, conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}').fetchall())
        for pragma in ("user_version", "application_id"):
            out[pragma] = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
        return out
    finally:
        conn.close()
