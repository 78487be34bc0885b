"""A project file from elsewhere is untrusted: its schema must be exactly ours (docs/adr/0028).

Projects travel between annotators, so a file with the right application id and version may
still hold a trigger that deletes spans on the next edit, a view that hangs every query, or a
table of ours changed. Opening compares the file's shape (tables with their columns and foreign
keys, indexes with their columns, and no triggers or views) with the shape our own migrations
build for the file's version, before anything else reads it. What is foreign and can simply be
dropped (a trigger, a view, an extra index or table) is *repairable* (`annotator check --repair`);
a table of ours that is missing or changed is not.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.core.errors import ProjectFileError

Shape = dict[tuple[str, str], Any]  # (type, name) -> description

DANGER = {
    "trigger": " (a trigger can change or delete annotations on any edit)",
    "view": " (a view can make every query hang)",
    "index": "",
    "table": "",
}


@dataclass(frozen=True, slots=True)
class Foreign:
    """One difference from the expected schema, in plain words; ``drop`` removes it (repairable)."""

    text: str
    drop: str | None = None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def shape(conn: sqlite3.Connection) -> Shape:
    """What the file holds, read through PRAGMAs (not the SQL text, which SQLite versions
    rewrite differently on a table rename)."""
    out: Shape = {}
    for kind, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ):
        if kind == "table":
            columns = tuple(tuple(r) for r in conn.execute(f"PRAGMA table_xinfo({_quote(name)})"))
            keys = tuple(
                sorted(
                    tuple(r[2:]) for r in conn.execute(f"PRAGMA foreign_key_list({_quote(name)})")
                )
            )
            # a virtual table is its module and arguments (the title index's tokenizer, its
            # content table): those are only in its SQL, which SQLite keeps as written
            virtual = sql if str(sql).upper().startswith("CREATE VIRTUAL TABLE") else None
            out[("table", name)] = (columns, keys, virtual)
        elif kind == "index":
            info = [r for r in conn.execute(f"PRAGMA index_list({_quote(table)})") if r[1] == name]
            unique = bool(info[0][2]) if info else None
            columns = tuple(tuple(r) for r in conn.execute(f"PRAGMA index_xinfo({_quote(name)})"))
            out[("index", name)] = (table, unique, columns)
        else:
            out[(kind, name)] = table
    return out


@functools.cache
def expected_shape(version: int) -> Shape:
    """The shape our migrations give a new project at ``version`` (built in memory once)."""
    from annotator.store.schema import MIGRATIONS, migrate

    conn = sqlite3.connect(":memory:")
    try:
        migrate(Database(conn), Path(":memory:"), MIGRATIONS[:version])
        return shape(conn)
    finally:
        conn.close()


def foreign_objects(conn: sqlite3.Connection, version: int) -> list[Foreign]:
    """Every difference between the file and the schema of ``version``; [] when it is ours."""
    found, expected = shape(conn), expected_shape(version)
    problems: list[Foreign] = []
    for (kind, name), value in sorted(found.items()):
        if (kind, name) in expected:
            if expected[(kind, name)] != value:
                problems.append(Foreign(f"{kind} {name!r} is not as this program makes it"))
        elif kind in DANGER:
            problems.append(
                Foreign(
                    f"{kind} {name!r} was not made by this program{DANGER[kind]}",
                    f"DROP {kind.upper()} {_quote(name)}",
                )
            )
        else:
            problems.append(Foreign(f"{kind} {name!r} is unknown to this program"))
    for kind, name in sorted(set(expected) - set(found)):
        problems.append(Foreign(f"{kind} {name!r} is missing"))
    return problems


def refuse_foreign(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """ProjectFileError naming the first difference, if the file is not exactly ours."""
    problems = foreign_objects(conn, version)
    if not problems:
        return
    repairable = all(p.drop is not None for p in problems)
    advice = (
        f"`annotator check --repair {path}` removes it (after a backup copy)"
        if repairable
        else "it cannot be repaired: use a copy of the project from before it was changed"
    )
    more = f" (and {len(problems) - 1} more difference(s))" if len(problems) > 1 else ""
    raise ProjectFileError(
        f"{path}: {problems[0].text}{more}; refused, the file was changed by another "
        f"program: {advice}"
    )


def repair(conn: sqlite3.Connection, path: Path, version: int) -> list[str]:
    """Drop what is foreign and repairable, in one transaction; what was done, in words."""
    problems = foreign_objects(conn, version)
    fixed = [p for p in problems if p.drop is not None]
    if len(fixed) != len(problems):
        raise ProjectFileError(
            f"{path} cannot be repaired: " + "; ".join(p.text for p in problems if p.drop is None)
        )
    conn.execute("BEGIN IMMEDIATE")
    try:
        for problem in _drop_order(fixed):
            conn.execute(problem.drop or "")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return [f"removed: {p.text}" for p in fixed]


def _drop_order(problems: Sequence[Foreign]) -> list[Foreign]:
    """Triggers and views first (they may name the tables), then indexes, then tables."""
    rank = {"TRIGGER": 0, "VIEW": 1, "INDEX": 2, "TABLE": 3}
    return sorted(problems, key=lambda p: rank.get((p.drop or "").split(" ")[1], 9))
