"""The memory recommender: time on a 6,000-token article with 10,000 labelled texts, beside a
baseline measured in the same run; and its quality on ANERcorp, one half learning, the other
suggested on (issue 11).

Usage: python benchmarks/bench_suggest.py [--texts 10000] [--tokens 6000] [--runs 5]
       [--baseline-texts 1000]

Data, all real Arabic from tests/fixtures/ANERCorp.txt (read with our CoNLL reader):

- labelled texts: every distinct span text of ANERcorp with its label and count, then word
  n-grams of ANERcorp's text (1 to 3 words, in order of first occurrence) labelled MISC, until
  there are ``--texts``;
- the article: ANERcorp's documents from the middle on, joined, cut to ``--tokens`` tokens.

Timed (median of ``--runs``): ``learn`` (the memory built from the texts) and ``suggest`` (one
pass of the article's tokens; what a recommender run costs per document once learned). The
baseline is what the one pass replaces: ``core.search.find_words`` once per labelled text on
the article (its SearchIndex built once), timed on ``--baseline-texts`` texts and scaled to
``--texts`` (shown as such); both find the same places (checked on those texts).

Quality: the memory learned from the span texts of ANERcorp's first half suggests on the second
half (no spans shown to it); precision and recall against its gold spans (exact offsets and
label). ANERcorp keeps proclitics inside its spans (بالعراق is a LOC), and the memory leaves
them out (العراق), so an exact match undercounts what an annotator would accept.

Not a test: nothing asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Kind  # noqa: E402
from annotator.core.recommend_memory import learn, suggest  # noqa: E402
from annotator.core.search import SearchIndex, find_words  # noqa: E402
from annotator.core.tokens import token_offsets  # noqa: E402
from annotator.formats import conll  # noqa: E402

ANERCORP = ROOT / "tests" / "fixtures" / "ANERCorp.txt"
KINDS = {name: Kind.ENTITY for name in ("PERS", "LOC", "ORG", "MISC")}


def labelled_texts(docs: Sequence[AnnotatedDocument], wanted: int) -> list[tuple[str, str, int]]:
    counts = Counter((d.document.text[s.start : s.end], s.label) for d in docs for s in d.spans)
    texts = [(t, lb, n) for (t, lb), n in counts.items()][:wanted]
    seen = {t for t, _, _ in texts}
    for d in docs:
        text = d.document.text
        pairs = token_offsets(text)
        for size in (1, 2, 3):
            for k in range(len(pairs) - size + 1):
                if len(texts) >= wanted:
                    return texts
                gram = text[pairs[k][0] : pairs[k + size - 1][1]]
                if gram not in seen and "\n" not in gram:
                    seen.add(gram)
                    texts.append((gram, "MISC", 1))
    return texts


def article(docs: Sequence[AnnotatedDocument], tokens: int) -> str:
    text = "\n".join(d.document.text for d in docs[len(docs) // 2 :])
    pairs = token_offsets(text)
    return text[: pairs[min(tokens, len(pairs)) - 1][1]]


def median_ms(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def quality(docs: Sequence[AnnotatedDocument]) -> tuple[float, float, int]:
    half = len(docs) // 2
    counts = Counter(
        (d.document.text[s.start : s.end], s.label) for d in docs[:half] for s in d.spans
    )
    memory = learn((t, lb, n) for (t, lb), n in counts.items())
    right = suggested = gold = 0
    for d in docs[half:]:
        found = {(s.start, s.end, s.label) for s in suggest(memory, 1, d.document.text, [], KINDS)}
        spans = {(s.start, s.end, s.label) for s in d.spans}
        right += len(found & spans)
        suggested += len(found)
        gold += len(spans)
    return right / max(1, suggested), right / max(1, gold), suggested


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--tokens", type=int, default=6_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-texts", type=int, default=1_000)
    args = parser.parse_args(argv)
    docs, _ = conll.read_with_notes(ANERCORP, DEFAULT_LABELS)
    texts = labelled_texts(docs, args.texts)
    text = article(docs, args.tokens)
    n_tokens = len(token_offsets(text))
    print(
        f"{len(texts):,} labelled texts; article of {n_tokens:,} tokens, {len(text):,} characters"
    )

    memory = learn(texts)
    learn_ms = median_ms(args.runs, lambda: learn(texts))
    suggest_ms = median_ms(args.runs, lambda: suggest(memory, 1, text, [], KINDS))
    found = suggest(memory, 1, text, [], KINDS)

    sample = texts[: args.baseline_texts]
    index = SearchIndex(text)

    def baseline() -> set[tuple[int, int]]:
        return {place for t, _, _ in sample for place in find_words(text, t, index)}

    baseline_ms = median_ms(max(1, args.runs // 2), baseline)
    few = suggest(learn(sample), 1, text, [], KINDS)
    # the same places, before overlaps are resolved (longest first): every one-pass place is
    # a find_words place, and every find_words place is inside one
    places = baseline()
    assert {(s.start, s.end) for s in few} <= places
    scaled = baseline_ms * len(texts) / max(1, len(sample))
    print(f"memory learn            {learn_ms:9.1f} ms")
    print(f"memory suggest (1 pass) {suggest_ms:9.1f} ms   ({len(found):,} suggestions)")
    print(
        f"baseline find_words     {scaled:9.1f} ms   (one find per text: {baseline_ms:.1f} ms "
        f"for {len(sample):,} texts, scaled to {len(texts):,})"
    )
    precision, recall, suggested = quality(docs)
    print(
        f"ANERcorp, first half learned, second half suggested: precision {precision:.3f}, "
        f"recall {recall:.3f} ({suggested:,} suggestions; exact offsets and label)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
