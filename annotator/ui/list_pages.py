"""The pages of the document list a model holds, and where a page is read from (no Qt).

Rows are read a page at a time by keyset (store/document_list.py): a page is read from the
key of a row the list has seen (an **anchor**: the first and last row of every page read, the
row of a document located), or from either end of the list, whichever is nearest; the pages
next to one read are one seek away, and a jump far down (the scroll bar) reads on from the
nearest anchor or from the end backwards (docs/adr/0049). Anchors stay valid until the list
changes: a row that moves shifts those between its two places (``moved``), one that leaves
shifts those after it (``removed``).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from annotator.core.model import DocumentSummary
from annotator.store.document_list import RowKey

ROWS_PER_PAGE = 200  # document list rows read by one query, kept as one page
KEPT_PAGES = 16


@dataclass(frozen=True, slots=True)
class Seek:
    """How to read a page: ``skip`` rows on from ``after`` (inclusive; None: from an end),
    ``backwards`` from the end or from the anchor."""

    after: RowKey | None
    skip: int
    backwards: bool


class ListPages:
    """Pages by number (most recently used last), the row of each document they hold, and the
    anchors. ``keep`` pages at most are kept (0: every page, for a list that is still being
    scanned and could not be read again page by page)."""

    def __init__(self, keep: int = KEPT_PAGES) -> None:
        self.keep = keep
        self.pages: OrderedDict[int, list[DocumentSummary]] = OrderedDict()
        self.rows: dict[int, int] = {}  # document id -> row, for the pages held
        self.anchors: dict[int, RowKey] = {}  # row -> key
        self.located: dict[int, int] = {}  # document id -> row, of documents located

    def clear(self, *, anchors: bool = True) -> None:
        self.pages.clear()
        self.rows.clear()
        self.located.clear()
        if anchors:
            self.anchors.clear()

    def get(self, page: int) -> list[DocumentSummary] | None:
        found = self.pages.get(page)
        if found is not None:
            self.pages.move_to_end(page)
        return found

    def put(self, page: int, summaries: list[DocumentSummary], keys: list[RowKey]) -> None:
        """Hold a page read (``keys``: its rows' keys, anchors at both ends)."""
        first = page * ROWS_PER_PAGE
        self._drop(page)
        self.pages[page] = summaries
        for i, summary in enumerate(summaries):
            self.rows[summary.id] = first + i
        if keys:
            self.anchors[first] = keys[0]
            self.anchors[first + len(keys) - 1] = keys[-1]
        while self.keep and len(self.pages) > self.keep:
            self._drop(next(iter(self.pages)))

    def _drop(self, page: int) -> None:
        for summary in self.pages.pop(page, ()):
            self.rows.pop(summary.id, None)

    def replace(self, row: int, summary: DocumentSummary) -> None:
        """The row holds new values (its place in the order the same)."""
        page, i = divmod(row, ROWS_PER_PAGE)
        found = self.pages.get(page)
        if found is not None and i < len(found):
            found[i] = summary

    def seek(self, first: int, last: int, count: int) -> Seek:
        """The nearest way to rows ``first``..``last`` of a list of ``count`` rows."""
        best = Seek(None, first, False)
        if count - 1 - last < best.skip:
            best = Seek(None, count - 1 - last, True)
        for row, key in self.anchors.items():
            if row <= first and first - row < best.skip:
                best = Seek(key, first - row, False)
            elif row >= last and row - last < best.skip:
                best = Seek(key, row - last, True)
        return best

    def inside(self, first: int, last: int) -> tuple[int, RowKey] | None:
        """An anchor strictly inside rows ``first``..``last`` (a document located there): the
        page is then read from it both ways, two seeks of no skip."""
        for row, key in self.anchors.items():
            if first < row < last:
                return row, key
        return None

    def moved(self, old: int, new: int, key: RowKey) -> None:
        """A row went from ``old`` to ``new``: the rows between shift by one; pages are
        dropped (read again from the anchors, one seek each)."""
        shifted: dict[int, RowKey] = {}
        for row, anchor in self.anchors.items():
            if row == old:
                continue
            if old < row <= new:
                row -= 1
            elif new <= row < old:
                row += 1
            shifted[row] = anchor
        shifted[new] = key
        document_id = key[2]
        self.clear()
        self.anchors = shifted
        self.located[document_id] = new

    def removed(self, old: int) -> None:
        """The row at ``old`` left the list."""
        shifted = {(r - 1 if r > old else r): k for r, k in self.anchors.items() if r != old}
        self.clear()
        self.anchors = shifted
