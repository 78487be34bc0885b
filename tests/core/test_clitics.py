"""Proclitic splits on evidence, and snapping a selection to whole words minus a proclitic."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.clitics import (
    ARTICLE as BEFORE_ARTICLE,
)
from annotator.core.clitics import (
    CONJUNCTION,
    FREQUENCY,
    NUMBER,
    QUOTE,
    SPAN,
    CliticAnalyser,
    CliticSplit,
    SpanEvidence,
    contracted_article,
    proclitic_splits,
    snap,
    span_key,
)
from annotator.core.search import fold
from annotator.core.tokens import selection_units
from tests.strategies import mixed_text

FIXTURES = Path(__file__).parent.parent / "fixtures"
ARTICLE = (FIXTURES / "washington-turkey-isis.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article_analyser() -> CliticAnalyser:
    return CliticAnalyser.from_texts([ARTICLE])


@pytest.fixture(scope="module")
def anercorp() -> Counter[str]:
    lines = (FIXTURES / "anercorp_sample.txt").read_text(encoding="utf-8").splitlines()
    return Counter(line.rsplit(" ", 1)[0] for line in lines if " " in line)


# --- grammatical candidates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "splits"),
    [
        ("وبالرقة", [("وب", "الرقة"), ("و", "بالرقة")]),
        ("فسيقول", [("فس", "يقول"), ("ف", "سيقول")]),
        ("لتركيا", [("ل", "تركيا")]),
        ("وَبِالرقة", [("وَبِ", "الرقة"), ("وَ", "بِالرقة")]),  # marks stay with their letter
        ("لـتركيا", [("لـ", "تركيا")]),  # and so does tatweel
        ("للتحالف", [("ل", "لتحالف")]),  # after the first ل: the analyser decides
        ("وللتحالف", [("ول", "لتحالف"), ("و", "للتحالف")]),
        ("فسيقول", [("فس", "يقول"), ("ف", "سيقول")]),  # the future before an imperfect verb
        ("وسعيد", [("و", "سعيد")]),  # but never before a name: no وس + عيد
        ("وسامر", [("و", "سامر")]),
        ("ستوكهولم", [("س", "توكهولم")]),  # a candidate; evidence decides (it has none)
        ("\ufeed\ufe8d\ufedf\ufeae\ufed7\ufe94", [("\ufeed", "\ufe8d\ufedf\ufeae\ufed7\ufe94")]),
        ("بكل", [("ب", "كل")]),  # ب + ك is not a combination
        ("سؤال", []),  # no word starts with ؤ or ئ
        ("وسئل", [("و", "سئل")]),
        ("الرقة", []),
        ("و", []),
        ("ول", [("و", "ل")]),
        ("", []),
        ("CNN", []),
    ],
)
def test_proclitic_splits(word: str, splits: list[tuple[str, str]]) -> None:
    assert proclitic_splits(word) == splits


# --- the sample article ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "stem", "reason"),
    [
        ("والرقة", "الرقة", BEFORE_ARTICLE),
        ("لتركيا", "تركيا", FREQUENCY),
        ("وَالرقة", "الرقة", BEFORE_ARTICLE),
        ("وبالرقة", "الرقة", BEFORE_ARTICLE),
    ],
)
def test_article_words_that_split(
    article_analyser: CliticAnalyser, word: str, stem: str, reason: str
) -> None:
    split = article_analyser.analyse(word)
    assert split is not None
    assert split.stem == stem
    assert split.proclitic + split.stem == word
    assert split.reason == reason


@pytest.mark.parametrize("word", ["واشنطن", "وزير", "بلاده", "للتحالف", "كارتر", "وحدات"])
def test_article_words_that_stay_whole(article_analyser: CliticAnalyser, word: str) -> None:
    assert article_analyser.analyse(word) is None


def test_counts_ignore_tashkeel_and_hamza_forms(article_analyser: CliticAnalyser) -> None:
    assert article_analyser.count("الرَّقَّة") == article_analyser.count("الرقه") == 4


# --- the rules --------------------------------------------------------------------------


def test_stem_must_be_as_frequent_as_the_word() -> None:
    # وحدات is a listed word; a frequent word of its own is kept whole without the list
    assert CliticAnalyser({"وحدات": 5, "حدات": 1}).analyse("وحدات") is None
    assert CliticAnalyser({"وروتردام": 5, "روتردام": 1}).analyse("وروتردام") is None
    split = CliticAnalyser({"وروتردام": 1, "روتردام": 1}).analyse("وروتردام")
    assert split == CliticSplit("و", "روتردام", FREQUENCY)


def test_frequency_needs_three_letters() -> None:
    assert CliticAnalyser({"لما": 1, "ما": 50}).analyse("لما") is None
    assert CliticAnalyser({"بلدي": 1, "لدي": 50}).analyse("بلدي") is not None


@pytest.mark.parametrize("word", ["بغداد", "بريطانيا", "لندن", "كاليفورنيا", "فرنسا", "كوريا"])
def test_an_unattested_stem_after_b_f_k_l_is_never_split(word: str) -> None:
    assert CliticAnalyser({word: 1}).analyse(word) is None


def test_a_span_is_the_strongest_evidence() -> None:
    analyser = CliticAnalyser({"والرقة": 9}, span_texts=["الرَّقة", "وحدات حماية الشعب"])
    assert analyser.analyse("والرقة") == CliticSplit("و", "الرقة", SPAN)
    # a 2-letter stem is enough when it is a span's text
    assert CliticAnalyser({}, span_texts=["ما"]).analyse("لما") == CliticSplit("ل", "ما", SPAN)


def test_a_word_that_begins_a_span_stays_whole() -> None:
    counts = {"فرويد": 2, "رويد": 9}
    assert CliticAnalyser(counts).analyse("فرويد") is not None
    assert CliticAnalyser(counts, span_texts=["فرويد"]).analyse("فرويد") is None


def test_with_spans_keeps_the_counts() -> None:
    analyser = CliticAnalyser({"كوبا": 3})
    assert analyser.analyse("بكوبا") is not None
    assert analyser.with_spans(["بكوبا"]).analyse("بكوبا") is None
    assert analyser.with_spans(["كوبا"]).analyse("بكوبا") == CliticSplit("ب", "كوبا", SPAN)


def test_no_conjunction_after_a_preposition() -> None:
    # كوفي is not ك + و + في even though وفي is a frequent token
    counts = {"كوفي": 3, "وفي": 7, "في": 76}
    assert CliticAnalyser(counts).analyse("كوفي") is None
    # a word only a little more frequent than the stem is no sign: ب + وادي
    assert CliticAnalyser({"بوادي": 4, "وادي": 6, "ادي": 33}).analyse("بوادي") is not None
    # but ل + وزير is fine: زير is no word
    assert CliticAnalyser({"لوزير": 1, "وزير": 9}).analyse("لوزير") is not None


def test_longest_proclitic_first() -> None:
    analyser = CliticAnalyser({"وبالعراق": 1, "بالعراق": 3, "العراق": 20})
    assert analyser.analyse("وبالعراق") == CliticSplit("وب", "العراق", BEFORE_ARTICLE)
    analyser = CliticAnalyser({"وبغداد": 1, "بغداد": 3})  # no غداد: و + بغداد
    assert analyser.analyse("وبغداد") == CliticSplit("و", "بغداد", FREQUENCY)


# --- measured on a slice of ANERcorp ----------------------------------------------------


def test_anercorp_decisions_are_sane(anercorp: Counter[str]) -> None:
    analyser = CliticAnalyser(anercorp)
    expected = {
        "بالعراق": "العراق",
        "بلبنان": "لبنان",
        "وإسرائيل": "إسرائيل",
        "لإسرائيل": "إسرائيل",
        "بباريس": "باريس",
        "بإندونيسيا": "إندونيسيا",
        "ولبنان": "لبنان",
        "وحزب": "حزب",
        "لحزب": "حزب",
    }
    for word, stem in expected.items():
        split = analyser.analyse(word)
        assert split is not None and split.stem == stem, word
    whole = ["بيروت", "باريس", "لبنان", "فرنسا", "واشنطن", "وليد", "كوفي", "بوش", "بلير"]
    whole += ["للأمم", "للتنسيق", "وكالة", "سيرغي", "فؤاد", "بغداد", "لندن", "فيينا", "كوبا"]
    for word in whole:
        assert analyser.analyse(word) is None, word


def test_anercorp_entity_words_are_split_only_on_attested_stems(anercorp: Counter[str]) -> None:
    analyser = CliticAnalyser(anercorp)
    lines = (FIXTURES / "anercorp_sample.txt").read_text(encoding="utf-8").splitlines()
    entity_words = {line.rsplit(" ", 1)[0] for line in lines if not line.endswith(" O")}
    candidates = [w for w in entity_words if proclitic_splits(w)]
    splits = [s for w in candidates if (s := analyser.analyse(w)) is not None]
    assert splits
    for split in (s for s in splits if s.reason == FREQUENCY):
        assert analyser.count(split.stem) >= max(1, analyser.count(split.proclitic + split.stem))
    # most entity words starting with these letters are names, not clitic + stem
    assert len(splits) < len(candidates) / 2


# --- snapping a selection ---------------------------------------------------------------


def test_snap_leaves_out_the_proclitic(article_analyser: CliticAnalyser) -> None:
    text = "محاصرة الموصل والرقة بعد"
    start = text.index("الرقة")
    result = snap(text, start + 1, start + 3, article_analyser)
    assert result is not None
    assert text[result.start : result.end] == "الرقة"
    assert result.clitic == CliticSplit("و", "الرقة", BEFORE_ARTICLE)


def test_snap_with_tashkeel_on_the_proclitic(article_analyser: CliticAnalyser) -> None:
    text = "الموصل وَالرقة"
    result = snap(text, 7, 14, article_analyser)
    assert result is not None
    assert text[result.start : result.end] == "الرقة"
    assert result.clitic is not None and result.clitic.proclitic == "وَ"


def test_snap_grows_to_whole_words(article_analyser: CliticAnalyser) -> None:
    text = "كشف وزير الدفاع الأميركي آشتون كارتر"
    result = snap(text, text.index("زير"), text.index("الأميركي") + 3, article_analyser)
    assert result is not None
    assert text[result.start : result.end] == "وزير الدفاع الأميركي"
    assert result.clitic is None


def test_snap_exact_words_changes_nothing(article_analyser: CliticAnalyser) -> None:
    text = "أعلن كارتر أن"
    assert snap(text, 5, 10, article_analyser) == (result := snap(text, 5, 10, None))
    assert result is not None and (result.start, result.end, result.clitic) == (5, 10, None)


def test_snap_leaves_out_edge_punctuation() -> None:
    text = "تطهير حدودها من «داعش». وقال"
    result = snap(text, text.index("«") - 1, text.index(".") + 2)
    assert result is not None
    assert text[result.start : result.end] == "داعش"
    quote = "قال: «إن الخطة، جاهزة»"
    result = snap(quote, quote.index("«"), len(quote))
    assert result is not None
    assert quote[result.start : result.end] == "إن الخطة، جاهزة"


def test_snap_without_analyser_keeps_the_proclitic() -> None:
    text = "الموصل والرقة"
    result = snap(text, 8, 10)
    assert result is not None
    assert text[result.start : result.end] == "والرقة"


@pytest.mark.parametrize(("start", "end"), [(3, 3), (5, 4), (3, 4), (4, 6), (0, 0)])
def test_snap_on_nothing_or_only_spaces_and_punctuation(start: int, end: int) -> None:
    assert snap("قال «» ، 😀", start, end, CliticAnalyser({})) is None


# ANERcorp (tests/fixtures/ANERCorp.txt, lines 196, 2231-2235, 36788): numbers in Arabic text
NUMBERS = "بلغ 3.5 مليون سيارة. رفع السعر بنسبة 30% وسعر الدولار بنسبة 15%. ارتفع بـ4.3% خلال"


@pytest.mark.parametrize(
    ("number", "touched", "expected"),
    [
        ("3.5", "5", "3.5"),
        ("3.5", ".", "3.5"),
        ("30%", "%", "30%"),  # the percent sign alone was no word: no span at all
        ("30%", "3", "30%"),
        ("15%", "5%", "15%"),
        ("بـ4.3%", "3%", "4.3%"),  # a number never carries a proclitic of its own
        ("بـ4.3%", "بـ", "4.3%"),
    ],
)
def test_snap_takes_a_number_whole(number: str, touched: str, expected: str) -> None:
    at = NUMBERS.index(number) + number.index(touched)
    result = snap(NUMBERS, at, at + len(touched), CliticAnalyser({}))
    assert result is not None
    assert NUMBERS[result.start : result.end] == expected


def test_a_number_after_a_proclitic_is_split_whatever_the_evidence() -> None:
    analyser = CliticAnalyser({"بـ4.3%": 10})
    assert analyser.analyse("بـ4.3%") == CliticSplit("بـ", "4.3%", NUMBER)
    assert analyser.analyse("و2016") == CliticSplit("و", "2016", NUMBER)
    assert analyser.analyse("س2") is None  # the future prefix goes on verbs only
    assert analyser.analyse("2016") is None


def test_snap_across_a_line_break(article_analyser: CliticAnalyser) -> None:
    text = "العنوان\n\nوالرقة مدينة"
    result = snap(text, 4, 12, article_analyser)
    assert result is not None
    assert text[result.start : result.end] == "العنوان\n\nوالرقة"  # the proclitic is not first


def test_snap_on_the_article(article_analyser: CliticAnalyser) -> None:
    start = ARTICLE.index("لتركيا")
    result = snap(ARTICLE, start, start + 6, article_analyser)
    assert result is not None
    assert ARTICLE[result.start : result.end] == "تركيا"
    start = ARTICLE.index("للتحالف")
    result = snap(ARTICLE, start + 2, start + 4, article_analyser)
    assert result is not None
    assert ARTICLE[result.start : result.end] == "للتحالف"


@settings(max_examples=150, deadline=None)
@given(mixed_text, st.data())
def test_snap_lands_on_words_and_is_stable(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    analyser = CliticAnalyser.from_texts([text])
    result = snap(text, start, end, analyser)
    words = [t for t in selection_units(text) if t.is_word and t.end > start and t.start < end]
    if start >= end or not words:
        assert result is None
        return
    assert result is not None
    assert 0 <= result.start < result.end <= len(text)
    assert result.end == words[-1].end
    proclitic = result.clitic.proclitic if result.clitic else ""
    assert result.start == words[0].start + len(proclitic)
    again = snap(text, result.start, result.end, analyser)
    assert again is not None
    assert (again.start, again.end) == (result.start, result.end)
    if result.clitic is None or result.clitic.reason != QUOTE:  # لـ« is outside the span now
        assert again.clitic == result.clitic


# --- issue 9: priors, whole-word evidence, multiword spans, س, frequency traps, marks ---------


@pytest.mark.parametrize(
    ("word", "stem"),
    [("والرقة", "الرقة"), ("بالعراق", "العراق"), ("فالخرطوم", "الخرطوم"), ("والبصرة", "البصرة")],
)
def test_a_proclitic_before_the_article_is_split_without_evidence(word: str, stem: str) -> None:
    assert CliticAnalyser({word: 1}).analyse(word) == CliticSplit(
        word[: -len(stem)], stem, "article"
    )


def test_no_article_prior_after_kaf_nor_on_a_listed_name() -> None:
    assert CliticAnalyser({}).analyse("كاليفورنيا") is None  # ك + ال... is mostly a name
    assert CliticAnalyser({}).analyse("والتر") is None  # Walter


@pytest.mark.parametrize("word", ["وروتردام", "وتايوان", "وطهران", "ولبنان"])
def test_waw_before_a_stem_of_three_letters_is_the_conjunction(word: str) -> None:
    assert CliticAnalyser({word: 1}).analyse(word) == CliticSplit("و", word[1:], CONJUNCTION)


@pytest.mark.parametrize(
    "word", ["واشنطن", "وزارة", "وزير", "وكالة", "وليد", "وادي", "ولاية", "وفد", "وحدات"]
)
def test_common_waw_words_of_news_stay_whole(word: str) -> None:
    assert CliticAnalyser({word: 1}).analyse(word) is None


def test_a_frequent_waw_word_of_its_own_stays_whole() -> None:
    assert CliticAnalyser({"وجبات": 4}).analyse("وجبات") is None
    assert CliticAnalyser({"وجبات": 2}).analyse("وجبات") is not None  # rare: the conjunction


def test_whole_word_evidence_beats_stem_evidence() -> None:
    # one span رويد made every later فرويد split; the annotator's whole span فرويد wins
    assert CliticAnalyser({}, span_texts=["رويد"]).analyse("فرويد") is not None
    assert CliticAnalyser({}, span_texts=["رويد", "فرويد"]).analyse("فرويد") is None
    assert CliticAnalyser({"كين": 9}, span_texts=["كين", "بكين"]).analyse("بكين") is None
    # a multiword span starting with the whole word counts too
    assert CliticAnalyser({}, span_texts=["كين", "بكين الشعبية"]).analyse("بكين") is None


def test_the_correction_wins_in_a_live_analyser() -> None:
    evidence = SpanEvidence(["كين"])
    analyser = CliticAnalyser.live(Counter({"بكين": 3, "كين": 1}), evidence)
    assert analyser.analyse("بكين") == CliticSplit("ب", "كين", SPAN)
    evidence.add_keys([span_key("بكين")])  # the annotator corrected the span
    assert analyser.analyse("بكين") is None


def test_a_span_first_word_is_evidence() -> None:
    analyser = CliticAnalyser({}, span_texts=["الولايات المتحدة", "كلية الحقوق"])
    assert analyser.analyse("والولايات") == CliticSplit("و", "الولايات", SPAN)
    assert analyser.analyse("بكلية") == CliticSplit("ب", "كلية", SPAN)


@pytest.mark.parametrize(("word", "stem"), [("بحي", "حي"), ("وتل", "تل"), ("وبن", "بن")])
def test_two_letter_stems_on_span_evidence(word: str, stem: str) -> None:
    assert CliticAnalyser({}).analyse(word) is None
    split = CliticAnalyser({}, span_texts=[stem + " أبيب"]).analyse(word)
    assert split is not None and split.stem == stem and split.reason == SPAN


def test_the_future_sin_only_before_an_imperfect_verb() -> None:
    counts = {"وسعيد": 1, "عيد": 9, "وسامر": 1, "امر": 9}
    assert CliticAnalyser(counts).analyse("وسعيد") == CliticSplit("و", "سعيد", CONJUNCTION)
    assert CliticAnalyser(counts).analyse("وسامر") == CliticSplit("و", "سامر", CONJUNCTION)
    split = CliticAnalyser({"فسيقول": 1, "يقول": 5}).analyse("فسيقول")
    assert split == CliticSplit("فس", "يقول", FREQUENCY)


def test_frequency_traps_after_fa_and_kaf() -> None:
    # listed names
    assert CliticAnalyser({"فيصل": 2, "يصل": 9}).analyse("فيصل") is None
    assert CliticAnalyser({"كمال": 3, "مال": 9}).analyse("كمال") is None
    # any ف/ك word: the stem must be three times as frequent as the word
    assert CliticAnalyser({"فرويد": 2, "رويد": 5}).analyse("فرويد") is None
    assert CliticAnalyser({"فرويد": 2, "رويد": 6}).analyse("فرويد") is not None
    # ب and ل keep the plain rule
    assert CliticAnalyser({"لتركيا": 2, "تركيا": 2}).analyse("لتركيا") is not None


def test_lam_before_lam() -> None:
    # ل + لبنان: the stem is a word, the article reading ال + بنان is not
    assert CliticAnalyser({"للبنان": 1, "لبنان": 5}).analyse("للبنان") == CliticSplit(
        "ل", "لبنان", FREQUENCY
    )
    assert CliticAnalyser({}, span_texts=["لبنان"]).analyse("للبنان") == CliticSplit(
        "ل", "لبنان", SPAN
    )
    # the contraction ل + ال stays whole: no substring is the noun with its article
    assert CliticAnalyser({"للتحالف": 2, "التحالف": 9}).analyse("للتحالف") is None
    assert CliticAnalyser({"للعمل": 2, "لعمل": 2, "العمل": 9}).analyse("للعمل") is None
    assert CliticAnalyser({}, span_texts=["التحالف الدولي"]).analyse("للتحالف") is None
    # و + للأمم: the conjunction is left out, the contraction kept
    split = CliticAnalyser({"للأمم": 1, "وللأمم": 1}).analyse("وللأمم")
    assert split == CliticSplit("و", "للأمم", FREQUENCY)
    assert contracted_article("للتحالف") == fold("التحالف")
    assert contracted_article("وللأمم") == fold("الأمم")
    assert contracted_article("لبنان") is None


@pytest.mark.parametrize(
    ("text", "word", "expected", "left_out"),
    [
        ("وأضاف إيشق لـ«رويترز»، في مقابلة", "لـ«رويترز»", "رويترز", "لـ«"),
        ("تطهير الحدود و«داعش» معا", "و«داعش»", "داعش", "و«"),
        ("قال إن وبـ«الرقة» أيضا", "وبـ«الرقة»", "الرقة", "وبـ«"),
    ],
)
def test_a_proclitic_before_a_quote_mark_is_left_out(
    text: str, word: str, expected: str, left_out: str
) -> None:
    start = text.index(word)
    result = snap(text, start, start + len(word), CliticAnalyser({}))
    assert result is not None
    assert text[result.start : result.end] == expected
    assert result.clitic == CliticSplit(left_out, expected, QUOTE)


def test_presentation_forms_are_folded_before_a_proclitic() -> None:
    text = "محاصرة الموصل \ufeed\ufe8d\ufedf\ufeae\ufed7\ufe94 بعد"  # ﻭﺍﻟﺮﻗﺔ
    start = text.index("\ufeed")
    result = snap(text, start, start + 6, CliticAnalyser.from_texts([text]))
    assert result is not None
    assert (result.start, result.end) == (start + 1, start + 6)  # offsets of the original text
    assert result.clitic is not None and result.clitic.reason == "article"
    assert fold(text[result.start : result.end]) == fold("الرقة")


@pytest.mark.parametrize("word", ["واشنطن", "وزارة"])
def test_the_sample_article_keeps_washington_and_the_ministry_whole(
    article_analyser: CliticAnalyser, word: str
) -> None:
    start = ARTICLE.index(word)
    result = snap(ARTICLE, start, start + len(word), article_analyser)
    assert result is not None and result.clitic is None


# What a selection may touch: URLs, e-mail addresses, numbers with their signs, invisible marks
# inside words, and every kind of white space (a snap looks only between two of them).
_SNAP_PIECES = st.sampled_from(
    [
        *("www.", "http://", "a@b.co", "3.5", "%", "٪", "د.", "ق.م.", "-", "--", "'", "\u00ad"),
        *("\u200b", " ", "\n", "\u00a0", "\u2003", "\u2029", "\x1c", "\t"),
    ]
)


@given(
    st.lists(st.one_of(mixed_text, _SNAP_PIECES), min_size=1, max_size=12).map("".join),
    st.integers(0, 400),
    st.integers(0, 400),
)
@settings(max_examples=400, deadline=None)
def test_snap_reads_only_around_the_selection_but_sees_the_whole_texts_tokens(
    text: str, a: int, b: int
) -> None:
    """The snap tokenizes only from the white space before the selection to the one after it
    (a long paragraph costs nothing more); the words it finds are those of the whole text."""
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    found = snap(text, start, end)
    words = [t for t in selection_units(text) if t.is_word and t.end > start and t.start < end]
    if start >= end or not words:
        assert found is None
    else:
        assert found is not None and (found.start, found.end) == (words[0].start, words[-1].end)
