"""The document list's reads on a project file (store/document_list.py, docs/adr/0049)."""

from __future__ import annotations

from annotator.core.document_order import IMPORT_ORDER, DocumentOrder
from annotator.core.model import DocumentSummary, Status
from annotator.store import document_list
from annotator.store.document_list import ListView, RowKey
from annotator.store.project_file import ProjectFile


class ListReads(ProjectFile):
    """The list by keyset (``rows``, ``scan``), its counts and positions; and the same with
    offsets (``summaries``), which read on from the start."""

    def rows(
        self,
        view: ListView,
        *,
        after: RowKey | None = None,
        until: RowKey | None = None,
        skip: int = 0,
        limit: int | None = None,
        backwards: bool = False,
        inclusive: bool = False,
    ) -> list[DocumentSummary]:
        """The rows of ``view`` after the row keyed ``after`` (``document_list.keys``)."""
        with self._read():
            return document_list.page(
                self.db.conn,
                view,
                after=after,
                until=until,
                skip=skip,
                limit=limit,
                backwards=backwards,
                inclusive=inclusive,
            )

    def scan(
        self, view: ListView, cursor: RowKey | None, *, rows: int, limit: int
    ) -> tuple[list[DocumentSummary], RowKey | None, bool]:
        """The rows of ``view`` among the next ``rows`` of its order after ``cursor``, the
        cursor to go on from, and whether the list ended (``document_list.scan``)."""
        with self._read():
            conn = self.db.conn
            found, cursor, ended = document_list.scan(conn, view, cursor, rows=rows, limit=limit)
            return document_list.summaries_of(conn, view, [k[2] for k in found]), cursor, ended

    def scans(self, view: ListView) -> bool:
        """True when counting ``view`` would test every title (a filter of one or two
        letters): read it with ``scan``."""
        with self._read():
            return document_list.scans(self.db.conn, view)

    def count_rows(self, view: ListView) -> int:
        with self._read():
            return document_list.count(self.db.conn, view)

    def locate(self, view: ListView, document_id: int) -> tuple[int, RowKey] | None:
        """The row of a document in ``view`` and its key; None if the filter hides it."""
        with self._read():
            return document_list.locate(self.db.conn, view, document_id)

    def summary(self, view: ListView, document_id: int) -> DocumentSummary | None:
        """The document's row (in any view: the filter is not applied), None if it is gone."""
        with self._read():
            found = document_list.summaries_of(self.db.conn, view, [document_id])
        return found[0] if found else None

    # -- the same by offset -----------------------------------------------------------------

    def summaries(
        self,
        *,
        annotator: str = "",
        status: Status | None = None,
        search: str = "",
        offset: int = 0,
        limit: int | None = None,
        order: DocumentOrder = IMPORT_ORDER,
    ) -> list[DocumentSummary]:
        """The document list (``annotator``'s statuses), filtered, sorted in ``order``."""
        view = ListView(annotator, status, search, order)
        return self.rows(view, skip=offset, limit=limit)

    def count_summaries(
        self, *, annotator: str = "", status: Status | None = None, search: str = ""
    ) -> int:
        return self.count_rows(ListView(annotator, status, search))

    def position(
        self,
        document_id: int,
        *,
        annotator: str = "",
        status: Status | None = None,
        search: str = "",
        order: DocumentOrder = IMPORT_ORDER,
    ) -> int:
        """0-based row of the document in ``summaries(...)``; -1 if the filter hides it."""
        found = self.locate(ListView(annotator, status, search, order), document_id)
        return -1 if found is None else found[0]
