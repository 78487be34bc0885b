"""What a project keeps for its recommenders (issue 11, docs/adr/0059): gazetteers (lists of
names with their labels, imported once and matched on every run) and the recommender settings
(key/value, JSON values), both since schema 7.

A file of an older schema opened read-only has neither table: it has no list and the default
settings. Labels are checked when a list is added; a label removed or renamed later leaves its
entries in the list, where ``check`` names them and the recommender leaves them out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass

from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.recommend_gazetteer import Gazetteer, GazetteerEntry
from annotator.core.recommender_settings import ReadSettings, RecommenderSettings, from_values
from annotator.store.connection import now
from annotator.store.project_file import ProjectFile

SINCE = 7  # the schema that has these tables
TEAM_PREFIX = "team."  # keys of store/packages.py, not recommender settings


@dataclass(frozen=True, slots=True)
class StoredGazetteer:
    """A list as the project has it: its name, where it came from, when, its entries and how
    many of each label."""

    name: str
    source: str
    imported: str
    entries: int
    by_label: tuple[tuple[str, int], ...]


def _has_tables(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) >= SINCE


def add_list(
    conn: sqlite3.Connection,
    gazetteer: Gazetteer,
    source: str,
    labels: Collection[str],
    *,
    replace: bool = False,
) -> int:
    name = gazetteer.name.strip()
    if not name:
        raise ValidationError("a gazetteer needs a name (--name)")
    unknown = sorted({e.label for e in gazetteer.entries} - set(labels))
    if unknown:
        first = next(e for e in gazetteer.entries if e.label == unknown[0])
        raise ValidationError(
            f"{source}, line {first.line}: label {unknown[0]!r} is not one of the project's "
            f"({', '.join(sorted(labels))}): nothing stored"
        )
    row = conn.execute("SELECT id FROM gazetteers WHERE name = ?", (name,)).fetchone()
    if row is not None:
        if not replace:
            raise ValidationError(
                f"the project has a gazetteer named {name!r} already: remove it first, "
                "give another name (--name) or replace it (--replace)"
            )
        conn.execute("DELETE FROM gazetteers WHERE id = ?", (row[0],))
    cursor = conn.execute(
        "INSERT INTO gazetteers (name, source, imported) VALUES (?, ?, ?)", (name, source, now())
    )
    list_id = cursor.lastrowid
    rows = dict.fromkeys((list_id, e.line, e.name, e.label) for e in gazetteer.entries)
    conn.executemany(
        "INSERT INTO gazetteer_entries (gazetteer_id, line, name, label) VALUES (?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def lists(conn: sqlite3.Connection) -> list[StoredGazetteer]:
    if not _has_tables(conn):
        return []
    counts: dict[int, list[tuple[str, int]]] = {}
    for list_id, label, n in conn.execute(
        "SELECT gazetteer_id, label, count(*) FROM gazetteer_entries "
        "GROUP BY gazetteer_id, label ORDER BY gazetteer_id, label"
    ):
        counts.setdefault(list_id, []).append((label, n))
    return [
        StoredGazetteer(
            name, source, imported, sum(n for _, n in counts.get(i, [])), tuple(counts.get(i, []))
        )
        for i, name, source, imported in conn.execute(
            "SELECT id, name, source, imported FROM gazetteers ORDER BY name"
        )
    ]


def remove_list(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute(
        "SELECT g.id, count(e.name) FROM gazetteers g LEFT JOIN gazetteer_entries e "
        "ON e.gazetteer_id = g.id WHERE g.name = ? GROUP BY g.id",
        (name,),
    ).fetchone()
    if row is None:
        known = [g.name for g in lists(conn)]
        raise NotFoundError(
            f"the project has no gazetteer named {name!r}"
            + (f" (it has {', '.join(known)})" if known else " (it has none)")
        )
    conn.execute("DELETE FROM gazetteers WHERE id = ?", (row[0],))
    return int(row[1])


def gazetteers(conn: sqlite3.Connection, labels: Collection[str]) -> list[Gazetteer]:
    """The lists as core Gazetteers, without entries of a label the project no longer has."""
    if not _has_tables(conn):
        return []
    entries: dict[int, list[GazetteerEntry]] = {}
    for list_id, line, name, label in conn.execute(
        "SELECT gazetteer_id, line, name, label FROM gazetteer_entries ORDER BY gazetteer_id, line"
    ):
        if label in labels:
            entries.setdefault(list_id, []).append(GazetteerEntry(name, label, line))
    return [
        Gazetteer(name, tuple(entries.get(i, ())))
        for i, name in conn.execute("SELECT id, name FROM gazetteers ORDER BY name")
    ]


def check(conn: sqlite3.Connection, labels: Collection[str], known: Collection[str]) -> list[str]:
    """Entries whose label the project no longer has, and settings not as they should be."""
    if not _has_tables(conn):
        return []
    problems = [
        f"gazetteer {name!r}: {n} entr{'y' if n == 1 else 'ies'} of label {label!r}, which the "
        "project does not have (left out of the suggestions)"
        for name, label, n in conn.execute(
            "SELECT g.name, e.label, count(*) FROM gazetteer_entries e "
            "JOIN gazetteers g ON g.id = e.gazetteer_id GROUP BY g.name, e.label ORDER BY 1, 2"
        )
        if label not in labels
    ]
    return problems + list(read_settings(conn, known).problems)


def read_settings(conn: sqlite3.Connection, known: Collection[str]) -> ReadSettings:
    if not _has_tables(conn):
        return ReadSettings(RecommenderSettings())
    stored = {
        str(k): str(v)
        for k, v in conn.execute("SELECT key, value FROM project_settings")
        if not str(k).startswith(TEAM_PREFIX)  # a work package's identity (store/packages.py)
    }
    return from_values(stored, known)


def write_settings(conn: sqlite3.Connection, settings: RecommenderSettings) -> None:
    conn.executemany(
        "INSERT INTO project_settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        settings.values().items(),
    )


class ProjectSetup(ProjectFile):
    """The gazetteers and recommender settings of a project file; each write one transaction."""

    def add_gazetteer(
        self, gazetteer: Gazetteer, *, source: str = "", replace: bool = False
    ) -> int:
        """Store ``gazetteer`` (its labels must be the project's; a name the project has
        already is refused unless ``replace``): ValidationError, nothing stored. Returns the
        number of entries stored."""
        with self._write():
            labels = [r[0] for r in self.db.conn.execute("SELECT name FROM labels")]
            return add_list(self.db.conn, gazetteer, source, labels, replace=replace)

    def gazetteer_lists(self) -> list[StoredGazetteer]:
        with self._read():
            return lists(self.db.conn)

    def remove_gazetteer(self, name: str) -> int:
        """Remove the list ``name`` (NotFoundError naming the lists there are); returns how
        many entries it had."""
        with self._write():
            return remove_list(self.db.conn, name)

    def gazetteers(self) -> list[Gazetteer]:
        with self._read():
            labels = {r[0] for r in self.db.conn.execute("SELECT name FROM labels")}
            return gazetteers(self.db.conn, labels)

    def recommender_settings(self, known: Collection[str]) -> ReadSettings:
        """The settings (a stored value that is bad: its default, and a problem)."""
        with self._read():
            return read_settings(self.db.conn, known)

    def save_recommender_settings(self, settings: RecommenderSettings) -> None:
        with self._write():
            write_settings(self.db.conn, settings)
