"""The tokenizer and sentence splitter: offsets are code points and tokens tile the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.tokens import (
    Token,
    selection_units,
    sentence_token_ranges,
    sentences,
    token_offsets,
    tokenize,
)
from tests.strategies import mixed_text

ARTICLE = Path(__file__).parent.parent / "fixtures" / "washington-turkey-isis.txt"

# What may lie between tokens: whitespace (incl. NBSP, line breaks), bidi control marks, soft
# hyphens, ZWSP and word joiners; the last six only may be inside a word (between its letters).
_GAP_RE = re.compile("[\\s\u200e\u200f\u061c\u00ad\u200b\u2060\u202a-\u202e\u2066-\u2069\ufeff]")
_NEVER_INSIDE_RE = re.compile("[\\s\u202a-\u202e\u2066-\u2069\ufeff]")


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


def test_arabic_punctuation_is_its_own_token() -> None:
    s = "قال «داعش»، إن البنتاغون (وزارة الدفاع): نعم؛ لماذا؟ انتهى."
    assert texts(s) == [
        "قال", "«", "داعش", "»", "،", "إن", "البنتاغون", "(", "وزارة", "الدفاع", ")", ":",
        "نعم", "؛", "لماذا", "؟", "انتهى", ".",
    ]  # fmt: skip


def test_latin_punctuation_and_glued_arabic_comma() -> None:
    assert texts("الليبي،قال") == ["الليبي", "،", "قال"]
    assert texts("CNN: hello, world.") == ["CNN", ":", "hello", ",", "world", "."]
    assert texts('"a" - b') == ['"', "a", '"', "-", "b"]


@pytest.mark.parametrize(
    ("number", "rest"),
    [("3.5", []), ("2016", []), ("1,000", []), ("٣٫٥", []), ("٢٠١٦", []), ("3.", ["."])],
)
def test_numbers_stay_whole(number: str, rest: list[str]) -> None:
    assert texts(f"في {number}") == ["في", number.rstrip("."), *rest]


# Sentences of ANERcorp (tests/fixtures/ANERCorp.txt, lines 180-200, 2220-2240, 36780-36795)
ANERCORP_NUMBERS = (
    "فإن هذا يقل عن مستوي إنتاج العام الماضي الذي بلغ 3.5 مليون سيارة ركاب.\n"
    "رفع سعر البنزين (90 أوكتين) بنسبة 30% وسعر الدولار بنسبة 15%.\n"
    "إن متوسط الدخل ارتفع بـ4.3% خلال ثلاثة أشهر حتى يونيو / حزيران"
)


def test_selection_units_keep_a_number_with_its_point_and_percent_sign() -> None:
    units = [u.text for u in selection_units(ANERCORP_NUMBERS)]
    assert "3.5" in units and "30%" in units and "15%" in units and "بـ4.3%" in units
    assert "%" not in units and "." in units  # a sentence's full stop stays its own
    assert units == texts(ANERCORP_NUMBERS)  # one definition: the tokens themselves
    arabic = [u.text for u in selection_units("بنسبة ٢٥٪ و٣٫٥ في المئة، عام 2016.")]
    assert arabic == ["بنسبة", "٢٥٪", "و٣٫٥", "في", "المئة", "،", "عام", "2016", "."]
    assert [u.text for u in selection_units("25 % و % 3")] == ["25", "%", "و", "%", "3"]


@given(mixed_text)
def test_selection_units_are_unions_of_whole_tokens(text: str) -> None:
    tokens = tokenize(text)
    bounds = {t.start for t in tokens} | {t.end for t in tokens}
    units = selection_units(text)
    assert [(u.start, u.end) for u in units] == sorted((u.start, u.end) for u in units)
    for unit in units:
        assert unit.text == text[unit.start : unit.end]
        assert unit.start in bounds and unit.end in bounds
    covered = [t for t in tokens if any(u.start <= t.start and t.end <= u.end for u in units)]
    assert covered == tokens  # every token is in exactly one unit


def test_no_newline_inside_a_token() -> None:
    s = "الموصل\nوالرقة\r\nسوريا\u2028تركيا"
    assert texts(s) == ["الموصل", "والرقة", "سوريا", "تركيا"]


def test_tatweel_and_tashkeel_belong_to_their_word() -> None:
    assert texts("مـــحمد مُحَمَّدٌ لـ«رويترز»") == ["مـــحمد", "مُحَمَّدٌ", "لـ", "«", "رويترز", "»"]


def test_zwnj_stays_in_its_word() -> None:
    assert texts("می\u200cخواهم") == ["می\u200cخواهم"]
    assert tokenize("\u200cكلمة")[0].is_word


@pytest.mark.parametrize(
    "emoji",
    [
        "😀",
        "👍🏽",  # skin tone
        "❤️",  # variation selector
        "🇸🇦",  # flag: two regional indicators
        "👨\u200d👩\u200d👧",  # ZWJ sequence
        "1️⃣",  # keycap
        "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # tag sequence
    ],
)
def test_an_emoji_is_one_token(emoji: str) -> None:
    toks = tokenize(f"قال {emoji} نعم")
    assert [t.text for t in toks] == ["قال", emoji, "نعم"]
    assert toks[1].start == 4


def test_two_flags_are_two_tokens() -> None:
    assert texts("🇸🇦🇹🇷") == ["🇸🇦", "🇹🇷"]


def test_nbsp_and_bidi_marks_separate_tokens() -> None:
    assert texts("أ\u00a0ب \u200fج\u200e(د)") == ["أ", "ب", "ج", "(", "د", ")"]


def test_offsets_are_code_points() -> None:
    s = "😀 داعش"
    (emoji, word) = tokenize(s)
    assert (emoji.start, emoji.end) == (0, 1)
    assert (word.start, word.end) == (2, 6)
    assert token_offsets(s) == [(0, 1), (2, 6)]


def test_is_word() -> None:
    assert [t.is_word for t in tokenize("داعش « 2016 % 😀")] == [True, False, True, False, False]


def test_sentences_end_at_marks_and_line_breaks_not_commas() -> None:
    s = "قال كارتر، إن الخطة جاهزة. وأكد ذلك؟ نعم!\nعنوان بلا نقطة\nثم 3.5 مليون."
    assert [s[a:b] for a, b in sentences(s)] == [
        "قال كارتر، إن الخطة جاهزة.",
        "وأكد ذلك؟",
        "نعم!",
        "عنوان بلا نقطة",
        "ثم 3.5 مليون.",
    ]


def test_closing_quotes_and_repeated_marks_stay_with_their_sentence() -> None:
    s = "قال: «نعم.» ثم قال: لا شك.. أننا هنا؟! «داعش». انتهى"
    assert [s[a:b] for a, b in sentences(s)] == [
        "قال: «نعم.»",
        "ثم قال: لا شك..",
        "أننا هنا؟!",
        "«داعش».",
        "انتهى",
    ]


def test_a_quote_after_a_space_opens_the_next_sentence() -> None:
    s = 'انتهى. "قال نعم." ثم'
    assert [s[a:b] for a, b in sentences(s)] == ["انتهى.", '"قال نعم."', "ثم"]


def test_empty_and_blank_texts() -> None:
    assert tokenize("") == []
    assert tokenize(" \n\u200f ") == []
    assert sentences("") == []
    assert sentences("\n\n") == []


def test_sample_article_tokens_tile() -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    toks = tokenize(article)
    _assert_tiling(article, toks)
    assert "«" in [t.text for t in toks]
    assert len(sentences(article)) > 20


def _assert_tiling(text: str, toks: list[Token]) -> None:
    covered = [False] * len(text)
    prev_end = 0
    for t in toks:
        assert 0 <= prev_end <= t.start < t.end <= len(text)
        assert t.text == text[t.start : t.end]
        assert "\n" not in t.text
        assert not _NEVER_INSIDE_RE.search(t.text)
        assert not _GAP_RE.match(t.text[0]) and not _GAP_RE.match(t.text[-1])
        for i in range(t.start, t.end):
            covered[i] = True
        prev_end = t.end
    for i, ch in enumerate(text):
        if not covered[i]:
            assert _GAP_RE.match(ch), f"{ch!r} at {i} is in no token"


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_tokens_tile_the_text(text: str) -> None:
    toks = tokenize(text)
    _assert_tiling(text, toks)
    assert token_offsets(text) == [(t.start, t.end) for t in toks]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["قال", "3.5", ".", "؟", "»", "«", " ", "\n", "،", "!"])).map("".join)
)
def test_sentences_never_cut_a_token_and_cover_every_token(text: str) -> None:
    _check_sentences(text)


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_sentences_on_mixed_text(text: str) -> None:
    _check_sentences(text)


def _check_sentences(text: str) -> None:
    toks = tokenize(text)
    ranges = sentence_token_ranges(text, toks)
    # contiguous, non-empty, covering every token
    assert [a for a, _ in ranges] == [0, *[b for _, b in ranges[:-1]]] if ranges else toks == []
    assert all(a < b for a, b in ranges)
    if ranges:
        assert ranges[-1][1] == len(toks)
    # a line break always ends a sentence
    for a, b in ranges:
        for i in range(a, b - 1):
            assert "\n" not in text[toks[i].end : toks[i + 1].start]
    # sentence offsets start and end on token boundaries
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    for s, e in sentences(text):
        assert s in starts and e in ends


# --- issue 9 part 3: abbreviations, invisible characters, numbers, URLs (docs/adr/0044) ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال د. محمد البرادعي", ["قال", "د.", "محمد", "البرادعي"]),
        ("منذ 1000 سنة ق.م. وانتشرت", ["منذ", "1000", "سنة", "ق.م.", "وانتشرت"]),
        ("أ.د. أحمد زويل", ["أ.د.", "أحمد", "زويل"]),
        ("جورج و. بوش", ["جورج", "و.", "بوش"]),
        ("J.R.R. Tolkien, U.S.A", ["J.R.R.", "Tolkien", ",", "U.S.A"]),
    ],
)
def test_initials_and_one_letter_abbreviations_keep_their_dot(
    text: str, expected: list[str]
) -> None:
    assert texts(text) == expected


def test_a_word_of_two_letters_and_a_glued_full_stop_are_two_tokens() -> None:
    assert texts("ذهب إلى هنا.وقال في.") == ["ذهب", "إلى", "هنا", ".", "وقال", "في", "."]


def test_no_sentence_break_after_an_abbreviation() -> None:
    s = "قال د. محمد البرادعي إن المعبد بني عام 300 ق.م. في مصر. وأضاف جورج و. بوش كلمة."
    assert [s[a:b] for a, b in sentences(s)] == [
        "قال د. محمد البرادعي إن المعبد بني عام 300 ق.م. في مصر.",
        "وأضاف جورج و. بوش كلمة.",
    ]


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b", "\u2060", "\u200e", "\u200f", "\u061c"])
def test_an_invisible_mark_inside_a_word_does_not_split_it(mark: str) -> None:
    text = f"في الر{mark}قة {mark}اليوم{mark} ثم"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["في", f"الر{mark}قة", "اليوم", "ثم"]
    assert toks[1].start == 3 and toks[1].end == 9  # offsets index the text as it is


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ارتفع بـ34.3 في المئة", "بـ34.3"),
        ("بنسبة 30% أمس", "30%"),
        ("بنسبة ٢٥٪ أمس", "٢٥٪"),
        ("ارتفع بـ4.3% خلال", "بـ4.3%"),
        ("في موسم 1931–32 فاز", "1931–32"),  # an en dash, as ANERcorp writes ranges
        ("بين 1625-1649 حكم", "1625-1649"),
        ("نحو 18,5 مليون", "18,5"),
        ("في ١٩٣١–٣٢ أيضا", "١٩٣١–٣٢"),
    ],
)
def test_a_number_is_one_token(text: str, number: str) -> None:
    assert number in texts(text)
    assert texts(text) == text.split()


def test_a_percent_sign_after_a_space_or_before_a_number_is_its_own() -> None:
    assert texts("25 % و %3") == ["25", "%", "و", "%", "3"]


def test_latin_apostrophes_between_letters_stay_in_the_word() -> None:
    assert texts("قال O'Donnell إن GNU's نظام") == ["قال", "O'Donnell", "إن", "GNU's", "نظام"]
    assert texts("قال 'نعم' ثم") == ["قال", "'", "نعم", "'", "ثم"]  # quote marks stay marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "على الرابط http://labs.google.com/search?q=1&x=2. ثم",
            ["على", "الرابط", "http://labs.google.com/search?q=1&x=2", ".", "ثم"],
        ),
        (
            "(www.aljazeera.net/news)، و https://ar.wikipedia.org/wiki/الرقة",
            ["(", "www.aljazeera.net/news", ")", "،", "و", "https://ar.wikipedia.org/wiki/الرقة"],
        ),
        (
            "راسلونا على info@reuters.com.",
            ["راسلونا", "على", "info@reuters.com", "."],
        ),
    ],
)
def test_urls_and_e_mail_addresses_are_one_token(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_runs_of_a_repeated_dash_star_or_apostrophe_are_one_token() -> None:
    assert texts("قال -- نعم ** و ''هنا''") == ["قال", "--", "نعم", "**", "و", "''", "هنا", "''"]


_PIECES = st.sampled_from(
    ["د", "ق", ".", "م", "3", "٫", "5", "%", "٪", "–", "-", "'", "O", "s", "قال", "بـ", " ",
     "\n", "\u00ad", "\u200b", "\u200f", "\u200e", "http://", "www.", "@", "a", "؟", "»", "«"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_tokens_tile_texts_of_abbreviations_numbers_and_invisible_marks(text: str) -> None:
    toks = tokenize(text)
    prev_end = 0
    for t in toks:
        assert prev_end <= t.start < t.end <= len(text)
        assert t.text == text[t.start : t.end]
        assert "\n" not in t.text
        assert t.text[0] not in "\u00ad\u200b\u200e\u200f"
        assert t.text[-1] not in "\u00ad\u200b\u200e\u200f"
        prev_end = t.end
    _check_sentences(text)
