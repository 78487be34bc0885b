"""Schema upgrades: every released schema has a project file in tests/fixtures/projects, made by
that schema's code; today's code opens it, upgrades it and must find exactly the same content."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from annotator.core.edits import AddSpan, RemoveSpan
from annotator.core.errors import ProjectFileError
from annotator.core.model import Span
from annotator.ops import model_store
from annotator.store import Repository, open_project
from annotator.store.schema import MIGRATIONS, Rebuild, migrate, rebuild_table, schema_version

from .conftest import dump

PROJECTS = Path(__file__).parents[1] / "fixtures" / "projects"
RELEASED = sorted(
    int(p.name.split("-")[1].split(".")[0]) for p in PROJECTS.glob("schema-*.annot.db")
)


def snapshot(repo: Repository) -> dict[str, Any]:
    """The same view of a project as the fixture scripts wrote (their snapshot function)."""
    out: dict[str, Any] = {
        "labels": [
            [lb.name, lb.kind.value, lb.colour, lb.key, lb.order, lb.speaker]
            for lb in repo.labels()
        ],
        "annotators": repo.annotators(),
        "documents": [],
    }
    for doc_id in repo.document_ids():
        d = repo.document(doc_id)
        out["documents"].append(
            {
                "id": d.id,
                "title": d.title,
                "text_sha256": d.text_sha256,
                "source": d.source,
                "url": d.url,
                "published": d.published,
                "meta": d.meta,
                "imported_at": d.imported_at,
                "spans": [
                    [s.id, s.start, s.end, s.label, s.annotator, s.created, s.updated, s.attributes]
                    for s in repo.spans(doc_id)
                ],
                "relations": [
                    [r.id, r.type, r.source_id, r.target_id, r.annotator]
                    for r in repo.relations(doc_id)
                ],
                "statuses": {a: repo.status(doc_id, a).value for a in ("amal", "omar")},
            }
        )
    return out


def suggestion_snapshot(repo: Repository) -> tuple[list[Any], list[Any]]:
    """The suggestions and suggested links as make_schema_6.py wrote them."""
    found = [
        [
            *(s.id, s.document_id, s.start, s.end, s.label, s.recommender, s.score),
            *(s.state.value, s.created),
        ]
        for s in repo.suggestions(state=None)
    ]
    links = [
        [k.document_id, k.type, list(k.source), list(k.target), k.recommender, k.score]
        for d in repo.document_ids()
        for k in repo.suggested_links(d, state=None)
    ]
    return found, links


def setup_snapshot(repo: Repository) -> dict[str, Any]:
    """The gazetteers and settings as make_schema_7.py wrote them."""
    settings = repo.recommender_settings(["memory", "gazetteer", "quotes"]).settings
    return {
        "gazetteers": [
            [g.name, g.source, g.imported, g.entries, [list(c) for c in g.by_label]]
            for g in repo.gazetteer_lists()
        ],
        "gazetteer_entries": [
            [g.name, [[e.name, e.label, e.line] for e in g.entries]] for g in repo.gazetteers()
        ],
        "settings": [list(settings.enabled), settings.min_score, settings.run_on_open],
    }


def model_snapshot(repo: Repository) -> list[Any] | None:
    """The stored model as make_schema_9.py wrote it (its bytes by their sha256)."""
    stored = repo.trained_model("model")
    if stored is None:
        return None
    return [
        stored.name,
        hashlib.sha256(stored.model).hexdigest(),
        *(stored.spans, stored.documents, stored.labels, stored.source),
        *(stored.in_progress, stored.trained, stored.seconds),
        *(stored.lexicon, stored.evaluation, stored.extra),
    ]


def certainty_snapshot(repo: Repository) -> list[Any]:
    """Every document's certainty as make_schema_10.py wrote it."""
    found = ((d, repo.certainty(d)) for d in repo.document_ids())
    return [[d, None if c is None else list(c)] for d, c in found]


NO_SETUP = {  # an older file, upgraded: no list, the default settings
    "gazetteers": [],
    "gazetteer_entries": [],
    "settings": [["memory", "gazetteer", "quotes"], 0.0, False],
}


def test_every_released_schema_has_a_fixture() -> None:
    assert list(range(1, len(MIGRATIONS) + 1)) == RELEASED


@pytest.mark.parametrize("version", RELEASED)
def test_an_old_project_upgrades_with_every_value_kept(version: int, tmp_path: Path) -> None:
    path = tmp_path / f"schema-{version}.annot.db"
    shutil.copy(PROJECTS / path.name, path)
    expected = json.loads((PROJECTS / f"schema-{version}.expected.json").read_text("utf-8"))
    for label in expected["labels"]:
        if len(label) == 5:  # before schema 3: the upgrade allows PER and ORG as speakers
            label.append(label[0] in ("PER", "ORG") and label[1] == "entity")
    # annotators(): since schema 3's code, also everyone with spans or a status
    expected["annotators"] = sorted(
        set(expected["annotators"])
        | {s[4] for d in expected["documents"] for s in d["spans"] if s[4]}
        | {a for d in expected["documents"] for a, st in d["statuses"].items() if st != "new"}
    )
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
    # since schema 6: the suggestions (none in an older file, upgraded)
    expected_suggestions = expected.pop("suggestions", [])
    expected_links = expected.pop("suggested_links", [])
    # since schema 7: the gazetteers and the settings
    expected_setup = {key: expected.pop(key, empty) for key, empty in NO_SETUP.items()}
    # since schema 9: the trained model (none in an older file, upgraded)
    expected_model = expected.pop("trained_model", None)
    # since schema 10: the documents' certainty (none in an older file, upgraded)
    expected_certainties = expected.pop("certainties", None)
    with open_project(path, create=False) as repo:
        assert snapshot(repo) == expected
        assert setup_snapshot(repo) == expected_setup
        assert suggestion_snapshot(repo) == (expected_suggestions, expected_links)
        assert model_snapshot(repo) == expected_model
        certain = certainty_snapshot(repo)
        assert certain == (expected_certainties or [[d, None] for d, _ in certain])
        assert model_store.check(repo) == []
        assert repo.check() == []
        assert schema_version(repo.db) == len(MIGRATIONS)


def test_after_the_upgrade_a_freed_id_is_never_given_again(tmp_path: Path) -> None:
    """Schema 1 gave the highest freed id to the next span (the fixture has one: أنقرة was 6,
    then السيسي got 6); from schema 2 on, ids only grow."""
    path = tmp_path / "p.annot.db"
    shutil.copy(PROJECTS / "schema-1.annot.db", path)
    with open_project(path, create=False) as repo:
        highest = max(s.id or 0 for d in repo.document_ids() for s in repo.spans(d))
        first = repo.apply(AddSpan(Span(None, 2, 0, 3, "EVENT", "amal")))
        new_id = first.edits[0].span_id if hasattr(first, "edits") else first.span_id  # type: ignore[union-attr]
        assert new_id == highest + 1
        repo.apply(RemoveSpan(new_id))
        again = repo.apply(AddSpan(Span(None, 2, 0, 3, "EVENT", "amal")))
        assert again.span_id == highest + 2  # type: ignore[union-attr]


def _legacy_project(tmp_path: Path) -> Path:
    path = tmp_path / "old.annot.db"
    shutil.copy(PROJECTS / "schema-1.annot.db", path)
    return path


def test_a_rebuild_step_keeps_every_relation(tmp_path: Path) -> None:
    """The runner turns foreign keys off before a Rebuild's transaction: dropping the old spans
    table no longer cascades to the relations (it deleted every one of them)."""
    path = _legacy_project(tmp_path)
    db = Database(sqlite3.connect(path))
    db.execute("PRAGMA foreign_keys = ON")
    before = db.execute("SELECT count(*) FROM relations").fetchone()[0]
    assert before == 1
    create = db.execute("SELECT sql FROM sqlite_master WHERE name = 'spans'").fetchone()[0]

    def rebuild_spans(db: Database) -> None:
        rebuild_table(db, "spans", create)

    migrate(db, path, (MIGRATIONS[0], Rebuild(rebuild_spans)))
    assert db.execute("SELECT count(*) FROM relations").fetchone()[0] == before
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # on again afterwards
    db.close()


def test_a_rebuild_that_breaks_links_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    path = _legacy_project(tmp_path)
    before = dump(path)

    def lose_a_span(db: Database) -> None:
        create = db.execute("SELECT sql FROM sqlite_master WHERE name = 'spans'").fetchone()[0]
        rebuild_table(db, "spans", create)
        db.execute("DELETE FROM spans WHERE label = 'PER' AND annotator = 'amal'")

    db = Database(sqlite3.connect(path))
    with pytest.raises(ProjectFileError, match="broken link"):
        migrate(db, path, (MIGRATIONS[0], Rebuild(lose_a_span)))
    db.close()
    assert dump(path) == before


def test_rebuild_table_refuses_to_run_with_foreign_keys_on(tmp_path: Path) -> None:
    path = _legacy_project(tmp_path)
    db = Database(sqlite3.connect(path))
    db.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(ProjectFileError, match="cascade"):
        rebuild_table(db, "relations", "CREATE TABLE relations (id INTEGER PRIMARY KEY)")
    db.close()
