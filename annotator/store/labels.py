"""The project's label set as edits with exact inverses (docs/adr/0030), and ensure for imports.

``add_label``, ``change_label`` and ``remove_label`` run inside the caller's transaction (one
per user action: the Labels dialog's changes are one Composite), validate before they write and
return their inverse. A rename carries the spans along (ON UPDATE CASCADE; their ``updated`` is
not touched, so undo steps kept for them still apply). A key another label holds moves to this
one, and the inverse gives it back. A change of kind or speaker flag removes the speaker links
it breaks (store/speakers.py); the inverse brings them back after the label is restored.
"""

from __future__ import annotations

import re
import sqlite3

from annotator.core.edits import AddLabel, ChangeLabel, Composite, Edit, RemoveLabel
from annotator.core.errors import ConflictError, NotFoundError, ValidationError
from annotator.core.labels import name_error
from annotator.core.model import EXTRA_COLOURS, Kind, Label
from annotator.store import suggestions
from annotator.store.rows import LABEL_COLUMNS, fetch_label, label_from_row, labels
from annotator.store.speakers import drop_broken

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def check_label(label: Label) -> None:
    problem = name_error(label.name)
    if problem is not None:
        raise ValidationError(problem)
    try:
        kind = Kind(label.kind)
    except ValueError as exc:
        raise ValidationError(f"label {label.name!r}: unknown kind {label.kind!r}") from exc
    if not _COLOUR.fullmatch(label.colour):
        raise ValidationError(f"label {label.name!r}: colour {label.colour!r} is not #rrggbb")
    if label.key is not None and not 1 <= label.key <= 9:
        raise ValidationError(f"label {label.name!r}: key {label.key} is not 1-9")
    if label.speaker and kind is not Kind.ENTITY:
        raise ValidationError(
            f"label {label.name!r}: only an entity label can be a speaker, not a {kind} label"
        )


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM labels WHERE name = ?", (name,)).fetchone() is not None


def _values(label: Label) -> tuple[object, ...]:
    kind = Kind(label.kind).value
    return (label.name, kind, label.colour, label.key, label.order, int(label.speaker))


def _take_key(conn: sqlite3.Connection, key: int | None, name: str) -> list[Edit]:
    """Free ``key`` from the label other than ``name`` that holds it; the edit giving it back."""
    if key is None:
        return []
    row = conn.execute(
        f"SELECT {LABEL_COLUMNS} FROM labels WHERE key = ? AND name <> ?", (key, name)
    ).fetchone()
    if row is None:
        return []
    holder = label_from_row(row)
    conn.execute("UPDATE labels SET key = NULL WHERE name = ?", (holder.name,))
    without = Label(holder.name, holder.kind, holder.colour, None, holder.order, holder.speaker)
    return [ChangeLabel(holder.name, holder, expect=without)]


def _target(conn: sqlite3.Connection, name: str, expect: Label | None) -> Label:
    """The label an edit changes; with ``expect`` (an undo or redo), ConflictError unless it is
    still exactly as that edit left it."""
    try:
        label = fetch_label(conn, name)
    except NotFoundError:
        if expect is None:
            raise
        raise ConflictError(
            f"label {name!r} no longer exists: another window or program removed it since"
        ) from None
    if expect is not None and label != expect:
        raise ConflictError(
            f"label {name!r} was changed since by another window or program: it is now "
            f"{label.kind} {label.colour}, key {label.key or 'none'}"
        )
    return label


def _inverse(first: Edit, after: list[Edit]) -> Edit:
    return Composite((first, *after)) if after else first


def add_label(conn: sqlite3.Connection, label: Label) -> Edit:
    check_label(label)
    if _exists(conn, label.name):
        raise ValidationError(f"label {label.name!r} already exists")
    moved = _take_key(conn, label.key, label.name)
    conn.execute(f"INSERT INTO labels ({LABEL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", _values(label))
    return _inverse(RemoveLabel(label.name, expect=label), moved)


def change_label(conn: sqlite3.Connection, edit: ChangeLabel) -> Edit:
    old = _target(conn, edit.name, edit.expect)
    new = edit.label
    check_label(new)
    if new.name != old.name and _exists(conn, new.name):
        raise ValidationError(f"label {new.name!r} already exists")
    moved = _take_key(conn, new.key, old.name)
    conn.execute(
        "UPDATE labels SET name = ?, kind = ?, colour = ?, key = ?, ord = ?, speaker = ?"
        " WHERE name = ?",
        (*_values(new), old.name),
    )
    if new.name != old.name and suggestions.has_table(conn):  # they follow, as spans do
        conn.execute(
            "UPDATE OR IGNORE suggestions SET label = ? WHERE label = ?", (new.name, old.name)
        )
    dropped: list[Edit] = []
    if (Kind(new.kind), new.speaker) != (old.kind, old.speaker):
        dropped = drop_broken(conn, label_names=[new.name])
    return _inverse(ChangeLabel(new.name, old, expect=new), [*moved, *dropped])


def label_uses(conn: sqlite3.Connection, name: str) -> int:
    return int(conn.execute("SELECT count(*) FROM spans WHERE label = ?", (name,)).fetchone()[0])


def remove_label(conn: sqlite3.Connection, name: str, expect: Label | None = None) -> Edit:
    label = _target(conn, name, expect)
    used = label_uses(conn, name)
    if used:
        raise ValidationError(
            f"label {name!r} is used by {used} span{'s' if used != 1 else ''}: "
            "relabel or remove them first"
        )
    conn.execute("DELETE FROM labels WHERE name = ?", (name,))
    return AddLabel(label)


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
    add_label(conn, label)
    return label
