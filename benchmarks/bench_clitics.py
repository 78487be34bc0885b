"""Proclitic snapping accuracy: an annotator working through NewsFANE Gold in order (issue 9 §1).

Usage: python benchmarks/bench_clitics.py [NewsFANE_Gold_2014_first_half.txt] [--errors N]

The corpus is ../shared/data/NewsFANE_Gold_2014_first_half.txt beside the repository (or the
path given); the benchmark stops with a message when it is absent. NewsFANE Gold (Alotaibi and
Lee, COLING 2014, CC BY-SA 3.0) splits clitics as tokens of their own, so it is gold for
proclitic segmentation. The simulation:

- sentences (blank lines between them) are grouped 15 to a document, in file order;
- each document's text is rebuilt the way the news site wrote it: a proclitic token (و ف ب ك ل
  س tagged O or I-) is glued to the word after it (ل + الامم is written للامم: the article's
  alef is dropped), a pronoun suffix token (ه ها هم...) to the word before it;
- every gold entity whose first word starts with و ف ب ك ل is a case: the annotator selects
  the whole word(s) and the real ``snap()`` with ``CliticAnalyser.live`` decides. Right means
  the span starts where gold says (after the glued proclitic tokens, or at the word when gold
  keeps it whole). Every gold span, right or corrected, then becomes span evidence;
- token counts: the documents seen so far plus the current one (as the window counts them).

Printed: accuracy overall, by first letter and for و + ال, next to two baselines measured on the
same cases (never split; strip one و and nothing else), and the errors by pattern. Then the
same on the sample article in seeds/, whose expected spans are written out below.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.clitics import (  # noqa: E402
    CliticAnalyser,
    SpanEvidence,
    snap,
    span_key,
)
from annotator.core.search import fold  # noqa: E402
from annotator.core.tokens import word_tokens  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "NewsFANE_Gold_2014_first_half.txt"
ARTICLE = ROOT / "seeds" / "washington-turkey-isis.txt"
SENTENCES_PER_DOCUMENT = 15
LETTERS = "وفبكل"
PROCLITIC_TOKENS = frozenset("وفبكلس")
SUFFIX_TOKENS = frozenset(["ه", "ها", "هم", "هما", "هن", "كم", "كن", "نا", "ني", "ي"])


@dataclass(frozen=True, slots=True)
class Case:
    """One gold entity: the first word's start, where gold starts the span, and its end."""

    word_start: int
    gold_start: int
    end: int
    checked: bool  # the first word starts with a proclitic letter


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    cases: list[Case]


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    raw = path.read_text(encoding="utf-8-sig")
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in raw.splitlines():
        parts = line.split("\t")
        token = parts[0].replace("\u200e", "").strip()
        if len(parts) != 2 or not token:
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append((token, parts[1].strip()))
    return [s for s in sentences if s]


def _is_arabic_word(token: str) -> bool:
    return len(token) >= 2 and "\u0621" <= token[0] <= "\u064a"


def rebuild(sentences: list[list[tuple[str, str]]]) -> Document:
    """The text as published (clitics glued back) and its gold entities."""
    lines: list[str] = []
    cases: list[Case] = []
    pos = 0
    for sentence in sentences:
        n = len(sentence)
        words: list[str] = []
        word_of: list[int] = []  # token index -> index of the word holding it
        stem_at: dict[int, int] = {}  # token index of a word's stem -> proclitic letters
        i = 0
        while i < n:
            prefix = ""
            while (
                i + 1 < n
                and sentence[i][0] in PROCLITIC_TOKENS
                and not sentence[i][1].startswith("B-")
                and _is_arabic_word(sentence[i + 1][0])
            ):
                prefix += sentence[i][0]
                word_of.append(len(words))
                i += 1
            word = sentence[i][0]
            if prefix.endswith("ل") and word.startswith("ال"):
                word = word[1:]  # ل + الامم is written للامم
            stem_at[i] = len(prefix)
            word_of.append(len(words))
            i += 1
            while (
                i < n
                and sentence[i][0] in SUFFIX_TOKENS
                and not sentence[i][1].startswith("B-")
                and _is_arabic_word(word)
            ):
                word += sentence[i][0]
                word_of.append(len(words))
                i += 1
            words.append(prefix + word)
        if lines:
            pos += 1  # the line break
        word_starts: list[int] = []
        offset = pos
        for word in words:
            word_starts.append(offset)
            offset += len(word) + 1
        text = " ".join(words)
        for t, (_, tag) in enumerate(sentence):
            if not tag.startswith("B-") or t not in stem_at:
                continue
            last = t
            while last + 1 < n and sentence[last + 1][1] == "I-" + tag[2:]:
                last += 1
            w_first, w_last = word_of[t], word_of[last]
            word_start = word_starts[w_first]
            end = word_starts[w_last] + len(words[w_last])
            cases.append(
                Case(word_start, word_start + stem_at[t], end, words[w_first][0] in LETTERS)
            )
        lines.append(text)
        pos += len(text)
    return Document("\n".join(lines), cases)


def documents(path: Path) -> Iterator[Document]:
    sentences = read_sentences(path)
    for k in range(0, len(sentences), SENTENCES_PER_DOCUMENT):
        yield rebuild(sentences[k : k + SENTENCES_PER_DOCUMENT])


@dataclass
class Tally:
    right: Counter[str]
    total: Counter[str]

    @classmethod
    def new(cls) -> Tally:
        return cls(Counter(), Counter())

    def add(self, groups: list[str], ok: bool) -> None:
        for g in groups:
            self.total[g] += 1
            self.right[g] += ok

    def share(self, group: str) -> str:
        if not self.total[group]:
            return "-"
        return f"{100 * self.right[group] / self.total[group]:5.1f}%"


def groups_of(word: str) -> list[str]:
    groups = ["all", word[0]]
    if word.startswith("وال"):
        groups.append("وال")
    return groups


def classify(
    word: str, gold_split: bool, predicted_start: int, case: Case, reason: str | None
) -> str:
    if gold_split and predicted_start == case.word_start:
        return "kept whole: " + ("contraction لل" if word.startswith("لل") else "no evidence")
    if not gold_split:
        return f"split a whole word ({reason})"
    return f"split at the wrong letter ({reason})"


def simulate(docs: list[Document], show: int) -> None:
    counts: Counter[str] = Counter()
    evidence = SpanEvidence()
    analyser = CliticAnalyser.live(counts, evidence)
    snapper, never, strip_waw = Tally.new(), Tally.new(), Tally.new()
    errors: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for doc in docs:
        counts.update(fold(w) for w in word_tokens(doc.text))
        for case in doc.cases:
            if case.checked:
                word = doc.text[case.word_start : case.end].split(" ", 1)[0]
                groups = groups_of(word)
                gold_split = case.gold_start != case.word_start
                result = snap(doc.text, case.word_start, case.end, analyser)
                predicted = result.start if result is not None else case.word_start
                ok = predicted == case.gold_start
                snapper.add(groups, ok)
                never.add(groups, not gold_split)
                waw = case.word_start + 1 if word[0] == "و" else case.word_start
                strip_waw.add(groups, waw == case.gold_start)
                if not ok:
                    reason = result.clitic.reason if result and result.clitic else None
                    pattern = classify(word, gold_split, predicted, case, reason)
                    errors[pattern] += 1
                    gold = doc.text[case.gold_start : case.end]
                    examples.setdefault(pattern, []).append(f"{word}→{gold.split(' ')[0]}")
            evidence.add_keys([span_key(doc.text[case.gold_start : case.end])])
    print(f"NewsFANE half: {len(docs)} documents, {snapper.total['all']} cases")
    print(f"{'':8} {'snap':>7} {'never':>7} {'strip و':>7}   cases")
    for group in ["all", *LETTERS, "وال"]:
        print(
            f"{group:8} {snapper.share(group):>7} {never.share(group):>7}"
            f" {strip_waw.share(group):>7}   {snapper.total[group]}"
        )
    print("errors by pattern:")
    for pattern, n in errors.most_common():
        print(f"  {n:4}  {pattern}: {' '.join(examples[pattern][:show])}")


# The sample article: every entity mention, as the annotator would label it, in text order.
# (surface in the text, expected span). The issue: واشنطن and وزارة stay whole.
ARTICLE_ENTITIES = [
    ("واشنطن", "واشنطن"),
    ("لتركيا", "تركيا"),
    ("«داعش»", "داعش"),
    ("داعش", "داعش"),
    ("الموصل", "الموصل"),
    ("والرقة", "الرقة"),
    ("آشتون كارتر", "آشتون كارتر"),
    ("للتحالف الدولي", "للتحالف الدولي"),
    ("كارتر", "كارتر"),
    ("بي بي سي", "بي بي سي"),
    ("سوريا", "سوريا"),
    ("أنقرة", "أنقرة"),
    ("وزارة الدفاع الأميركية", "وزارة الدفاع الأميركية"),
    ("البنتاغون", "البنتاغون"),
    ("فكري إيشق", "فكري إيشق"),
    ("لندن", "لندن"),
    ("الولايات المتحدة", "الولايات المتحدة"),
    ("وحدات حماية الشعب", "وحدات حماية الشعب"),
    ("منبج", "منبج"),
    ("تركيا", "تركيا"),
    ("الفرات", "الفرات"),
    ("سرت", "سرت"),
    ("إيشق", "إيشق"),
    ("لـ«رويترز»", "رويترز"),
    ("العراق", "العراق"),
    ("صلاح الدين", "صلاح الدين"),
    ("الشرقاط", "الشرقاط"),
    ("تكريت", "تكريت"),
    ("الرقة", "الرقة"),
]


def article_mentions(text: str) -> list[tuple[int, int, str]]:
    """Every mention (start, end, expected span), the longest surface first where they overlap."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for surface, expected in sorted(ARTICLE_ENTITIES, key=lambda e: -len(e[0])):
        for m in re.finditer(rf"(?<![\w«]){re.escape(surface)}(?!\w)", text):
            if taken.isdisjoint(range(m.start(), m.end())):
                taken.update(range(m.start(), m.end()))
                found.append((m.start(), m.end(), expected))
    return sorted(found)


def article(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    counts = Counter(fold(w) for w in word_tokens(text))
    evidence = SpanEvidence()
    analyser = CliticAnalyser.live(counts, evidence)
    right = total = 0
    wrong: list[str] = []
    for start, end, expected in article_mentions(text):
        result = snap(text, start, end, analyser)
        got = text[result.start : result.end] if result else ""
        surface = text[start:end]
        if surface[0] in LETTERS:
            total += 1
            right += got == expected
            if got != expected:
                wrong.append(f"{surface}→{got} (expected {expected})")
        at = text.index(expected, start)
        evidence.add_keys([span_key(text[at : at + len(expected)])])
    print(f"sample article: {right} of {total} right" + (": " if wrong else ""), *wrong)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--errors", type=int, default=8, help="examples shown per pattern")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"NewsFANE Gold not found at {args.corpus}: skipped (see docs/benchmarks-clitics.md)")
        return
    simulate(list(documents(args.corpus)), args.errors)
    article(ARTICLE)


if __name__ == "__main__":
    main()
