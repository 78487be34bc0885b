"""Quote marks paired: nesting, unclosed marks, side-less double quotes, and any text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.quote_marks import MarkPair, guillemet_pairs, quote_pairs
from annotator.core.recommend_quotes import find_quotes
from tests.strategies import ALPHABET


def contents(text: str) -> list[str]:
    return [text[slice(*pair.content(text))] for pair in quote_pairs(text)]


def test_nesting_and_unclosed_guillemets() -> None:
    assert contents("«أ «ب» ج»") == ["أ «ب» ج"]
    assert contents("«مفتوح «ب» ثم «ج»") == ["ب", "ج"]
    assert contents("» «أ» »") == ["أ"]
    assert contents("«أ «ب «ج»") == ["ج"]


def test_a_mark_too_far_away_is_no_pair() -> None:
    text = "«" + "ن" * 50 + "»"
    assert guillemet_pairs(text, limit=10) == []
    assert guillemet_pairs(text, limit=60) == [MarkPair(0, 51)]
    assert guillemet_pairs("«" + "ن" * 50 + "«ب»", limit=10) == [MarkPair(51, 53)]
    # what a mark too old to close held counts on its own
    assert guillemet_pairs("««ب»" + "ن" * 50 + "»", limit=10) == [MarkPair(1, 3)]


def test_double_quotes_either_way_round() -> None:
    assert contents('قال: "نعم" و"لا"') == ["نعم", "لا"]
    assert contents("“أ” و”ب“") == ["أ", "ب"]
    assert contents('" أ "') == []  # no side: white space on both


def test_kinds_mixed() -> None:
    assert contents("«قال “نعم” له»") == ["قال “نعم” له"]
    assert contents('"أ «ب" ج»') == ["أ «ب"]  # crossing: the first one wins


SOUP = st.text(alphabet=ALPHABET + '«»“”":،. \n', max_size=200)


@given(SOUP)
def test_pairs_never_cross_and_content_is_clean(text: str) -> None:
    pairs = quote_pairs(text)
    for a, b in pairwise(pairs):
        assert a.closer < b.opener
    for pair in pairs:
        assert text[pair.opener] in '«“”"' and text[pair.closer] in '»“”"'
        start, end = pair.content(text)
        assert pair.opener < start <= end <= pair.closer
        if start < end:
            assert not text[start].isspace() and not text[end - 1].isspace()


@given(SOUP)
def test_the_recommender_takes_any_text(text: str) -> None:
    for quote in find_quotes(text):
        assert 0 <= quote.start < quote.end <= len(text)
        assert 0.0 < quote.cue.value <= 1.0


PIECES = [
    *[
        "قال",
        "وقالت",
        "وأضاف",
        "قائلاً",
        ":",
        "إن",
        "أن",
        "في",
        "بيان",
        "البيان",
        "لـ",
        "ب",
        "كارتر",
        "الرقة",
        "،",
        ".",
        "نص",
        "طويل",
        "جدا",
    ],
    *["««", "»", "»", "«", "»", '"', "“", "”"],
    "\n",
]
CUED = st.lists(st.sampled_from([*PIECES, "\n", " "]), max_size=60).map("".join)


@given(CUED)
def test_the_recommender_on_cue_soup(text: str) -> None:
    for quote in find_quotes(text):
        assert 0 <= quote.start < quote.end <= len(text)
        inner = text[quote.start : quote.end]
        assert inner == inner.strip()
