"""Label-set changes are edits with exact inverses (docs/adr/0030): add, rename, recolour, key,
kind, speaker flag, remove; a dialog's changes are one Composite, all or nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.edits import (
    AddLabel,
    ChangeLabel,
    Composite,
    Edit,
    Relabel,
    RemoveLabel,
)
from annotator.core.errors import ConflictError, ProjectLockedError, ValidationError
from annotator.core.model import Kind, Label
from annotator.store import Repository, open_project

from .conftest import annotated_article, dump


@pytest.fixture
def doc(repo: Repository, article: str) -> int:
    added = repo.add_document(annotated_article(article), annotator="ali")
    assert added is not None and added.id is not None
    return added.id


def label(repo: Repository, name: str) -> Label:
    found = repo.labels().get(name)
    assert found is not None
    return found


def edits(repo: Repository) -> list[Edit]:
    per, org, misc = label(repo, "PER"), label(repo, "ORG"), label(repo, "MISC")
    return [
        AddLabel(Label("PERS", Kind.ENTITY, "#123456", None, 6, speaker=True)),
        AddLabel(Label("TIME", Kind.ENTITY, "#123456", 1, 6)),  # takes PER's key
        ChangeLabel("PER", replace(per, name="PERSON")),  # the spans follow
        ChangeLabel("PER", replace(per, colour="#000000")),
        ChangeLabel("PER", replace(per, key=2)),  # takes ORG's key
        ChangeLabel("ORG", replace(org, kind=Kind.EVENT, speaker=False)),
        ChangeLabel("QUOTE", replace(label(repo, "QUOTE"), kind=Kind.ENTITY)),  # drops the link
        ChangeLabel("PER", replace(per, speaker=False)),  # drops the link
        RemoveLabel("MISC"),
        Composite((RemoveLabel("MISC"), ChangeLabel("ORG", replace(org, name="MISC")))),
        Composite(
            (
                ChangeLabel("PER", replace(per, key=None)),
                ChangeLabel("MISC", replace(misc, key=1)),
            )
        ),
    ]


@pytest.mark.parametrize("n", range(11))
def test_every_label_edit_has_an_exact_inverse(
    repo: Repository, project_path: Path, doc: int, n: int
) -> None:
    edit = edits(repo)[n]
    before = dump(project_path)
    inverse = repo.apply(edit)
    after = dump(project_path)
    assert after != before
    assert repo.check() == []
    redo = repo.apply(inverse)
    assert dump(project_path) == before
    repo.apply(redo)
    assert dump(project_path) == after


def test_a_rename_carries_every_span_and_undo_brings_the_old_name_back(
    repo: Repository, doc: int
) -> None:
    inverse = repo.apply(ChangeLabel("LOC", replace(label(repo, "LOC"), name="GPE")))
    assert [s.label for s in repo.spans(doc)].count("GPE") == 2
    assert "LOC" not in repo.labels()
    # an undo step kept for a span before the rename still applies after it is undone
    span = next(s for s in repo.spans(doc) if s.label == "GPE")
    back = repo.apply(Relabel(span.id or 0, "MISC"))
    repo.apply(back)
    repo.apply(inverse)
    assert [s.label for s in repo.spans(doc)].count("LOC") == 2


def test_removing_a_label_in_use_names_how_many_spans_use_it(
    repo: Repository, project_path: Path, doc: int
) -> None:
    before = dump(project_path)
    with pytest.raises(ValidationError, match="'LOC' is used by 2 spans"):
        repo.apply(RemoveLabel("LOC"))
    assert repo.label_uses("LOC") == 2 and repo.label_uses("MISC") == 0
    # one transaction: the rename before the refused removal is not written either
    with pytest.raises(ValidationError, match="'LOC' is used by 2 spans"):
        repo.apply(
            Composite(
                (ChangeLabel("PER", replace(label(repo, "PER"), name="PERSON")), RemoveLabel("LOC"))
            )
        )
    assert dump(project_path) == before


def test_an_undo_never_lands_on_another_windows_later_change(
    repo: Repository, project_path: Path, doc: int
) -> None:
    inverse = repo.apply(ChangeLabel("LOC", replace(label(repo, "LOC"), colour="#000000")))
    with open_project(project_path, create=False) as other:
        other.apply(ChangeLabel("LOC", replace(label(other, "LOC"), colour="#ffffff")))
    before = dump(project_path)
    with pytest.raises(ConflictError, match="label 'LOC' was changed since"):
        repo.apply(inverse)
    assert dump(project_path) == before
    removed = repo.apply(RemoveLabel("MISC"))
    with open_project(project_path, create=False) as other:
        other.apply(AddLabel(Label("MISC", Kind.EVENT, "#101010")))
    with pytest.raises(ValidationError, match="already exists"):
        repo.apply(removed)


def test_a_locked_project_takes_none_of_the_changes(
    repo: Repository, project_path: Path, doc: int
) -> None:
    """Another program holds the write lock: the dialog's edit waits, then fails whole."""
    before = dump(project_path)
    blocker = sqlite3.connect(project_path, timeout=0.1)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with (
            open_project(project_path, create=False, timeout=0.2) as locked,
            pytest.raises(ProjectLockedError, match="being written by another program"),
        ):
            locked.apply(
                Composite(
                    (
                        ChangeLabel("PER", replace(label(locked, "PER"), name="PERSON")),
                        RemoveLabel("MISC"),
                    )
                )
            )
    finally:
        blocker.rollback()
        blocker.close()
    assert dump(project_path) == before
