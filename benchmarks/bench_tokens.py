"""Tokenizer and sentence agreement with ANERcorp, before and after issue 9 (docs/adr/0044).

Usage: python benchmarks/bench_tokens.py [ANERCorp.txt] [--examples N] [--runs R]

ANERcorp (../shared/data/ANERCorp.txt beside the repository, or the path given; the copy in
tests/fixtures/ is used when neither is there) is a list of tokens. The benchmark rebuilds the
text a news site would have written from them (``formats.tagging.join_tokens``, as the CoNLL
import does: one space between tokens, none before closing punctuation or after opening
brackets; a line break between sentences), tokenizes that text, and compares:

- **tokens identical**: the share of the corpus's tokens that our tokenizer gives back exactly
  (same start, same end in the rebuilt text);
- **sentences identical**: the share of the corpus's sentences whose every token is given back;
- **sentence ends**: the text rebuilt with no line breaks (a space between sentences), split by
  ``core.tokens.sentence_token_ranges``; how many of the corpus's sentence ends we find, and how
  many ends we add inside its sentences (after an abbreviation like ق.م. or د.).

"before" is the tokenizer of main before issue 9, frozen below; "after" is ``core.tokens``. The
corpus's tokens that are still not given back are counted by category, with examples. AQMAR
(Arabic Wikipedia NER) is not in the stored material here, so it is not measured.

The speed of both tokenizers over the same text is the median of R interleaved runs
(``--runs R``, 5 by default). Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.tokens import (  # noqa: E402
    CLOSERS,
    SENTENCE_END,
    Token,
    sentence_token_ranges,
    tokenize,
)
from annotator.formats.tagging import join_tokens  # noqa: E402

CANDIDATES = (
    ROOT.parent / "shared" / "data" / "ANERCorp.txt",
    ROOT / "tests" / "fixtures" / "ANERCorp.txt",
)

# --- the tokenizer of main before issue 9, frozen -------------------------------------------
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff"
    "\U000e0020-\U000e007f"
)
_JOINERS = "\u0640\u200c\u200d"
_GAP = "\\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
_WORD = rf"[^\W_]|[_{_MARKS}{_JOINERS}]"
_BEFORE_RE = re.compile(
    rf"""
    \d+(?:[.,\u066b\u066c]\d+)+
    | (?:{_WORD})+
    | [\U0001f1e6-\U0001f1ff]{{2}}
    | [^{_GAP}{_MARKS}][{_MARKS}]*
      (?:\u200d[^\w{_GAP}{_MARKS}][{_MARKS}]*)*
    | [{_MARKS}]+
    """,
    re.VERBOSE,
)


def tokenize_before(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _BEFORE_RE.finditer(text)]


# --- the corpus ----------------------------------------------------------------------------


def read_sentences(path: Path) -> list[list[str]]:
    """ANERcorp's tokens in sentences, as the CoNLL import reads them: direction marks
    removed from tokens, a sentence ending at . · ؟ ! ? … (not before another end mark or a
    closing quote)."""
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.rstrip().rsplit(" ", 1)
        if len(parts) != 2:
            continue
        token = parts[0].replace("\u200e", "").replace("\u200f", "").strip()
        if token:
            tokens.append(token)
    sents: list[list[str]] = []
    sent: list[str] = []
    for i, token in enumerate(tokens):
        sent.append(token)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in SENTENCE_END and nxt and nxt not in SENTENCE_END and nxt not in CLOSERS:
            sents.append(sent)
            sent = []
    if sent:
        sents.append(sent)
    return sents


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?")


def category(token: str, ours: str) -> str:
    """Why the corpus's ``token`` is not one of ours; ``ours`` is our token over its start."""
    if len(ours) > len(token):  # we join what the corpus splits
        if _ABBREVIATION.fullmatch(ours):
            return "one-letter word and its full stop split by the corpus, one token for us"
        if ours[-1] in "%٪" and (token == "%" or token[-1].isdigit()):
            return "percent sign apart in the corpus, glued in the rebuilt text (5 % -> 5%)"
        if ours.startswith(("http", "www.")):
            return "URL written in pieces by the corpus, one token for us"
        if re.search(r"\d[-–]\d", ours):
            return "range split by the corpus (5 - 7), one token for us"
        return "joined by us, split by the corpus"
    inner = token.strip(".,،؛:؟!?()«»\"'[]=-/·")
    if re.fullmatch(r"\[.*\]", token):
        return "wiki markup kept whole by the corpus ([تحرير])"
    if not _LETTER_OR_DIGIT.search(token):
        return 'symbols kept together by the corpus (), ". ··)'
    if inner != token and _LETTER_OR_DIGIT.search(inner):
        return "punctuation glued to a word in the corpus (وكالات: 2001، (د)"
    if re.search(r"[^\W\d_]-[^\W\d_]", token):
        return "hyphenated word kept whole by the corpus (Afro-Asiatic)"
    if "/" in token:
        return "slash inside a word in the corpus (ديسمبر/كانون)"
    if re.search(r"[^\W\d_]{2,}\.[^\W\d_]", token):
        return "abbreviation with two-letter parts (سي.أن.أن)"
    if re.search(r"\d[^\W\d_]|[^\W\d_]\d", token):
        return "number glued to a word (1000ق.م)"
    return "other"


def compare(
    sents: list[list[str]], tokenizer: Callable[[str], list[Token]]
) -> tuple[float, float, Counter[str], dict[str, list[str]]]:
    text, gold = join_tokens(sents)
    tokens = tokenizer(text)
    ours = {(t.start, t.end) for t in tokens}
    starts = [t.start for t in tokens]
    missed: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    same_tokens = same_sentences = 0
    k = 0
    for sent in sents:
        hits = sum(1 for pair in gold[k : k + len(sent)] if pair in ours)
        same_tokens += hits
        same_sentences += hits == len(sent)
        for a, b in gold[k : k + len(sent)]:
            if (a, b) not in ours:
                token = text[a:b]
                k_ours = bisect_right(starts, a) - 1
                over = tokens[k_ours].text if k_ours >= 0 and tokens[k_ours].end > a else ""
                why = category(token, over)
                missed[why] += 1
                shown = examples.setdefault(why, [])
                if token not in shown:
                    shown.append(token)
        k += len(sent)
    return same_tokens / len(gold), same_sentences / len(sents), missed, examples


def sentence_ends(
    sents: list[list[str]], tokenizer: Callable[[str], list[Token]]
) -> tuple[int, int, int]:
    """(corpus ends found, corpus ends, ends added inside the corpus's sentences) on the text
    rebuilt without line breaks."""
    text, gold = join_tokens([[t for s in sents for t in s]])
    corpus_ends: set[int] = set()
    k = 0
    for sent in sents[:-1]:
        k += len(sent)
        corpus_ends.add(gold[k - 1][1])
    tokens = tokenizer(text)
    ends = {tokens[b - 1].end for _, b in sentence_token_ranges(text, tokens)[:-1]}
    return len(ends & corpus_ends), len(corpus_ends), len(ends - corpus_ends)


def speed(sents: list[list[str]], runs: int) -> dict[str, float]:
    """MB/s of each tokenizer over the rebuilt text, the median of ``runs`` interleaved runs."""
    text, _ = join_tokens(sents)
    size = len(text.encode("utf-8")) / 1e6
    times: dict[str, list[float]] = {"before (main)": [], "after (core.tokens)": []}
    for _ in range(runs):
        for name, fn in (("before (main)", tokenize_before), ("after (core.tokens)", tokenize)):
            start = time.perf_counter()
            fn(text)
            times[name].append(time.perf_counter() - start)
    return {name: size / statistics.median(t) for name, t in times.items()}


def pct(x: float) -> str:
    return f"{100 * x:.2f}%"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--examples", type=int, default=6)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    path = args.corpus or next((p for p in CANDIDATES if p.exists()), None)
    if path is None or not path.exists():
        print("ANERCorp.txt not found (../shared/data/ or tests/fixtures/): nothing measured")
        return 0
    sents = read_sentences(path)
    print(f"{path.name}: {sum(map(len, sents)):,} tokens, {len(sents):,} sentences")
    print()
    rates = speed(sents, args.runs)
    print(
        "| tokenizer | tokens identical | sentences identical | sentence ends found | added"
        " | speed |"
    )
    print("|---|---|---|---|---|---|")
    results = {}
    for name, fn in (("before (main)", tokenize_before), ("after (core.tokens)", tokenize)):
        tok, sen, missed, examples = compare(sents, fn)
        found, total, added = sentence_ends(sents, fn)
        results[name] = (missed, examples)
        print(
            f"| {name} | {pct(tok)} | {pct(sen)} | {found:,} of {total:,} ({pct(found / total)})"
            f" | {added:,} | {rates[name]:.1f} MB/s |"
        )
    print()
    missed, examples = results["after (core.tokens)"]
    print(f"Corpus tokens still not given back: {sum(missed.values())}")
    for cat, n in missed.most_common():
        shown = " ".join(examples[cat][: args.examples])
        print(f"- {n:4d}  {cat}: {shown}")
    before, _ = results["before (main)"]
    print()
    print(f"Before, by category: {sum(before.values())} not given back")
    for cat, n in before.most_common():
        print(f"- {n:4d}  {cat}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
