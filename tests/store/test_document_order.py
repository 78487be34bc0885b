"""The document list sorted in SQL (issue 8 §18): every order, filtered or not, paged, equals
the same list sorted in Python, and ``position`` is the row the list shows."""

from __future__ import annotations

import random

import pytest

from annotator.core.document_order import IMPORT_ORDER, DocumentOrder, SortKey
from annotator.core.edits import SetStatus
from annotator.core.model import AnnotatedDocument, Document, DocumentSummary, Span, Status
from annotator.store import Repository

ME = "amal"
TITLES = ("الرقة", "أنقرة", "Beirut", "beirut", "آخر", "", "الرقة", "Zagreb", "بغداد", "CNN:")
ORDERS = [DocumentOrder(key, down) for key in SortKey for down in (False, True)]


@pytest.fixture
def listed(repo: Repository) -> Repository:
    """30 documents with repeated titles, statuses and span counts (ties everywhere)."""
    rnd = random.Random(8)
    for n in range(30):
        text = f"نص رقم {n} عن الرقة"
        spans = tuple(Span(None, 0, 0, 2, "LOC", ME) for _ in range(1)) if n % 3 else ()
        if n % 5 == 0:
            spans += (Span(None, 0, 3, 6, "PER", ME),)
        added = repo.add_document(
            AnnotatedDocument(Document(None, TITLES[n % len(TITLES)], text), spans), annotator=ME
        )
        assert added is not None and added.id is not None
        status = rnd.choice(list(Status))
        if status is not Status.NEW:
            repo.apply(SetStatus(added.id, ME, status))
        if n % 4:
            repo.save_certainties("a model", [(added.id, (0.2, 0.5, 0.5)[n % 3])])
    return repo


def python_order(rows: list[DocumentSummary], order: DocumentOrder) -> list[int]:
    rank = {Status.NEW: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}
    key = {
        SortKey.IMPORT: lambda s: (s.id,),
        SortKey.TITLE: lambda s: (s.title.lower() if s.title.isascii() else s.title, s.id),
        SortKey.STATUS: lambda s: (rank[s.status], s.id),
        SortKey.SPANS: lambda s: (s.span_count, s.id),
        SortKey.CERTAINTY: lambda s: (s.certainty is None, s.certainty or 0.0, s.id),
    }[order.key]
    return [s.id for s in sorted(rows, key=key, reverse=order.descending)]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o.text())
@pytest.mark.parametrize("status", [None, Status.DONE, Status.NEW])
@pytest.mark.parametrize("search", ["", "الرقة", "eir"])
def test_every_order_is_the_python_order(
    listed: Repository, order: DocumentOrder, status: Status | None, search: str
) -> None:
    everything = listed.summaries(annotator=ME, status=status, search=search)
    expected = python_order(everything, order)
    shown = listed.summaries(annotator=ME, status=status, search=search, order=order)
    assert [s.id for s in shown] == expected
    assert shown and sorted(shown, key=lambda s: s.id) == everything  # same rows, same values
    paged = [
        s.id
        for offset in range(0, len(expected), 4)
        for s in listed.summaries(
            annotator=ME, status=status, search=search, order=order, offset=offset, limit=4
        )
    ]
    assert paged == expected
    for row, document_id in enumerate(expected):
        found = listed.position(
            document_id, annotator=ME, status=status, search=search, order=order
        )
        assert found == row


def test_a_document_the_filter_hides_has_no_row(listed: Repository) -> None:
    hidden = next(s.id for s in listed.summaries(annotator=ME) if s.title != "الرقة")
    for order in ORDERS:
        assert listed.position(hidden, annotator=ME, search="الرقة", order=order) == -1


def test_latin_titles_sort_without_case_and_ties_keep_import_order(listed: Repository) -> None:
    up = listed.summaries(order=DocumentOrder(SortKey.TITLE))
    titles = [s.title for s in up]
    latin = [t for t in titles if t.isascii() and t]
    assert latin[:4] == ["Beirut", "beirut", "Beirut", "beirut"]  # one word, import order
    assert titles[0] == ""  # untitled first
    down = listed.summaries(order=DocumentOrder(SortKey.TITLE, descending=True))
    assert [s.id for s in down] == [s.id for s in up][::-1]  # the whole list reversed


def test_settings_text_round_trips() -> None:
    for order in ORDERS:
        assert DocumentOrder.parse(order.text()) == order
    for junk in (None, "", "colour asc", "desc", 7):
        assert DocumentOrder.parse(junk) == IMPORT_ORDER
    assert DocumentOrder.parse("title") == DocumentOrder(SortKey.TITLE)
