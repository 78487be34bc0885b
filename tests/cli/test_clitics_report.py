"""The clitic report (docs/adr/0045) on a real project file: ANERcorp's excerpt imported as
it is (its spans keep the proclitics: بالعراق B-LOC), plus spans an annotator made and moved in
the sample article; ``annotator clitics`` prints it as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.edits import AddSpan, Composite, RemoveSpan, Resize
from annotator.core.model import Span
from annotator.ops.clitic_report import clitic_report
from annotator.ops.importing import import_paths
from annotator.store import open_project

FIXTURES = Path(__file__).parents[1] / "fixtures"


def find(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "clitics.annot.db"
    with open_project(path) as repo:
        import_paths(repo, [FIXTURES / "anercorp_sample.txt"], annotator="anercorp")
        import_paths(repo, [FIXTURES / "washington-turkey-isis.txt"], annotator="amal")
        doc = repo.document_ids()[-1]
        text = repo.document(doc).text
        a, b = find(text, "لتركيا")
        repo.apply(AddSpan(Span(None, doc, a + 1, b, "LOC", "amal")))  # split by hand
        a, b = find(text, "والرقة")
        made = repo.apply(AddSpan(Span(None, doc, a + 1, b, "LOC", "amal")))
        first = made.edits[0] if isinstance(made, Composite) else made
        assert isinstance(first, RemoveSpan)
        span_id = first.span_id
        repo.apply(Resize(span_id, a, b))  # moved back over its و: kept whole
    return path


def test_the_report_tells_split_kept_and_corrected_words(project: Path) -> None:
    with open_project(project, create=False, read_only=True) as repo:
        report = clitic_report(repo)
        spans = sum(repo.counts(d)[0] for d in repo.document_ids())
    assert report.spans == spans
    rows = {(r.word, r.proclitic): r for r in report.rows}
    turkey = rows[("لتركيا", "ل")]
    assert turkey in report.split and turkey.stem == "تركيا" and turkey.spans == 1
    raqqa = rows[("والرقة", "")]
    # the analyser splits والرقة on the word counts (الرقة occurs as a word) or a span
    assert raqqa.analyser == "و" and raqqa.reason and raqqa in report.corrected
    # ANERcorp keeps its proclitics: some of its spans are words the analyser splits
    kept = [r for r in report.corrected if not r.proclitic and r.places[0].annotator == "anercorp"]
    assert kept, "no ANERcorp span kept a proclitic the analyser leaves out"
    assert all(r.analyser and r.reason for r in kept)
    assert report.considered >= sum(r.spans for r in report.rows) > 0


def test_the_command_prints_the_report_as_text_and_json(project: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["clitics", str(project)], catch_exceptions=False)
    assert text.exit_code == 0, text.output
    assert "Split (the proclitic left out of the span)" in text.output
    assert "لتركيا  ل + تركيا" in text.output
    assert "والرقة  kept whole; the analyser leaves out و" in text.output
    out = runner.invoke(cli, ["clitics", str(project), "--format", "json"])
    assert out.exit_code == 0
    found = json.loads(out.output)
    assert found["spans"] > 0
    assert any(r["word"] == "لتركيا" and r["stem"] == "تركيا" for r in found["split"])
    corrected = {r["word"]: r for r in found["corrected"]}
    assert corrected["والرقة"]["analyser_leaves_out"] == "و"
    assert corrected["والرقة"]["examples"][0]["annotator"] == "amal"
