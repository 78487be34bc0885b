"""The project's label set: add, update, rename (spans follow), delete, ensure for imports."""

from __future__ import annotations

import re
import sqlite3

from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.labels import name_error
from annotator.core.model import EXTRA_COLOURS, Kind, Label
from annotator.store.rows import LABEL_COLUMNS, label_from_row, labels

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def check_label(label: Label) -> None:
    problem = name_error(label.name)
    if problem is not None:
        raise ValidationError(problem)
    try:
        Kind(label.kind)
    except ValueError as exc:
        raise ValidationError(f"label {label.name!r}: unknown kind {label.kind!r}") from exc
    if not _COLOUR.fullmatch(label.colour):
        raise ValidationError(f"label {label.name!r}: colour {label.colour!r} is not #rrggbb")
    if label.key is not None and not 1 <= label.key <= 9:
        raise ValidationError(f"label {label.name!r}: key {label.key} is not 1-9")


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM labels WHERE name = ?", (name,)).fetchone() is not None


def save_label(conn: sqlite3.Connection, label: Label, *, old_name: str | None) -> None:
    """Add, update, or rename (``old_name``) a label inside the caller's transaction.

    A key already held by another label moves to this one (the other keeps no key).
    Renaming updates the spans through ON UPDATE CASCADE.
    """
    check_label(label)
    current = old_name if old_name is not None else label.name
    if old_name is not None and not _exists(conn, old_name):
        raise NotFoundError(f"label {old_name!r} does not exist")
    if current != label.name and _exists(conn, label.name):
        raise ValidationError(f"label {label.name!r} already exists")
    if label.key is not None:
        conn.execute(
            "UPDATE labels SET key = NULL WHERE key = ? AND name <> ?", (label.key, current)
        )
    values = (label.name, Kind(label.kind).value, label.colour, label.key, label.order)
    if _exists(conn, current):
        conn.execute(
            "UPDATE labels SET name = ?, kind = ?, colour = ?, key = ?, ord = ? WHERE name = ?",
            (*values, current),
        )
    else:
        conn.execute(f"INSERT INTO labels ({LABEL_COLUMNS}) VALUES (?, ?, ?, ?, ?)", values)


def delete_label(conn: sqlite3.Connection, name: str) -> None:
    if not _exists(conn, name):
        raise NotFoundError(f"label {name!r} does not exist")
    used = conn.execute("SELECT count(*) FROM spans WHERE label = ?", (name,)).fetchone()[0]
    if used:
        raise ValidationError(
            f"label {name!r} is used by {used} span{'s' if used != 1 else ''}: "
            "relabel or remove them first"
        )
    conn.execute("DELETE FROM labels WHERE name = ?", (name,))


def ensure_label(conn: sqlite3.Connection, name: str, kind: Kind) -> Label:
    """The label called ``name``, added (next free colour, no key, last) if missing."""
    row = conn.execute(f"SELECT {LABEL_COLUMNS} FROM labels WHERE name = ?", (name,)).fetchone()
    if row is not None:
        return label_from_row(row)
    current = labels(conn)
    used = {label.colour.lower() for label in current}
    free = [c for c in EXTRA_COLOURS if c.lower() not in used]
    colour = free[0] if free else EXTRA_COLOURS[len(current) % len(EXTRA_COLOURS)]
    order = max((label.order for label in current), default=-1) + 1
    label = Label(name, Kind(kind), colour, None, order)
    save_label(conn, label, old_name=None)
    return label
