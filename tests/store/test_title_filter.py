"""The document list's title filter (issue 10, docs/adr/0049): the trigram index, or a scan
for a query of one or two key characters, finds exactly the documents schema 4's LIKE finds
over the titles folded as find folds them (tashkeel, tatweel, hamza seats, ى/ي, ة/ه, case);
on titles that folding leaves alone that is schema 4's LIKE over the titles themselves. The
index is made for an old project by migration 5, kept in step, and checked."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.document_order import DocumentOrder, SortKey
from annotator.core.model import AnnotatedDocument, Document
from annotator.core.search import fold, query_keys
from annotator.store import Repository, list_index, open_project
from annotator.store.document_list import ListView
from annotator.store.list_index import title_key

FIXTURES = Path(__file__).parents[1] / "fixtures" / "projects"
WORDS = (
    "العراق", "العِراق", "الـعـراق", "أنقرة", "انقرة", "إسطنبول", "آمال", "مستشفى", "مستشفي",
    "مدينة", "مدينه", "مسؤول", "مسئول", "شاطئ", "شيء", "عبد الله", "عبدالله", "أبو ظبي",
    "Reuters", "REUTERS", "cnn", "Beirut", "beirut", "٢٠١٦", "2016", "«قال»", "واشنطن",
)  # fmt: skip
PLAIN = ("بغداد", "دمشق", "Zagreb", "zagreb", "الرقة", "CNN", "تمضي", "news")


def headline(rnd: random.Random, words: tuple[str, ...]) -> str:
    return " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 6)))


@pytest.fixture(scope="module")
def titled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Repository]:
    """3,000 documents: 2,000 headlines of folded forms, 1,000 of plain words."""
    path = tmp_path_factory.mktemp("titles") / "titles.annot.db"
    rnd = random.Random(11)
    titles = [headline(rnd, WORDS) for _ in range(2_000)] + [
        headline(rnd, PLAIN) for _ in range(1_000)
    ]
    with open_project(path) as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, t, f"نص {n}")) for n, t in enumerate(titles)
        )
        yield repo


def old_like(repo: Repository, pattern: str, *, folded: bool) -> list[int]:
    """Schema 4's filter: ``title LIKE '%…%'``, over the titles or over their folded keys."""
    conn = sqlite3.connect(":memory:")
    rows = [(s.id, title_key(s.title) if folded else s.title) for s in repo.summaries()]
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT)")
    conn.executemany("INSERT INTO documents VALUES (?, ?)", rows)
    like = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    found = conn.execute(
        "SELECT id FROM documents WHERE title LIKE ? ESCAPE '\\' ORDER BY id", [f"%{like}%"]
    )
    return [r[0] for r in found]


IMPORT = DocumentOrder()


def filtered(repo: Repository, query: str, order: DocumentOrder = IMPORT) -> list[int]:
    return [s.id for s in repo.summaries(search=query, order=order)]


queries = st.one_of(
    st.sampled_from(WORDS + PLAIN).flatmap(
        lambda w: st.tuples(st.integers(0, len(w)), st.integers(0, len(w))).map(
            lambda ab: w[min(ab) : max(ab)]
        )
    ),
    st.text(alphabet="العرقأإآةهىيئءؤـَِ abcRUTN2٠", min_size=1, max_size=6),
).filter(lambda q: q.strip() == q and q)


@settings(max_examples=100, deadline=None)
@given(query=queries)
def test_the_filter_is_the_old_like_over_the_folded_titles(titled: Repository, query: str) -> None:
    # each key the query has (two for a last ئ, as find: query_keys), over the folded titles
    expected = sorted({i for key in query_keys(query) for i in old_like(titled, key, folded=True)})
    assert filtered(titled, query) == expected
    # and the same rows in every order, counted alike
    found = set(filtered(titled, query))
    for key in (SortKey.TITLE, SortKey.SPANS, SortKey.STATUS):
        assert set(filtered(titled, query, DocumentOrder(key, True))) == found
    assert titled.count_summaries(search=query) == len(found)


@pytest.mark.parametrize("query", ["ب", "بغ", "بغداد", "z", "Za", "zag", "CNN", "الرقة", "تمضي"])
def test_on_plain_titles_the_filter_is_the_old_like(titled: Repository, query: str) -> None:
    plain = set(old_like(titled, query, folded=False))
    found = filtered(titled, query)
    # every title the old filter found; more only where a folded form is the same word
    assert plain <= set(found)
    extra = [s.title for s in titled.summaries() if s.id in set(found) - plain]
    assert all(fold(query) in fold(title) for title in extra)
    plain_only = [s.id for s in titled.summaries() if all(w in PLAIN for w in s.title.split())]
    assert [i for i in found if i in plain_only] == [i for i in sorted(plain) if i in plain_only]


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ("العراق", "العِراق"),  # tashkeel
        ("العراق", "الـعـراق"),  # tatweel
        ("انقرة", "أنقرة"),  # hamza on alef
        ("مستشفي", "مستشفى"),  # ى/ي
        ("مدينه", "مدينة"),  # ة/ه
        ("مسئول", "مسؤول"),  # the hamza's seat
        ("عبدالله", "عبد الله"),  # joined names, as find
        ("reuters", "REUTERS"),  # case
        ("2016", "٢٠١٦"),  # Arabic-Indic digits
    ],
)
def test_a_folded_form_finds_the_others(titled: Repository, query: str, finds: str) -> None:
    found = {s.id for s in titled.summaries(search=query)}
    having = {s.id for s in titled.summaries() if finds in s.title.split(" ") or finds in s.title}
    assert having and having <= found


def test_a_short_query_scans_a_long_one_uses_the_index(titled: Repository) -> None:
    assert titled.scans(ListView(search="عر"))
    assert not titled.scans(ListView(search="عرا"))
    assert not titled.scans(ListView(search="ََ"))  # folds to nothing: no filter at all
    assert titled.count_summaries(search="ََ") == 3_000


def test_an_old_project_gets_the_index_and_check_watches_it(tmp_path: Path) -> None:
    path = tmp_path / "old.annot.db"
    shutil.copy(FIXTURES / "schema-4.annot.db", path)
    with open_project(path) as repo:  # migration 5
        conn = repo.db.conn
        for summary in repo.summaries():
            key = conn.execute(
                "SELECT key FROM title_keys WHERE document_id = ?", (summary.id,)
            ).fetchone()[0]
            assert key == title_key(summary.title)
            assert summary.span_count == len(repo.spans(summary.id))
        assert filtered(repo, "انقره") == [s.id for s in repo.summaries() if "أنقرة" in s.title]
        assert repo.check() == []
        with repo.transaction():
            conn.execute("UPDATE title_keys SET key = 'x' WHERE document_id = 1")
            conn.execute("UPDATE span_counts SET spans = 7 WHERE document_id = 2")
        problems = repo.check()
        assert any("title key" in p and "document 1" in p for p in problems)
        assert any("title index differs" in p for p in problems)
        assert any("span count" in p and "document 2" in p for p in problems)
        done = repo.repair()
        assert any("document list" in d for d in done)
        assert repo.check() == []


def test_a_retitled_or_removed_document_leaves_the_index_in_step(tmp_path: Path) -> None:
    """No edit renames or removes a document today; the index has the calls for when one does."""
    with open_project(tmp_path / "p.annot.db") as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, t, f"نص {t}")) for t in ("بغداد", "دمشق", "عمان")
        )
        conn = repo.db.conn
        with repo.transaction():
            list_index.set_title(conn, 1, "أنقرة")
            conn.execute("UPDATE documents SET title = 'أنقرة' WHERE id = 1")
            list_index.forget(conn, [2])
            conn.execute("DELETE FROM documents WHERE id = 2")
        assert filtered(repo, "انقرة") == [1]
        assert filtered(repo, "بغداد") == [] and filtered(repo, "دمشق") == []
        assert list_index.check(conn) == []  # (the word counts still count document 2)
