"""The Arabic search key: what it folds, and that every match maps back to the original text."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.search import (
    DROPPED,
    SearchIndex,
    _search_key_by_char,
    find_all,
    fold,
    fold_char,
    search_key,
)
from tests.strategies import mixed_text

ARTICLE = Path(__file__).parent.parent / "fixtures" / "washington-turkey-isis.txt"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("مُحَمَّدٌ", "محمد"),  # harakat, shadda, tanween
        ("الْقُرْآنِ", "القران"),  # sukun, madda alef
        ("رَحْمٰن", "رحمن"),  # superscript alef
        ("مـــحمد", "محمد"),  # tatweel
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),
        ("مسؤول مسائل", "مسوول مسايل"),
        ("مصطفى الرقة", "مصطفي الرقه"),
        ("ا\u0654 ي\u0654", "ا ي"),  # combining hamza above: same as أ and ئ
        ("ماء سماء", "ماء سماء"),  # hamza on the line is a letter and stays
        ("CNN Straße İ", "cnn strasse i\u0307"),
        ("٢٠١٦ ۲۰۱۶ ٣٫٥", "2016 2016 3.5"),
        ("ﻻ", "لا"),  # presentation form
        ("فارسی کتاب", "فارسي كتاب"),
        ("كل\u200cمة \u200fداعش\u200e", "كلمه داعش"),  # ZWNJ, RLM, LRM
        ("أ  \n\n ب\u00a0ج", "ا ب ج"),  # whitespace runs become one space
    ],
)
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key


def test_map_points_at_the_original_characters() -> None:
    key, offsets = search_key("مُحَمَّد  ß")
    assert key == "محمد ss"
    assert offsets == [0, 2, 4, 7, 8, 10, 10, 11]


def test_find_covers_the_marks_of_the_last_letter() -> None:
    text = "قال مُحَمَّدٌ، ثم"
    assert find_all(text, "محمد") == [(4, 13)]
    assert text[4:13] == "مُحَمَّدٌ"


def test_vocalised_query_finds_bare_text_and_back() -> None:
    assert find_all("وزير الدفاع", "الدِّفَاع") == [(5, 11)]
    assert find_all("وَزِيرُ الدِّفَاعِ", "الدفاع") == [(8, 18)]


def test_a_match_starts_at_its_first_letter() -> None:
    # the fatha before "الرقة" belongs to و, not to the match
    assert find_all("وَالرقة", "الرقة") == [(2, 7)]


def test_variants_match_each_other() -> None:
    text = "إسرائيل اسرائيل أسرائيل الرقه الرقة مستشفى مستشفي"
    assert len(find_all(text, "اسرائيل")) == 3
    assert len(find_all(text, "الرقة")) == 2
    assert len(find_all(text, "مستشفى")) == 2


def test_hamza_on_the_line_is_not_ignored() -> None:
    assert find_all("كما قال عندما", "ماء") == []
    assert find_all("شرب الماء", "ماء") == [(6, 9)]


def test_case_insensitive_latin() -> None:
    assert find_all("CNN و cnn و Cnn", "cNn") == [(0, 3), (6, 9), (12, 15)]


def test_no_match_inside_a_character_that_folds_to_several() -> None:
    assert find_all("Straße", "s") == [(0, 1)]
    assert find_all("Straße", "ss") == [(4, 5)]
    assert find_all("ﻻ", "ل") == []


def test_matches_do_not_overlap() -> None:
    assert find_all("ااااا", "اا") == [(0, 2), (2, 4)]


def test_empty_query_or_only_marks_finds_nothing() -> None:
    assert find_all("داعش", "") == []
    assert find_all("داعش", "\u064e\u0651") == []
    assert find_all("", "داعش") == []


def test_sample_article() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    index = SearchIndex(text)
    assert all(text[s:e] == "الرقة" for s, e in index.find_all("الرقة"))
    assert len(index.find_all("الرقة")) == 7
    assert len(index.find_all("داعش")) == text.count("داعش")
    # إيشق written with a bare alef still finds the name
    assert [text[s:e] for s, e in index.find_all("ايشق")] == ["إيشق", "إيشق"]
    assert len(index.find_all("الولايات المتحدة")) == 2


def test_only_dropped_characters_fold_to_nothing() -> None:
    for o in range(0x10000):
        ch = chr(o)
        assert (fold_char(ch) == "") == (ch in DROPPED), hex(o)


def _check_map(text: str) -> None:
    key, offsets = search_key(text)
    assert (key, offsets) == _search_key_by_char(text)
    assert len(offsets) == len(key) + 1
    assert offsets[-1] == len(text)
    assert all(a <= b for a, b in itertools.pairwise(offsets))
    for i, ch in enumerate(key):
        assert ch in fold_char(text[offsets[i]])
    # grouped by original character, the key is exactly each character's fold (or nothing for
    # whitespace after whitespace)
    by_char: dict[int, str] = {}
    for i, ch in enumerate(key):
        by_char[offsets[i]] = by_char.get(offsets[i], "") + ch
    for j, part in by_char.items():
        assert part == fold_char(text[j])


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_offset_map_round_trips(text: str) -> None:
    _check_map(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="aßﻻİ ا\u064e\u0640ﷺ\n", max_size=60))
def test_offset_map_with_wide_characters(text: str) -> None:
    _check_map(text)


@settings(max_examples=200, deadline=None)
@given(mixed_text, st.data())
def test_every_match_maps_back_to_the_query(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, min(len(text), a + 12)))
    query = data.draw(st.sampled_from([text[a:b], "ا", "ال", "a b", "ß"]))
    q = fold(query)
    found = find_all(text, query)
    prev_end = 0
    for s, e in found:
        assert prev_end <= s < e <= len(text)
        assert fold(text[s:e]) == q
        assert text[s] not in DROPPED
        prev_end = e
    if query == text[a:b] and q and text[a] not in DROPPED and not text[a].isspace():
        assert found, "a slice of the text must be found"


def test_one_index_many_queries() -> None:
    text = ARTICLE.read_text(encoding="utf-8") * 20
    index = SearchIndex(text)
    assert len(index.find_all("الرقة")) == 7 * 20
    assert index.find_all("الرقّة") == index.find_all("الرقه")
