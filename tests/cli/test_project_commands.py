"""``annotator gazetteer`` and ``annotator settings`` on real project files (docs/adr/0059), and
``annotator suggest`` following what the project keeps: its enabled recommenders, its lists."""

from __future__ import annotations

from pathlib import Path

from annotator.store import open_project
from tests.cli.test_suggest import project, run

__all__ = ["project"]  # the fixture, shared


def places(tmp_path: Path) -> Path:
    path = tmp_path / "places.tsv"
    path.write_text("# places\nالرقة\tLOC\nالموصل\tLOC\nآشتون كارتر\tPER\n", encoding="utf-8")
    return path


def test_add_list_remove_a_gazetteer(project: Path, tmp_path: Path) -> None:
    result = run("gazetteer", project, "add", places(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output == "gazetteer 'places' added: 3 names\n"
    listed = run("gazetteer", project, "list").output
    assert listed.startswith("places: 3 names (LOC 2, PER 1) from ")
    again = run("gazetteer", project, "add", places(tmp_path))
    assert again.exit_code == 1 and "named 'places' already" in again.output
    assert run("gazetteer", project, "add", places(tmp_path), "--name", "more").exit_code == 0
    assert run("gazetteer", project, "add", places(tmp_path), "--replace").exit_code == 0
    assert (
        run("gazetteer", project, "remove", "more").output == "gazetteer 'more' removed: 3 names\n"
    )
    gone = run("gazetteer", project, "remove", "more")
    assert gone.exit_code == 1 and "no gazetteer named 'more' (it has places)" in gone.output


def test_a_bad_line_is_one_line_and_nothing_is_stored(project: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("الرقة\tLOC\nداعش\tGROUP\n", encoding="utf-8")
    result = run("gazetteer", project, "add", bad)
    assert result.exit_code == 1
    assert f"{bad}, line 2" in result.output and len(result.output.splitlines()) == 1
    assert "no gazetteer in the project" in run("gazetteer", project, "list").output


def test_suggest_uses_the_project_s_lists(project: Path, tmp_path: Path) -> None:
    assert run("gazetteer", project, "add", places(tmp_path)).exit_code == 0
    result = run("suggest", project, "--recommender", "gazetteer")
    assert result.exit_code == 0, result.output
    with open_project(project, create=False) as repo:
        text = repo.document(1).text
        found = [(text[s.start : s.end], s.label) for s in repo.suggestions(1)]
    assert found.count(("الرقة", "LOC")) == 7 and ("آشتون كارتر", "PER") in found


def test_settings_print_and_change(project: Path) -> None:
    shown = run("settings", project)
    assert shown.output == (
        "recommenders: memory, gazetteer, quotes\nmin-score: 0.00\nrun-on-open: no\n"
        "retrain-every: never\nspacy-pipeline: (none)\nspacy-labels: (as they are)\n"
        "spacy-spans-key: sc\n"
    )
    changed = run("settings", project, "--recommenders", "memory", "--min-score", "0.3")
    assert changed.exit_code == 0, changed.output
    assert changed.output.splitlines()[0] == (
        "changed: recommenders: memory (was memory, gazetteer, quotes); min-score: 0.30 (was 0.00)"
    )
    same = run("settings", project, "--no-run-on-open")
    assert same.output.splitlines()[0] == "changed: nothing (as they were)"
    on = run("settings", project, "--run-on-open")
    assert "run-on-open: yes (was no)" in on.output
    retrain = run("settings", project, "--retrain-every", "50")
    assert "retrain-every: 50 (was never)" in retrain.output
    unknown = run("settings", project, "--recommenders", "memory,stanza")
    assert unknown.exit_code == 2 and "unknown recommender 'stanza'" in unknown.output


def test_suggest_runs_the_enabled_ones_and_says_which_are_off(project: Path) -> None:
    assert run("settings", project, "--recommenders", "memory").exit_code == 0
    result = run("suggest", project)
    assert result.exit_code == 0, result.output
    assert "quotes: nothing suggested: switched off in the project's settings" in result.output
    assert "gazetteer: nothing suggested: switched off in the project's settings" in result.output
    with open_project(project, create=False) as repo:
        assert {s.recommender for s in repo.suggestions()} == {"memory"}
