"""Property: any sequence of edits, then all inverses in reverse order, restores the dump exactly.

Then redoing (the inverses' inverses, in order) reaches the final state again, timestamps and all.
Edits are drawn from the live state (real span and relation ids), some deliberately invalid:
an invalid edit must raise and leave the database unchanged.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from annotator.core.edits import (
    AcceptSuggestion,
    AddRelation,
    AddSpan,
    Composite,
    Edit,
    RejectSuggestion,
    Relabel,
    RemoveRelation,
    RemoveSpan,
    Resize,
    SetStatus,
)
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.model import AnnotatedDocument, Document, Relation, Span, Status
from annotator.core.suggestions import SuggestedLink, Suggestion
from annotator.store import Repository, open_project

from .conftest import FIXTURES, annotated_article, dump, find, sequence

ANNOTATORS = ("", "ali", "sara")
LABELS = ("PER", "ORG", "LOC", "MISC", "EVENT", "QUOTE", "NOPE")
SHORT = "قال «الرئيس» 😀 في 2016 إن الرقة…"


def _setup(path: Path) -> Repository:
    repo = open_project(path)
    text = (FIXTURES / "washington-turkey-isis.txt").read_text(encoding="utf-8")
    repo.add_document(annotated_article(text[:1200]), annotator="ali")
    repo.add_document(
        AnnotatedDocument(Document(None, "short", SHORT), (Span(None, 0, 4, 12, "QUOTE"),)),
        annotator="sara",
    )
    # suggestions to accept and reject (issue 11): a quote with a speaker link to a span
    # (كارتر) and one to a suggestion (وزير الدفاع), twins from two recommenders, places that
    # are spans of some annotators
    body = text[:1200]
    quote = find(body, "«خطة عمليتنا")[0] + 1, body.index("سياسي»")
    carter, minister = find(body, "كارتر"), find(body, "وزير الدفاع")
    found = [
        Suggestion(1, *quote, "QUOTE", "quotes", 0.9),
        Suggestion(1, *minister, "PER", "quotes", 0.5),
        Suggestion(1, *minister, "PER", "memory", 0.7),
        Suggestion(1, *find(body, "الرقة"), "ORG", "memory", 0.3),
        Suggestion(1, *find(body, "واشنطن"), "LOC", "memory", 1.0),
        Suggestion(2, 4, 12, "QUOTE", "quotes", 0.8),
    ]
    links = [
        SuggestedLink(1, "speaker", quote, carter, "quotes", 0.8),
        SuggestedLink(1, "speaker", quote, minister, "quotes", 0.6),
    ]
    repo.add_suggestions(found, links)
    return repo


@st.composite
def _edit(draw: st.DrawFn, repo: Repository, depth: int = 0) -> Edit:
    conn = repo.db.conn
    docs = {r[0]: r[1] for r in conn.execute("SELECT id, length FROM documents")}
    span_ids = [r[0] for r in conn.execute("SELECT id FROM spans")]
    relation_ids = [r[0] for r in conn.execute("SELECT id FROM relations")]
    suggestion_ids = [r[0] for r in conn.execute("SELECT id FROM suggestions")]
    some_span = st.sampled_from(span_ids) if span_ids else st.just(99)
    kinds = ["add", "add", "remove", "relabel", "resize", "relate", "unrelate", "status"]
    kinds += ["accept", "accept", "reject"]
    if depth == 0:
        kinds.append("composite")
    kind = draw(st.sampled_from(kinds))
    doc = draw(st.sampled_from(sorted(docs)))
    start = draw(st.integers(0, docs[doc] + 1))
    end = draw(st.integers(0, docs[doc] + 1))
    label = draw(st.sampled_from(LABELS))
    who = draw(st.sampled_from(ANNOTATORS))
    if kind == "add":
        return AddSpan(Span(None, doc, start, end, label, who))
    if kind == "remove":
        return RemoveSpan(draw(some_span))
    if kind == "relabel":
        return Relabel(draw(some_span), label)
    if kind == "resize":
        return Resize(draw(some_span), start, end)
    if kind == "relate":
        return AddRelation(Relation(None, "speaker", draw(some_span), draw(some_span), who))
    if kind == "unrelate":
        return RemoveRelation(draw(st.sampled_from(relation_ids)) if relation_ids else 99)
    if kind == "accept":
        return AcceptSuggestion(draw(st.sampled_from(suggestion_ids)), who)
    if kind == "reject":
        return RejectSuggestion(draw(st.sampled_from(suggestion_ids)))
    if kind == "status":
        return SetStatus(doc, who, draw(st.sampled_from(list(Status))))
    parts = draw(st.lists(_edit(repo, depth + 1), min_size=1, max_size=3))
    return Composite(tuple(parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_undo_all_restores_exactly_and_redo_replays(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.annot.db"
        repo = _setup(path)
        try:
            start = dump(path)
            inverses: list[Edit] = []
            for _ in range(data.draw(st.integers(1, 12), label="steps")):
                edit = data.draw(_edit(repo), label="edit")
                before = dump(path)
                try:
                    inverses.append(repo.apply(edit))
                    event(f"applied {type(edit).__name__}")
                except (ValidationError, NotFoundError):
                    event(f"refused {type(edit).__name__}")
                    assert dump(path) == before, "a refused edit changed the database"
            end, given = dump(path), sequence(path)
            redos = [repo.apply(inverse) for inverse in reversed(inverses)]
            assert dump(path) == start
            # the id sequence never goes back: an id once given is never given to another
            # span (schema 2), so another window's undo cannot hit a span that reused it
            assert sequence(path) == given
            for redo in reversed(redos):
                repo.apply(redo)
            assert dump(path) == end
            assert repo.check() == []
        finally:
            repo.close()
