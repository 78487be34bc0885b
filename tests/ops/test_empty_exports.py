"""An export that matches nothing writes nothing: the previous export in the folder stays, byte
for byte, in every format (issue 8 §8); and each writer's ``uses`` tells the truth."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from annotator.core.model import AnnotatedDocument, Document, Kind, Span, Status
from annotator.formats import registry
from annotator.formats.base import REPORT_FILE, ExportOptions
from annotator.ops import export_project
from annotator.ops.exporting import NothingToExport
from annotator.store import Repository, open_project

TEXT = "قال كارتر في لندن إن والرقة محاصرة. وقال: «الخطة تمضي»."


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    with open_project(tmp_path / "p.annot.db") as r:
        start = TEXT.index("الرقة")
        quote = TEXT.index("الخطة")
        spans = (
            Span(1, 0, 4, 9, "PER", "amal"),
            Span(2, 0, start, start + 5, "LOC", "amal"),  # after the proclitic و
            Span(3, 0, 4, 17, "MISC", "amal"),  # overlaps PER: conll reports one of them
            Span(4, 0, 0, 3, "EVENT", "amal"),
            Span(5, 0, quote, quote + 10, "QUOTE", "amal"),
        )
        r.add_documents([AnnotatedDocument(Document(None, "أول", TEXT), spans)], annotator="amal")
        yield r  # type: ignore[misc]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", registry.writer_names())
def test_an_export_matching_nothing_leaves_the_previous_one(
    repo: Repository, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "exports"
    export_project(repo, fmt, out)
    before = snapshot(out)
    assert before
    with pytest.raises(NothingToExport, match="no document matches the filters") as err:
        export_project(repo, fmt, out, status=Status.DONE)
    assert err.value.what == "documents" and err.value.filters == ["status: done"]
    assert f"nothing was written into {out}" in str(err.value)
    with pytest.raises(NothingToExport, match=r"no span matches the filters \(labels: ORG\)"):
        export_project(repo, fmt, out, labels=["ORG"])
    with pytest.raises(NothingToExport, match="annotator: someone-else"):
        export_project(repo, fmt, out, annotator="someone-else")
    assert snapshot(out) == before  # no file replaced, no temporary file left


def test_an_empty_project_and_a_folder_not_yet_made(tmp_path: Path) -> None:
    with (
        open_project(tmp_path / "empty.annot.db") as repo,
        pytest.raises(NothingToExport, match="the project has no documents"),
    ):
        export_project(repo, "jsonl", tmp_path / "new" / "exports")
    assert not (tmp_path / "new").exists()


OTHER = {"layer": Kind.QUOTE, "scheme": "bioes", "tokens": "span-edges"}


@pytest.mark.parametrize("fmt", registry.writer_names())
def test_the_options_a_writer_uses_change_its_files_and_the_others_do_not(
    repo: Repository, tmp_path: Path, fmt: str
) -> None:
    uses = registry.writer(fmt).uses
    # clitics: not a choice; with_suggestions: jsonl's alone, refused by the other formats
    # (tests/cli/test_suggest.py)
    chosen = {f.name for f in dataclasses.fields(ExportOptions)} - {"clitics", "with_suggestions"}
    assert uses <= set(OTHER) == chosen
    base = tmp_path / "base"
    export_project(repo, fmt, base)
    files = snapshot(base)
    files.pop(REPORT_FILE)
    for option, value in OTHER.items():
        out = tmp_path / option
        export_project(
            repo, fmt, out, options=dataclasses.replace(ExportOptions(), **{option: value})
        )
        changed = snapshot(out)
        changed.pop(REPORT_FILE)
        if option in uses:
            assert changed != files, f"{fmt} does not use {option}"
        else:
            assert changed == files, f"{fmt} uses {option}"


def test_a_format_whose_package_is_missing_is_named() -> None:
    """With spaCy installed (the test environment) nothing is missing; its module says what
    it would need (tests/ui/window/test_export_dialog.py runs the dialog without spaCy)."""
    assert registry.missing_writers() == {}
    from annotator.formats import spacy_docbin

    assert spacy_docbin.NEEDS == "spacy"
