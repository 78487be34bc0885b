"""The project schema as a list of migrations, keyed on ``PRAGMA user_version``.

Migration N (1-based) brings a file from user_version N-1 to N. Each runs in its own
``BEGIN IMMEDIATE`` transaction together with the version bump, and re-reads the version once
it holds the write lock, so two programs opening a new file at once cannot both migrate it.
A step that rebuilds tables (:class:`Rebuild`) runs with foreign keys off, turned off *before*
its transaction (inside one the pragma is a no-op, and dropping ``spans`` would cascade to every
relation), and ``PRAGMA foreign_key_check`` must find nothing before it commits.
Released migrations are never edited, nor is anything they read (their data is written out in
them, not taken from the code of the day): change the schema by appending a step.
See docs/adr/0004-store.md for why this is not sqlite-utils' ``Migrations``, and 0026.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import ProjectFileError
from annotator.store import evidence, list_index, text_index
from annotator.store.connection import write

APPLICATION_ID = 0x414E4E54  # "ANNT": marks an SQLite file as an annotator project


@dataclass(frozen=True, slots=True)
class Rebuild:
    """A migration step that replaces tables: foreign keys off around it, checked before commit."""

    run: Callable[[Database], None]


Migration = Callable[[Database], None] | Rebuild

# The label set of a new project in schema 1, frozen here (not core.model.DEFAULT_LABELS, which
# may change): name, kind, colour, key, order.
_M001_LABELS = (
    ("PER", "entity", "#f4a3a3", 1, 0),
    ("ORG", "entity", "#9fc5f8", 2, 1),
    ("LOC", "entity", "#a8e0a0", 3, 2),
    ("MISC", "entity", "#f9d98c", 4, 3),
    ("EVENT", "event", "#b45fd6", 5, 4),
    ("QUOTE", "quote", "#e07b00", 6, 5),
)


def _m001_initial(db: Database) -> None:
    statements = [
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            length INTEGER NOT NULL CHECK (length >= 0),
            text_sha256 TEXT NOT NULL UNIQUE,
            meta TEXT NOT NULL DEFAULT '{}',
            imported_at TEXT NOT NULL,
            text TEXT NOT NULL
        )""",
        # The document list reads id, title and length only: a covering index keeps it from
        # walking one page per (long) text.
        "CREATE INDEX documents_list ON documents (id, title, length)",
        """
        CREATE TABLE labels (
            name TEXT PRIMARY KEY CHECK (name <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'event', 'quote')),
            colour TEXT NOT NULL,
            key INTEGER UNIQUE CHECK (key IS NULL OR key BETWEEN 1 AND 9),
            ord INTEGER NOT NULL DEFAULT 0
        )""",
        """
        CREATE TABLE annotators (
            name TEXT PRIMARY KEY
        )""",
        """
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels (name) ON UPDATE CASCADE,
            annotator TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}',
            CHECK (start < "end")
        )""",
        # Also the index on document_id (its leading column); one span per place, label, annotator.
        'CREATE UNIQUE INDEX spans_place ON spans (document_id, start, "end", label, annotator)',
        "CREATE INDEX spans_label ON spans (label)",
        """
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL CHECK (type <> ''),
            source_id INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
            target_id INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
            annotator TEXT NOT NULL DEFAULT '',
            CHECK (source_id <> target_id)
        )""",
        "CREATE INDEX relations_source ON relations (source_id)",
        "CREATE INDEX relations_target ON relations (target_id)",
        # A document with no row for an annotator is NEW for them: only in_progress and done
        # are stored, so setting NEW deletes the row and every inverse is exact.
        """
        CREATE TABLE document_status (
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('in_progress', 'done')),
            updated TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator)
        ) WITHOUT ROWID""",
        "CREATE INDEX document_status_annotator ON document_status (annotator, status)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ]
    for sql in statements:
        db.execute(sql)
    db.conn.executemany(
        "INSERT INTO labels (name, kind, colour, key, ord) VALUES (?, ?, ?, ?, ?)", _M001_LABELS
    )


def rebuild_table(db: Database, table: str, create: str, indexes: Sequence[str] = ()) -> None:
    """Replace ``table`` by the one ``create`` makes (``CREATE TABLE {table} (...)``), same
    columns, rows copied with their ids; then its ``indexes``. SQLite's documented way
    (sqlite.org/lang_altertable.html §7): only inside a :class:`Rebuild` step."""
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise ProjectFileError(f"rebuilding {table} with foreign keys on would cascade deletes")
    columns = ", ".join(f'"{r[1]}"' for r in db.execute(f'PRAGMA table_info("{table}")'))
    temporary = f"_rebuilt_{table}"
    db.execute(create.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {temporary} (", 1))
    db.execute(f"INSERT INTO {temporary} ({columns}) SELECT {columns} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {temporary} RENAME TO {table}")
    for sql in indexes:
        db.execute(sql)


def _m002_ids_never_reused(db: Database) -> None:
    """Span and relation ids are never handed out twice (AUTOINCREMENT): undo names a span by
    its id, and with SQLite's default an id freed by another window was given to the next span,
    which the first window's undo then deleted."""
    rebuild_table(
        db,
        "spans",
        """
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels (name) ON UPDATE CASCADE,
            annotator TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{}',
            CHECK (start < "end")
        )""",
        (
            "CREATE UNIQUE INDEX spans_place"
            ' ON spans (document_id, start, "end", label, annotator)',
            "CREATE INDEX spans_label ON spans (label)",
        ),
    )
    rebuild_table(
        db,
        "relations",
        """
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL CHECK (type <> ''),
            source_id INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
            target_id INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
            annotator TEXT NOT NULL DEFAULT '',
            CHECK (source_id <> target_id)
        )""",
        (
            "CREATE INDEX relations_source ON relations (source_id)",
            "CREATE INDEX relations_target ON relations (target_id)",
        ),
    )


# The labels schema 3 allows as speakers, frozen here; also how a file older than schema 3 is
# read as it is (a read-only open does not upgrade it): rows.labels.
M003_SPEAKERS = "kind = 'entity' AND name IN ('PER', 'ORG')"


def _m003_speaker_labels(db: Database) -> None:
    """Which entity labels may be the speaker of a quote: a project setting, per label
    (docs/adr/0029). A new column, nothing rebuilt; PER and ORG allowed, as before."""
    db.execute(
        "ALTER TABLE labels ADD COLUMN speaker INTEGER NOT NULL DEFAULT 0 CHECK (speaker IN (0, 1))"
    )
    db.execute(f"UPDATE labels SET speaker = 1 WHERE {M003_SPEAKERS}")


def _m004_clitic_evidence(db: Database) -> None:
    """The clitic evidence kept in the file (docs/adr/0045): each span's own characters, and
    the folded word counts of the whole project, filled here from the texts. Both are derived
    data: the fill uses today's tokenizer and fold (store/evidence.py), and a later change of
    either that changes the keys comes with a migration that fills them again."""
    db.execute("ALTER TABLE spans ADD COLUMN text TEXT NOT NULL DEFAULT ''")
    db.execute(evidence.CREATE_TOKEN_COUNTS)
    evidence.fill(db.conn)


def _m005_document_list(db: Database) -> None:
    """What the document list reads at any size (docs/adr/0049): the titles folded as find
    folds them with an FTS5 trigram index over them, each document's span count indexed, and
    an index on the titles for the list sorted by title. Derived data, filled here with today's
    fold (store/list_index.py); a change of the fold comes with a migration that fills it again."""
    for sql in list_index.CREATE:
        db.execute(sql)
    list_index.fill(db.conn)


def _m006_suggestions(db: Database) -> None:
    """Suggestions (issue 11, docs/adr/0053): spans a recommender proposes, in a table of their
    own (never counted as spans), each open, accepted or rejected; a rejected one is kept so
    that its document, offsets and label are never offered again. A suggested link (a quote's
    speaker) belongs to the quote's suggestion, its target given by offsets (a span's or a
    suggestion's). Additive: nothing rebuilt, nothing filled."""
    db.execute(
        """
        CREATE TABLE suggestions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL CHECK (label <> ''),
            recommender TEXT NOT NULL CHECK (recommender <> ''),
            score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
            created TEXT NOT NULL,
            CHECK (start < "end"),
            UNIQUE (document_id, start, "end", label, recommender)
        )"""
    )
    # the UNIQUE index serves a document's suggestions and a place's (what a rejection
    # remembers); this one a recommender's across the project (annotator accept --recommender)
    db.execute("CREATE INDEX suggestions_recommender ON suggestions (recommender, state)")
    db.execute(
        """
        CREATE TABLE suggested_links (
            suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
            type TEXT NOT NULL CHECK (type <> ''),
            target_start INTEGER NOT NULL CHECK (target_start >= 0),
            target_end INTEGER NOT NULL,
            score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
            CHECK (target_start < target_end),
            PRIMARY KEY (suggestion_id, type, target_start, target_end)
        ) WITHOUT ROWID"""
    )


def _m007_project_gazetteers_and_settings(db: Database) -> None:
    """Gazetteers kept in the project and the project's settings (issue 11, docs/adr/0059): a
    list has a name, where it came from and when, and its entries (name, label, the line of
    the file); a setting is a key with a JSON value (read leniently: core.recommender_settings).
    Additive: nothing rebuilt, nothing filled."""
    db.execute(
        """
        CREATE TABLE gazetteers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            source TEXT NOT NULL DEFAULT '',
            imported TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE gazetteer_entries (
            gazetteer_id INTEGER NOT NULL REFERENCES gazetteers (id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            label TEXT NOT NULL CHECK (label <> ''),
            PRIMARY KEY (gazetteer_id, line, name, label)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """
        CREATE TABLE project_settings (
            key TEXT PRIMARY KEY CHECK (key <> ''),
            value TEXT NOT NULL
        ) WITHOUT ROWID"""
    )


def _m008_text_search(db: Database) -> None:
    """The texts' search index (issue 11, docs/adr/0060): an FTS5 trigram index over every
    document's text folded as find folds it, contentless and without positions, for finding a
    text across the project. Derived data, filled here with today's fold
    (store/text_index.py); a change of the fold comes with a migration that fills it again."""
    for sql in text_index.CREATE:
        db.execute(sql)
    text_index.fill(db.conn)


def _m009_trained_model(db: Database) -> None:
    """The project's own trained models (issue 12, docs/adr/0069): one row per recommender
    name (today ``model``, the CRF), replaced whole by each training. The model's bytes as its
    library writes them, what it learned from (spans, documents, labels as a JSON list, the
    source: ``project`` or the corpus file's path, whether documents in progress were used),
    when and how long it trained, its lexicon and its k-fold evaluation as JSON, and ``extra``:
    the fields a newer model value adds (JSON object). Read leniently: bad JSON or bytes are
    reported ("train it again"), never a crash. Additive: nothing rebuilt, nothing filled."""
    db.execute(
        """
        CREATE TABLE trained_models (
            name TEXT PRIMARY KEY CHECK (name <> ''),
            model BLOB NOT NULL,
            spans INTEGER NOT NULL CHECK (spans >= 0),
            documents INTEGER NOT NULL CHECK (documents >= 0),
            labels TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source <> ''),
            in_progress INTEGER NOT NULL CHECK (in_progress IN (0, 1)),
            trained TEXT NOT NULL,
            seconds REAL NOT NULL CHECK (seconds >= 0),
            lexicon TEXT NOT NULL,
            evaluation TEXT NOT NULL,
            extra TEXT NOT NULL DEFAULT '{}'
        ) WITHOUT ROWID"""
    )


def _m010_document_certainty(db: Database) -> None:
    """How sure the project's model is of each document, for active learning (issue 12,
    docs/adr/0073): a certainty per document and the model it came from (the model's training
    time), indexed by certainty for the document list sorted "most useful first". Derived
    data, written by scoring after a training: additive, nothing filled here."""
    db.execute(
        """
        CREATE TABLE document_certainty (
            document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            certainty REAL NOT NULL CHECK (certainty >= 0 AND certainty <= 1)
        )"""
    )
    # the list sorted by certainty walks this index (its rowid, the document id, breaks ties)
    db.execute("CREATE INDEX document_certainty_order ON document_certainty (certainty)")


MIGRATIONS: Sequence[Migration] = (
    _m001_initial,
    Rebuild(_m002_ids_never_reused),
    _m003_speaker_labels,
    _m004_clitic_evidence,
    _m005_document_list,
    _m006_suggestions,
    _m007_project_gazetteers_and_settings,
    _m008_text_search,
    _m009_trained_model,
    _m010_document_certainty,
)
"""Append only. Never edit or reorder a released migration."""

READABLE_FROM = 1
"""The oldest schema today's reads work on unchanged: a read-only open (stats, check, export) of
such a file reads it as it is; a writable open upgrades it first."""


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def application_id(db: Database) -> int:
    return int(db.execute("PRAGMA application_id").fetchone()[0])


def has_tables(db: Database) -> bool:
    return int(db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]) > 0


def check_file(db: Database, path: Path, *, create: bool) -> int:
    """Refuse what is not a project or is newer than us; return the number of pending migrations."""
    version = schema_version(db)
    app = application_id(db)
    if version == 0 and app == 0:
        if has_tables(db):
            raise ProjectFileError(f"{path} is an SQLite file but not an annotator project")
        if not create:
            raise ProjectFileError(f"{path} is empty, not an annotator project")
    elif app != APPLICATION_ID:
        raise ProjectFileError(f"{path} is an SQLite file but not an annotator project")
    if version > len(MIGRATIONS):
        raise ProjectFileError(
            f"{path} was written by a newer version of the annotator "
            f"(schema {version}; this version knows up to {len(MIGRATIONS)}): update the program"
        )
    return len(MIGRATIONS) - version


def migrate(db: Database, path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply pending migrations, one transaction each; return how many this call applied."""
    applied = 0
    while True:
        version = schema_version(db)
        if version >= len(migrations):
            return applied
        step = migrations[version]
        if isinstance(step, Rebuild):
            db.execute("PRAGMA foreign_keys = OFF")  # outside the transaction, or it is ignored
        try:
            with write(db, path):
                version = schema_version(db)  # re-read under the write lock
                if version >= len(migrations):
                    return applied
                step = migrations[version]
                if isinstance(step, Rebuild):
                    step.run(db)
                    _no_broken_links(db, path, version + 1)
                else:
                    step(db)
                db.execute(f"PRAGMA user_version = {version + 1}")
        finally:
            db.execute("PRAGMA foreign_keys = ON")
        applied += 1


def _no_broken_links(db: Database, path: Path, version: int) -> None:
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise ProjectFileError(
            f"{path}: upgrading to schema {version} would leave {len(broken)} broken link(s), "
            f"the first from row {rowid} of {table} to {parent}: the project was not changed"
        )
