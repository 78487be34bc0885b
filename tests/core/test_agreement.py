"""Agreement figures by hand-computed cases and against the krippendorff package
(docs/adr/0074): identical work 1.0, disjoint 0, a boundary off by one character matched by
overlap only, 0/0 as nothing to compare; real Arabic text (the sample article)."""

from __future__ import annotations

from collections import Counter

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement import Sheet, Work, agreement, disagreements
from annotator.core.agreement_match import Counts, match
from annotator.core.agreement_tokens import alpha, boundaries, kappa, tags, units
from annotator.core.model import Kind
from annotator.core.text import canonical_text
from annotator.core.tokens import token_offsets
from tests.store.conftest import FIXTURES

TEXT = canonical_text((FIXTURES / "washington-turkey-isis.txt").read_text(encoding="utf-8"))
KINDS = {"PER": Kind.ENTITY, "LOC": Kind.ENTITY, "ORG": Kind.ENTITY, "QUOTE": Kind.QUOTE}


def at(word: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return (start, start + len(word), label)


def sheet(**work: list[tuple[int, int, str]]) -> Sheet:
    return Sheet(1, "t", TEXT, {name: Work(frozenset(p)) for name, p in work.items()})


GOLD = [at("كارتر", "PER"), at("واشنطن", "LOC"), at("الرقة", "LOC")]


def test_identical_work_agrees_fully() -> None:
    result = agreement([sheet(a=GOLD, b=GOLD)], ["a", "b"], KINDS)
    pair = result.pairs[0]
    assert pair.exact == Counts(3, 3, 3) and pair.exact.f1 == 1.0
    assert pair.overlap.f1 == 1.0 and pair.kappa == 1.0
    assert pair.documents == 1 and pair.tokens > 10
    assert pair.exact.precision == pair.exact.recall == 1.0


def test_disjoint_work_agrees_not_at_all() -> None:
    pair = agreement([sheet(a=GOLD[:1], b=GOLD[1:])], ["a", "b"], KINDS).pairs[0]
    assert pair.exact.f1 == 0.0 and pair.overlap.f1 == 0.0
    assert pair.exact.precision == 0.0 and pair.exact.recall == 0.0
    assert pair.kappa is not None and pair.kappa < 0.5


def test_a_boundary_off_by_one_misses_exact_and_matches_overlap() -> None:
    start, end, label = GOLD[0]
    pair = agreement([sheet(a=GOLD, b=[(start, end - 1, label), *GOLD[1:]])], ["a", "b"], KINDS)
    scores = pair.pairs[0]
    assert scores.exact == Counts(2, 3, 3) and scores.overlap == Counts(3, 3, 3)
    assert scores.per_label["PER"].exact.f1 == 0.0 and scores.per_label["PER"].overlap.f1 == 1.0
    found = disagreements("a", "b", [sheet(a=GOLD, b=[(start, end - 1, label), *GOLD[1:]])])
    assert [(d.kind, d.a, d.b) for d in found] == [("boundary", GOLD[0], (start, end - 1, label))]


def test_nothing_on_either_side_is_nothing_to_compare() -> None:
    pair = agreement([sheet(a=[], b=[])], ["a", "b"], KINDS).pairs[0]
    assert pair.exact == Counts(0, 0, 0)
    assert pair.exact.f1 is None and pair.exact.precision is None and pair.exact.recall is None
    assert pair.kappa is None and pair.documents == 1  # all O on both sides: chance is 1
    assert agreement([], ["a", "b"], KINDS).pairs[0].documents == 0


def test_a_is_the_reference() -> None:
    counts = match(GOLD, GOLD[:1]).counts()[0]  # B found one of A's three
    assert counts.recall == pytest.approx(1 / 3) and counts.precision == 1.0
    assert counts.f1 == pytest.approx(2 * 1 / (3 + 1))


def test_overlap_matches_each_span_once_and_as_many_as_possible() -> None:
    a = [(0, 10, "X"), (8, 12, "X")]
    b = [(0, 10, "X"), (2, 4, "X")]
    exact, overlap = match(a, b).counts()
    assert (exact.matched, overlap.matched) == (1, 2)
    one_long = match([(0, 20, "X")], [(0, 5, "X"), (6, 12, "X")]).counts()[1]
    assert one_long == Counts(1, 1, 2)
    assert match([(0, 5, "X")], [(0, 5, "Y")]).counts()[1].matched == 0  # other label


def test_a_label_disagreement_is_listed_as_one() -> None:
    found = disagreements("a", "b", [sheet(a=GOLD[:1], b=[(*GOLD[0][:2], "ORG")])])
    assert [(d.kind, d.a, d.b) for d in found] == [("label", GOLD[0], (*GOLD[0][:2], "ORG"))]


def test_tokens_are_cut_at_span_boundaries_and_tagged_iob2() -> None:
    items = units([(0, 10)], [3, 10, 0, 7])
    assert items == [(0, 3), (3, 7), (7, 10)]
    got = tags(items, [(3, 10, "PER")], "entity", {"PER": "entity"})
    assert got == ["O", "B-PER", "I-PER"]


def test_kappa_by_hand() -> None:
    # 10 items: A says X on 6, B on 5; they agree on 4 X and 3 O.
    pairs = Counter({("X", "X"): 4, ("X", "O"): 2, ("O", "X"): 1, ("O", "O"): 3})
    observed, chance = 7 / 10, (6 * 5 + 4 * 5) / 100
    assert kappa(pairs) == pytest.approx((observed - chance) / (1 - chance))
    assert kappa(Counter()) is None and kappa(Counter({("O", "O"): 5})) is None


def _package_alpha(columns: list[list[str | None]]) -> float:
    values = sorted({v for col in columns for v in col if v is not None})
    code = {v: i for i, v in enumerate(values)}
    data = np.array(
        [[np.nan if v is None else code[v] for v in col] for col in columns], dtype=float
    )
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _patterns(columns: list[list[str | None]]) -> Counter[tuple[str, ...]]:
    return Counter(
        tuple(sorted(v for v in item if v is not None)) for item in zip(*columns, strict=True)
    )


def test_alpha_matches_the_package_on_real_spans() -> None:
    three = [GOLD, [(GOLD[0][0], GOLD[0][1] - 1, "PER"), *GOLD[1:]], [GOLD[0], at("الرقة", "ORG")]]
    work = {f"n{i}": w for i, w in enumerate(three)}
    result = agreement([sheet(**work)], list(work), KINDS)
    cuts = [p for w in three for p in w]
    items = units(token_offsets(TEXT), boundaries(cuts))
    columns: list[list[str | None]] = [tags(items, w, "entity", KINDS) for w in three]
    assert result.alpha == pytest.approx(_package_alpha(columns))
    assert result.alpha_tokens == len(items) and result.alpha_documents == 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.sampled_from("ABC")), min_size=3, max_size=3),
        min_size=2,
        max_size=30,
    )
)
def test_alpha_matches_the_package(items: list[list[str | None]]) -> None:
    columns = [list(col) for col in zip(*items, strict=True)]
    ours = alpha(_patterns(columns))
    pairable = [i for i in items if sum(v is not None for v in i) >= 2]
    values = {v for i in pairable for v in i if v is not None}
    if ours is None:
        assert len(values) <= 1 or not pairable
        return
    assert ours == pytest.approx(_package_alpha(columns))


def test_kappa_of_a_pair_is_cohens_on_the_dense_tags() -> None:
    start, end, label = GOLD[0]
    b = [(start, end - 1, label), (*GOLD[1][:2], "ORG"), at("أنقرة", "LOC")]
    pair = agreement([sheet(a=GOLD, b=b)], ["a", "b"], KINDS).pairs[0]
    items = units(token_offsets(TEXT), boundaries([*GOLD, *b]))
    dense = Counter(
        zip(tags(items, GOLD, "entity", KINDS), tags(items, b, "entity", KINDS), strict=True)
    )
    assert pair.kappa == pytest.approx(kappa(dense)) and pair.tokens == len(items)
    assert len(items) > len(token_offsets(TEXT))  # the shortened span (and والرقة) cut tokens


def test_layers_keep_a_quote_and_the_entities_inside_it_apart() -> None:
    quote = (TEXT.index("«"), TEXT.index("»") + 1, "QUOTE")
    inside = [p for p in GOLD if quote[0] <= p[0] < quote[1]] or [GOLD[0]]
    result = agreement([sheet(a=[quote, *inside], b=[quote, *inside])], ["a", "b"], KINDS)
    assert result.layers == ("entity", "quote") and result.pairs[0].kappa == 1.0


SPANS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 8), st.sampled_from("XY")).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(SPANS, SPANS)
def test_overlap_matching_is_one_to_one_and_never_below_exact(
    a: list[tuple[int, int, str]], b: list[tuple[int, int, str]]
) -> None:
    found = match(a, b)
    exact, overlap = found.counts()
    assert exact.matched <= overlap.matched <= min(len(set(a)), len(set(b)))
    assert (
        len({p for p, _q in found.overlap})
        == len({q for _p, q in found.overlap})
        == len(found.overlap)
    )
    for p, q in found.overlap:
        assert p[2] == q[2] and p[0] < q[1] and q[0] < p[1]
    swapped = match(b, a).counts()
    assert swapped[1].matched == overlap.matched  # the same size of matching either way


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 60), max_size=10))
def test_units_cover_the_tokens_cut_at_every_inner_boundary(cuts: list[int]) -> None:
    tokens = token_offsets(TEXT[:60])
    items = units(tokens, cuts)
    assert "".join(TEXT[s:e] for s, e in items) == "".join(TEXT[s:e] for s, e in tokens)
    inner = {c for c in cuts if any(s < c < e for s, e in tokens)}
    assert len(items) == len(tokens) + len(inner)
    assert all(s < e for s, e in items)
