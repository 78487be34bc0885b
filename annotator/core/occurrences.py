"""Label all occurrences: where else a span's text occurs, to be labelled the same (issue 11).

An occurrence is a match of ``core.search.find_words``: by the search key (tashkeel, tatweel,
hamza and alef forms, ة/ه, ى/ي at the ends of words ignored), a whole word or a whole word
after proclitics, so the stem is found and the و / ب / ل stays out (الرقة in والرقة، بالرقة);
never inside another word (مصر in مصرف). A match that overlaps a span of the same kind already
there is left alone (it is labelled, or a longer span holds it), and so are matches that
overlap an earlier one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from annotator.core.search import SearchIndex, find_words


def occurrences(
    text: str,
    query: str,
    taken: Iterable[tuple[int, int]],
    index: SearchIndex | None = None,
    words: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """The (start, end) of every occurrence of ``query`` in ``text`` that overlaps none of the
    ``taken`` ranges (the spans of the kind to be labelled), in text order. ``index``: the
    text's SearchIndex when one exists already; ``words``: ``find_words(text, query)`` when it
    is known already (core/search_near.py)."""
    if not query.strip():
        return []
    blocked = sorted(taken)
    starts = [a for a, _ in blocked]
    reach = _running_max_ends(blocked)
    found: list[tuple[int, int]] = []
    last_end = -1
    for start, end in find_words(text, query, index) if words is None else words:
        if start < last_end or _overlaps(starts, reach, start, end):
            continue
        found.append((start, end))
        last_end = end
    return found


def _running_max_ends(ranges: list[tuple[int, int]]) -> list[int]:
    """For ranges sorted by start: the largest end among the first k + 1 of them, for each k."""
    out: list[int] = []
    top = -1
    for _, end in ranges:
        top = max(top, end)
        out.append(top)
    return out


def _overlaps(starts: list[int], reach: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the ranges (sorted by start; ``reach`` as above)."""
    k = bisect_left(starts, end) - 1  # the last range starting before ``end``
    return k >= 0 and reach[k] > start
