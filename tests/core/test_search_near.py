"""``core.search_near.find_words`` (docs/adr/0060) is ``core.search.find_words``: on articles
made of ANERcorp's sentences, on texts with tashkeel, tatweel, joined names, final ئ and
presentation forms, and on generated Arabic text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import search, search_near
from tests.ops.anercorp_articles import articles, names

TEXTS = articles(20, 300)
QUERIES = [*names(20 * 300)[:60], "في", "من", "ال", "x", "ISIS", "الرئيس", "مصر"]
TRICKY = (
    "قال عبد الله إنّ شيئاً ما حدث لعبدالله، وبمصر.  لبنـــان لُبْنَان مصرف شاطئ شيء شئ "
    "أبو ظبي وأبوظبي ﻻ بد عليّ على الرقّة والرقة"
)


def test_the_same_matches_as_find_words_on_anercorp_articles() -> None:
    for query in QUERIES:
        for text in TEXTS:
            assert search_near.find_words(text, query) == search.find_words(text, query), query


def test_the_same_matches_on_tricky_text() -> None:
    words = [*TRICKY.split(), "عبد الله", "أبو ظبي", "شيء", "لا بد", "علي"]
    for query in words:
        for text in (TRICKY, TRICKY.replace("ﻻ", "لا")):
            assert search_near.find_words(text, query) == search.find_words(text, query), query


ARABIC = st.text(alphabet="ابتلمنيىةهأإآءئؤوفكعدـ َُِّ  ،.", min_size=0, max_size=120)


@settings(max_examples=300, deadline=None)
@given(ARABIC, st.text(alphabet="ابتلمنيىةهأءئوفكعد ً", min_size=1, max_size=6))
def test_the_same_matches_on_generated_text(text: str, query: str) -> None:
    assert search_near.find_words(text, query) == search.find_words(text, query)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(ARABIC, max_size=5), st.text(alphabet="ابتلمنيىةهأءئوفكعدقر ً", min_size=1, max_size=6)
)
def test_many_texts_at_once_are_each_text_alone(texts: list[str], query: str) -> None:
    found = search_near.find_words_in(texts, query)
    assert found == [search.find_words(t, query) for t in texts]


def test_many_articles_at_once_with_presentation_forms() -> None:
    texts = [*TEXTS[:6], TRICKY, TEXTS[6].replace("ب", "ﺑ"), TRICKY.replace("ﻻ", "لا")]
    for query in [*QUERIES[:30], "الرقة", "لبنان", "عبد الله", "بد"]:
        assert search_near.find_words_in(texts, query) == [
            search.find_words(t, query) for t in texts
        ], query
