"""The gazetteer recommender on the sample article and on texts written for each rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import DEFAULT_LABELS, Span
from annotator.core.recommend_gazetteer import (
    Gazetteer,
    GazetteerEntry,
    GazetteerMatcher,
    word_key,
)

SAMPLE = (Path(__file__).parents[2] / "seeds" / "washington-turkey-isis.txt").read_text("utf-8")


def listed(*pairs: tuple[str, str], weight: float = 1.0) -> Gazetteer:
    return Gazetteer(
        "test", tuple(GazetteerEntry(n, lb, i) for i, (n, lb) in enumerate(pairs)), weight
    )


def found(text: str, *gazetteers: Gazetteer, spans: tuple[Span, ...] = ()) -> list[tuple[str, str]]:
    matcher = GazetteerMatcher(gazetteers, DEFAULT_LABELS)
    return [(text[s.start : s.end], s.label) for s in matcher.suggest(7, text, spans)]


def test_the_sample_article_through_proclitics() -> None:
    matcher = GazetteerMatcher([listed(("الرقة", "LOC"), ("تركيا", "LOC"))], DEFAULT_LABELS)
    got = matcher.suggest(3, SAMPLE)
    texts = {SAMPLE[s.start - 1 : s.end] for s in got}
    # والرقة and لتركيا give the stem; الرقة» after the quote's end too
    assert {"والرقة", "لتركيا", " الرقة"} <= texts
    assert all(SAMPLE[s.start : s.end] in ("الرقة", "تركيا") for s in got)
    assert len([s for s in got if s.label == "LOC"]) == SAMPLE.count("الرقة") + SAMPLE.count(
        "تركيا"
    )
    assert {(s.document_id, s.recommender, s.score) for s in got} == {(3, "gazetteer", 1.0)}


def test_search_key_and_the_final_yeh() -> None:
    text = "زار عَلِيّ القاهرة، وقال إنّ الأمر على ما يرام. ثم عاد إلى أنقره"
    g = listed(("علي", "PER"), ("القاهرة", "LOC"), ("انقرة", "LOC"))
    assert found(text, g) == [("عَلِيّ", "PER"), ("القاهرة", "LOC"), ("أنقره", "LOC")]
    assert word_key("على") != word_key("علي")


def test_abd_and_abu_names_either_way() -> None:
    text = "التقى عبدالله الثاني وعبد الله بن زايد في أبو ظبي وأبوظبي"
    g = listed(("عبد الله", "PER"), ("أبوظبي", "LOC"))
    assert found(text, g) == [
        ("عبدالله", "PER"),
        ("عبد الله", "PER"),
        ("أبو ظبي", "LOC"),
        ("أبوظبي", "LOC"),
    ]
    # a listed word that only starts so is not split (أبيض: one letter after أبي)
    assert found("أبي ض", listed(("أبيض", "MISC"))) == []


def test_whole_words_only() -> None:
    text = "مصرف مصر الأهلي ومصريون في مصر"
    assert found(text, listed(("مصر", "LOC"))) == [("مصر", "LOC"), ("مصر", "LOC")]


def test_longest_match_first_and_no_overlap() -> None:
    text = "قالت وزارة الدفاع الأميركية إن وزارة الدفاع ستعلن"
    g = listed(("وزارة الدفاع الأميركية", "ORG"), ("الدفاع", "MISC"), ("وزارة الدفاع", "ORG"))
    assert found(text, g) == [("وزارة الدفاع الأميركية", "ORG"), ("وزارة الدفاع", "ORG")]


def test_a_name_never_runs_across_a_line_break() -> None:
    assert found("الولايات\nالمتحدة", listed(("الولايات المتحدة", "LOC"))) == []


def test_never_over_a_span_of_the_same_kind() -> None:
    text = "وصل كارتر إلى الرقة"
    start = text.index("كارتر")
    span = Span(None, 7, start, start + 5, "ORG")
    g = listed(("كارتر", "PER"), ("الرقة", "LOC"))
    assert found(text, g, spans=(span,)) == [("الرقة", "LOC")]
    # a span of another kind (an event over the whole clause) does not stop it
    event = Span(None, 7, 0, len(text), "EVENT")
    assert found(text, g, spans=(event,)) == [("كارتر", "PER"), ("الرقة", "LOC")]


def test_a_shorter_name_when_the_longest_is_blocked() -> None:
    text = "وحدات حماية الشعب الكردية"
    span = Span(None, 7, text.index("الكردية"), len(text), "MISC")
    g = listed(("وحدات حماية الشعب الكردية", "ORG"), ("وحدات حماية الشعب", "ORG"))
    assert found(text, g, spans=(span,)) == [("وحدات حماية الشعب", "ORG")]


def test_two_labels_for_one_name_and_weights() -> None:
    text = "في الرقة"
    a = listed(("الرقة", "LOC"), weight=0.5)
    b = listed(("الرقه", "LOC"), ("الرقة", "ORG"), weight=0.8)
    matcher = GazetteerMatcher([a, b], DEFAULT_LABELS)
    got = sorted((s.label, s.score) for s in matcher.suggest(1, text))
    assert got == [("LOC", 0.8), ("ORG", 0.8)]
    assert matcher.size == 1


def test_tashkeel_on_the_proclitic_stays_out() -> None:
    text = "وَالرَّقَّة"
    assert found(text, listed(("الرقة", "LOC"))) == [("الرَّقَّة", "LOC")]


def test_ll_contraction_is_not_a_match() -> None:
    # للعراق is ل + العراق with the alef dropped: no substring to suggest (DESIGN.md §4)
    assert found("للعراق وبالعراق", listed(("العراق", "LOC"))) == [("العراق", "LOC")]


def test_weights_are_checked() -> None:
    with pytest.raises(ValueError, match="weight"):
        listed(("x", "PER"), weight=0.0)


def test_empty_inputs() -> None:
    assert found("", listed(("الرقة", "LOC"))) == []
    assert found("الرقة") == []
