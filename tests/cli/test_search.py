"""``annotator search``: a text's hits across a real project, by the search key."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_consistency import articles
from tests.cli.test_suggest import run


def test_hits_with_document_offsets_and_context(tmp_path: Path) -> None:
    project = tmp_path / "p.annot.db"
    assert run("import", project, articles(tmp_path / "a.jsonl")).exit_code == 0
    result = run("search", project, "الرقة")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "\t" in line]
    assert [line.split("\t")[0] for line in lines] == ["1", "2", "3", "4"]  # الرقه too
    first = lines[0].split("\t")
    assert first[1:3] == ["13", "18"] and "[الرقة]" in first[3]
    limited = run("search", project, "الرقة", "--limit", "2", "--format", "json")
    rows = [json.loads(line) for line in limited.output.splitlines()]
    assert [r["document"] for r in rows] == [1, 2]
    assert rows[0]["text"] == "الرقة" and rows[0]["labels"] == ["LOC"]
    assert run("search", project, "مصر").output.count("\t") == 0


def test_an_empty_query_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "p.annot.db"
    assert run("import", project, articles(tmp_path / "a.jsonl")).exit_code == 0
    for query in ("", "   "):
        result = run("search", project, query)
        assert result.exit_code == 2 and "QUERY is empty" in result.output
