"""The model ``annotator train`` stores in the project (issue 12, ADR 0069): it survives
reopening, the ``model`` recommender suggests with it and is measured, a corrupt one is
reported (suggest, check) and trained again, never a crash."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.core.edits import AddSpan, RejectSuggestion, SetStatus
from annotator.core.model import AnnotatedDocument, Document, Span, Status
from annotator.ops import model_store, model_suggestions, training
from annotator.store import open_project

from .test_train import FIXTURES, anercorp_slice

SEEDS = Path(__file__).parents[2] / "seeds" / "washington-turkey-isis.txt"
NAMES = {  # the sample article's names, as a person labels them (without a proclitic)
    "الرقة": "LOC",
    "الموصل": "LOC",
    "تركيا": "LOC",
    "سوريا": "LOC",
    "أنقرة": "LOC",
    "واشنطن": "LOC",
    "داعش": "ORG",
    "البنتاغون": "ORG",
    "كارتر": "PER",
}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def anercorp_project(tmp_path: Path) -> Path:
    """Two documents of ANERcorp with its labels, done, and a third of its later sentences
    without a span."""
    path = tmp_path / "p.annot.db"
    assert run("import", path, anercorp_slice(tmp_path)).exit_code == 0
    lines = (FIXTURES / "ANERCorp.txt").read_text("utf-8").splitlines()[3000:4000]
    later = " ".join(line.rpartition(" ")[0] for line in lines if line.strip())
    with open_project(path, create=False) as repo:
        for document_id in (1, 2):
            repo.apply(SetStatus(document_id, "amal", Status.DONE))
        repo.add_document(AnnotatedDocument(Document(None, "later", later), ()))
    return path


def stem_places(text: str) -> list[tuple[int, int, str]]:
    """Every occurrence of NAMES in ``text`` (after a proclitic too: والرقة -> الرقة)."""
    found = []
    for name, label in NAMES.items():
        for m in re.finditer(rf"(?<![^\s«(])[وبلف]?{name}(?=[\s».,،)]|$)", text):
            found.append((m.end() - len(name), m.end(), label))
    return sorted(found)


def article_project(tmp_path: Path) -> tuple[Path, str]:
    """The sample article labelled and done (document 1), and a second copy of it with a
    title line of its own and no span (document 2)."""
    text = SEEDS.read_text("utf-8")
    path = tmp_path / "article.annot.db"
    with open_project(path) as repo:
        for n, body in enumerate((text, "نسخة ثانية\n" + text)):
            repo.add_document(AnnotatedDocument(Document(None, f"article {n}", body), ()))
        for start, end, label in stem_places(text):
            repo.apply(AddSpan(Span(None, 1, start, end, label, "amal")))
        repo.apply(SetStatus(1, "amal", Status.DONE))
    return path, "نسخة ثانية\n" + text


def test_train_stores_the_model_and_a_reopened_project_suggests_with_it(tmp_path: Path) -> None:
    path = anercorp_project(tmp_path)
    result = run("train", path, "--folds", "2")
    assert result.exit_code == 0, result.output
    assert "stored in the project" in result.output.splitlines()[0]
    assert "the model recommender is switched on" in result.output
    with open_project(path, create=False) as repo:
        model = model_store.stored_model(repo)
        assert model is not None and model.source == "project" and not model.in_progress
        assert model.trained.spans == 285 and model.trained.documents == 2
        assert model.evaluation.folds == 2 and model.evaluation.gold() == 285
        assert "model" in repo.recommender_settings(["memory", "model"]).settings.enabled
        assert "نيويورك" in model.trained.lexicon.memory  # the project's entity texts
    # a new program opens the file: the model is there, no training
    result = run("suggest", path, "--recommender", "model")
    assert result.exit_code == 0, result.output
    assert re.search(r"^model: \d+ suggestions? over 3 documents", result.output, re.M)
    with open_project(path, create=False) as repo:
        assert {s.document_id for s in repo.suggestions(recommenders=["model"])} == {3}
    again = run("train", path, "--folds", "2")  # replaced, settings left alone
    assert "switched on" not in again.output
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM trained_models").fetchone()[0] == 1


def test_a_project_without_a_model_says_how_to_train_one(tmp_path: Path) -> None:
    path = anercorp_project(tmp_path)
    result = run("suggest", path, "--recommender", "model")
    assert result.output.splitlines() == [
        "model: nothing suggested: no trained model: train it (annotator train or "
        "Suggestions ▸ Train the model)"
    ]
    evaluated = run("suggest", path, "--recommender", "model", "--evaluate")
    assert evaluated.output.splitlines()[-1].startswith("model: not measured: no trained model")


def _corrupt(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(sql)
    conn.close()


def _damaged(tmp_path: Path, sql: str) -> tuple[Path, list[str]]:
    """A project trained on ANERcorp whose stored model ``sql`` then damages, and the lines
    ``annotator suggest --recommender model`` prints for it (exit code 0: the others run)."""
    path = anercorp_project(tmp_path)
    assert run("train", path, "--folds", "2").exit_code == 0
    _corrupt(path, sql)
    result = run("suggest", path, "--recommender", "model")
    assert result.exit_code == 0
    return path, result.output.splitlines()


def test_a_corrupt_model_is_reported_and_training_again_mends_it(tmp_path: Path) -> None:
    path, lines = _damaged(tmp_path, "UPDATE trained_models SET model = x'00ff00ff'")
    assert lines == [
        "model: nothing suggested: the stored model cannot be read: its 4 bytes are no CRF "
        "model; train it again with annotator train"
    ]
    checked = run("check", path)
    assert checked.exit_code == 1
    assert "the stored model cannot be read: its 4 bytes are no CRF model" in checked.output
    _corrupt(path, "UPDATE trained_models SET lexicon = '{\"memory\": [1'")
    result = run("suggest", path, "--recommender", "model", "--evaluate")
    assert result.exit_code == 0
    assert "model: not measured: the stored model cannot be read: bad JSON (" in result.output
    assert run("train", path, "--folds", "2").exit_code == 0
    assert run("check", path).exit_code == 0
    result = run("suggest", path, "--recommender", "model")
    assert re.search(r"^model: \d+ suggestions?", result.output, re.M)


def test_a_model_of_unknown_features_says_to_train_again(tmp_path: Path) -> None:
    path, lines = _damaged(
        tmp_path, "UPDATE trained_models SET extra = json_set(extra, '$.features', 3)"
    )
    assert lines == [
        "model: nothing suggested: the stored model cannot be read: it was made with features "
        "of version 3, this program knows versions 1 to 2; train it again with annotator train"
    ]
    assert run("check", path).exit_code == 1
    assert run("train", path, "--folds", "2").exit_code == 0
    assert run("check", path).exit_code == 0


def test_a_model_whose_votes_are_damaged_says_so_in_a_line(tmp_path: Path) -> None:
    path, lines = _damaged(
        tmp_path, "UPDATE trained_models SET extra = json_set(extra, '$.evidence', '5')"
    )
    assert lines == [
        "model: nothing suggested: the stored model cannot be read: its naive Bayes votes are "
        "not what was written: not the five parts written; train it again with annotator train"
    ]
    _corrupt(path, "UPDATE trained_models SET extra = json_remove(extra, '$.evidence')")
    checked = run("check", path)
    assert checked.exit_code == 1
    assert "features of version 2 without their votes" in checked.output
    assert run("train", path, "--folds", "2").exit_code == 0
    assert run("check", path).exit_code == 0


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        ("extra = json_set(extra, '$.features', 'abc')", "features is 'abc', not of type int"),
        ("extra = json_set(extra, '$.evidence', 5)", "evidence is 5, not of type str"),
        ("lexicon = json_set(lexicon, '$.memory', 5)", "memory is 5, not a list"),
    ],
)
def test_a_stored_value_of_the_wrong_type_is_bad_json_in_a_line(
    tmp_path: Path, damage: str, says: str
) -> None:
    path = anercorp_project(tmp_path)
    assert run("train", path, "--folds", "2").exit_code == 0
    _corrupt(path, f"UPDATE trained_models SET {damage}")
    result = run("suggest", path, "--recommender", "model")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"model: nothing suggested: the stored model cannot be read: bad JSON ({says}); "
        "train it again with annotator train"
    ]


def test_evaluate_measures_the_model_on_models_trained_per_fold(tmp_path: Path) -> None:
    path = anercorp_project(tmp_path)
    assert run("train", path, "--folds", "2").exit_code == 0
    result = run("suggest", path, "--recommender", "model", "--evaluate")
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines() if line.startswith("model ")]
    assert {row[1] for row in rows} == {"LOC", "MISC", "ORG", "PERS"}
    right = sum(int(row[5]) for row in rows)
    gold = sum(int(row[9]) for row in rows)
    with open_project(path, create=False) as repo:
        stored = model_store.stored_model(repo)
    assert stored is not None
    # the same split as the stored k-fold figures: the same spans found
    assert gold == 285 and right == sum(c[0] for c in stored.evaluation.counts.values())
    # the stored model, trained on both documents, finds more of them: it is not what is used
    with open_project(path, create=False, read_only=True) as repo:
        _ids, examples = training.repo_documents(repo)
        tagger = model_store.suggester(stored)
        seen = model_store.crf_model.score(tagger, examples)
        tagger.close()
    assert sum(seen.true_positives.values()) > right


def test_the_models_suggestions_are_stem_spans_after_a_proclitic(tmp_path: Path) -> None:
    path, copy = article_project(tmp_path)
    assert run("train", path, "--folds", "2").exit_code == 0
    assert run("suggest", path, "--recommender", "model").exit_code == 0
    with open_project(path, create=False) as repo:
        found = {(s.start, s.end, s.label) for s in repo.suggestions(2, recommenders=["model"])}
        on_spans = repo.suggestions(1, recommenders=["model"])
    after_proclitic = [p for p in stem_places(copy) if copy[p[0] - 1] in "وبلف"]
    assert {copy[s:e] for s, e, _ in after_proclitic} >= {"الرقة", "تركيا"}
    assert set(after_proclitic) <= found  # والرقة -> الرقة, لتركيا -> تركيا
    assert not any(copy[s] in "وبلف" and copy[s + 1 : e] in NAMES for s, e, _ in found)
    labelled = stem_places(copy[len("نسخة ثانية\n") :])
    # the labelled document: no suggestion where a span is (a name left unlabelled, كارتر,
    # may be suggested)
    assert not [s for s in on_spans if any(a < s.end and s.start < b for a, b, _ in labelled)]


def test_rejected_model_suggestions_stay_rejected(tmp_path: Path) -> None:
    path, _copy = article_project(tmp_path)
    assert run("train", path, "--folds", "2").exit_code == 0
    assert run("suggest", path, "--recommender", "model").exit_code == 0
    with open_project(path, create=False) as repo:
        first = repo.suggestions(2, recommenders=["model"])[0]
        assert first.id is not None
        repo.apply(RejectSuggestion(first.id))
    result = run("suggest", path, "--recommender", "model")
    assert "1 rejected before" in result.output
    with open_project(path, create=False) as repo:
        again = {s.key for s in repo.suggestions(2, recommenders=["model"])}
    assert first.key not in again
    assert model_suggestions.NAME == "model"
