"""``annotator stats --format table|json|html [--out FILE]`` on a real project file with two
annotators' work (docs/adr/0072)."""

from __future__ import annotations

import json
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import cli
from tests.cli.test_cli import run
from tests.cli.test_import_attach import LOC, PER, QUOTE_SPAN, jsonl


def two_annotators(tmp_path: Path) -> Path:
    """One article: ali's PER + LOC (done), منى's PER + QUOTE (in progress); ali's work
    dated a day earlier."""
    project = tmp_path / "team.annot.db"
    ali = jsonl(tmp_path / "ali.jsonl", [PER, LOC], status="done")
    assert run("import", project, ali, "--annotator", "ali").exit_code == 0
    mona = jsonl(tmp_path / "mona.jsonl", [PER, QUOTE_SPAN], status="in_progress")
    assert run("import", project, mona, "--annotator", "منى").exit_code == 0
    conn = sqlite3.connect(project)
    with conn:
        conn.execute(
            "UPDATE spans SET created = '2026-11-30T09:00:00+00:00' WHERE annotator = 'ali'"
        )
        conn.execute("UPDATE document_status SET updated = '2026-11-30T10:00:00+00:00'")
        conn.execute(
            "UPDATE spans SET created = '2026-12-01T09:00:00+00:00' WHERE annotator <> 'ali'"
        )
    conn.close()
    return project


def test_json_gives_statuses_spans_by_annotator_and_label_and_days(tmp_path: Path) -> None:
    project = two_annotators(tmp_path)
    result = run("stats", project, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 1
    assert data["spans"] == 4
    assert data["by_annotator"]["ali"] == {"new": 0, "in_progress": 0, "done": 1}
    assert data["by_annotator"]["منى"] == {"new": 0, "in_progress": 1, "done": 0}
    table = data["spans_by_annotator_and_label"]
    assert table["ali"]["PER"] == 1 and table["ali"]["LOC"] == 1 and table["ali"]["QUOTE"] == 0
    assert table["منى"]["PER"] == 1 and table["منى"]["QUOTE"] == 1
    assert data["days"] == [
        {"day": "2026-11-30", "annotator": "ali", "done": 1, "spans": 2},
        {"day": "2026-12-01", "annotator": "منى", "done": 0, "spans": 2},
    ]


def test_html_is_one_page_with_every_number_beside_its_bar(tmp_path: Path) -> None:
    project = two_annotators(tmp_path)
    result = run("stats", project, "--format", "html")
    assert result.exit_code == 0, result.output
    page = result.stdout
    cells: list[str] = []

    class Cells(HTMLParser):
        def handle_data(self, data: str) -> None:
            if data.strip():
                cells.append(data.strip())

    Cells().feed(page)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "src=" not in page  # nothing beside the page
    assert "<bdi>منى</bdi>" in page
    assert "team" in cells  # the title
    assert "0 + 0 + 1" in cells  # ali: new + in progress + done
    assert "0 + 1 + 0" in cells  # منى
    # the running totals: ali's 2 spans on the 30th, still 2 on the 1st; منى's 0 then 2
    spans = cells[cells.index("Running total of spans made") : cells.index("Agreement")]
    assert spans[-8:] == ["2026-11-30", "2026-12-01", "ali", "2", "2", "منى", "0", "2"]
    assert cells[-1] == "No document is marked done by two annotators yet."  # منى's in progress


def test_agreement_at_a_glance_in_every_format(tmp_path: Path) -> None:
    """Once منى has done the article too: her PER is ali's, her QUOTE is not his LOC."""
    project = two_annotators(tmp_path)
    conn = sqlite3.connect(project)
    with conn:
        conn.execute("UPDATE document_status SET status = 'done'")
    conn.close()
    data = json.loads(run("stats", project, "--format", "json").stdout)["agreement"]
    (pair,) = data["pairs"]
    assert pair["annotators"] == ["ali", "منى"] and pair["documents"] == 1
    assert pair["exact_f1"] == 0.5 and data["alpha_documents"] == 1
    full = json.loads(run("agreement", project, "--format", "json").stdout)
    assert full["pairs"][0]["exact"]["f1"] == pair["exact_f1"]  # the same figure
    table = run("stats", project).stdout
    assert "  ali – منى: 0.500, 0.500," in table and "on 1 document(s)" in table
    page = run("stats", project, "--format", "html").stdout
    assert "<bdi>ali</bdi> – <bdi>منى</bdi></th><td class=n>1</td><td class=n>0.500</td>" in page


def test_table_is_the_default(tmp_path: Path) -> None:
    project = two_annotators(tmp_path)
    result = run("stats", project)
    assert "documents by annotator:" in result.stdout
    assert "  ali: new 0, in_progress 0, done 1" in result.stdout
    assert "agreement: no document marked done by two annotators yet" in result.stdout


def test_out_writes_the_whole_file_or_nothing(tmp_path: Path) -> None:
    project = two_annotators(tmp_path)
    page = tmp_path / "stats.html"
    assert run("stats", project, "--format", "html", "--out", page).exit_code == 0
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
    blocked = tmp_path / "folder"
    blocked.mkdir()
    (blocked / "x").write_text("")
    result = CliRunner().invoke(cli, ["stats", str(project), "--out", str(blocked)])
    assert result.exit_code != 0
    assert str(blocked) in result.output
    assert sorted(p.name for p in blocked.iterdir()) == ["x"]  # no temporary file left
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
