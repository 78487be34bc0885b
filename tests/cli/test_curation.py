"""``annotator curate`` and ``annotator curation-diff`` (ADR 0076) on a real project file with two
annotators' spans made through the store, and the curated result exported with --annotator."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.edits import AddSpan
from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.core.text import text_sha256
from annotator.store import open_project
from tests.cli.test_cli import TEXT, run

QUOTE = (TEXT.index("«"), TEXT.index("»") + 1)
WORK = {
    "amal": [(4, 9, "PER"), (13, 17, "LOC"), (*QUOTE, "QUOTE")],
    "bilal": [(4, 9, "PER"), (13, 17, "ORG")],
}


def two_annotators(path: Path) -> Path:
    with open_project(path) as repo:
        doc = repo.add_document(AnnotatedDocument(Document(None, "لندن", TEXT, text_sha256(TEXT))))
        assert doc is not None and doc.id is not None
        for who, spans in WORK.items():
            for start, end, label in spans:
                repo.apply(AddSpan(Span(None, doc.id, start, end, label, who)), actor=who)
    return path


def gold(project: Path) -> list[tuple[int, int, str]]:
    with open_project(project, create=False, read_only=True) as repo:
        (doc_id,) = repo.document_ids()
        return [(s.start, s.end, s.label) for s in repo.spans(doc_id, annotators=["gold"])]


def test_curate_merges_the_agreed_spans_as_the_curator_once(tmp_path: Path) -> None:
    project = two_annotators(tmp_path / "p.annot.db")
    result = run("curate", project, "--curator", "gold")
    assert result.exit_code == 0, result.output
    assert (
        "1 'لندن' (amal, bilal): 1 agreed span(s) merged, 2 disagreement(s) open" in result.output
    )
    assert result.output.splitlines()[-1] == (
        "1 document(s) curated as 'gold' (all): 1 span(s) merged, 2 disagreement(s) open; "
        "0 with fewer than two annotators left alone"
    )
    assert gold(project) == [(4, 9, "PER")]
    again = run("curate", project, "--curator", "gold")
    assert "0 agreed span(s) merged" in again.output  # the curator's span is there already
    assert gold(project) == [(4, 9, "PER")]


def test_the_curated_result_is_exported_like_any_annotator(tmp_path: Path) -> None:
    project = two_annotators(tmp_path / "p.annot.db")
    run("curate", project)  # the default curator: gold
    out = tmp_path / "out"
    exported = run("export", project, "--format", "jsonl", "--annotator", "gold", "--out", out)
    assert exported.exit_code == 0, exported.output
    [record] = [json.loads(x) for x in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    assert [(s["start"], s["end"], s["label"]) for s in record["spans"]] == [(4, 9, "PER")]


def test_an_annotator_sees_their_differences_from_the_curated_result(tmp_path: Path) -> None:
    project = two_annotators(tmp_path / "p.annot.db")
    run("curate", project)
    result = run("curation-diff", project, "--annotator", "bilal")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "1 'لندن' 13-17: bilal: ORG 13-17 «لندن»; gold: nothing",
        "1 difference(s) of 'bilal' from 'gold' in 1 document(s)",
    ]


def test_majority_and_bad_document_ids(tmp_path: Path) -> None:
    project = two_annotators(tmp_path / "p.annot.db")
    bad = run("curate", project, "--documents", "one")
    assert bad.exit_code == 2 and "document ids separated by commas" in bad.output
    assert gold(project) == []
    alone = run("curate", project, "--documents", "1", "--strategy", "majority")
    assert "1 span(s) merged" in alone.output  # of two annotators, a majority is both
