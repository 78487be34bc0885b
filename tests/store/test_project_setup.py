"""The gazetteers and recommender settings a project keeps (schema 7, docs/adr/0059), on real
project files: lists added, listed, read back as core Gazetteers and removed; settings stored
and read back; hostile stored values read as the defaults and named by ``check``."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.edits import RemoveLabel
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.recommend_gazetteer import Gazetteer, GazetteerEntry
from annotator.core.recommender_settings import RecommenderSettings
from annotator.store import Repository, open_project

from .conftest import FIXTURES

KNOWN = ("gazetteer", "memory", "quotes")
PLACES = Gazetteer(
    "places",
    (
        GazetteerEntry("الرقة", "LOC", 1),
        GazetteerEntry("الموصل", "LOC", 2),
        GazetteerEntry("آشتون كارتر", "PER", 3),
    ),
)


def test_a_list_is_added_listed_read_and_removed(repo: Repository, project_path: Path) -> None:
    assert repo.gazetteer_lists() == [] and repo.gazetteers() == []
    assert repo.add_gazetteer(PLACES, source="/lists/places.tsv") == 3
    with open_project(project_path, create=False, read_only=True) as other:  # in the file
        (stored,) = other.gazetteer_lists()
        assert other.gazetteers() == [PLACES]
    assert (stored.name, stored.source, stored.entries) == ("places", "/lists/places.tsv", 3)
    assert stored.by_label == (("LOC", 2), ("PER", 1))
    assert repo.remove_gazetteer("places") == 3
    assert repo.gazetteer_lists() == [] and repo.gazetteers() == []
    assert repo.check() == []


def test_a_name_already_there_is_refused_unless_replaced(repo: Repository) -> None:
    repo.add_gazetteer(PLACES)
    one = Gazetteer("places", (GazetteerEntry("أنقرة", "LOC", 1),))
    with pytest.raises(ValidationError, match=r"named 'places' already.*--replace"):
        repo.add_gazetteer(one)
    assert repo.gazetteers() == [PLACES]
    assert repo.add_gazetteer(one, replace=True) == 1
    assert repo.gazetteers() == [one]


def test_a_label_the_project_lacks_stores_nothing(repo: Repository) -> None:
    bad = Gazetteer("x", (GazetteerEntry("الرقة", "LOC", 1), GazetteerEntry("داعش", "GROUP", 7)))
    with pytest.raises(ValidationError, match=r"list.tsv, line 7: label 'GROUP' is not one"):
        repo.add_gazetteer(bad, source="list.tsv")
    assert repo.gazetteer_lists() == []


def test_removing_a_list_that_is_not_there_names_those_that_are(repo: Repository) -> None:
    repo.add_gazetteer(PLACES)
    with pytest.raises(NotFoundError, match=r"no gazetteer named 'people' \(it has places\)"):
        repo.remove_gazetteer("people")


def test_entries_of_a_removed_label_are_left_out_and_checked(repo: Repository) -> None:
    repo.add_gazetteer(PLACES)
    repo.apply(RemoveLabel("PER"))
    (places,) = repo.gazetteers()
    assert [e.label for e in places.entries] == ["LOC", "LOC"]
    assert repo.check() == [
        "gazetteer 'places': 1 entry of label 'PER', which the project does not have "
        "(left out of the suggestions)"
    ]


def test_ten_thousand_names_in_one_transaction(repo: Repository) -> None:
    entries = tuple(GazetteerEntry(f"مدينة{i}", "LOC", i + 1) for i in range(10_000))
    assert repo.add_gazetteer(Gazetteer("big", entries)) == 10_000
    assert repo.gazetteer_lists()[0].entries == 10_000


def test_settings_round_trip(repo: Repository, project_path: Path) -> None:
    assert repo.recommender_settings(KNOWN).settings == RecommenderSettings()
    changed = RecommenderSettings(
        ("quotes", "memory"),
        0.5,
        True,
        retrain_every=50,
        pipeline="ner-pipeline",
        label_map=(("PERSON", "PER"), ("GPE", "LOC")),
        spans_key="ents",
    )
    repo.save_recommender_settings(changed)
    with open_project(project_path, create=False, read_only=True) as other:
        read = other.recommender_settings(KNOWN)
    assert read.settings == changed and read.problems == ()


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("min_score", '"high"', "'min_score' is not a number in [0, 1]"),
        ("min_score", "7", "'min_score' is not a number in [0, 1]"),
        ("min_score", "NaN", "'min_score' is not a number in [0, 1]"),
        ("min_score", "true", "'min_score' is not a number in [0, 1]"),
        ("run_on_open", "1", "'run_on_open' is not true or false"),
        ("recommenders", '"memory"', "'recommenders' is not a list of names"),
        ("recommenders", '["memory", "model"]', "unknown recommender 'model' left out"),
        ("recommenders", "[[[[", "'recommenders' is not JSON"),
        ("colour", "1", "setting 'colour' is not known"),
        ("retrain_every", "2.5", "'retrain_every' is not a whole number in [0, 100000]"),
        ("retrain_every", "-1", "'retrain_every' is not a whole number in [0, 100000]"),
        ("retrain_every", "true", "'retrain_every' is not a whole number in [0, 100000]"),
        ("spacy_pipeline", "3", "'spacy_pipeline' is not a directory name"),
        ("spacy_labels", '"PERSON"', "'spacy_labels' is not a label map (A=B,C=D)"),
        ("spacy_labels", '["PERSON=PER"]', "'spacy_labels' is not a label map (A=B,C=D)"),
        ("spacy_labels", '"A=B,A=C"', "'spacy_labels' is not a label map (A=B,C=D)"),
        ("spacy_spans_key", '""', "'spacy_spans_key' is not a name: 'sc' is used"),
    ],
)
def test_a_hostile_value_reads_as_the_default_and_check_names_it(
    project_path: Path, key: str, value: str, problem: str
) -> None:
    with open_project(project_path) as repo:
        repo.save_recommender_settings(RecommenderSettings(("memory",), 0.5, True))
    conn = sqlite3.connect(project_path)
    conn.execute("INSERT OR REPLACE INTO project_settings VALUES (?, ?)", (key, value))
    conn.commit()
    conn.close()
    with open_project(project_path, create=False, read_only=True) as repo:
        read = repo.recommender_settings(KNOWN)
        problems = repo.check(KNOWN)
    assert len(read.problems) == 1 and problem in read.problems[0]
    assert problems == list(read.problems)
    default = RecommenderSettings()
    expected = {
        "min_score": RecommenderSettings(("memory",), default.min_score, True),
        "run_on_open": RecommenderSettings(("memory",), 0.5, default.run_on_open),
        "colour": RecommenderSettings(("memory",), 0.5, True),
        "retrain_every": RecommenderSettings(("memory",), 0.5, True),  # 0: never
        "spacy_pipeline": RecommenderSettings(("memory",), 0.5, True),  # none
        "spacy_labels": RecommenderSettings(("memory",), 0.5, True),  # no map
        "spacy_spans_key": RecommenderSettings(("memory",), 0.5, True),  # sc
    }.get(key, RecommenderSettings(("memory",) if "model" in value else default.enabled, 0.5, True))
    assert read.settings == expected


def test_a_schema_6_file_read_only_has_no_list_and_the_default_settings(tmp_path: Path) -> None:
    path = tmp_path / "old.annot.db"
    shutil.copy(FIXTURES / "projects" / "schema-6.annot.db", path)
    with open_project(path, create=False, read_only=True) as repo:
        assert repo.gazetteer_lists() == [] and repo.gazetteers() == []
        assert repo.recommender_settings(KNOWN).settings == RecommenderSettings()
        assert repo.check() == []
