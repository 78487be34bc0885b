"""What the window redraws after accepting or rejecting a suggestion (ui/effects.py: pure,
no Qt), on a real project file."""

from __future__ import annotations

from pathlib import Path

from annotator.core.edits import AcceptSuggestion, RejectSuggestion
from annotator.core.suggestions import Suggestion, SuggestionState
from annotator.core.text import canonical_text
from annotator.store import open_project
from annotator.ui.effects import effects
from tests.store.conftest import annotated_article, find

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_the_window_is_told_what_an_accept_and_a_reject_redraw(tmp_path: Path) -> None:
    """ui/effects.py reads the edit and its inverse (pure; no Qt): an accepted suggestion is a
    span added, as an AddSpan is; both change the document's suggestions."""
    text = canonical_text((FIXTURES / "washington-turkey-isis.txt").read_text(encoding="utf-8"))
    repo = open_project(tmp_path / "p.annot.db")
    added = repo.add_document(annotated_article(text))
    assert added is not None and added.id is not None
    doc = added.id
    places = [find(text, "واشنطن"), find(text, "تركيا")]
    repo.add_suggestions([Suggestion(doc, *p, "LOC", "memory", 1.0) for p in places])
    first, second = repo.suggestions(doc)
    edit = AcceptSuggestion(first.id or 0, "amal")
    inverse = repo.apply(edit)
    (span,) = [s for s in repo.spans(doc) if (s.start, s.end) == (first.start, first.end)]
    told = effects(edit, inverse)
    assert told.added == (span.id,) and told.spans == (span.id,) and told.suggestions
    # no speaker link was made: the relations are not read again; the accepted one is closed
    assert not told.relations and told.closed == {first.id: SuggestionState.ACCEPTED}
    undone = effects(inverse, repo.apply(inverse))
    assert undone.spans == (span.id,) and undone.suggestions
    assert undone.closed == {}  # opened again: the window reads it
    reject = RejectSuggestion(second.id or 0)
    told = effects(reject, repo.apply(reject))
    assert told.suggestions and told.spans == () and not told.relations
    assert told.closed == {second.id: SuggestionState.REJECTED}
    repo.close()
