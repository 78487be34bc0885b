"""Work packages and merge (docs/adr/0075): real packages made by ``assign``, edited through
the store as two annotators would, merged back, twice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.edits import AddRelation, AddSpan, RemoveSpan, SetStatus
from annotator.core.errors import Cancelled, ValidationError
from annotator.core.model import AnnotatedDocument, Document, Kind, Relation, Span, Status
from annotator.ops.merging import merge
from annotator.ops.work_packages import assign, deal
from annotator.store import open_project
from annotator.store.packages import Candidate
from tests.ops.anercorp_articles import articles


def make_project(path: Path, count: int = 10) -> Path:
    with open_project(path) as repo:
        docs = [
            AnnotatedDocument(Document(None, f"مقالة {i}", " ".join(text.split()[: 20 + 3 * i])))
            for i, text in enumerate(articles(count, 50))
        ]
        repo.add_documents(docs)
    return path


def first_word(text: str) -> tuple[int, int]:
    end = text.index(" ")
    return 0, end


def annotate(package: Path, who: str, label: str = "PER", *, done: bool = True) -> int:
    """Label the first word of every document of the package as ``who``, link the first two
    spans of the first document, mark all done: as the window would, edit by edit."""
    with open_project(package, create=False) as repo:
        for n, doc_id in enumerate(repo.document_ids()):
            doc = repo.annotated(doc_id, annotator=who).document
            start, end = first_word(doc.text)
            repo.apply(AddSpan(Span(None, doc_id, start, end, label, who)), actor=who)
            if n == 0:
                second = doc.text.index(" ", end + 1)
                repo.apply(AddSpan(Span(None, doc_id, end + 1, second, "QUOTE", who)), actor=who)
                a, b = (s.id for s in repo.spans(doc_id))
                repo.apply(AddRelation(Relation(None, "speaker", b, a, who)), actor=who)
            if done:
                repo.apply(SetStatus(doc_id, who, Status.DONE), actor=who)
        return len(repo.document_ids())


def table(project: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(project)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def everything(project: Path) -> list[list[tuple[object, ...]]]:
    return [
        table(
            project,
            'SELECT document_id, start, "end", label, annotator FROM spans ORDER BY 1,2,3,4,5',
        ),
        table(project, "SELECT type, annotator FROM relations ORDER BY 1, 2"),
        table(project, "SELECT document_id, annotator, status FROM document_status ORDER BY 1, 2"),
    ]


def test_deal_is_seeded_shares_the_overlap_and_balances_by_length() -> None:
    found = [Candidate(i, 100 * i, f"h{i}", Status.NEW) for i in range(1, 11)]
    given = deal(found, ["ali", "badr"], 0.2, seed=7)
    assert given == deal(found, ["ali", "badr"], 0.2, seed=7)
    shared = set(given["ali"]) & set(given["badr"])
    assert len(shared) == 2
    assert set(given["ali"]) | set(given["badr"]) == set(range(1, 11))
    loads = [sum(100 * i for i in ids) for ids in given.values()]
    assert abs(loads[0] - loads[1]) <= 1000  # within the longest document


def test_assign_writes_one_package_per_annotator(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db")
    out = tmp_path / "out"

    report = assign(project, ["ali", "badr"], out, overlap=0.2)

    assert sorted(p.name for p in out.iterdir()) == ["news.ali.annot.db", "news.badr.annot.db"]
    assert report.dealt == 10 and report.overlap == 2
    sizes = [p.documents for p in report.packages]
    assert sum(sizes) == 12
    with open_project(project, create=False) as repo:
        assert repo.package_info() is None
        assert repo.check() == []
        labels = repo.labels()
    with open_project(out / "news.ali.annot.db", create=False) as package:
        info = package.package_info()
        assert info is not None and info.annotator == "ali"
        assert package.labels() == labels
        assert package.check() == []  # the team keys are not taken for unknown settings


def test_an_existing_package_is_an_error_unless_forced(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db", 4)
    out = tmp_path / "out"
    assign(project, ["ali"], out)
    before = (out / "news.ali.annot.db").read_bytes()
    with pytest.raises(ValidationError, match="exists already"):
        assign(project, ["ali", "badr"], out)
    assert sorted(p.name for p in out.iterdir()) == ["news.ali.annot.db"]
    assert (out / "news.ali.annot.db").read_bytes() == before
    assign(project, ["ali", "badr"], out, force=True)
    assert len(list(out.iterdir())) == 2


def test_a_cancel_leaves_no_package(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db", 6)
    out = tmp_path / "out"

    def step(done: int, total: int, what: str) -> None:
        if done == 5:
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        assign(project, ["ali", "badr"], out, step=step)
    assert list(out.iterdir()) == []


def test_merge_brings_both_annotators_work_and_twice_changes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db")
    out = tmp_path / "out"
    assign(project, ["ali", "badr"], out, overlap=0.2)
    ali, badr = out / "news.ali.annot.db", out / "news.badr.annot.db"
    n_ali = annotate(ali, "ali", "PER")
    n_badr = annotate(badr, "badr", "ORG")

    report = merge(project, [ali, badr])

    assert report.refused == 0, report.lines()
    first = report.packages[0]
    assert (first.documents, first.spans, first.relations, first.statuses) == (
        n_ali,
        n_ali + 1,
        1,
        n_ali,
    )
    spans, relations, statuses = everything(project)
    assert len(spans) == n_ali + n_badr + 2
    assert relations == [("speaker", "ali"), ("speaker", "badr")]
    assert len(statuses) == n_ali + n_badr
    # the shared documents keep both versions
    shared = {d for d, _, _, _, who in spans if who == "ali"} & {
        d for d, _, _, _, who in spans if who == "badr"
    }
    assert len(shared) == 2
    before = everything(project)

    again = merge(project, [ali, badr])

    assert everything(project) == before
    assert all("already merged" in line for line in again.lines()[:2]), again.lines()
    with open_project(project, create=False) as repo:
        assert repo.check() == []


def test_a_package_with_other_text_for_a_document_is_refused_whole(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db", 4)
    out = tmp_path / "out"
    assign(project, ["ali"], out)
    package = out / "news.ali.annot.db"
    annotate(package, "ali")
    with open_project(project, create=False) as repo:  # the project's document 2 is other text
        doc = repo.document(2)
    conn = sqlite3.connect(project)
    with conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("UPDATE documents SET text_sha256 = 'x' || text_sha256 WHERE id = 2")
    conn.close()
    before = everything(project)

    report = merge(project, [package])

    assert report.refused == 1
    line = report.lines()[0]
    assert "news.ali.annot.db" in line and "document 2" in line and doc.title in line
    assert "other text" in line
    assert everything(project) == before  # nothing half-merged


def test_a_package_of_another_project_and_a_plain_project_are_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news.annot.db", 4)
    other = make_project(tmp_path / "other.annot.db", 4)
    assign(other, ["ali"], tmp_path / "out")
    assign(project, ["ali"], tmp_path / "mine")  # the project has an id now
    report = merge(project, [tmp_path / "out" / "other.ali.annot.db", other])
    assert report.refused == 2
    assert "another project" in report.lines()[0]
    assert "not a work package" in report.lines()[1]


def test_the_annotators_own_work_is_kept_and_statuses_never_move_back(tmp_path: Path) -> None:
    """ali labelled document 1 in the shared project file before the packages were made; in
    her package she relabels it (a new span), leaves a document in progress, and adds a label:
    the merge keeps both of her versions, counts the one the package lacks, adds the label, and
    her status that was further on in the project stays."""
    project = make_project(tmp_path / "news.annot.db", 3)
    with open_project(project, create=False) as repo:
        text = repo.document(1).text
        repo.apply(AddSpan(Span(None, 1, *first_word(text), "LOC", "ali")), actor="ali")
        repo.apply(SetStatus(2, "badr", Status.DONE), actor="badr")
    assign(
        project, ["ali"], tmp_path / "out", statuses=(Status.NEW, Status.IN_PROGRESS, Status.DONE)
    )
    package = tmp_path / "out" / "news.ali.annot.db"
    with open_project(package, create=False) as repo:
        (own,) = repo.spans(1)
        assert (own.label, own.annotator) == ("LOC", "ali")  # her work travels with her
        repo.ensure_label("PLACE", Kind.ENTITY)
        repo.apply(RemoveSpan(own.id), actor="ali")
        repo.apply(AddSpan(Span(None, 1, own.start, own.end, "PLACE", "ali")), actor="ali")
        repo.apply(SetStatus(3, "ali", Status.IN_PROGRESS), actor="ali")
    with open_project(project, create=False) as repo:
        repo.apply(SetStatus(3, "ali", Status.DONE), actor="ali")

    (merged,) = merge(project, [package]).packages

    assert merged.refused == "" and merged.labels == ("PLACE",) and merged.kept == 1
    assert "1 span(s) of ali not in the package kept" in merged.line()
    with open_project(project, create=False) as repo:
        assert sorted(s.label for s in repo.spans(1)) == ["LOC", "PLACE"]
        assert repo.status(3, "ali") is Status.DONE  # not moved back to in progress
        assert repo.status(2, "badr") is Status.DONE  # another's work untouched
        assert repo.check() == []
