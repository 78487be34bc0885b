"""Keyset paging of the document list (issue 10, docs/adr/0049): on a project of a few thousand
documents with ties everywhere, every order, filtered or not, read by keyset forwards and
backwards, from a far row with a skip, counted and located, is exactly the list schema 4 read
with LIMIT/OFFSET (its query is kept here as the reference)."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.document_order import DocumentOrder, SortKey
from annotator.core.model import AnnotatedDocument, Document, Span, Status
from annotator.store import Repository, open_project
from annotator.store.document_list import ListView, row_key

ME = "amal"
TITLES = ("الرقة", "أنقرة", "Beirut", "beirut", "BEIRUT 2", "", "بغداد", "Zagreb", "CNN:", "الرقة")
ORDERS = [DocumentOrder(key, down) for key in SortKey for down in (False, True)]
COUNT = 2_500

# The list as schema 4's code read it (annotator/store/queries.py before issue 10)
OLD_KEYS = {
    SortKey.IMPORT: None,
    SortKey.TITLE: "d.title COLLATE NOCASE",
    SortKey.STATUS: "CASE s.status WHEN 'in_progress' THEN 1 WHEN 'done' THEN 2 ELSE 0 END",
    SortKey.SPANS: "(SELECT count(*) FROM spans WHERE spans.document_id = d.id)",
    SortKey.CERTAINTY: "c.certainty",  # after (c.certainty IS NULL): the unscored last
}
CERTAINTIES = (0.1, 0.25, 0.25, 0.5, 0.9)  # ties: the id breaks them


def old_list(path: Path, view: ListView, *, offset: int = 0, limit: int = -1) -> list[int]:
    where, params = [], [view.annotator]
    if view.search:
        where.append("d.title LIKE ? ESCAPE '\\'")
        params.append(f"%{view.search}%")
    if view.status is Status.NEW:
        where.append("s.status IS NULL")
    elif view.status is not None:
        where.append("s.status = ?")
        params.append(view.status.value)
    direction = " DESC" if view.order.descending else ""
    key = OLD_KEYS[view.order.key]
    order = f"{key}{direction}, d.id{direction}" if key else f"d.id{direction}"
    if view.order.key is SortKey.CERTAINTY:
        order = f"(c.certainty IS NULL){direction}, {order}"
    sql = (
        "SELECT d.id FROM documents d INDEXED BY documents_list LEFT JOIN document_status s"
        " ON s.document_id = d.id AND s.annotator = ?"
        " LEFT JOIN document_certainty c ON c.document_id = d.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order} LIMIT ? OFFSET ?"
    )
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute(sql, [*params, limit, offset])]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Repository]:
    """2,500 documents: ten titles (case variants, empty ones), 0-3 spans, three statuses,
    two in three with a certainty (five values)."""
    path = tmp_path_factory.mktemp("list") / "list.annot.db"
    rnd = random.Random(10)
    docs = []
    for n in range(COUNT):
        text = f"نص رقم {n} عن الرقة"
        spans = tuple(Span(None, 0, i, i + 2, "LOC", ME) for i in range(rnd.choice((0, 0, 1, 3))))
        status = rnd.choice((Status.NEW, Status.NEW, Status.IN_PROGRESS, Status.DONE))
        docs.append(AnnotatedDocument(Document(None, rnd.choice(TITLES), text), spans, (), status))
    with open_project(path) as repo:
        repo.add_documents(docs, annotator=ME)
        scored = [(i, rnd.choice(CERTAINTIES)) for i in repo.document_ids() if i % 3]
        repo.save_certainties("model of a day", scored)
        yield repo


def views() -> list[ListView]:
    return [
        ListView(ME, status, search, order)
        for order in ORDERS
        for status in (None, Status.NEW, Status.DONE)
        for search in ("", "eir")
    ]


def label(view: ListView) -> str:
    return f"{view.order.text()}-{view.status}-{view.search or 'all'}"


@pytest.mark.parametrize("view", views(), ids=label)
def test_keyset_pages_are_the_old_offset_pages(listed: Repository, view: ListView) -> None:
    expected = old_list(listed.path, view)
    assert listed.count_rows(view) == len(expected)
    forward: list[int] = []
    key: Any = None
    while page := listed.rows(view, after=key, limit=333):
        forward += [s.id for s in page]
        key = row_key(page[-1], view.order)
    assert forward == expected
    backward: list[int] = []
    key = None
    while page := listed.rows(view, after=key, limit=333, backwards=True):
        backward += [s.id for s in page]
        key = row_key(page[-1], view.order)
    assert backward == expected[::-1]
    for offset in (0, 1, 199, len(expected) // 2, len(expected) - 7, len(expected) + 3):
        shown = listed.summaries(
            annotator=ME,
            status=view.status,
            search=view.search,
            order=view.order,
            offset=offset,
            limit=50,
        )
        assert [s.id for s in shown] == old_list(listed.path, view, offset=offset, limit=50)


@pytest.mark.parametrize("view", views(), ids=label)
def test_a_far_row_is_read_from_a_known_one_and_located(listed: Repository, view: ListView) -> None:
    expected = old_list(listed.path, view)
    rnd = random.Random(label(view))
    for row in rnd.sample(range(len(expected)), min(12, len(expected))):
        found = listed.locate(view, expected[row])
        assert found is not None and found[0] == row
        # from that row's key: inclusive forwards, a skip on, and backwards
        after = listed.rows(view, after=found[1], inclusive=True, skip=5, limit=10)
        assert [s.id for s in after] == expected[row + 5 : row + 15]
        before = listed.rows(view, after=found[1], skip=3, limit=10, backwards=True)
        assert [s.id for s in before] == expected[max(0, row - 13) : max(0, row - 3)][::-1]
    hidden = set(listed.document_ids()) - set(expected)
    for document_id in sorted(hidden)[:5]:
        assert listed.locate(view, document_id) is None


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o.text())
def test_a_read_up_to_a_row_stops_there(listed: Repository, order: DocumentOrder) -> None:
    view = ListView(ME, order=order)
    expected = old_list(listed.path, view)
    start, stop = len(expected) // 3, len(expected) // 3 + 400
    keys = listed.rows(view, skip=start, limit=1) + listed.rows(view, skip=stop, limit=1)
    first, last = (row_key(s, order) for s in keys)
    shown = listed.rows(view, after=first, until=last)
    assert [s.id for s in shown] == expected[start + 1 : stop + 1]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o.text())
def test_a_scan_in_steps_finds_the_whole_filtered_list(
    listed: Repository, order: DocumentOrder
) -> None:
    """A title filter of one or two letters is scanned a bounded number of rows at a time."""
    view = ListView(ME, Status.IN_PROGRESS, "B", order)
    assert listed.scans(view)
    expected = [s.id for s in listed.rows(view)]
    assert expected == old_list(listed.path, ListView(ME, Status.IN_PROGRESS, "b", order))
    found: list[int] = []
    cursor, ended, steps = None, False, 0
    while not ended:
        rows, cursor, ended = listed.scan(view, cursor, rows=97, limit=40)
        assert len(rows) <= 40
        found += [s.id for s in rows]
        steps += 1
    assert found == expected
    # never more than 97 rows of the order per step (sorted by status: of the status's rows)
    passed = listed.count_rows(ListView(ME, view.status if order.key is SortKey.STATUS else None))
    assert steps > passed // 97


def test_span_counts_follow_every_edit(tmp_path: Path) -> None:
    """The list sorted by spans reads stored counts: an edit and its undo move them."""
    from annotator.core.edits import AddSpan

    path = tmp_path / "p.annot.db"
    with open_project(path) as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, f"t{n}", f"نص {n}"), ()) for n in range(5)
        )
        view = ListView(ME, order=DocumentOrder(SortKey.SPANS, descending=True))
        inverse = repo.apply(AddSpan(Span(None, 3, 0, 2, "LOC", ME)))
        assert [s.id for s in repo.rows(view)][:1] == [3]
        assert repo.rows(view)[0].span_count == 1
        repo.apply(inverse)
        assert [s.id for s in repo.rows(view)] == [5, 4, 3, 2, 1]
        assert repo.check() == []
