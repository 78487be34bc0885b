"""``annotator agreement`` on a real project file with three annotators' work on ANERcorp
text (docs/adr/0074): the JSON the issue names, CSV, one escaped right-to-left-safe HTML page
written atomically, and which documents count."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_suggest import run
from tests.ops.anercorp_articles import articles
from tests.ops.team_project import team_project

TEXTS = articles(3, 40)


def places(text: str) -> list[tuple[int, int, str]]:
    """The first two words of four letters or more, as PER and LOC."""
    long = [w for w in text.split(" ") if len(w) >= 4][:2]
    return [
        (text.index(w), text.index(w) + len(w), label)
        for w, label in zip(long, ["PER", "LOC"], strict=True)
    ]


def project(tmp_path: Path, *, done: dict[str, list[int]] | None = None) -> Path:
    path = tmp_path / "team.annot.db"
    first = [places(t) for t in TEXTS]
    shifted = [
        [(s, e - 1, label) if label == "PER" else (s, e, label) for s, e, label in p] for p in first
    ]
    with team_project(path, TEXTS, {"ali": first, "badr": first, "chadi": shifted}, done=done):
        pass
    return path


def test_json_per_pair_and_alpha(tmp_path: Path) -> None:
    result = run("agreement", project(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    pairs = {tuple(p["annotators"]): p for p in data["pairs"]}
    same = pairs[("ali", "badr")]
    assert same["exact"]["f1"] == 1.0 and same["kappa"] == 1.0 and same["documents"] == 3
    assert set(same["exact"]) == {"precision", "recall", "f1", "matched", "a", "b"}
    off = pairs[("ali", "chadi")]
    assert off["exact"]["matched"] == 3 and off["overlap"]["matched"] == 6
    assert off["per_label"]["PER"]["exact"]["f1"] == 0.0
    assert off["per_label"]["PER"]["overlap"]["f1"] == 1.0
    assert off["tokens"] > 120 and len(off["per_document"]) == 3
    assert 0 < data["alpha"]["value"] < 1 and data["alpha"]["documents"] == 3


def test_only_documents_both_have_done_count(tmp_path: Path) -> None:
    path = project(tmp_path, done={"ali": [0, 1], "badr": [1, 2], "chadi": []})
    data = json.loads(run("agreement", path, "--format", "json").output)
    pairs = {tuple(p["annotators"]): p for p in data["pairs"]}
    assert pairs[("ali", "badr")]["documents"] == 1
    assert pairs[("ali", "chadi")]["documents"] == 0
    assert pairs[("ali", "chadi")]["exact"]["f1"] is None  # 0/0: nothing to compare
    assert pairs[("ali", "chadi")]["kappa"] is None
    every = json.loads(run("agreement", path, "--documents", "all", "--format", "json").output)
    assert all(p["documents"] == 3 for p in every["pairs"])


def test_chosen_annotators_and_labels(tmp_path: Path) -> None:
    path = project(tmp_path)
    result = run("agreement", path, "--annotators", "ali,chadi", "--labels", "LOC")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Agreement of ali, chadi over documents both have done; labels: LOC"
    assert lines[2].split()[:7] == ["ali", "–", "chadi", "3", lines[2].split()[4], "3", "3"]
    assert "PER" not in result.output
    bad = run("agreement", path, "--annotators", "ali,zaid")
    assert bad.exit_code == 1 and "unknown annotator(s): zaid" in bad.output
    assert "unknown label(s): XYZ" in run("agreement", path, "--labels", "XYZ").output


def test_csv_rows(tmp_path: Path) -> None:
    out = run("agreement", project(tmp_path), "--format", "csv").output.splitlines()
    assert out[0].startswith("annotator_a,annotator_b,scope,label,document,exact_precision")
    width = len(out[0].split(","))
    assert all(len(line.split(",")) == width for line in out)
    assert any(line.startswith("ali,chadi,label,PER,") for line in out)


def test_html_is_one_escaped_page_written_atomically(tmp_path: Path) -> None:
    path = project(tmp_path)
    target = tmp_path / "agreement.html"
    result = run("agreement", path, "--format", "html", "--out", target)
    assert result.exit_code == 0, result.output
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "href=" not in page
    assert "<bdi>ali – chadi</bdi>" in page and "<bdi>PER</bdi>" in page
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert target.stat().st_mode & 0o044  # readable by others as any new file (umask 022)
