"""The order of the document list: as imported, or by title, status, span count or the model's
certainty, either way.

Ties (two documents with one title, status or count) keep import order, so every order is
total and a document has one row; descending reverses the whole list, ties included.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class SortKey(Enum):
    IMPORT = "import"  # document id: the order documents were imported in
    TITLE = "title"  # case-insensitive for Latin letters; Arabic in code point order
    STATUS = "status"  # the annotator's status, new < in progress < done
    SPANS = "spans"  # number of spans
    # how sure the model is (docs/adr/0073): the least sure, most useful to annotate, first;
    # documents without a score after every scored one, in import order
    CERTAINTY = "certainty"


@dataclass(frozen=True, slots=True)
class DocumentOrder:
    key: SortKey = SortKey.IMPORT
    descending: bool = False

    def text(self) -> str:
        """The order as a settings value: "title asc", "spans desc"."""
        return f"{self.key.value} {'desc' if self.descending else 'asc'}"

    @classmethod
    def parse(cls, text: object) -> DocumentOrder:
        """The order a settings value names; import order for anything else."""
        key, _, direction = str(text or "").partition(" ")
        try:
            return cls(SortKey(key), direction == "desc")
        except ValueError:
            return IMPORT_ORDER


IMPORT_ORDER = DocumentOrder()
