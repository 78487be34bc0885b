"""The project-memory recommender on real Arabic: the sample article and ANERcorp (labelled
texts of one half suggest on the other). Matching is find_words': by the search key, across
proclitics (kept out of the span), whole words only."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Kind
from annotator.core.recommend_memory import learn, suggest
from annotator.core.search import SearchIndex, find_words
from annotator.core.text import canonical_text
from annotator.core.tokens import token_offsets
from annotator.formats import conll

FIXTURES = Path(__file__).parents[1] / "fixtures"
KINDS = {"PER": Kind.ENTITY, "ORG": Kind.ENTITY, "LOC": Kind.ENTITY, "EVENT": Kind.EVENT}


@pytest.fixture(scope="module")
def article() -> str:
    return canonical_text((FIXTURES / "washington-turkey-isis.txt").read_text(encoding="utf-8"))


def places(found: list[object]) -> list[tuple[str, str, float]]:
    return [(s.label, s.start, s.end, s.score) for s in found]  # type: ignore[attr-defined]


def test_the_score_is_how_often_the_text_carries_the_label(article: str) -> None:
    memory = learn([("كارتر", "PER", 2), ("كارتر", "ORG", 1)])
    found = suggest(memory, 7, article, [], KINDS)
    first = article.index("كارتر")
    assert [(s.label, s.score) for s in found if s.start == first] == [
        ("PER", 0.6667),
        ("ORG", 0.3333),
    ]
    assert {s.recommender for s in found} == {"memory"} and {s.document_id for s in found} == {7}
    assert len(found) == 2 * article.count("كارتر")


def test_a_proclitic_stays_out_and_no_word_is_cut(article: str) -> None:
    memory = learn([("الرقة", "LOC", 1), ("تركيا", "LOC", 1), ("مصر", "LOC", 1)])
    found = suggest(memory, 1, article, [], KINDS)
    texts = [article[s.start - 1 : s.end] for s in found]
    assert " والرقة" not in texts and "والرقة" in texts  # الرقة, its و before it
    assert "لتركيا" in texts  # تركيا out of لتركيا
    for s in found:
        assert article[s.start : s.end] in ("الرقة", "تركيا", "مصر")
        assert s.end == len(article) or not article[s.end].isalpha()  # never مصر of مصرف
    text = "قال علي إن الرقة على بعد. وزار مصرف مصر."
    found = suggest(
        learn([("على", "MISC", 1), ("مصر", "LOC", 1)]),
        1,
        text,
        [],
        {"MISC": Kind.ENTITY, "LOC": Kind.ENTITY},
    )
    assert [text[s.start : s.end] for s in found] == ["على", "مصر"]
    assert found[1].start == text.rindex("مصر")


def test_longest_match_first_and_spans_of_the_same_kind_are_left_alone(article: str) -> None:
    memory = learn([("وزير الدفاع", "PER", 1), ("الدفاع", "ORG", 1), ("الرقة", "EVENT", 1)])
    start = article.index("وزير الدفاع")
    found = suggest(memory, 1, article, [], KINDS)
    assert ("PER", start, start + len("وزير الدفاع"), 1.0) in places(found)
    assert not any(s.start == start + len("وزير ") for s in found)
    raqqa = article.index("الرقة")
    spans = [(raqqa, raqqa + 5, "LOC"), (start, start + 4, "ORG")]
    found = suggest(memory, 1, article, spans, KINDS)
    assert ("EVENT", raqqa, raqqa + 5, 1.0) in places(found)  # another kind overlaps freely
    assert not any(s.start <= start < s.end for s in found)  # وزير is an entity span there


def test_the_one_pass_finds_what_find_words_finds(article: str) -> None:
    queries = ["الرقة", "واشنطن", "تركيا", "داعش", "كارتر", "وزير الدفاع", "الموصل", "سوريا"]
    queries += ["وحدات حماية الشعب", "أنقرة", "علي", "البنتاغون", "الولايات المتحدة"]
    found = suggest(learn([(q, "LOC", 1) for q in queries]), 1, article, [], KINDS)
    index = SearchIndex(article)
    expected = {(a, b) for q in queries for a, b in find_words(article, q, index)}
    assert len(expected) > 40
    assert {(s.start, s.end) for s in found} == expected


@pytest.fixture(scope="module")
def anercorp() -> list[AnnotatedDocument]:
    docs, _ = conll.read_with_notes(FIXTURES / "ANERCorp.txt", DEFAULT_LABELS)
    return docs


def test_anercorp_one_half_suggests_on_the_other(anercorp: list[AnnotatedDocument]) -> None:
    half = len(anercorp) // 2
    texts = Counter(
        (d.document.text[s.start : s.end], s.label) for d in anercorp[:half] for s in d.spans
    )
    memory = learn((text, label, n) for (text, label), n in texts.items())
    kinds = {name: Kind.ENTITY for name in ("PERS", "LOC", "ORG", "MISC")}
    right = suggested = 0
    stripped: list[str] = []
    for doc in anercorp[half:]:
        text = doc.document.text
        found = suggest(memory, 1, text, [], kinds)
        gold = {(s.start, s.end, s.label) for s in doc.spans}
        suggested += len(found)
        right += len({(s.start, s.end, s.label) for s in found} & gold)
        starts = {a for a, _ in token_offsets(text)}
        stripped += [text[s.start - 1 : s.end] for s in found if s.start not in starts]
    assert suggested > 4000 and right / suggested > 0.5  # ANERcorp keeps proclitics in spans
    assert "بمقديشو" in stripped and "والإسكندرية" in stripped  # مقديشو, الإسكندرية suggested
