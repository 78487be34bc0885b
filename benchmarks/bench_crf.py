"""The project's CRF entity model on ANERcorp (issue 12, ADR 0066).

Usage: python benchmarks/bench_crf.py

tests/fixtures/ANERCorp.txt read by our CoNLL reader (4,894 sentences, cut into documents of
50): the first 80% of sentences train, the last 20% test (the document holding the cut is cut
in two at its line). Exact entity match (offsets and label) for PERS/LOC/ORG/MISC, checked
against seqeval's strict IOB2 mode on ANERcorp's own tokens; our CRF next to a plain CRF (word,
1-3 letter affixes, the words at +-1; L-BFGS, c1 = c2 = 0.05) trained in the same run, per
label. Then training on all of ANERcorp, and suggesting on a 6,000-token article (the sample
article repeated), median of 5. Times are wall clock and this process's CPU time: on a machine
other jobs share, the CPU time is what the code costs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]
from seqeval.metrics import f1_score
from seqeval.scheme import IOB2

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.crf_features import sentences_of, spans_of, tags_for
from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument
from annotator.core.tokens import token_offsets
from annotator.formats import conll
from annotator.ops.crf_model import Example, Scores, Suggester, score, train

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
LABELS = ("LOC", "MISC", "ORG", "PERS")


Offsets = list[tuple[int, int]]


def split_sentences(
    docs: list[AnnotatedDocument], share: float
) -> tuple[list[Example], list[Example], list[Offsets]]:
    """Train and test examples: the first ``share`` of all sentences (lines) and the rest; and
    ANERcorp's own tokens of each test example."""
    lines = [d.document.text.count("\n") + 1 for d in docs]
    cut = int(sum(lines) * share)
    train_set: list[Example] = []
    test_set: list[Example] = []
    test_tokens: list[Offsets] = []
    seen = 0
    for doc, n in zip(docs, lines, strict=True):
        text, spans = doc.document.text, [(s.start, s.end, s.label) for s in doc.spans]
        kept = doc.document.meta.get("tokens")
        tokens = [(a, b) for a, b in kept] if isinstance(kept, list) else token_offsets(text)
        if seen + n <= cut:
            train_set.append((text, spans))
        elif seen >= cut:
            test_set.append((text, spans))
            test_tokens.append(tokens)
        else:
            at = [i for i, ch in enumerate(text) if ch == "\n"][cut - seen - 1]
            train_set.append((text[:at], [s for s in spans if s[1] <= at]))
            test_set.append(
                (text[at + 1 :], [(a - at - 1, b - at - 1, lb) for a, b, lb in spans if a > at])
            )
            test_tokens.append([(a - at - 1, b - at - 1) for a, b in tokens if a > at])
        seen += n
    return train_set, test_set, test_tokens


def plain_features(words: list[str]) -> list[dict[str, str]]:
    out = []
    for i, w in enumerate(words):
        f = {"w": w, **{f"p{n}": w[:n] for n in (1, 2, 3)}, **{f"s{n}": w[-n:] for n in (1, 2, 3)}}
        f["-1"] = words[i - 1] if i else "<s>"
        f["+1"] = words[i + 1] if i + 1 < len(words) else "</s>"
        out.append(f)
    return out


def plain_scores(train_set: list[Example], test_set: list[Example]) -> Scores:
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in train_set:
        for tokens in sentences_of(text):
            trainer.append(plain_features([t.text for t in tokens]), tags_for(tokens, spans))
    trainer.set_params({"c1": 0.05, "c2": 0.05, "max_iterations": 100})
    scores = Scores(Counter(), Counter(), Counter())
    with tempfile.TemporaryDirectory() as folder:
        trainer.train(f"{folder}/m")
        tagger = pycrfsuite.Tagger()
        tagger.open(f"{folder}/m")
        for text, spans in test_set:
            gold = set(spans)
            got = set()
            for tokens in sentences_of(text):
                tags = tagger.tag(plain_features([t.text for t in tokens]))
                got |= {(s, e, lb) for s, e, lb, _f, _l in spans_of(tokens, tags)}
            scores.gold.update(lb for _s, _e, lb in gold)
            scores.predicted.update(lb for _s, _e, lb in got)
            scores.true_positives.update(lb for _s, _e, lb in gold & got)
    return scores


def iob2(offsets: list[tuple[int, int]], spans: object) -> list[str]:
    """IOB2 tags of ANERcorp's tokens (``offsets``) for spans: B at the token holding the start."""
    tags = ["O"] * len(offsets)
    for start, end, label in spans:  # type: ignore[attr-defined]
        inside = [i for i, (a, b) in enumerate(offsets) if a < end and b > start]
        for k, i in enumerate(inside):
            tags[i] = ("B-" if k == 0 else "I-") + label
    return tags


def seqeval_f1(suggester: Suggester, test_set: list[Example], tokens: list[Offsets]) -> float:
    """seqeval strict IOB2 micro F1 on ANERcorp's own tokens, sentence (line) by sentence."""
    gold: list[list[str]] = []
    predicted: list[list[str]] = []
    for (text, spans), offsets in zip(test_set, tokens, strict=True):
        got = [(p.start, p.end, p.label) for p in suggester.predict(text)]
        line_start = 0
        for line in text.split("\n"):
            line_end = line_start + len(line)
            mine = [(a, b) for a, b in offsets if line_start <= a < line_end]
            gold.append(iob2(mine, spans))
            predicted.append(iob2(mine, got))
            line_start = line_end + 1
    return float(f1_score(gold, predicted, mode="strict", scheme=IOB2))


def main() -> None:
    text = (FIXTURES / "ANERCorp.txt").read_text(encoding="utf-8")
    docs, _notes = conll.loads(text, DEFAULT_LABELS, title="ANERcorp")
    train_set, test_set, test_tokens = split_sentences(docs, 0.8)
    trained = train(train_set)
    suggester = Suggester(trained)
    ours = score(suggester, test_set)
    strict = seqeval_f1(suggester, test_set, test_tokens)
    suggester.close()
    plain = plain_scores(train_set, test_set)
    print(f"{'':<8}{'ours':>21}{'plain':>21}")
    print(f"{'label':<8}" + f"{'P':>7}{'R':>7}{'F1':>7}" * 2)
    for label in (*LABELS, None):
        row = "".join(f"{x:>7.3f}" for s in (ours, plain) for x in s.prf(label))
        print(f"{label or 'micro':<8}{row}")
    print(f"seqeval strict IOB2 micro F1 (ours, on ANERcorp's tokens): {strict:.3f}")
    began, cpu = time.perf_counter(), time.process_time()
    full = train([(d.document.text, [(s.start, s.end, s.label) for s in d.spans]) for d in docs])
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(f"training on all ANERcorp ({full.spans} spans): {wall:.1f} s (CPU {cpu:.1f} s)")
    article = (FIXTURES / "washington-turkey-isis.txt").read_text(encoding="utf-8")
    while sum(len(s) for s in sentences_of(article)) < 6000:
        article += "\n" + article
    suggester = Suggester(full)
    times, cpus = [], []
    for _ in range(5):
        began, cpu = time.perf_counter(), time.process_time()
        suggester.predict(article)
        times.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    n = sum(len(s) for s in sentences_of(article))
    wall, cpu = statistics.median(times) * 1000, statistics.median(cpus) * 1000
    print(f"suggesting on {n} tokens: median {wall:.0f} ms (CPU {cpu:.0f} ms)")


if __name__ == "__main__":
    main()
