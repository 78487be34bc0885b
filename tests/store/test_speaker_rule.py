"""The speaker rule in the store: a new link that breaks it is refused; an edit that breaks it
removes the link in the same edit, whose inverse brings it back; ``check`` lists broken links."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.edits import AddRelation, ChangeLabel, Composite, Relabel, RemoveRelation
from annotator.core.errors import ValidationError
from annotator.core.model import SPEAKER, AnnotatedDocument, Document, Kind, Label, Relation, Span
from annotator.store import Repository, open_project

from .conftest import FIXTURES, annotated_article, dump


@pytest.fixture
def ids(repo: Repository, article: str) -> dict[str, int]:
    """The article with كارتر (PER), a quote he said, الموصل and الرقة (LOC), linked."""
    doc = repo.add_document(annotated_article(article), annotator="ali")
    assert doc is not None and doc.id is not None
    spans = repo.spans(doc.id)
    by_label = {s.label: s.id for s in spans}
    places = [s.id for s in spans if s.label == "LOC"]
    [relation] = repo.relations(doc.id)
    return {
        "doc": doc.id,
        "carter": by_label["PER"] or 0,
        "quote": by_label["QUOTE"] or 0,
        "place": places[0] or 0,
        "link": relation.id or 0,
    }


def links(repo: Repository, doc: int) -> list[tuple[int, int]]:
    return [(r.source_id, r.target_id) for r in repo.relations(doc)]


def test_a_new_link_to_a_place_is_refused_and_nothing_is_written(
    repo: Repository, project_path: Path, ids: dict[str, int]
) -> None:
    before = dump(project_path)
    with pytest.raises(ValidationError, match=r"LOC cannot be a speaker .*allowed.*PER, ORG"):
        repo.apply(AddRelation(Relation(None, SPEAKER, ids["quote"], ids["place"], "ali")))
    with pytest.raises(ValidationError, match="must start from a quote, not from a PER span"):
        repo.apply(AddRelation(Relation(None, SPEAKER, ids["carter"], ids["place"], "ali")))
    assert dump(project_path) == before
    # another relation type is free: the rule is about speakers
    repo.apply(AddRelation(Relation(None, "mentions", ids["quote"], ids["place"], "ali")))


def test_relabelling_the_quote_removes_its_link_and_undo_brings_it_back(
    repo: Repository, project_path: Path, ids: dict[str, int]
) -> None:
    before = dump(project_path)
    inverse = repo.apply(Relabel(ids["quote"], "ORG"))
    assert links(repo, ids["doc"]) == []
    assert repo.check() == []
    assert isinstance(inverse, Composite)
    assert AddRelation(Relation(ids["link"], SPEAKER, ids["quote"], ids["carter"], "ali")) in (
        inverse.edits
    )
    redo = repo.apply(inverse)
    assert dump(project_path) == before  # the same relation id, the same timestamps
    repo.apply(redo)
    assert links(repo, ids["doc"]) == []
    assert repo.span(ids["quote"]).label == "ORG"


def test_relabelling_the_speaker_keeps_an_allowed_label_and_drops_a_place(
    repo: Repository, ids: dict[str, int]
) -> None:
    repo.apply(Relabel(ids["carter"], "ORG"))
    assert links(repo, ids["doc"]) == [(ids["quote"], ids["carter"])]
    back = repo.apply(Relabel(ids["carter"], "LOC"))
    assert links(repo, ids["doc"]) == []
    repo.apply(back)
    assert links(repo, ids["doc"]) == [(ids["quote"], ids["carter"])]


def test_a_label_kind_changed_removes_the_links_in_every_document(
    repo: Repository, project_path: Path, ids: dict[str, int]
) -> None:
    text = "قال الرئيس السيسي بالقاهرة: «الإصلاحات ستستمر».\n"
    other = repo.add_document(
        AnnotatedDocument(
            Document(None, "القاهرة", text),
            (
                Span(1, 0, 11, 17, "PER"),
                Span(2, 0, text.index("«"), text.index("»") + 1, "QUOTE"),
            ),
            (Relation(None, SPEAKER, 2, 1),),
        ),
        annotator="ali",
    )
    assert other is not None and other.id is not None
    before = dump(project_path)
    quote = repo.labels().get("QUOTE")
    assert quote is not None
    inverse = repo.apply(ChangeLabel("QUOTE", replace(quote, kind=Kind.ENTITY)))
    assert links(repo, ids["doc"]) == [] and links(repo, other.id) == []
    repo.apply(inverse)
    assert dump(project_path) == before


def test_a_label_no_longer_allowed_as_speaker_loses_its_links(
    repo: Repository, project_path: Path, ids: dict[str, int]
) -> None:
    per = repo.labels().get("PER")
    assert per is not None and per.speaker
    before = dump(project_path)
    inverse = repo.apply(ChangeLabel("PER", replace(per, speaker=False)))
    assert links(repo, ids["doc"]) == []
    assert repo.labels().speakers == ("ORG",)
    repo.apply(inverse)
    assert dump(project_path) == before
    # a recolour or a new key leaves the links alone
    repo.apply(ChangeLabel("PER", replace(per, colour="#123456", key=7)))
    assert links(repo, ids["doc"]) == [(ids["quote"], ids["carter"])]


def test_only_an_entity_label_may_be_a_speaker(repo: Repository) -> None:
    with pytest.raises(ValidationError, match="only an entity label can be a speaker"):
        repo.save_label(Label("SAID", Kind.EVENT, "#123456", speaker=True))


def test_check_lists_a_stored_link_that_breaks_the_rule(
    repo: Repository, project_path: Path, ids: dict[str, int]
) -> None:
    """An older program (or another tool) wrote a link from the quote to a place."""
    conn = sqlite3.connect(project_path)
    with conn:
        conn.execute(
            "INSERT INTO relations (type, source_id, target_id, annotator) VALUES (?, ?, ?, ?)",
            (SPEAKER, ids["quote"], ids["place"], "old"),
        )
    conn.close()
    [problem] = repo.check()
    assert problem.startswith(f"relation {ids['link'] + 1} (speaker from span {ids['quote']}")
    assert "LOC cannot be a speaker" in problem
    # removing that link and undoing it gives the link back as it was (an undo is no new link)
    wrong = repo.relations(ids["doc"])[-1]
    inverse = repo.apply(RemoveRelation(wrong.id or 0))
    repo.apply(inverse)
    assert repo.relations(ids["doc"])[-1] == wrong


def test_schema_3_allows_per_and_org_and_an_old_file_reads_the_same_unchanged(
    tmp_path: Path,
) -> None:
    old = tmp_path / "old.annot.db"
    shutil.copy(FIXTURES / "projects" / "schema-2.annot.db", old)
    with open_project(old, create=False, read_only=True) as repo:  # read as it is
        assert repo.labels().speakers == ("PER", "ORG")
        assert repo.check() == []
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0] == 2
    with open_project(old, create=False) as repo:  # upgraded
        assert repo.labels().speakers == ("PER", "ORG")
    with open_project(tmp_path / "new.annot.db") as repo:
        assert repo.labels().speakers == ("PER", "ORG")
