"""``annotator import PROJECT FILE --annotator NAME`` on a text already there (ADR 0071).

Two annotators' exports of the same article: the second attaches its spans, links and status
to the document already in the project (matched by the text's sha256) instead of being
skipped; the same file again attaches nothing; without --annotator it is skipped and the
report says how to attach.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from annotator.core.model import Status
from annotator.store import open_project
from tests.cli.test_cli import TEXT, run
from tests.store.conftest import dump

TITLE = "كارتر في لندن"
QUOTE = (TEXT.index("«"), TEXT.index("»") + 1)


def jsonl(
    path: Path, spans: list[dict[str, Any]], *, status: str = "new", link: bool = False
) -> Path:
    record: dict[str, Any] = {"title": TITLE, "text": TEXT, "status": status, "spans": spans}
    if link:
        record["relations"] = [{"type": "speaker", "from": 3, "to": 1}]
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


PER = {"id": 1, "start": 4, "end": 9, "label": "PER"}
LOC = {"id": 2, "start": 13, "end": 17, "label": "LOC"}
QUOTE_SPAN = {"id": 3, "start": QUOTE[0], "end": QUOTE[1], "label": "QUOTE"}


def spans_of(project: Path) -> list[tuple[str, str, int, int]]:
    conn = sqlite3.connect(project)
    try:
        return conn.execute(
            'SELECT annotator, label, start, "end" FROM spans ORDER BY annotator, start'
        ).fetchall()
    finally:
        conn.close()


def test_a_second_annotators_export_attaches_to_the_text_already_there(tmp_path: Path) -> None:
    project = tmp_path / "p.annot.db"
    ali = jsonl(tmp_path / "ali.jsonl", [PER, LOC], status="done")
    assert run("import", project, ali, "--annotator", "ali").exit_code == 0
    badr = jsonl(tmp_path / "badr.jsonl", [PER, QUOTE_SPAN], status="in_progress", link=True)

    result = run("import", project, badr, "--annotator", "badr")

    assert result.exit_code == 0, result.output
    assert "imported 0 documents with 0 spans; 2 spans attached to 1 document already here;" in (
        result.stdout
    )
    assert f"attached 2 spans of badr to {TITLE!r} (same text), 1 link, status in_progress" in (
        result.stdout
    )
    assert spans_of(project) == [
        ("ali", "PER", 4, 9),
        ("ali", "LOC", 13, 17),
        ("badr", "PER", 4, 9),
        ("badr", "QUOTE", *QUOTE),
    ]
    with open_project(project) as repo:
        (doc_id,) = repo.document_ids()
        assert repo.status(doc_id, "ali") is Status.DONE  # untouched
        assert repo.status(doc_id, "badr") is Status.IN_PROGRESS
        (link,) = repo.relations(doc_id, annotators=["badr"])
        assert link.annotator == "badr"
        assert repo.counts(doc_id) == (4, 1)
        assert repo.check() == []  # the list's span counts and the evidence kept in step

    before = dump(project)
    again = run("import", project, badr, "--annotator", "badr")
    assert "1 document with the same text and the same work of badr here already" in again.stdout
    assert "1 duplicate skipped" in again.stdout
    assert dump(project) == before  # no duplicate spans, links or statuses


def test_only_what_is_missing_is_attached(tmp_path: Path) -> None:
    project = tmp_path / "p.annot.db"
    run("import", project, jsonl(tmp_path / "a.jsonl", [PER, LOC]), "--annotator", "badr")
    more = jsonl(tmp_path / "b.jsonl", [PER, LOC, QUOTE_SPAN], status="done")

    result = run("import", project, more, "--annotator", "badr")

    assert f"attached 1 span of badr to {TITLE!r} (same text; 2 already there), status done" in (
        result.stdout
    )
    assert [s[1] for s in spans_of(project)] == ["PER", "LOC", "QUOTE"]


def test_a_status_already_there_is_kept(tmp_path: Path) -> None:
    project = tmp_path / "p.annot.db"
    first = jsonl(tmp_path / "a.jsonl", [PER], status="done")
    run("import", project, first, "--annotator", "badr")
    later = jsonl(tmp_path / "b.jsonl", [PER, LOC], status="in_progress")
    run("import", project, later, "--annotator", "badr")
    with open_project(project) as repo:
        assert repo.status(repo.document_ids()[0], "badr") is Status.DONE


def test_without_annotator_a_duplicate_is_skipped_and_the_report_says_how_to_attach(
    tmp_path: Path,
) -> None:
    project = tmp_path / "p.annot.db"
    run("import", project, jsonl(tmp_path / "a.jsonl", [PER]))
    before = dump(project)
    result = run("import", project, jsonl(tmp_path / "b.jsonl", [PER, LOC]))
    assert "1 duplicate skipped" in result.stdout
    assert "import again with --annotator NAME to attach NAME's spans" in result.stdout
    assert dump(project) == before
