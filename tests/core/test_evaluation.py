"""Precision, recall and F1 of suggestions against gold, on cases computed by hand."""

from __future__ import annotations

import pytest

from annotator.core.evaluation import Score, evaluate, render


def test_hand_computed() -> None:
    gold = [(1, 0, 5, "PER"), (1, 10, 15, "LOC"), (1, 20, 25, "LOC"), (2, 0, 5, "LOC")]
    suggested = [
        (1, 0, 5, "PER"),  # right
        (1, 10, 15, "ORG"),  # wrong label: an ORG false positive, a LOC false negative
        (1, 20, 25, "LOC"),  # right
        (2, 0, 4, "LOC"),  # wrong end: a false positive and a false negative
        (1, 0, 5, "PER"),  # a duplicate counts once
    ]
    result = evaluate(suggested, gold)
    by_label = {s.label: s for s in result.labels}
    assert by_label["LOC"] == Score("LOC", 1, 1, 2)
    assert by_label["ORG"] == Score("ORG", 0, 1, 0)
    assert by_label["PER"] == Score("PER", 1, 0, 0)
    assert [s.label for s in result.labels] == ["LOC", "ORG", "PER"]
    loc = by_label["LOC"]
    assert (loc.precision, loc.recall) == (0.5, pytest.approx(1 / 3))
    assert loc.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))  # 0.4
    assert loc.f1 == pytest.approx(0.4)
    assert (by_label["ORG"].precision, by_label["ORG"].recall, by_label["ORG"].f1) == (0, 0, 0)
    assert result.micro == Score("", 2, 2, 2)
    assert (result.micro.precision, result.micro.recall, result.micro.f1) == (0.5, 0.5, 0.5)


def test_the_same_offsets_in_another_document_do_not_match() -> None:
    result = evaluate([(2, 0, 5, "PER")], [(1, 0, 5, "PER")])
    assert result.micro == Score("", 0, 1, 1)


def test_perfect_and_empty() -> None:
    items = [(1, 0, 3, "PER"), (1, 4, 9, "ORG")]
    assert evaluate(items, items).micro.f1 == 1.0
    nothing = evaluate([], [])
    assert nothing.labels == ()
    assert (nothing.micro.precision, nothing.micro.recall, nothing.micro.f1) == (0, 0, 0)
    only_gold = evaluate([], items).micro
    assert (only_gold.precision, only_gold.recall) == (0.0, 0.0)


def test_render() -> None:
    text = render(evaluate([(1, 0, 5, "PER"), (1, 6, 9, "PER")], [(1, 0, 5, "PER")]), "memory")
    assert text.splitlines() == [
        "memory",
        "label        suggested   gold       P       R      F1",
        "PER                  2      1   0.500   1.000   0.667",
        "all (micro)          2      1   0.500   1.000   0.667",
    ]
