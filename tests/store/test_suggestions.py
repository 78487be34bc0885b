"""The suggestion store (schema 6, docs/adr/0053): runs stored in one transaction, rejections
remembered, replace keeping what a run makes again, accept and reject as edits whose inverses
restore the file exactly. Real project files, the real sample article."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.edits import AcceptSuggestion, Composite, RejectSuggestion, RemoveLabel
from annotator.core.errors import ConflictError, ProjectFileError, ValidationError
from annotator.core.model import Relation, Span, Status
from annotator.core.suggestions import SuggestedLink, Suggestion, SuggestionState
from annotator.store import Repository, open_project

from .conftest import annotated_article, dump, find

OPEN, ACCEPTED, REJECTED = SuggestionState.OPEN, SuggestionState.ACCEPTED, SuggestionState.REJECTED


@pytest.fixture
def doc(repo: Repository, article: str) -> int:
    added = repo.add_document(annotated_article(article), annotator="amal")
    assert added is not None and added.id is not None
    return added.id


def at(
    repo: Repository,
    doc: int,
    words: str,
    label: str,
    who: str = "memory",
    score: float = 1.0,
    nth: int = 0,
) -> Suggestion:
    return Suggestion(doc, *find(repo.document(doc).text, words, nth), label, who, score)


def test_a_run_is_stored_and_read_back(repo: Repository, doc: int) -> None:
    run = [at(repo, doc, "واشنطن", "LOC"), at(repo, doc, "تركيا", "LOC", score=0.5)]
    stored = repo.add_suggestions(run, replace="memory")
    assert (stored.added, stored.kept, stored.removed) == (2, 0, 0)
    found = repo.suggestions(doc)
    assert [(s.start, s.end, s.label, s.score, s.state) for s in found] == [
        (s.start, s.end, s.label, s.score, OPEN) for s in sorted(run, key=lambda s: s.start)
    ]
    assert all(s.id is not None and s.created for s in found)
    assert repo.suggestion(found[0].id or 0) == found[0]
    assert repo.suggestion_counts() == [("memory", "LOC", OPEN, 2)]
    assert repo.counts(doc) == (4, 1)  # suggestions are not spans
    assert repo.stats().spans == 4
    assert repo.status(doc, "") is Status.NEW and repo.status(doc, "amal") is Status.NEW
    assert repo.check() == []  # also the list's span counts and the evidence, unchanged


def test_a_place_that_is_a_span_already_is_not_suggested(repo: Repository, doc: int) -> None:
    stored = repo.add_suggestions([at(repo, doc, "كارتر", "PER"), at(repo, doc, "كارتر", "ORG")])
    assert (stored.added, stored.spans_already) == (1, 1)
    assert [s.label for s in repo.suggestions(doc)] == ["ORG"]


def test_a_rejected_suggestion_stays_rejected_when_the_recommenders_run_again(
    repo: Repository, doc: int
) -> None:
    run = [at(repo, doc, "واشنطن", "LOC"), at(repo, doc, "تركيا", "LOC")]
    repo.add_suggestions(run, replace="memory")
    washington = repo.suggestions(doc)[0]
    repo.apply(RejectSuggestion(washington.id or 0))
    again = repo.add_suggestions(run, replace="memory")
    assert (again.rejected_before, again.kept, again.added, again.removed) == (1, 1, 0, 0)
    other = repo.add_suggestions([at(repo, doc, "واشنطن", "LOC", who="gazetteer")])
    assert other.rejected_before == 1  # by any recommender
    assert repo.suggestion(washington.id or 0).state is REJECTED
    assert [s.label for s in repo.suggestions(doc)] == ["LOC"]  # تركيا only


def test_replace_keeps_what_the_run_makes_again_and_removes_the_rest(
    repo: Repository, doc: int
) -> None:
    first = [at(repo, doc, "واشنطن", "LOC", score=0.5), at(repo, doc, "تركيا", "LOC")]
    repo.add_suggestions(first, replace="memory")
    repo.add_suggestions([at(repo, doc, "تركيا", "LOC", who="gazetteer")], replace="gazetteer")
    before = {s.start: s for s in repo.suggestions(doc, recommenders=["memory"])}
    second = [at(repo, doc, "واشنطن", "LOC", score=0.75)]
    stored = repo.add_suggestions(second, replace="memory", documents=[doc])
    assert (stored.added, stored.kept, stored.removed) == (0, 1, 1)
    (washington,) = repo.suggestions(doc, recommenders=["memory"])
    old = before[washington.start]
    assert (washington.id, washington.created, washington.score) == (old.id, old.created, 0.75)
    assert len(repo.suggestions(doc, recommenders=["gazetteer"])) == 1  # not this recommender's
    nothing = repo.add_suggestions([], replace="memory", documents=[doc])
    assert nothing.removed == 1 and repo.suggestions(doc, recommenders=["memory"]) == []


def test_a_bad_suggestion_stores_nothing(repo: Repository, doc: int) -> None:
    length = len(repo.document(doc).text)
    good = at(repo, doc, "واشنطن", "LOC")
    with pytest.raises(ValidationError, match=rf"in document {doc} .*outside the text"):
        repo.add_suggestions([good, Suggestion(doc, length - 2, length + 3, "LOC", "memory", 1)])
    with pytest.raises(ValidationError, match="unknown label 'PERS'"):
        repo.add_suggestions([good, Suggestion(doc, 0, 3, "PERS", "memory", 1)])
    with pytest.raises(ValidationError, match=r"document 99 .*does not exist"):
        repo.add_suggestions([Suggestion(99, 0, 3, "LOC", "memory", 1)])
    assert repo.suggestions(state=None) == []


def test_accept_makes_a_span_and_its_undo_restores_the_file(
    repo: Repository, doc: int, project_path: Path
) -> None:
    repo.add_suggestions(
        [at(repo, doc, "واشنطن", "LOC"), at(repo, doc, "واشنطن", "LOC", who="gazetteer")]
    )
    memory, gazetteer = sorted(repo.suggestions(doc), key=lambda s: s.id or 0)
    before = dump(project_path)
    inverse = repo.apply(AcceptSuggestion(memory.id or 0, "omar"))
    after = dump(project_path)
    spans = [s for s in repo.spans(doc) if s.annotator == "omar"]
    assert [(s.start, s.end, s.label) for s in spans] == [(memory.start, memory.end, "LOC")]
    assert repo.suggestion(memory.id or 0).state is ACCEPTED
    assert repo.suggestion(gazetteer.id or 0).state is ACCEPTED  # the same place, with it
    assert repo.suggestions(doc) == []
    assert repo.check() == []  # the document list counts the new span
    redo = repo.apply(inverse)
    assert dump(project_path) == before
    repo.apply(redo)
    assert dump(project_path) == after  # the same span id, the same timestamps
    with pytest.raises(ValidationError, match="is accepted already, not open"):
        repo.apply(AcceptSuggestion(memory.id or 0, "omar"))


def test_reject_and_its_undo(repo: Repository, doc: int, project_path: Path) -> None:
    repo.add_suggestions([at(repo, doc, "تركيا", "LOC"), at(repo, doc, "تركيا", "LOC", who="x")])
    before = dump(project_path)
    first = repo.suggestions(doc)[0]
    inverse = repo.apply(RejectSuggestion(first.id or 0))
    assert [s.state for s in repo.suggestions(doc, state=None)] == [REJECTED, REJECTED]
    assert repo.document_of(RejectSuggestion(first.id or 0)) == doc
    redo = repo.apply(inverse)
    assert dump(project_path) == before
    repo.apply(redo)
    with pytest.raises(ConflictError, match="it is rejected now"):
        repo.apply(redo)  # what an undo expects is not there any more


def test_an_accepted_quote_brings_its_speaker_link(
    repo: Repository, doc: int, project_path: Path
) -> None:
    text = repo.document(doc).text
    quote = find(text, "«بحث الوزيران")[0] + 1, text.index("»", find(text, "«بحث الوزيران")[0])
    carter = find(text, "كارتر")
    minister = find(text, "وزير الدفاع")
    repo.add_suggestions(
        [
            Suggestion(doc, *quote, "QUOTE", "quotes", 0.9),
            Suggestion(doc, *minister, "PER", "quotes", 0.6),
        ],
        [
            SuggestedLink(doc, "speaker", quote, minister, "quotes", 0.6),
            SuggestedLink(doc, "speaker", (1, 2), carter, "quotes", 0.6),  # no such quote
        ],
    )
    links = repo.suggested_links(doc)
    assert [(k.source, k.target) for k in links] == [(quote, minister)]
    by_label = {s.label: s for s in repo.suggestions(doc)}
    before = dump(project_path)
    # the quote first: its speaker is not a span yet, and becomes one in the same Composite
    edit = Composite(
        (
            AcceptSuggestion(by_label["QUOTE"].id or 0, "amal"),
            AcceptSuggestion(by_label["PER"].id or 0, "amal"),
        )
    )
    inverse = repo.apply(edit)
    spans = {(s.start, s.end): s for s in repo.spans(doc) if s.annotator == "amal"}
    new = [r for r in repo.relations(doc) if r.source_id == spans[quote].id]
    assert [(r.type, r.target_id) for r in new] == [("speaker", spans[minister].id)]
    repo.apply(inverse)
    assert dump(project_path) == before


def test_a_quote_accepted_links_to_a_span_there(repo: Repository, doc: int) -> None:
    text = repo.document(doc).text
    start = find(text, "«بحث الوزيران")[0]
    quote = start + 1, text.index("»", start)
    carter = find(text, "كارتر")  # a span of the fixture (PER)
    repo.add_suggestions(
        [Suggestion(doc, *quote, "QUOTE", "quotes", 0.9)],
        [SuggestedLink(doc, "speaker", quote, carter, "quotes", 0.7)],
    )
    repo.apply(AcceptSuggestion(repo.suggestions(doc)[0].id or 0, "omar"))
    spans = {(s.start, s.end): s for s in repo.spans(doc)}
    assert Relation(None, "speaker", spans[quote].id, spans[carter].id, "omar") in [
        Relation(None, r.type, r.source_id, r.target_id, r.annotator) for r in repo.relations(doc)
    ]


def test_suggestions_follow_a_label_renamed_and_wait_for_a_label_removed(
    repo: Repository, doc: int
) -> None:
    from dataclasses import replace

    from annotator.core.edits import ChangeLabel

    misc = repo.labels().get("MISC")
    assert misc is not None
    repo.add_suggestions([at(repo, doc, "واشنطن", "MISC")])
    back = repo.apply(ChangeLabel("MISC", replace(misc, name="OTHER")))
    assert [s.label for s in repo.suggestions(doc)] == ["OTHER"]
    repo.apply(back)
    assert [s.label for s in repo.suggestions(doc)] == ["MISC"]
    repo.apply(RemoveLabel("MISC"))
    assert repo.check() == []
    with pytest.raises(ValidationError, match="unknown label 'MISC'"):
        repo.apply(AcceptSuggestion(repo.suggestions(doc)[0].id or 0, "amal"))


def test_check_names_a_suggestion_outside_its_text(
    repo: Repository, doc: int, project_path: Path
) -> None:
    length = len(repo.document(doc).text)
    conn = sqlite3.connect(project_path)
    conn.execute(
        'INSERT INTO suggestions (document_id, start, "end", label, recommender, score, state,'
        " created) VALUES (?, ?, ?, 'LOC', 'memory', 1, 'open', 'now')",
        (doc, length, length + 4),
    )
    conn.commit()
    conn.close()
    assert repo.check() == [
        f"suggestion 1 (LOC at {length}-{length + 4} in document {doc}): outside the text "
        f"(must be 0 <= start < end <= {length})"
    ]


def test_a_span_made_from_a_suggestion_is_an_ordinary_span(repo: Repository, doc: int) -> None:
    repo.add_suggestions([at(repo, doc, "واشنطن", "LOC")])
    repo.apply(AcceptSuggestion(repo.suggestions(doc)[0].id or 0, "omar"))
    (span,) = [s for s in repo.spans(doc) if s.annotator == "omar"]
    assert isinstance(span, Span) and span.text_in(repo.document(doc).text) == "واشنطن"
    assert repo.status(doc, "omar").value == "in_progress"
    assert repo.stats().spans == 5


def test_an_accepted_suggestion_whose_span_went_is_not_offered_again(
    repo: Repository, doc: int
) -> None:
    from annotator.core.edits import RemoveSpan

    run = [at(repo, doc, "واشنطن", "LOC")]
    repo.add_suggestions(run, replace="memory")
    repo.apply(AcceptSuggestion(repo.suggestions(doc)[0].id or 0, "amal"))
    (span,) = [s for s in repo.spans(doc) if (s.start, s.end) == (run[0].start, run[0].end)]
    repo.apply(RemoveSpan(span.id))
    again = repo.add_suggestions(run, replace="memory", documents=[doc])
    assert (again.decided_before, again.added) == (1, 0) and repo.suggestions(doc) == []


def test_a_link_outside_the_text_stores_nothing(repo: Repository, doc: int) -> None:
    length = len(repo.document(doc).text)
    quote = at(repo, doc, "واشنطن", "QUOTE", who="quotes")
    bad = SuggestedLink(doc, "speaker", (quote.start, quote.end), (length, length + 2), "quotes", 1)
    with pytest.raises(ValidationError, match=rf"in document {doc} \(by quotes\): outside"):
        repo.add_suggestions([quote], [bad])
    assert repo.suggestions(state=None) == []


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (
            "CREATE TRIGGER wipe AFTER UPDATE ON suggestions BEGIN DELETE FROM spans; END",
            "trigger 'wipe' was not made by this program",
        ),
        ("ALTER TABLE suggestions ADD COLUMN note TEXT", "table 'suggestions' is not as"),
        ("DROP TABLE suggested_links", "table 'suggested_links' is missing"),
    ],
)
def test_a_suggestion_table_changed_by_another_program_is_refused(
    repo: Repository, doc: int, project_path: Path, change: str, named: str
) -> None:
    repo.close()
    conn = sqlite3.connect(project_path)
    conn.execute(change)
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError, match=named):
        open_project(project_path, create=False)
