"""The consistency report: one text, several labels, by search key."""

from __future__ import annotations

from annotator.core.consistency import Place, inconsistencies, render
from annotator.core.model import DEFAULT_LABELS


def test_nine_and_one() -> None:
    rows = [(d, "الرقة", "LOC", 10 * d) for d in range(1, 10)]
    rows += [(4, "الرقه", "ORG", 77), (2, "كارتر", "PER", 5), (3, "كارتر", "PER", 6)]
    (item,) = inconsistencies(rows)
    assert (item.key, item.text, item.total) == ("الرقه", "الرقة", 10)
    assert item.counts == (("LOC", 9), ("ORG", 1))
    assert item.majority == "LOC"
    assert item.elsewhere == (("ORG", (Place(4, 77, "الرقه"),)),)
    assert render([item]) == (
        "1 text labelled differently (by search key):\n"
        "الرقة  (10 spans: LOC 9, ORG 1)\n"
        "  ORG in document 4 at 77 (الرقه)\n"
    )


def test_search_key_tashkeel_hamza_and_spaces() -> None:
    rows = [(1, "أَنْقَرَة", "LOC"), (1, " انقرة", "LOC"), (2, "أنقرة", "ORG")]
    (item,) = inconsistencies(rows)
    assert item.counts == (("LOC", 2), ("ORG", 1))
    assert item.elsewhere == (("ORG", (Place(2, None, "أنقرة"),)),)


def test_a_tie_lists_every_label() -> None:
    rows = [(1, "داعش", "ORG", 3), (2, "داعش", "MISC", 8), (1, "داعش", "MISC", 1)]
    rows += [(3, "داعش", "ORG", 0)]
    (item,) = inconsistencies(rows)
    assert item.majority is None
    assert item.counts == (("MISC", 2), ("ORG", 2))
    assert [label for label, _ in item.elsewhere] == ["MISC", "ORG"]
    assert item.elsewhere[0][1] == (Place(1, 1, "داعش"), Place(2, 8, "داعش"))


def test_kinds_apart_with_a_label_set() -> None:
    rows = [(1, "الاجتماع", "EVENT"), (1, "الاجتماع", "ORG"), (2, "الاجتماع", "ORG")]
    assert len(inconsistencies(rows)) == 1
    assert inconsistencies(rows, DEFAULT_LABELS) == []


def test_order_limit_and_nothing_to_report() -> None:
    rows = [(1, "أ", "PER"), (1, "أ", "ORG")]
    rows += [(d, "ب", "LOC") for d in range(14)] + [(d, "ب", "ORG") for d in range(12)]
    report = inconsistencies(rows)
    assert [item.text for item in report] == ["ب", "أ"]
    text = render(report, limit=3)
    assert "  ORG in document 0, document 1, document 2 and 9 more\n" in text
    assert render([]) == "no text is labelled differently\n"
    assert inconsistencies([(1, "  ", "LOC"), (1, "", "ORG")]) == []
