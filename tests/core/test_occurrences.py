"""Label all occurrences: where else a span's text occurs (core.occurrences), on the sample
article and on sentences written for each rule."""

from __future__ import annotations

from pathlib import Path

from annotator.core.occurrences import occurrences

ARTICLE = (Path(__file__).parents[1] / "fixtures" / "washington-turkey-isis.txt").read_text(
    encoding="utf-8"
)


def words(text: str, found: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in found]


def test_the_stem_after_a_proclitic_is_found_and_the_proclitic_left_out() -> None:
    found = occurrences(ARTICLE, "الرقة", [])
    assert len(found) == 7
    assert set(words(ARTICLE, found)) == {"الرقة"}
    before = {ARTICLE[a - 1] for a, _ in found}
    assert "و" in before  # والرقة: the و stays out of the span
    turkey = occurrences(ARTICLE, "تركيا", [])
    assert {ARTICLE[a - 1 : a] for a, _ in turkey} >= {"ل", " "}  # لتركيا and تركيا


def test_matching_is_by_the_search_key() -> None:
    text = "زار الأكراد المدينة ثم عاد الاكراد، وقال الأكرادُ كلمتهم."
    found = occurrences(text, "الأكراد", [])
    assert words(text, found) == ["الأكراد", "الاكراد", "الأكرادُ"]


def test_never_inside_another_word() -> None:
    text = "مصر ومصرف مصري بمصر"
    assert words(text, occurrences(text, "مصر", [])) == ["مصر", "مصر"]
    assert [a for a, _ in occurrences(text, "مصر", [])] == [0, 16]


def test_spans_of_the_kind_already_there_are_left_alone() -> None:
    text = "قال جيمي كارتر إن كارتر يعرف كارتر"
    first = text.index("كارتر")
    longer = (text.index("جيمي"), first + len("كارتر"))  # جيمي كارتر, a PER span
    last = text.rindex("كارتر")
    found = occurrences(text, "كارتر", [longer, (last, last + 5)])
    assert found == [(text.index("كارتر", first + 1), text.index("كارتر", first + 1) + 5)]


def test_an_overlap_that_starts_before_the_match_and_one_that_ends_in_it() -> None:
    text = "أ الرقة ب الرقة ج الرقة"
    spans = [(0, 4), (16, 19)]  # from before the first match into it; ج and the third's start
    assert occurrences(text, "الرقة", spans) == [
        (text.index("الرقة", 5), text.index("الرقة", 5) + 5)
    ]


def test_a_blank_query_finds_nothing() -> None:
    assert occurrences(ARTICLE, "  ", []) == []
    assert occurrences("", "الرقة", []) == []
