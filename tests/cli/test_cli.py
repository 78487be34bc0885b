"""The ``annotator`` command on real project files (click's CliRunner, no Qt)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.ops import export_project
from annotator.ops.exporting import LabelFilterError
from annotator.store import open_project
from tests.store.test_open import read_only_folder

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
SEED = FIXTURES / "seed-article.txt"
CHROME = ("ت + ت - الحجم الطبيعي", "أرشيفية", "Email")
TEXT = "قال كارتر في لندن: «بحث الوزيران نجاحات سوريا»."


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / "washington-turkey-isis.txt")
    return folder


def annotated_jsonl(path: Path) -> Path:
    quote = (TEXT.index("«"), TEXT.index("»") + 1)
    record = {
        "title": "كارتر في لندن",
        "text": TEXT,
        "spans": [
            {"id": 1, "start": 4, "end": 9, "label": "PER", "annotator": "amal"},
            {"id": 2, "start": 13, "end": 17, "label": "LOC", "annotator": "amal"},
            {"id": 3, "start": quote[0], "end": quote[1], "label": "QUOTE", "annotator": "amal"},
            {"id": 4, "start": 4, "end": 7, "label": "MISC", "annotator": "amal"},
        ],
        "relations": [{"type": "speaker", "from": 3, "to": 1}],
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_import_seeds_then_export_gives_the_article_without_chrome(
    tmp_path: Path, seeds: Path
) -> None:
    project = tmp_path / "p.db"
    imported = run("import", project, seeds)
    assert imported.exit_code == 0, imported.output
    assert "imported 1 document" in imported.stdout
    exported = run("export", project, "--format", "jsonl", "--out", tmp_path / "exports")
    assert exported.exit_code == 0, exported.output
    [record] = [
        json.loads(x)
        for x in (tmp_path / "exports" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert record["title"] == "واشنطن تجدد دعمها لتركيا في عملية تطهير حدودها من «داعش»"
    assert "آشتون كارتر" in record["text"]
    for chrome in CHROME:
        assert chrome not in record["text"]
    assert len(record["meta"]["boilerplate_dropped"]) == 3
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [
        "documents.jsonl", "export-report.txt", "labels.json"
    ]  # fmt: skip


def test_jsonl_with_spans_imports_and_exports_back_identically(tmp_path: Path) -> None:
    source = annotated_jsonl(tmp_path / "in.jsonl")
    assert run("import", tmp_path / "a.db", source).exit_code == 0
    assert run("export", tmp_path / "a.db", "--out", tmp_path / "a").exit_code == 0
    first = (tmp_path / "a" / "documents.jsonl").read_text(encoding="utf-8")
    [record] = [json.loads(x) for x in first.splitlines()]
    assert record["text"] == TEXT
    spans = {(s["start"], s["end"], s["label"]) for s in record["spans"]}
    quote = (TEXT.index("«"), TEXT.index("»") + 1, "QUOTE")
    assert spans == {(4, 9, "PER"), (13, 17, "LOC"), quote, (4, 7, "MISC")}
    # the export imports into a new project and exports to the very same file
    assert run("import", tmp_path / "b.db", tmp_path / "a" / "documents.jsonl").exit_code == 0
    assert run("export", tmp_path / "b.db", "--out", tmp_path / "b").exit_code == 0
    assert (tmp_path / "b" / "documents.jsonl").read_text(encoding="utf-8") == first
    report = (tmp_path / "a" / "export-report.txt").read_text(encoding="utf-8")
    assert "spans not expressed: 1" in report and "MISC" in report
    # the check passes on it ...
    checked = run("check", tmp_path / "b.db")
    assert checked.exit_code == 0, checked.output
    assert "no problems" in checked.stdout


def test_check_fails_on_a_span_corrupted_by_hand(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    assert run("import", project, annotated_jsonl(tmp_path / "in.jsonl")).exit_code == 0
    with sqlite3.connect(project) as conn:
        conn.execute('UPDATE spans SET "end" = 10000 WHERE label = ?', ("LOC",))
    conn.close()
    checked = run("check", project)
    assert checked.exit_code == 1
    assert "LOC" in checked.stdout and "outside the text" in checked.stdout
    assert "1 problem(s)" in checked.stderr


def test_check_fails_on_a_text_changed_by_hand(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    assert run("import", project, annotated_jsonl(tmp_path / "in.jsonl")).exit_code == 0
    with sqlite3.connect(project) as conn:
        conn.execute("UPDATE documents SET text = text || '!'")
    conn.close()
    checked = run("check", project)
    assert checked.exit_code == 1
    assert "document 1" in checked.stdout


def test_import_refuses_bad_files_and_imports_the_others(tmp_path: Path, seeds: Path) -> None:
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "bad.jsonl").write_text('{"text": "نص"}\n{oops}\n', encoding="utf-8")
    result = run("import", tmp_path / "p.db", seeds, "--annotator", "amal")
    assert result.exit_code == 1
    assert "imported 1 document" in result.stdout
    assert "2 files refused" in result.stdout
    assert "bad.jsonl, line 2: invalid JSON" in result.stderr
    assert "empty.txt: empty file" in result.stderr
    again = run("import", tmp_path / "p.db", seeds / "washington-turkey-isis.txt")
    assert again.exit_code == 0
    assert "1 duplicate skipped" in again.stdout


def test_import_options(tmp_path: Path, seeds: Path) -> None:
    kept = run("import", tmp_path / "k.db", seeds, "--keep-boilerplate", "--format", "text")
    assert kept.exit_code == 0
    assert run("export", tmp_path / "k.db", "--out", tmp_path / "k").exit_code == 0
    text = (tmp_path / "k" / "documents.jsonl").read_text(encoding="utf-8")
    assert "الحجم الطبيعي" in text


def test_stats(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    run("import", project, annotated_jsonl(tmp_path / "in.jsonl"))
    result = run("stats", project)
    assert result.exit_code == 0
    out = result.stdout
    assert "documents: 1" in out and "new: 1" in out
    assert "PER: 1" in out and "QUOTE: 1" in out and "relations: 1" in out


def test_export_filters_and_options(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    run("import", project, annotated_jsonl(tmp_path / "in.jsonl"))
    result = run(
        "export", project, "--out", tmp_path / "o", "--labels", "PER,QUOTE", "--scheme",
        "bioes", "--tokens", "whole", "--annotator", "amal", "--layer", "entity",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [record] = [
        json.loads(x)
        for x in (tmp_path / "o" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert {s["label"] for s in record["spans"]} == {"PER", "QUOTE"}
    names = json.loads((tmp_path / "o" / "labels.json").read_text(encoding="utf-8"))
    assert "S-PER" in names["ner_tags"]
    # nothing is done yet: one line says so, exit code 1, no (empty) file written or replaced
    before = (tmp_path / "o" / "documents.jsonl").read_bytes()
    done = run("export", project, "--out", tmp_path / "o", "--status", "done")
    assert done.exit_code == 1
    assert done.stderr == (
        "Error: nothing to export: no document matches the filters (status: done); "
        f"nothing was written into {tmp_path / 'o'}\n"
    )
    assert (tmp_path / "o" / "documents.jsonl").read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{project}", "--labels", "PRR"],
        ["export", "{project}", "--format", "nope"],
        ["export", "{tmp}/missing.db"],
        ["import", "{project}"],
        ["stats"],
        ["check", "{project}", "--frobnicate"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2(tmp_path: Path, args: list[str]) -> None:
    project = tmp_path / "p.db"
    run("import", project, annotated_jsonl(tmp_path / "in.jsonl"))
    filled = [a.format(project=project, tmp=tmp_path) for a in args]
    result = CliRunner().invoke(cli, filled)
    assert result.exit_code == 2, result.output


def test_a_file_that_is_not_a_project_is_one_line_and_exit_1(tmp_path: Path) -> None:
    fake = tmp_path / "fake.db"
    fake.write_text("not sqlite", encoding="utf-8")
    for command in ("stats", "check"):
        result = CliRunner().invoke(cli, [command, str(fake)])
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ")
        assert str(fake) in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_export_into_a_file_is_bad_usage(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    run("import", project, annotated_jsonl(tmp_path / "in.jsonl"))
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(project), "--out", str(blocker)])
    assert result.exit_code == 2
    assert "is a file" in result.stderr


@pytest.mark.parametrize("command", [[], ["gui"], ["import"], ["export"], ["stats"], ["check"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_the_command_line_does_not_import_qt() -> None:
    code = "import sys, annotator.cli.main; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_export_of_damaged_rows_is_one_line_exit_1_and_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    assert run("import", project, annotated_jsonl(tmp_path / "in.jsonl")).exit_code == 0
    with sqlite3.connect(project) as conn:
        conn.execute("UPDATE spans SET attributes = '[' WHERE label = 'LOC'")
    conn.close()
    checked = run("check", project)
    assert checked.exit_code == 1 and "attributes are not a JSON object" in checked.stdout
    exported = CliRunner().invoke(cli, ["export", str(project), "--out", str(tmp_path / "out")])
    assert exported.exit_code == 1
    assert exported.exception is None or isinstance(exported.exception, SystemExit)
    assert "not a JSON object" in exported.stderr and "annotator check" in exported.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_stats_check_export_read_a_project_in_a_read_only_folder(tmp_path: Path) -> None:
    """Export, stats and check only read: they work where the project cannot be written (a
    shared folder), and import says why it cannot."""
    folder = tmp_path / "shared"
    folder.mkdir()
    project = folder / "p.db"
    assert run("import", project, annotated_jsonl(tmp_path / "in.jsonl")).exit_code == 0
    with read_only_folder(folder):
        assert run("export", project, "--out", tmp_path / "out").exit_code == 0
        assert run("stats", project).exit_code == 0
        assert run("check", project).exit_code == 0
        refused = CliRunner().invoke(cli, ["import", str(project), str(tmp_path / "in.jsonl")])
        assert refused.exit_code == 1
        assert "is read-only, and SQLite needs to create p.db-wal" in refused.stderr
    assert json.loads((tmp_path / "out" / "documents.jsonl").read_text("utf-8"))["text"] == TEXT


@pytest.mark.parametrize(
    "fmt", ["jsonl", "conll", "conll-multi", "brat", "doccano", "labelstudio", "spacy"]
)
def test_a_bad_label_name_saved_before_the_rule_is_reported_and_no_export_breaks(
    tmp_path: Path, fmt: str
) -> None:
    """A project written by an older version (or by hand) may hold a label name the rule now
    refuses: check names it, and every export refuses with one line naming it, writing
    nothing, instead of a Label Studio config that is not XML or a CoNLL tag with a space."""
    project = tmp_path / "p.db"
    assert run("import", project, annotated_jsonl(tmp_path / "in.jsonl")).exit_code == 0
    with sqlite3.connect(project) as conn:
        conn.execute("UPDATE labels SET name = 'QUOTE\u202e\x01' WHERE name = 'QUOTE'")
    conn.close()
    checked = run("check", project)
    assert checked.exit_code == 1
    assert "label 'QUOTE\\u202e\\x01': a name cannot hold a bidi control (U+202E" in checked.stdout
    out = tmp_path / "out"
    exported = CliRunner().invoke(cli, ["export", str(project), "--format", fmt, "--out", out])
    assert exported.exit_code == 1
    assert exported.exception is None or isinstance(exported.exception, SystemExit)
    [line] = exported.stderr.strip().splitlines()
    assert "cannot export: label 'QUOTE\\u202e\\x01'" in line and "rename it" in line
    assert not out.exists()


@pytest.mark.parametrize("labels", ["PRR,PER", ","])
def test_the_label_filter_is_the_export_operation_s_own_check(tmp_path: Path, labels: str) -> None:
    """`--labels` is refused with the words of ops.exporting.check_label_filter, which
    export_project (and so the window) applies too."""
    project = tmp_path / "p.db"
    run("import", project, annotated_jsonl(tmp_path / "in.jsonl"))
    result = run("export", project, "--out", tmp_path / "o", "--labels", labels)
    assert result.exit_code == 2
    wanted = [x for x in labels.split(",") if x]
    with open_project(project, create=False) as repo, pytest.raises(LabelFilterError) as caught:
        export_project(repo, "jsonl", tmp_path / "o", labels=wanted)
    assert str(caught.value) in " ".join(result.stderr.split())
    assert str(caught.value) == (
        "unknown label(s) PRR; the project has PER, ORG, LOC, MISC, EVENT, QUOTE"
        if wanted
        else "no label given"
    )
    assert not (tmp_path / "o").exists()


def test_export_tokens_split_is_refused_naming_the_modes(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    run("import", project, annotated_jsonl(tmp_path / "in.jsonl"))
    result = run(
        "export", project, "--format", "conll", "--out", tmp_path / "o", "--tokens", "split"
    )
    assert result.exit_code == 2
    assert "'split' was removed" in result.stderr
    assert all(mode in result.stderr for mode in ("whole", "segment", "span-edges"))
    assert not (tmp_path / "o").exists()
    for mode, warned in (("whole", False), ("segment", False), ("span-edges", True)):
        out = tmp_path / mode
        done = run("export", project, "--format", "conll", "--out", out, "--tokens", mode)
        assert done.exit_code == 0, done.output
        report = (out / "export-report.txt").read_text(encoding="utf-8")
        assert f"{mode} tokens" in report
        assert ("warning: span-edges tokens" in report) is warned
