"""``annotator suggest``, ``accept`` and ``export --with-suggestions`` on real project files:
the sample article (no spans) beside short annotated articles the memory learns from."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.core.edits import RejectSuggestion, SetStatus
from annotator.core.model import Status
from annotator.core.suggestions import SuggestionState
from annotator.store import open_project
from tests.store.conftest import dump

SEED = Path(__file__).parents[1] / "fixtures" / "import" / "seed-article.txt"
TEXTS = ("قال كارتر في لندن إن الرقة محاصرة.", "وصل كارتر إلى أنقرة.")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def labelled(path: Path) -> Path:
    """Two articles: كارتر (PER) in both; لندن, الرقة and أنقرة (LOC) in one each."""
    lines = []
    for text in TEXTS:
        spans = [
            {"start": text.index(w), "end": text.index(w) + len(w), "label": label}
            for w, label in (("كارتر", "PER"), ("لندن", "LOC"), ("الرقة", "LOC"), ("أنقرة", "LOC"))
            if w in text
        ]
        lines.append(
            json.dumps({"title": text[:9], "text": text, "spans": spans}, ensure_ascii=False)
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annot.db"
    shutil.copy(SEED, tmp_path / "article.txt")
    assert run("import", path, tmp_path / "article.txt").exit_code == 0
    assert (
        run("import", path, labelled(tmp_path / "labelled.jsonl"), "--annotator", "amal").exit_code
        == 0
    )
    return path


def article_suggestions(project: Path) -> list[tuple[str, str, float]]:
    with open_project(project, create=False) as repo:
        text = repo.document(1).text
        return [(text[s.start : s.end], s.label, s.score) for s in repo.suggestions(1)]


def test_suggest_stores_the_memory_and_prints_counts(project: Path) -> None:
    result = run("suggest", project, "--recommender", "memory")
    assert result.exit_code == 0, result.output
    found = article_suggestions(project)
    with open_project(project, create=False) as repo:
        text = repo.document(1).text
    carter = text.count("كارتر")
    assert found.count(("كارتر", "PER", 1.0)) == carter > 3
    assert ("الرقة", "LOC", 1.0) in found  # also the one inside والرقة, its و left out
    assert "open suggestions by recommender and label:\n  memory       LOC" in result.output
    assert f"  memory       PER    {carter:>10}\n" in result.output
    assert result.output.startswith(f"memory: {len(found)} suggestions over 3 documents")


def test_a_rejected_suggestion_stays_rejected_after_suggest_runs_again(project: Path) -> None:
    run("suggest", project, "--recommender", "memory")
    with open_project(project, create=False) as repo:
        first = repo.suggestions(1)[0]
        repo.apply(RejectSuggestion(first.id or 0))
    again = run("suggest", project, "--recommender", "memory")
    assert "1 rejected before" in again.output
    with open_project(project, create=False) as repo:
        assert repo.suggestion(first.id or 0).state is SuggestionState.REJECTED
        assert first.key not in {s.key for s in repo.suggestions(1)}


def test_accept_in_bulk_dry_run_then_for_real(project: Path) -> None:
    run("suggest", project, "--recommender", "memory")
    before = dump(project)
    dry = run("accept", project, "--dry-run", "--annotator", "omar", "--recommender", "memory")
    assert dry.exit_code == 0 and dry.output.startswith("would accept ")
    assert dump(project) == before
    done = run("accept", project, "--annotator", "omar", "--min-score", "0.5")
    assert done.output.splitlines()[0] == dry.output.splitlines()[0].replace(
        "would accept", "accepted"
    )
    with open_project(project, create=False) as repo:
        assert repo.suggestions() == []
        spans = [s for s in repo.spans(1) if s.annotator == "omar"]
        assert len(spans) == len(article_suggestions_all(repo))
        assert repo.status(1, "omar") is Status.IN_PROGRESS
    assert run("accept", project).output.startswith("accepted 0 suggestions")


def article_suggestions_all(repo) -> list[object]:  # type: ignore[no-untyped-def]
    return repo.suggestions(1, state=SuggestionState.ACCEPTED)


def test_export_with_suggestions_reads_back(project: Path, tmp_path: Path) -> None:
    run("suggest", project, "--recommender", "memory")
    with open_project(project, create=False) as repo:
        repo.apply(RejectSuggestion(repo.suggestions(1)[0].id or 0))
    out = tmp_path / "out"
    result = run("export", project, "--format", "jsonl", "--with-suggestions", "--out", out)
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    article = lines[0]
    suggestions = article["suggestions"]
    assert suggestions and article["suggested_relations"] == []
    assert set(suggestions[0]) == {
        "id",
        "start",
        "end",
        "label",
        "kind",
        "text",
        "recommender",
        "score",
        "state",
    }
    assert all(s["text"] == article["text"][s["start"] : s["end"]] for s in suggestions)
    assert [s["state"] for s in suggestions].count("rejected") == 1
    assert {s["kind"] for s in suggestions} == {"entity"}
    assert len(article["spans"]) == 0  # suggestions are not spans
    plain = run("export", project, "--out", tmp_path / "plain")
    assert plain.exit_code == 0
    line = json.loads((tmp_path / "plain" / "documents.jsonl").read_text("utf-8").split("\n")[0])
    assert "suggestions" not in line and "suggested_relations" not in line
    refused = run("export", project, "--format", "conll", "--with-suggestions", "--out", out)
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines()[-1] == (
        "Error: cannot export suggestions as conll: only jsonl holds them (--with-suggestions)"
    )


def test_evaluate_leaves_each_documents_own_spans_out(project: Path) -> None:
    with open_project(project, create=False) as repo:
        for document_id in (2, 3):
            repo.apply(SetStatus(document_id, "amal", Status.DONE))
    result = run("suggest", project, "--evaluate", "--recommender", "memory")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "over 2 documents marked done:"
    # كارتر in each is learned from the other; each place is in one document only: missed
    assert "memory       LOC             0.00    0.00   0.00  0 / 0 / 3" in lines
    assert "memory       PER             1.00    1.00   1.00  2 / 2 / 2" in lines
    with open_project(project, create=False) as repo:
        assert repo.suggestions(state=None) == []  # nothing stored


def test_unknown_recommender_and_status(project: Path) -> None:
    refused = run("suggest", project, "--recommender", "oracle")
    assert (
        refused.exit_code == 2 and "'oracle' is not one of 'gazetteer', 'memory'" in refused.output
    )
    only_new = run("suggest", project, "--status", "done", "--recommender", "memory")
    assert only_new.output.startswith("memory: 0 suggestions over 0 documents")


def test_export_with_suggestions_in_worker_processes_gives_the_same_file(
    project: Path, tmp_path: Path
) -> None:
    run("suggest", project, "--recommender", "memory")
    for jobs in ("1", "2"):
        result = run(
            "export", project, "--with-suggestions", "--jobs", jobs, "--out", tmp_path / jobs
        )
        assert result.exit_code == 0, result.output
    one = (tmp_path / "1" / "documents.jsonl").read_bytes()
    assert b'"suggestions": [{"id": ' in one
    assert (tmp_path / "2" / "documents.jsonl").read_bytes() == one


def test_an_older_project_read_as_it_is_has_no_suggestions(tmp_path: Path) -> None:
    """Export and a dry-run accept open a schema-5 file read-only, without upgrading it."""
    old = tmp_path / "schema-5.annot.db"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "projects" / old.name, old)
    exported = run("export", old, "--with-suggestions", "--out", tmp_path / "out")
    assert exported.exit_code == 0, exported.output
    lines = (tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines()
    assert all(json.loads(x)["suggestions"] == [] for x in lines)
    dry = run("accept", old, "--dry-run")
    assert dry.output == "would accept 0 suggestions as spans of no annotator\n"
    assert run("stats", old).exit_code == 0
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5  # not upgraded
    conn.close()
