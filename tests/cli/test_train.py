"""``annotator train`` on a real project file and on ANERcorp with --map (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.core.edits import SetStatus
from annotator.core.model import Status
from annotator.store import open_project

FIXTURES = Path(__file__).parents[1] / "fixtures"
ARTICLE = FIXTURES / "washington-turkey-isis.txt"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def anercorp_slice(tmp_path: Path) -> Path:
    """The first 99 sentences of ANERcorp: two documents of ~2,700 tokens."""
    lines = (FIXTURES / "ANERCorp.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "anercorp.txt"
    path.write_text("".join(lines[:3000]), encoding="utf-8")
    return path


def article_project(tmp_path: Path) -> Path:
    path = tmp_path / "article.annot.db"
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    assert run("import", path, tmp_path / "article.txt").exit_code == 0
    return path


def test_train_on_the_projects_done_documents_prints_the_table(tmp_path: Path) -> None:
    path = tmp_path / "p.annot.db"
    assert run("import", path, anercorp_slice(tmp_path)).exit_code == 0
    with open_project(path, create=False) as repo:
        for document_id in (1, 2):
            repo.apply(SetStatus(document_id, "amal", Status.DONE))
    result = run("train", path, "--folds", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("trained on 285 spans in 2 documents (LOC, MISC, ORG, PERS)")
    micro = lines[-1].split()
    assert micro[0] == "micro" and float(micro[3]) > 0.3 and micro[4] == "285"


def test_train_from_anercorp_maps_its_labels(tmp_path: Path) -> None:
    result = run(
        "train",
        article_project(tmp_path),
        "--from",
        anercorp_slice(tmp_path),
        "--map",
        "PERS=PER",
        "--folds",
        "2",
    )
    assert result.exit_code == 0, result.output
    assert "(LOC, MISC, ORG, PER)" in result.output.splitlines()[0]


def test_an_unmapped_label_is_an_error_naming_it(tmp_path: Path) -> None:
    corpus = anercorp_slice(tmp_path)
    result = run("train", article_project(tmp_path), "--from", corpus)
    assert result.exit_code == 1
    assert f"{corpus}: label 'PERS'" in result.output
    assert "--map PERS=LABEL" in result.output


def test_a_project_with_nothing_done_says_so(tmp_path: Path) -> None:
    result = run("train", article_project(tmp_path))
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: no document marked done with entity spans to learn from"
    )
