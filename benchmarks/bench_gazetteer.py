"""The gazetteer recommender's speed: a 10,000-name list on a 6,000-token article (issue 11).

Usage: python benchmarks/bench_gazetteer.py [--runs N]

The names are ANERcorp's entity texts (tests/fixtures/ANERCorp.txt: every B-/I- run, its label
mapped PERS → PER), the most frequent first: 4,400 distinct keys, filled up to 10,000 with
two-word names made of their words (``_padded``). Two articles of 6,000
tokens: the sample article (seeds/) repeated, and the first 6,000 tokens of ANERcorp, one
sentence a line (so most of its entities are in the list). Printed: the median of the runs for
building the matcher once, for ``suggest`` on each article (it tokenizes the article itself),
and, as the baseline from the same run, one ``token_offsets`` of the article; the quote
recommender on the same articles (the other rule recommender a document runs).

Then the quality of a gazetteer made from ANERcorp's first half (each entity text with its most
frequent label) suggesting on the second half (documents of 15 sentences), against the gold
spans, exact match (core/evaluation.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.evaluation import Item, evaluate, render  # noqa: E402
from annotator.core.model import DEFAULT_LABELS  # noqa: E402
from annotator.core.recommend_gazetteer import (  # noqa: E402
    Gazetteer,
    GazetteerEntry,
    GazetteerMatcher,
    name_words,
)
from annotator.core.recommend_quotes import suggest_quotes  # noqa: E402
from annotator.core.tokens import token_offsets  # noqa: E402

ANERCORP = ROOT / "tests" / "fixtures" / "ANERCorp.txt"
ARTICLE = ROOT / "seeds" / "washington-turkey-isis.txt"
NAMES = 10_000
TOKENS = 6_000
LABELS = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def anercorp() -> list[tuple[str, str]]:
    rows = []
    for line in ANERCORP.read_text("utf-8").splitlines():
        token, _, tag = line.rpartition(" ")
        if token:
            rows.append((token, tag))
    return rows


def entity_names(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    current: list[str] = []
    label = ""
    for token, tag in [*rows, ("", "O")]:
        if current and not tag.startswith("I-"):
            counts[(" ".join(current), LABELS.get(label, "MISC"))] += 1
            current = []
        if tag.startswith("B-"):
            current, label = [token], tag[2:]
        elif tag.startswith("I-") and current:
            current.append(token)
    names: list[tuple[str, str]] = []
    seen: set[tuple[str, ...]] = set()
    for (name, lb), _ in counts.most_common():
        words = name_words(name)
        if words and words not in seen:
            seen.add(words)
            names.append((name, lb))
    return _padded(names)[:NAMES]


def _padded(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ANERcorp holds about 4,400 distinct entity texts: the list is filled up to NAMES with
    two-word names made of the first word of one name and the last word of the next one of the
    same label (آشتون بوش): they share first words with the real names, so the dict buckets
    the matcher looks in are as full as a real 10,000-name list makes them."""
    seen = {name_words(n) for n, _ in names}
    out = list(names)
    by_label: dict[str, list[str]] = {}
    for name, lb in names:
        by_label.setdefault(lb, []).append(name)
    step = 1
    while len(out) < NAMES and step < 50:
        for lb, group in sorted(by_label.items()):
            for i, name in enumerate(group):
                other = group[(i + step) % len(group)]
                made = f"{name.split()[0]} {other.split()[-1]}"
                words = name_words(made)
                if words not in seen:
                    seen.add(words)
                    out.append((made, lb))
                if len(out) >= NAMES:
                    return out
        step += 1
    return out


def articles(rows: list[tuple[str, str]]) -> dict[str, str]:
    sample = ARTICLE.read_text("utf-8")
    repeated = sample
    while len(token_offsets(repeated)) < TOKENS:
        repeated += "\n\n" + sample
    pairs = token_offsets(repeated)
    repeated = repeated[: pairs[TOKENS - 1][1]]
    lines, line = [], []
    for token, _ in rows[:TOKENS]:
        line.append(token)
        if token == ".":
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return {"sample article x9": repeated, "ANERcorp head": "\n".join(lines)}


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    rows = anercorp()
    names = entity_names(rows)
    gazetteer = Gazetteer(
        "anercorp", tuple(GazetteerEntry(n, lb, i) for i, (n, lb) in enumerate(names, 1))
    )
    build = median_ms(lambda: GazetteerMatcher([gazetteer], DEFAULT_LABELS), max(3, runs // 3))
    matcher = GazetteerMatcher([gazetteer], DEFAULT_LABELS)
    print(
        f"gazetteer: {matcher.size:,} names (ANERcorp entity texts, padded); {runs} runs, medians"
    )
    print(f"  build the matcher once              {build:8.1f} ms")
    for title, text in articles(rows).items():
        tokens = len(token_offsets(text))
        found = len(matcher.suggest(1, text))
        suggest = median_ms(lambda text=text: matcher.suggest(1, text), runs)
        baseline = median_ms(lambda text=text: token_offsets(text), runs)
        print(f"  {title} ({tokens:,} tokens, {len(text):,} characters): {found:,} suggestions")
        print(f"    suggest                           {suggest:8.1f} ms")
        print(f"    baseline: one token_offsets       {baseline:8.1f} ms")
        quotes = median_ms(lambda text=text: suggest_quotes(1, text), runs)
        print(f"    quotes (no entities given)        {quotes:8.1f} ms")
    quality(rows)


def documents(rows: list[tuple[str, str]]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """ANERcorp as documents of 15 sentences: the text (tokens joined by spaces, a sentence a
    line) and the gold spans (start, end, label)."""
    out: list[tuple[str, list[tuple[int, int, str]]]] = []
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = sentences = 0
    open_span: tuple[int, str] | None = None
    end = 0
    for token, tag in rows:
        if parts and parts[-1] != "\n":
            parts.append(" ")
            length += 1
        if open_span is not None and not tag.startswith("I-"):
            spans.append((open_span[0], end, open_span[1]))
            open_span = None
        if tag.startswith("B-"):
            open_span = (length, LABELS.get(tag[2:], "MISC"))
        parts.append(token)
        length += len(token)
        end = length
        if token == ".":
            if open_span is not None:
                spans.append((open_span[0], end, open_span[1]))
                open_span = None
            sentences += 1
            if sentences % 15 == 0:
                out.append(("".join(parts), spans))
                parts, spans, length = [], [], 0
            else:
                parts.append("\n")
                length += 1
    return out


def quality(rows: list[tuple[str, str]]) -> None:
    docs = documents(rows)
    half = len(docs) // 2
    counts: dict[tuple[str, ...], Counter[str]] = {}
    names: dict[tuple[str, ...], str] = {}
    for text, spans in docs[:half]:
        for start, end, label in spans:
            words = name_words(text[start:end])
            counts.setdefault(words, Counter())[label] += 1
            names.setdefault(words, text[start:end])
    entries = tuple(
        GazetteerEntry(names[words], c.most_common(1)[0][0], i)
        for i, (words, c) in enumerate(counts.items(), 1)
    )
    matcher = GazetteerMatcher([Gazetteer("first half", entries)], DEFAULT_LABELS)
    suggested: list[Item] = []
    gold: list[Item] = []
    for number, (text, spans) in enumerate(docs[half:], 1):
        suggested += [(number, s.start, s.end, s.label) for s in matcher.suggest(number, text)]
        gold += [(number, a, b, label) for a, b, label in spans]
    title = (
        f"quality: a gazetteer of ANERcorp's first half ({matcher.size:,} names, "
        f"{half} documents) on the second half ({len(docs) - half} documents), exact match"
    )
    print(render(evaluate(suggested, gold), title), end="")


if __name__ == "__main__":
    main()
