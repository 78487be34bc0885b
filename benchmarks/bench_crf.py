"""The project's CRF entity model on ANERcorp (issue 12, ADR 0066).

Usage: python benchmarks/bench_crf.py

tests/fixtures/ANERCorp.txt read by our CoNLL reader (98 documents of 50 sentences): the first
80% of documents train, the last 20% test. Exact entity match (offsets and label: seqeval's
strict IOB2 on these tokens) for PERS/LOC/ORG/MISC, our CRF next to a plain CRF (word, 1-3
char affixes, the words at +-1) trained in the same run; then training on all of ANERcorp and
suggesting on a 6,000-token article (the sample article repeated), median of 5.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.crf_features import sentences_of, spans_of, tags_for
from annotator.core.model import DEFAULT_LABELS
from annotator.formats import conll
from annotator.ops.crf_model import Example, Suggester, score, train

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def plain_features(words: list[str]) -> list[dict[str, str]]:
    out = []
    for i, w in enumerate(words):
        f = {"w": w, **{f"p{n}": w[:n] for n in (1, 2, 3)}, **{f"s{n}": w[-n:] for n in (1, 2, 3)}}
        f["-1"] = words[i - 1] if i else "<s>"
        f["+1"] = words[i + 1] if i + 1 < len(words) else "</s>"
        out.append(f)
    return out


def plain_f1(train_set: list[Example], test_set: list[Example]) -> tuple[float, float, float]:
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in train_set:
        for tokens in sentences_of(text):
            trainer.append(plain_features([t.text for t in tokens]), tags_for(tokens, spans))
    trainer.set_params({"c1": 0.05, "c2": 0.05, "max_iterations": 100})
    with tempfile.TemporaryDirectory() as folder:
        trainer.train(f"{folder}/m")
        tagger = pycrfsuite.Tagger()
        tagger.open(f"{folder}/m")
        tp = p = g = 0
        for text, spans in test_set:
            gold = set(spans)
            got = set()
            for tokens in sentences_of(text):
                tags = tagger.tag(plain_features([t.text for t in tokens]))
                got |= {(s, e, lb) for s, e, lb, _f, _l in spans_of(tokens, tags)}
            tp, p, g = tp + len(gold & got), p + len(got), g + len(gold)
    precision, recall = tp / p, tp / g
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    text = (FIXTURES / "ANERCorp.txt").read_text(encoding="utf-8")
    docs, _notes = conll.loads(text, DEFAULT_LABELS, title="ANERcorp")
    examples = [(d.document.text, [(s.start, s.end, s.label) for s in d.spans]) for d in docs]
    cut = int(len(examples) * 0.8)
    trained = train(examples[:cut])
    suggester = Suggester(trained)
    scores = score(suggester, examples[cut:])
    suggester.close()
    print(f"{'label':<8}{'P':>7}{'R':>7}{'F1':>7}")
    for label in (*trained.labels, None):
        p, r, f = scores.prf(label)
        print(f"{label or 'micro':<8}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    p, r, f = plain_f1(examples[:cut], examples[cut:])
    print(f"{'plain':<8}{p:>7.3f}{r:>7.3f}{f:>7.3f}  (baseline: plain CRF, micro)")
    began = time.perf_counter()
    full = train(examples)
    print(f"training on all ANERcorp ({full.spans} spans): {time.perf_counter() - began:.1f} s")
    article = (FIXTURES / "washington-turkey-isis.txt").read_text(encoding="utf-8")
    while sum(len(s) for s in sentences_of(article)) < 6000:
        article += "\n" + article
    suggester = Suggester(full)
    times = []
    for _ in range(5):
        began = time.perf_counter()
        suggester.predict(article)
        times.append(time.perf_counter() - began)
    n = sum(len(s) for s in sentences_of(article))
    print(f"suggesting on {n} tokens: median {statistics.median(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
