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
    find_words,
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
        ("مسؤول مسائل", "مسءول مساءل"),
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


def _check_map(text: str, join_names: bool = False) -> None:
    key, offsets = search_key(text, join_names=join_names)
    assert (key, offsets) == _search_key_by_char(text, join_names=join_names)
    assert len(offsets) == len(key) + 1
    assert offsets[-1] == len(text)
    assert all(a <= b for a, b in itertools.pairwise(offsets))
    for i, ch in enumerate(key):
        assert ch in fold_char(text[offsets[i]]) or (text[offsets[i]] == "ئ" and ch == "ي")
    # grouped by original character, the key is exactly each character's fold (or nothing for
    # whitespace after whitespace)
    by_char: dict[int, str] = {}
    for i, ch in enumerate(key):
        by_char[offsets[i]] = by_char.get(offsets[i], "") + ch
    for j, part in by_char.items():
        # a word-final ئ is ي + ء (docs/adr/0044); every other character is its own fold
        assert part == fold_char(text[j]) or (text[j] == "ئ" and part == "يء")


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_offset_map_round_trips(text: str) -> None:
    _check_map(text)
    _check_map(text, join_names=True)


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


# --- issue 9 part 4: hamza seats, Persian letters, percent, names, whole words (ADR 0044) ---


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("مسؤول", "مسئول"),  # hamza on waw or on yeh: a spelling choice
        ("المسؤولين", "المسئولين"),
        ("رؤوس", "رءوس"),  # on waw or on the line
        ("شؤون", "شئون"),
        ("شيء", "شئ"),  # a word-final ئ is ي + ء
        ("شاطئ", "شاطيء"),
        ("بريء", "برئ"),
        ("ڤيينا", "فيينا"),  # veh
        ("پاكستان", "باكستان"),  # peh
        ("چاد", "جاد"),  # tcheh
        ("گاندي", "كاندي"),  # gaf
        ("کابل", "كابل"),  # keheh
        ("ھولندا", "هولندا"),  # heh doachashmee
        ("کوردستانە", "كوردستانه"),  # Kurdish ae
        ("ہندوستان", "هندوستان"),  # heh goal
        ("ایران", "ايران"),  # Persian yeh
        ("30٪", "30%"),
    ],
)
def test_spelling_variants_fold_alike(one: str, other: str) -> None:
    assert fold(one) == fold(other)
    assert find_all(f"قال {one} أمس", other) == [(4, 4 + len(one))]


def test_hamza_on_the_line_still_differs_from_no_hamza() -> None:
    assert fold("ماء") != fold("ما")  # ء is a letter: final ء is not dropped (ADR 0044)
    assert find_all("كما قال عندما", "ماء") == []


def test_a_word_final_hamza_on_yeh_finds_and_is_found_whole() -> None:
    text = "لا شئ ولا شيء"
    assert find_all(text, "شيء") == [(3, 5), (10, 13)]
    assert find_all(text, "شي") == [(10, 12)]  # never half of the one letter ئ


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("زار عبدالله الرياض", "عبد الله"),
        ("زار عبد الله الرياض", "عبدالله"),
        ("وصل إلى أبوظبي أمس", "أبو ظبي"),
        ("وصل إلى أبو ظبي أمس", "أبوظبي"),
        ("في أبي ظبي أمس", "ابيظبي"),
        ("ولعبد الرحمن", "عبدالرحمن"),
    ],
)
def test_find_ignores_the_space_in_abd_and_abu_names(text: str, query: str) -> None:
    (match,) = find_all(text, query)
    assert fold(text[match[0] : match[1]]).replace(" ", "") == fold(query).replace(" ", "")


def test_fold_keeps_the_space_of_names_for_word_evidence() -> None:
    assert fold("عبد الله") == "عبد الله"
    assert find_all("عبد الله", "عبد") == [(0, 3)]


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        ("في مصر ومصرف بمصر المصري ولمصر.", "مصر", ["مصر", "مصر", "مصر"]),
        ("على علي وعلي عليه", "علي", ["علي", "علي"]),
        ("على علي وعلى", "على", ["على", "على"]),
        ("في الرقة والرقة بالرقة للرقة الرقتين", "الرقة", ["الرقة", "الرقة", "الرقة"]),
        ("من تركيا ولتركيا وتركيات", "تركيا", ["تركيا", "تركيا"]),
        ("قال «رويترز» ولـ«رويترز»", "رويترز", ["رويترز", "رويترز"]),
        ("زار الولايات المتحدة والولايات المتحدةالآن", "الولايات المتحدة", ["الولايات المتحدة"]),
        ("زار مُحَمَّدٌ ومحمدا", "محمد", ["مُحَمَّدٌ"]),
        ("زار عبدالله وعبد الله", "عبد الله", ["عبدالله", "عبد الله"]),
    ],
)
def test_find_words_matches_whole_words_and_words_after_proclitics(
    text: str, query: str, found: list[str]
) -> None:
    assert [text[a:b] for a, b in find_words(text, query)] == found


def test_find_words_never_inside_a_longer_word() -> None:
    text = "مصرف المصارف مصري مصرية عليه"
    assert find_words(text, "مصر") == [] and find_words(text, "علي") == []


@settings(max_examples=200, deadline=None)
@given(mixed_text, st.data())
def test_find_words_are_whole_tokens_or_after_a_proclitic(text: str, data: st.DataObject) -> None:
    from annotator.core.search import PROCLITICS
    from annotator.core.tokens import token_offsets

    pairs = token_offsets(text)
    word = data.draw(st.sampled_from([text[a:b] for a, b in pairs] or ["ا"]))
    query = data.draw(st.sampled_from([word, word[1:] or word, "ا", "مصر"]))
    for s, e in find_words(text, query):
        a = next(p[0] for p in pairs if p[0] <= s < p[1])
        assert any(p[1] == e for p in pairs)
        assert s == a or fold(text[a:s]) in PROCLITICS
        assert text[s:e] and fold(text[s:e]).replace(" ", "") == fold(query).replace(" ", "")


def test_a_query_ending_in_hamza_on_yeh_finds_it_inside_a_word() -> None:
    """The query's last ئ is word-final only in the query: مسائ is the start of مسائل."""
    assert find_all("مسائل", "مسائ") == [(0, 4)]
    assert find_all("000000000XئX", "Xئ") == [(9, 11)]  # found by hypothesis
    assert find_all("شاطئ البحر", "شاطئ") == [(0, 4)]  # word-final in both: as before
