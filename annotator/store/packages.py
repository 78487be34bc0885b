"""What makes a project file a work package, and what a merge writes (docs/adr/0075).

A work package is an ordinary project file (same schema, opened by the same window) holding one
annotator's documents, the label set, the gazetteers, the recommender settings and the trained
model of the project it was made from. Two ``project_settings`` keys tie the two together, so
no migration is needed: the project gets ``team.project`` (a random id, written by the first
``assign``), each package ``team.package`` (JSON: its own id, the project's id, its annotator,
when it was made and, for every document it holds, the project's document id and the text's
sha256). ``project_setup.read_settings`` leaves the ``team.`` keys to this module.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from annotator.core.errors import ValidationError
from annotator.core.model import Kind, Status
from annotator.core.recommender_settings import KEYS
from annotator.store import labels as label_rows
from annotator.store.connection import now

PROJECT_KEY = "team.project"
PACKAGE_KEY = "team.package"
RANK = {Status.NEW: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}
# tables a package copies whole from its project (the labels replace a new file's defaults)
COPIED = ("labels", "gazetteers", "gazetteer_entries", "trained_models")


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """The identity a package carries: ``documents`` maps each text's sha256 to the id the
    document has in the project."""

    package: str
    project: str
    annotator: str
    made: str
    documents: dict[str, int]

    def as_json(self) -> str:
        return json.dumps(
            {
                "package": self.package,
                "project": self.project,
                "annotator": self.annotator,
                "made": self.made,
                "documents": [[i, sha] for sha, i in self.documents.items()],
            },
            ensure_ascii=False,
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A document that may be dealt: id, text length and the highest status anyone gave."""

    id: int
    length: int
    sha256: str
    status: Status


def _setting(conn: sqlite3.Connection, key: str) -> str | None:
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) < 7:
        return None  # no project_settings table (a read-only file of an old schema)
    row = conn.execute("SELECT value FROM project_settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO project_settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def project_id(conn: sqlite3.Connection) -> str | None:
    raw = _setting(conn, PROJECT_KEY)
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, str) and value else None


def ensure_project_id(conn: sqlite3.Connection) -> str:
    """The project's id, made (and written, inside the caller's transaction) the first time."""
    found = project_id(conn)
    if found is None:
        found = uuid.uuid4().hex
        _put(conn, PROJECT_KEY, json.dumps(found))
    return found


def package_info(conn: sqlite3.Connection) -> PackageInfo | None:
    """The package's identity; None for a project that is not a package (or whose record is
    not one we wrote: merge refuses it as not a package)."""
    raw = _setting(conn, PACKAGE_KEY)
    if raw is None:
        return None
    try:
        value = json.loads(raw)
        documents = {str(sha): int(i) for i, sha in value["documents"]}
        info = PackageInfo(
            str(value["package"]),
            str(value["project"]),
            str(value["annotator"]),
            str(value["made"]),
            documents,
        )
    except (ValueError, TypeError, KeyError):
        return None
    return info if info.package and info.project and info.annotator else None


def candidates(conn: sqlite3.Connection, statuses: Collection[Status]) -> list[Candidate]:
    """The project's documents whose highest status (anyone's; NEW if nobody gave one) is one
    of ``statuses``, by id."""
    found: list[Candidate] = []
    for doc_id, length, sha, top in conn.execute(
        "SELECT d.id, d.length, d.text_sha256, max(CASE s.status WHEN 'done' THEN 2 "
        "WHEN 'in_progress' THEN 1 ELSE 0 END) FROM documents d "
        "LEFT JOIN document_status s ON s.document_id = d.id GROUP BY d.id ORDER BY d.id"
    ):
        status = (Status.NEW, Status.IN_PROGRESS, Status.DONE)[top or 0]
        if status in statuses:
            found.append(Candidate(int(doc_id), int(length), str(sha), status))
    return found


def copy_setup(source: sqlite3.Connection, package: sqlite3.Connection) -> None:
    """The label set, gazetteers, trained models and recommender settings of ``source`` into a
    new package (inside the package's write transaction; both files of the same schema)."""
    package.execute("DELETE FROM labels")
    for table in COPIED:
        rows = source.execute(f"SELECT * FROM {table}").fetchall()
        if rows:
            marks = ",".join("?" * len(rows[0]))
            package.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    settings = [
        (k, v)
        for k, v in source.execute("SELECT key, value FROM project_settings")
        if k in KEYS  # the team keys are the project's own, not the package's
    ]
    package.executemany("INSERT INTO project_settings (key, value) VALUES (?, ?)", settings)


def write_package_info(conn: sqlite3.Connection, info: PackageInfo) -> None:
    _put(conn, PACKAGE_KEY, info.as_json())
    conn.execute("INSERT OR IGNORE INTO annotators (name) VALUES (?)", (info.annotator,))


def new_package_id() -> str:
    return uuid.uuid4().hex


def stamp() -> str:
    return now()


def texts_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Document id -> (sha256, title) of the project's documents among ``ids``."""
    wanted = sorted(set(ids))
    found: dict[int, tuple[str, str]] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for doc_id, sha, title in conn.execute(
            f"SELECT id, text_sha256, title FROM documents WHERE id IN ({marks})", chunk
        ):
            found[int(doc_id)] = (str(sha), str(title))
    return found


def ensure_labels(conn: sqlite3.Connection, brought: Sequence[tuple[str, Kind]]) -> list[str]:
    """Add the labels a package brings that the project lacks (name and kind; a free key and
    a colour as any new label gets); returns their names. A label of the same name and another
    kind is refused (the package's spans would change layer)."""
    have = {name: Kind(kind) for name, kind in conn.execute("SELECT name, kind FROM labels")}
    added: list[str] = []
    for name, kind in brought:
        if name in have:
            if have[name] is not kind:
                raise ValidationError(
                    f"label {name!r} is a {kind.value} label in the package and a "
                    f"{have[name].value} label in the project"
                )
            continue
        label_rows.ensure_label(conn, name, kind)
        have[name] = kind
        added.append(name)
    return added


def move_status_forward(
    conn: sqlite3.Connection, document_id: int, annotator: str, status: Status, when: str
) -> bool:
    """Write ``annotator``'s status if it is further on than the project's (new < in progress
    < done); a merge never moves a status back. True if written."""
    row = conn.execute(
        "SELECT status FROM document_status WHERE document_id = ? AND annotator = ?",
        (document_id, annotator),
    ).fetchone()
    there = Status.NEW if row is None else Status(row[0])
    if RANK[status] <= RANK[there]:
        return False
    conn.execute(
        "INSERT INTO document_status (document_id, annotator, status, updated) VALUES (?,?,?,?)"
        " ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status,"
        " updated = excluded.updated",
        (document_id, annotator, status.value, when),
    )
    return True


def spans_not_in(
    conn: sqlite3.Connection,
    document_id: int,
    annotator: str,
    places: Collection[tuple[int, int, str]],
) -> int:
    """How many of ``annotator``'s spans of the document are not among ``places`` (start,
    end, label): work the project has that the package does not (kept, never removed)."""
    there = conn.execute(
        'SELECT start, "end", label FROM spans WHERE document_id = ? AND annotator = ?',
        (document_id, annotator),
    ).fetchall()
    wanted = set(places)
    return sum(1 for start, end, label in there if (start, end, label) not in wanted)
