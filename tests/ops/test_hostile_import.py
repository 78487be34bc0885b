"""Hostile files (issue 7 §3) through the real import on a real project: one line naming the
file, nothing left behind, no silent change; folders with stray files, links and locks."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import Kind
from annotator.ops import import_paths
from annotator.ops.importing import ImportStopped
from annotator.store import Repository, open_project
from tests.fuzz.hostile_files import (
    HOSTILE,
    PER,
    QUOTE,
    TEXT,
    Hostile,
    brat_pair,
    mixed_encodings,
)
from tests.store.conftest import dump

SEED = Path(__file__).parents[1] / "fixtures" / "import" / "seed-article.txt"


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    with open_project(tmp_path / "p.annot.db") as r:
        yield r  # type: ignore[misc]


def write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("case", HOSTILE, ids=[h.name for h in HOSTILE])
def test_a_hostile_file_is_one_line_and_leaves_the_project_as_it_was(
    repo: Repository, tmp_path: Path, case: Hostile
) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.data)
    shutil.copy(SEED, tmp_path / "good.txt")
    before = dump(repo.path)
    report = import_paths(repo, [path])
    assert report.imported == 0
    [error] = report.errors
    assert error.startswith(f"{path}{'' if case.line is None else f', line {case.line}'}: ")
    assert case.error in error and "\n" not in error
    assert dump(repo.path) == before
    assert import_paths(repo, [tmp_path / "good.txt"]).imported == 1  # still a working project


def test_a_refused_file_adds_none_of_its_labels(repo: Repository, tmp_path: Path) -> None:
    """Labels a file brings go in with its documents, in one transaction: a document the store
    refuses (a relation from a span to itself) takes the file's new labels with it."""
    spans = [{"start": 0, "end": 3, "label": "PERS", "kind": "entity"}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"text": TEXT, "spans": spans, "relations": [{"from": 0, "to": 0}]}),
        encoding="utf-8",
    )
    doccano = tmp_path / "names.jsonl"  # a second label the store refuses (a space in it)
    doccano.write_text(
        json.dumps(
            {
                "text": TEXT,
                "label": [[0, 3, "EVT"], [4, 10, "A B"]],
                "label_kinds": {"EVT": "event"},
            }
        ),
        encoding="utf-8",
    )
    before = dump(repo.path)
    report = import_paths(repo, [bad, doccano])
    assert report.imported == 0 and len(report.errors) == 2
    # names.jsonl is refused as it is read (the name rule), bad.jsonl when the store sees it
    assert any("itself" in e for e in report.errors) and any("'A B'" in e for e in report.errors)
    assert dump(repo.path) == before
    assert not [n for n in report.notes if "added to the project" in n]


def test_a_label_brought_by_a_refused_file_still_comes_with_the_next(
    repo: Repository, tmp_path: Path
) -> None:
    """b.jsonl uses PERS without a kind, relying on a.jsonl read before it: a.jsonl is refused
    by the store, b.jsonl still gets PERS (with the kind a.jsonl gave)."""
    a = tmp_path / "a.jsonl"
    spans = [{"start": 0, "end": 3, "label": "PERS", "kind": "entity"}]
    a.write_text(json.dumps({"text": TEXT, "spans": spans, "relations": [{"from": 0, "to": 0}]}))
    b = tmp_path / "b.jsonl"
    b.write_text(
        json.dumps({"text": "كارتر قال", "spans": [{"start": 0, "end": 5, "label": "PERS"}]})
    )
    report = import_paths(repo, [a, b])
    assert report.imported == 1 and len(report.errors) == 1 and str(a) in report.errors[0]
    assert repo.labels().kind_of("PERS") == Kind.ENTITY
    assert [n for n in report.notes if "added" in n] == [
        f"{b}: label PERS added to the project (entity)"
    ]


def test_no_silent_coercion_of_annotators_and_relation_types(
    repo: Repository, tmp_path: Path
) -> None:
    good = tmp_path / "good.jsonl"
    record = {
        "text": TEXT,
        "spans": [
            {"start": PER[0], "end": PER[1], "label": "PER", "annotator": "amal"},
            {"start": QUOTE[0], "end": QUOTE[1], "label": "QUOTE"},
        ],
        "relations": [{"from": 1, "to": 0, "type": "said_by"}, {"from": 1, "to": 0}],
    }
    good.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert import_paths(repo, [good]).errors == []
    [doc_id] = repo.document_ids()
    assert [s.annotator for s in repo.spans(doc_id)] == ["amal", ""]
    assert sorted(r.type for r in repo.relations(doc_id)) == ["said_by", "speaker"]


@pytest.mark.parametrize(
    ("files", "error", "line"),
    [
        (brat_pair("T1\tPER 4 17\tالرئيس السيسي\n".encode("cp1256")), "not valid UTF-8", 1),
        (
            brat_pair(b"T1\tPER 4 17\t\xd8\xa7\n", b"# kind: entity\n[entities]\nPER\n"),
            "T1 says",
            1,
        ),
        (brat_pair(b"", "[entities]\n# kind: entity\nشخص\n".encode("cp1256")), "UTF-8", 3),
        (brat_pair(b"", b"[entities]\n# kind: person\nPER\n"), "kind 'person'", None),
        (brat_pair("T1\tPER ٤ ١٧\tالرئيس السيسي\n".encode()), "bad offsets", 1),
        (brat_pair("T1\tPER 4 ¹⁷\tالرئيس السيسي\n".encode()), "bad offsets", 1),
    ],
    ids=["ann-cp1256", "ann-mismatch", "conf-cp1256", "conf-kind", "arabic-digits", "superscript"],
)
def test_brat_files_that_are_not_utf8_or_not_numbers(
    repo: Repository, tmp_path: Path, files: dict[str, bytes], error: str, line: int | None
) -> None:
    folder = write(tmp_path / "brat", files)
    before = dump(repo.path)
    report = import_paths(repo, [folder])
    [message] = report.errors
    assert error in message and "\n" not in message, message
    if line is not None:
        assert f", line {line}: " in message
    assert dump(repo.path) == before


def test_a_stray_file_that_crashed_sniffing_does_not_stop_the_folder(
    repo: Repository, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-stray.jsonl").write_text('{"a": ' + "[" * 5000 + "\n", encoding="utf-8")
    (folder / "b-stray.jsonl").write_text('{"text": ' + "1" * 5000 + "}\n", encoding="utf-8")
    shutil.copy(SEED, folder / "c.txt")
    report = import_paths(repo, [folder])
    assert report.imported == 1
    assert all("\n" not in line for line in report.errors + report.notes)
    assert (
        report.notes[0]
        == f"{folder / 'a-stray.jsonl'}: skipped, not in a format this program reads"
    )
    assert report.errors == [
        f"{folder / 'b-stray.jsonl'}, line 1: an integer of 5,000 digits at column 10"
    ]


def test_a_file_mixing_windows_1256_and_utf8_gets_a_note(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(mixed_encodings())
    report = import_paths(repo, [path])
    assert report.imported == 1
    [note] = [n for n in report.notes if "UTF-8" in n]
    assert note.startswith(f"{path}: read as Windows-1256, but 3 run(s)")
    assert "line 2" in note


def test_a_file_name_with_a_line_break_is_named_on_one_line(
    repo: Repository, tmp_path: Path
) -> None:
    path = tmp_path / "bad\nname.jsonl"
    path.write_text('{"text": 5}\n', encoding="utf-8")
    odd = tmp_path / os.fsdecode(b"\xff\xfe.txt")
    odd.write_bytes(b"\x00binary")
    report = import_paths(repo, [path, odd])
    assert report.errors == [
        f"{tmp_path}/bad\\nname.jsonl, line 1: " + '"text" must be a string',
        f"{tmp_path}/\\xff\\xfe.txt, line 1: binary file (a NUL byte at byte 0)",
    ]
    report.errors[0].encode("utf-8")  # printable: no lone surrogate


def test_links_out_of_an_imported_folder_are_skipped_unless_asked(
    repo: Repository, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("سر من خارج المجلد", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / "sub" / "a.txt")
    (folder / "passwd").symlink_to(secret)
    (folder / "elsewhere").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "sub" / "a.txt")  # a duplicate, read
    (folder / "loop").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    report = import_paths(repo, [folder])
    assert (report.imported, report.duplicates, report.errors) == (1, 1, [])
    skipped = sorted(n for n in report.notes if "symbolic link" in n)
    assert skipped == [
        f"{folder / 'dangling.txt'}: skipped, a symbolic link to nothing",
        f"{folder / 'elsewhere'}: skipped, a symbolic link to the folder {outside} outside the "
        "folder imported (name it, or import with --follow-symlinks)",
        f"{folder / 'passwd'}: skipped, a symbolic link to the file {secret} outside the folder "
        "imported (name it, or import with --follow-symlinks)",
    ]
    followed = import_paths(repo, [folder], follow_symlinks=True)
    assert (followed.imported, followed.duplicates) == (1, 3)  # secret once, via two links
    named = import_paths(repo, [folder / "passwd"])  # a link the user names is read
    assert (named.imported, named.duplicates) == (0, 1)


def test_an_import_stopped_by_a_lock_says_what_was_imported(tmp_path: Path) -> None:
    """Three files of 1,000 documents: the first two are added (one batch), then another
    program takes the write lock; the error says so, and the report is the part imported."""
    files = []
    for k in range(3):
        path = tmp_path / f"part{k}.jsonl"
        path.write_text(
            "".join(json.dumps({"text": f"مقال {k} رقم {i}"}) + "\n" for i in range(1000)),
            encoding="utf-8",
        )
        files.append(path)
    project = tmp_path / "p.annot.db"
    other: list[sqlite3.Connection] = []

    def lock_after_two(done: int, total: int) -> None:
        if done == 2 and not other:
            conn = sqlite3.connect(project, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            other.append(conn)

    with open_project(project, timeout=0.1) as repo:
        with pytest.raises(ImportStopped) as stopped:
            import_paths(repo, files, progress=lock_after_two)
        other[0].rollback()
        other[0].close()
        assert repo.count_documents() == 2000
    message = str(stopped.value)
    assert "is being written by another program" in message and "\n" not in message
    assert f"2000 document(s) from 2 file(s) were imported, the last {files[1]}" in message
    assert f"not imported: {files[2]};" in message
    assert stopped.value.report.imported == 2000
