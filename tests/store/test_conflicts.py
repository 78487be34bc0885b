"""Two windows on one project: an undo or redo whose target another connection changed since is
refused with a message naming what changed, and never touches the other's work."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Composite,
    Edit,
    Relabel,
    RemoveSpan,
    Resize,
    SetStatus,
)
from annotator.core.errors import ConflictError
from annotator.core.model import Relation, Span, Status
from annotator.store import Repository, open_project

from .conftest import annotated_article, dump, find

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def two(project_path: Path, article: str) -> tuple[Repository, Repository, str]:
    a = open_project(project_path)
    a.add_document(annotated_article(article))
    b = open_project(project_path)
    yield a, b, article  # type: ignore[misc]
    a.close()
    b.close()


def first_id(inverse: Edit) -> int:
    edit = inverse.edits[0] if isinstance(inverse, Composite) else inverse
    assert isinstance(edit, RemoveSpan)
    return edit.span_id


def test_the_issue_case_undo_after_another_window_deleted_and_labelled(
    two: tuple[Repository, Repository, str], project_path: Path
) -> None:
    """A labels كارتر; B deletes it and labels الموصل, which no longer gets A's old id; A's undo
    is refused and B's span stays."""
    a, b, text = two
    undo = a.apply(AddSpan(Span(None, 1, *find(text, "كارتر", 1), "PER", "amal")))
    carter = first_id(undo)
    b.apply(RemoveSpan(carter))
    mosul = first_id(b.apply(AddSpan(Span(None, 1, *find(text, "الموصل", 1), "LOC", "omar"))))
    assert mosul > carter
    before = dump(project_path)
    with pytest.raises(ConflictError, match=f"span {carter} no longer exists"):
        a.apply(undo)
    assert dump(project_path) == before
    assert b.span(mosul).label == "LOC"


def test_undo_refused_when_another_window_relabelled_the_span(
    two: tuple[Repository, Repository, str], project_path: Path
) -> None:
    a, b, text = two
    undo = a.apply(AddSpan(Span(None, 1, *find(text, "كارتر", 1), "PER", "amal")))
    b.apply(Relabel(first_id(undo), "ORG"))
    before = dump(project_path)
    with pytest.raises(ConflictError, match=r"changed since .* now ORG"):
        a.apply(undo)
    assert dump(project_path) == before


def test_undo_of_a_relabel_refused_after_another_resize(
    two: tuple[Repository, Repository, str],
) -> None:
    a, b, _ = two
    span = next(s for s in a.spans(1) if s.label == "PER")
    undo = a.apply(Relabel(span.id or 0, "ORG"))
    b.apply(Resize(span.id or 0, span.start, span.end - 1))
    with pytest.raises(ConflictError, match=f"now ORG at {span.start}-{span.end - 1}"):
        a.apply(undo)
    assert a.span(span.id or 0).label == "ORG"


def test_redo_refused_when_the_span_changed_after_the_undo(
    two: tuple[Repository, Repository, str],
) -> None:
    a, b, _ = two
    span = next(s for s in a.spans(1) if s.label == "PER")
    undo = a.apply(Resize(span.id or 0, span.start + 1, span.end))
    redo = a.apply(undo)
    b.apply(Relabel(span.id or 0, "MISC"))
    with pytest.raises(ConflictError):
        a.apply(redo)


def test_status_and_relation_undo_refused_after_another_change(
    two: tuple[Repository, Repository, str],
) -> None:
    a, b, _ = two
    undo_done = a.apply(SetStatus(1, "amal", Status.DONE))
    b.apply(SetStatus(1, "amal", Status.IN_PROGRESS))  # the same annotator in another window
    with pytest.raises(ConflictError, match="status of document 1 for amal"):
        a.apply(undo_done)
    spans = a.spans(1)
    relate = a.apply(AddRelation(Relation(None, "about", spans[0].id or 0, spans[1].id or 0)))
    b.apply(RemoveSpan(spans[1].id or 0))  # takes the relation with it
    with pytest.raises(ConflictError, match="no longer exists"):
        a.apply(relate)


def test_an_unchanged_target_still_undoes(two: tuple[Repository, Repository, str]) -> None:
    """Another window's work elsewhere in the document does not block an undo."""
    a, b, text = two
    undo = a.apply(AddSpan(Span(None, 1, *find(text, "كارتر", 1), "PER", "amal")))
    b.apply(AddSpan(Span(None, 1, *find(text, "الموصل", 1), "LOC", "omar")))
    a.apply(undo)
    assert not any(s.annotator == "amal" and s.label == "PER" for s in a.spans(1))


OTHER_WINDOW = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[2])
    from annotator.core.edits import AddSpan, RemoveSpan
    from annotator.core.model import Span
    from annotator.store import open_project
    with open_project(sys.argv[1], create=False) as repo:
        repo.apply(RemoveSpan(int(sys.argv[3])))
        text = repo.document(1).text
        start = text.index("الموصل")
        inverse = repo.apply(AddSpan(Span(None, 1, start, start + 6, "LOC", "omar")))
        print(inverse.edits[0].span_id if hasattr(inverse, "edits") else inverse.span_id)
    """
)


def test_with_a_real_second_process(two: tuple[Repository, Repository, str]) -> None:
    a, _, text = two
    undo = a.apply(AddSpan(Span(None, 1, *find(text, "كارتر", 1), "PER", "amal")))
    carter = first_id(undo)
    out = subprocess.run(
        [sys.executable, "-c", OTHER_WINDOW, str(a.path), str(ROOT), str(carter)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    mosul = int(out)
    assert mosul != carter
    with pytest.raises(ConflictError):
        a.apply(undo)
    assert a.span(mosul).annotator == "omar"
