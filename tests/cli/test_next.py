"""``annotator next`` (issue 12, ADR 0073): the unfinished documents the stored model is least
sure of, scored first; without a model, a one-line error."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.ops import active_learning
from annotator.store import open_project

from ..ops.anercorp_articles import learning_project


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_next_prints_the_least_sure_unfinished_documents(tmp_path: Path) -> None:
    path = tmp_path / "p.annot.db"
    ids = learning_project(path, "amal")
    assert run("train", path, "--folds", "2").exit_code == 0
    result = run("next", path, "--annotator", "amal", "--top", "3")
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [int(line[0]) for line in lines][-1] == ids["familiar"]
    assert [line[2] for line in lines][-1] == "familiar"
    certainties = [float(line[1]) for line in lines]
    assert certainties == sorted(certainties)
    assert "scored 3 documents" in result.stderr
    again = run("next", path, "--annotator", "amal")  # scored already: nothing to do
    assert again.stderr == "" and len(again.stdout.splitlines()) == 1
    with open_project(path, create=False) as repo:
        assert repo.scored(active_learning.model_id(repo) or "") == 3


def test_next_without_a_model_says_so(tmp_path: Path) -> None:
    path = tmp_path / "p.annot.db"
    learning_project(path, "amal")
    result = CliRunner().invoke(cli, ["next", str(path)])
    assert result.exit_code == 1
    assert "no trained model: train one first" in result.output
