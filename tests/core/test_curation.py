"""Curation of one document (ADR 0076): agreed spans and disagreements, by hand-made cases."""

from __future__ import annotations

from annotator.core.curation import (
    Choice,
    Disagreement,
    Strategy,
    curate,
    differences,
    merge_spans,
    resolved,
)
from annotator.core.model import Span


def s(start: int, end: int, label: str, who: str = "") -> Span:
    return Span(None, 1, start, end, label, who)


def kind(label: str) -> str:
    return "quote" if label == "QUOTE" else "entity"


def test_identical_work_is_all_agreed() -> None:
    work = [s(0, 5, "PER"), s(10, 14, "LOC")]
    c = curate({"a": work, "b": list(work)})
    assert c.agreed == ((0, 5, "PER"), (10, 14, "LOC"))
    assert c.disagreements == ()


def test_a_label_a_boundary_and_a_missing_span_are_three_disagreements() -> None:
    a = [s(0, 5, "PER"), s(10, 14, "LOC"), s(20, 25, "ORG"), s(30, 33, "MISC")]
    b = [s(0, 5, "ORG"), s(11, 14, "LOC"), s(30, 33, "MISC")]
    c = curate({"a": a, "b": b})
    assert c.agreed == ((30, 33, "MISC"),)
    assert c.disagreements == (
        Disagreement(0, 5, (Choice("a", ((0, 5, "PER"),)), Choice("b", ((0, 5, "ORG"),)))),
        Disagreement(10, 14, (Choice("a", ((10, 14, "LOC"),)), Choice("b", ((11, 14, "LOC"),)))),
        Disagreement(20, 25, (Choice("a", ((20, 25, "ORG"),)), Choice("b", ()))),
    )


def test_one_long_span_against_two_short_ones_is_one_group() -> None:
    c = curate({"a": [s(0, 20, "ORG")], "b": [s(0, 8, "ORG"), s(9, 20, "LOC")]})
    (d,) = c.disagreements
    assert (d.start, d.end) == (0, 20)
    assert d.choices[1] == Choice("b", ((0, 8, "ORG"), (9, 20, "LOC")))


def test_a_quote_does_not_swallow_the_entities_inside_it() -> None:
    a = [s(0, 40, "QUOTE"), s(5, 9, "PER")]
    b = [s(0, 40, "QUOTE"), s(5, 9, "ORG")]
    c = curate({"a": a, "b": b}, layer=kind)
    assert c.agreed == ((0, 40, "QUOTE"),)
    assert [(d.start, d.end) for d in c.disagreements] == [(5, 9)]
    unquoted = {"a": a, "b": [s(5, 9, "ORG")]}
    assert [(d.start, d.end) for d in curate(unquoted, layer=kind).disagreements] == [
        (0, 40),
        (5, 9),
    ]
    assert [(d.start, d.end) for d in curate(unquoted).disagreements] == [(0, 40)]  # one layer


def test_majority_merges_what_more_than_half_have_and_drops_the_outvoted() -> None:
    work = {
        "a": [s(0, 5, "PER"), s(10, 14, "LOC")],
        "b": [s(0, 5, "PER"), s(10, 14, "ORG")],
        "c": [s(0, 5, "ORG")],
    }
    everyone = curate(work, Strategy.ALL)
    assert everyone.agreed == ()
    assert len(everyone.disagreements) == 2
    majority = curate(work, Strategy.MAJORITY)
    assert majority.agreed == ((0, 5, "PER"),)  # c's ORG there is outvoted, not a disagreement
    (d,) = majority.disagreements  # LOC / ORG / nothing: no majority
    assert [c.spans for c in d.choices] == [((10, 14, "LOC"),), ((10, 14, "ORG"),), ()]


def test_half_is_no_majority() -> None:
    c = curate({"a": [s(0, 5, "PER")], "b": []}, Strategy.MAJORITY)
    assert c.agreed == ()
    assert len(c.disagreements) == 1


def test_order_is_by_position_whatever_the_input_order() -> None:
    a = [s(30, 33, "PER"), s(0, 5, "PER"), s(10, 12, "LOC")]
    b = [s(10, 12, "ORG")]
    first = curate({"a": a, "b": b})
    second = curate({"a": list(reversed(a)), "b": b})
    assert first == second
    assert [d.start for d in first.disagreements] == [0, 10, 30]


def test_merge_leaves_out_where_the_curator_decided() -> None:
    c = curate({"a": [s(0, 5, "PER"), s(10, 14, "LOC")], "b": [s(0, 5, "PER"), s(10, 14, "LOC")]})
    assert merge_spans(c, [s(10, 12, "ORG", "gold")]) == [(0, 5, "PER")]
    assert merge_spans(c, [s(0, 5, "PER", "gold"), s(10, 14, "LOC", "gold")]) == []


def test_a_curator_span_in_the_range_resolves_the_disagreement() -> None:
    (d,) = curate({"a": [s(0, 5, "PER")], "b": [s(0, 5, "ORG")]}).disagreements
    assert resolved([d], []) == [False]
    assert resolved([d], [s(5, 9, "PER", "gold")]) == [False]  # touching is not overlapping
    assert resolved([d], [s(4, 9, "PER", "gold")]) == [True]
    assert resolved([d], [s(0, 5, "ORG", "gold")]) == [True]
    assert resolved([d], [s(0, 9, "QUOTE", "gold")], layer=kind) == [False]  # another layer
    (late,) = curate({"a": [s(50, 55, "PER")], "b": []}).disagreements
    # a long span starting well before the range still overlaps it; short ones before do not
    assert resolved([late], [s(10, 52, "LOC", "gold"), s(40, 45, "PER", "gold")]) == [True]
    assert resolved([late], [s(10, 50, "LOC", "gold"), s(40, 45, "PER", "gold")]) == [False]


def test_differences_from_the_curated_result() -> None:
    mine = [s(0, 5, "PER"), s(10, 14, "LOC")]
    gold = [s(0, 5, "PER"), s(10, 14, "ORG"), s(20, 24, "MISC")]
    found = differences("a", mine, "gold", gold)
    assert [(d.start, [c.spans for c in d.choices]) for d in found] == [
        (10, [((10, 14, "LOC"),), ((10, 14, "ORG"),)]),
        (20, [(), ((20, 24, "MISC"),)]),
    ]
