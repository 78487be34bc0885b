"""``annotator assign`` and ``annotator merge`` (docs/adr/0075) on real project files."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run
from tests.ops.test_work_packages import annotate, everything, make_project


def test_assign_then_merge_twice(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db", 6)
    out = tmp_path / "packages"

    made = run("assign", project, "--annotators", "ali,badr", "--overlap", "0.5", "--out", out)

    assert made.exit_code == 0, made.output
    assert "6 document(s) dealt to 2 annotator(s), 3 of them to everyone" in made.stdout
    ali, badr = out / "news.ali.annot.db", out / "news.badr.annot.db"
    annotate(ali, "ali")
    annotate(badr, "badr", "ORG", done=False)

    merged = run("merge", project, ali, badr)

    assert merged.exit_code == 0, merged.output
    assert "news.ali.annot.db: ali," in merged.stdout and "status(es) in" in merged.stdout
    assert "2 package(s) merged into news.annot.db, 0 refused" in merged.stdout
    before = everything(project)
    again = run("merge", project, ali, badr)
    assert again.stdout.count("nothing new (already merged") == 2
    assert everything(project) == before


def test_assign_refuses_a_bad_status_and_an_existing_package(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db", 3)
    out = tmp_path / "packages"
    bad = run("assign", project, "--annotators", "ali", "--status", "finished", "--out", out)
    assert bad.exit_code == 2 and "'finished' is not a status" in bad.output
    assert run("assign", project, "--annotators", "ali", "--out", out).exit_code == 0
    again = run("assign", project, "--annotators", "ali", "--out", out)
    assert again.exit_code == 1 and "exists already" in again.output
    done = run(
        "assign", project, "--annotators", "ali", "--status", "done", "--out", out, "--force"
    )
    assert done.exit_code == 1 and "no document with status done to deal" in done.output


def test_merge_of_a_foreign_package_exits_1_naming_it(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db", 3)
    other = make_project(tmp_path / "other.annot.db", 3)
    assert run("assign", other, "--annotators", "ali", "--out", tmp_path / "o").exit_code == 0
    result = run("merge", project, tmp_path / "o" / "other.ali.annot.db")
    assert result.exit_code == 1
    assert "refused: other.ali.annot.db: this work package was made from another project" in (
        result.stdout
    )
