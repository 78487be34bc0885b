"""The label set stored in the project."""

from __future__ import annotations

import pytest

from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.model import DEFAULT_LABELS, EXTRA_COLOURS, Kind, Label
from annotator.store import Repository

from .conftest import annotated_article, dump


def test_add_and_update(repo: Repository) -> None:
    repo.save_label(Label("PERS", Kind.ENTITY, "#123456", None, 9))
    assert repo.labels().get("PERS") == Label("PERS", Kind.ENTITY, "#123456", None, 9)
    repo.save_label(Label("PERS", Kind.ENTITY, "#654321", 7, 9))
    assert repo.labels().get("PERS") == Label("PERS", Kind.ENTITY, "#654321", 7, 9)
    assert repo.labels().names[-1] == "PERS"


def test_key_moves_to_the_saved_label(repo: Repository) -> None:
    repo.save_label(Label("GPE", Kind.ENTITY, "#abcdef", 1, 6))
    labels = repo.labels()
    assert labels.by_key(1) == labels.get("GPE")
    assert labels.get("PER") is not None and labels.get("PER").key is None  # type: ignore[union-attr]


def test_rename_carries_spans(repo: Repository, article: str) -> None:
    doc = repo.add_document(annotated_article(article))
    assert doc is not None and doc.id is not None
    repo.save_label(Label("PERSON", Kind.ENTITY, "#f4a3a3", 1, 0), old_name="PER")
    assert "PER" not in repo.labels() and "PERSON" in repo.labels()
    assert [s.label for s in repo.spans(doc.id)].count("PERSON") == 1
    assert repo.check() == []
    with pytest.raises(ValidationError, match="already exists"):
        repo.save_label(Label("LOC", Kind.ENTITY, "#000000"), old_name="ORG")
    with pytest.raises(NotFoundError):
        repo.save_label(Label("X", Kind.ENTITY, "#000000"), old_name="NOPE")


@pytest.mark.parametrize(
    ("label", "message"),
    [
        (Label("", Kind.ENTITY, "#000000"), "cannot be empty"),
        (Label("TWO WORDS", Kind.ENTITY, "#000000"), "white space"),
        (Label("QUOTE\u202e", Kind.QUOTE, "#000000"), r"bidi control \(U\+202E"),
        (Label("X\ufffe", Kind.ENTITY, "#000000"), "noncharacter"),
        (Label("X\x07", Kind.ENTITY, "#000000"), "control character"),
        (Label("X", "layer", "#000000"), "unknown kind"),  # type: ignore[arg-type]
        (Label("X", Kind.ENTITY, "red"), "#rrggbb"),
        (Label("X", Kind.ENTITY, "#000000", 0), "1-9"),
    ],
)
def test_invalid_labels(repo: Repository, label: Label, message: str) -> None:
    before = dump(repo.path)
    with pytest.raises(ValidationError, match=message):
        repo.save_label(label)
    assert dump(repo.path) == before


def test_delete(repo: Repository, article: str) -> None:
    repo.add_document(annotated_article(article))
    with pytest.raises(ValidationError, match="'LOC' is used by 2 spans"):
        repo.delete_label("LOC")
    repo.delete_label("MISC")
    assert "MISC" not in repo.labels()
    with pytest.raises(NotFoundError):
        repo.delete_label("MISC")


def test_ensure_label_checks_the_name(repo: Repository) -> None:
    """An import adds its labels through ensure_label: the same rule as the dialog."""
    before = dump(repo.path)
    with pytest.raises(ValidationError, match=r"invisible format character \(U\+200B"):
        repo.ensure_label("PER\u200b", Kind.ENTITY)
    assert dump(repo.path) == before


def test_renaming_to_a_bad_name_is_refused(repo: Repository) -> None:
    with pytest.raises(ValidationError, match="bidi control"):
        repo.save_label(Label("PER\u200f", Kind.ENTITY, "#f4a3a3", 1, 0), old_name="PER")
    assert "PER" in repo.labels()


def test_ensure_label_for_imported_corpora(repo: Repository) -> None:
    pers = repo.ensure_label("PERS", Kind.ENTITY)
    assert pers.key is None and pers.colour == EXTRA_COLOURS[0]
    assert pers.order == len(DEFAULT_LABELS)
    assert repo.ensure_label("PERS", Kind.ENTITY) == pers
    assert repo.ensure_label("PER", Kind.EVENT) == DEFAULT_LABELS.get("PER")  # existing wins
    assert repo.ensure_label("ORGANIZATION", Kind.ENTITY).colour == EXTRA_COLOURS[1]
