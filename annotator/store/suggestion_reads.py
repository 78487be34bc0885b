"""The suggestions of a project file (store/suggestions.py, docs/adr/0053): storing a
recommender's run in one transaction, reading them back, counting them."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from annotator.core.suggestions import SuggestedLink, Suggestion, SuggestionState
from annotator.store import suggestions
from annotator.store.connection import now
from annotator.store.project_file import ProjectFile
from annotator.store.suggestions import Stored

OPEN = SuggestionState.OPEN


class SuggestionReads(ProjectFile):
    def add_suggestions(
        self,
        found: Iterable[Suggestion],
        links: Iterable[SuggestedLink] = (),
        *,
        replace: str | None = None,
        documents: Iterable[int] = (),
    ) -> Stored:
        """Store open suggestions in one transaction, leaving out any whose document, offsets
        and label were ever rejected or are a span with that label already; ``replace``: a
        recommender whose open suggestions of these documents (and of ``documents``) the run
        replaces. ValidationError, nothing stored, for one outside its text or of an unknown
        label."""
        with self._write():
            return suggestions.add(
                self.db.conn, found, links, replace=replace, documents=documents, stamp=now()
            )

    def suggestions(
        self,
        document_id: int | None = None,
        *,
        state: SuggestionState | None = OPEN,
        recommenders: Collection[str] | None = None,
        min_score: float = 0.0,
    ) -> list[Suggestion]:
        """A document's suggestions (None: the project's, by document) in reading order;
        ``state`` None: in any state."""
        with self._read():
            return suggestions.select(
                self.db.conn,
                document_id=document_id,
                state=state,
                recommenders=recommenders,
                min_score=min_score,
            )

    def suggestion(self, suggestion_id: int) -> Suggestion:
        with self._read():
            return suggestions.fetch(self.db.conn, suggestion_id)

    def suggested_links(
        self, document_id: int, *, state: SuggestionState | None = OPEN
    ) -> list[SuggestedLink]:
        """The suggested links of a document's suggestions in ``state`` (None: any)."""
        with self._read():
            return suggestions.links(self.db.conn, document_id, state)

    def suggestion_counts(self) -> list[tuple[str, str, SuggestionState, int]]:
        """(recommender, label, state, how many), sorted."""
        with self._read():
            return suggestions.counts(self.db.conn)

    def labelled_texts(self, *, except_document: int | None = None) -> list[tuple[str, str, int]]:
        """(span text, label, how many spans) over the project, one document left out."""
        with self._read():
            return suggestions.labelled_texts(self.db.conn, except_document=except_document)

    def labelled_places(self, *, annotator: str | None = None) -> list[tuple[int, str, str, int]]:
        """(document id, span text, label, start) of every span (``annotator``: only theirs),
        by document and place: what the consistency report compares."""
        with self._read():
            return suggestions.labelled_places(self.db.conn, annotator=annotator)
