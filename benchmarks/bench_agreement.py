"""Agreement over 1,000 documents × 3 annotators (issue 13: at most 2 s; docs/adr/0074).

Usage: python benchmarks/bench_agreement.py [--documents 1000] [--runs 5] [--words N]

The project: ANERcorp (tests/fixtures/ANERCorp.txt) cut into ``--documents`` articles of the
same number of tokens (150 for 1,000), its names (B-/I- PERS, LOC, ORG, MISC) as the gold
spans. Three annotators: ali has gold; badr and chadi each drop 5% of the spans, move one end
of 5% by a word, relabel 3% and add 2% spans of their own on other words (a seed each), as
people who mostly agree do. Each annotator's spans and status (done) are attached to the same
documents. Printed, medians of the runs, wall and CPU time (the machine is shared: the CPU
time is what this process used): reading the three's spans as an export does
(``iter_annotated(annotators=…)``, the baseline), reading only their places as agreement does
(``work_reads``), the figures from those reads (core only), and the whole ``agreement_report``
as the CLI and the window run it (statuses, reads, figures: three pairs and α).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.agreement import agreement  # noqa: E402
from annotator.core.model import AnnotatedDocument, Document, Span, Status  # noqa: E402
from annotator.ops.agreement import agreement_report  # noqa: E402
from annotator.store import Repository, open_project  # noqa: E402

ANERCORP = ROOT / "tests" / "fixtures" / "ANERCorp.txt"
LABELS = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
NAMES = ("ali", "badr", "chadi")
Place = tuple[int, int, str]


def corpus(documents: int, words: int = 0) -> list[tuple[str, list[Place], list[tuple[int, int]]]]:
    """(text, gold spans, word offsets) of each article."""
    rows = []
    for line in ANERCORP.read_text("utf-8").split("\n"):
        word, _, tag = line.strip().rpartition(" ")
        if word.strip():
            rows.append((word, tag))
    size = words or len(rows) // documents
    out = []
    for n in range(documents):
        text, words, spans = "", [], []
        current = False  # inside a name
        for word, tag in rows[n * size : (n + 1) * size]:
            start = len(text) + (1 if text else 0)
            text = f"{text} {word}" if text else word
            words.append((start, start + len(word)))
            kind = LABELS.get(tag[2:])
            if tag.startswith("I-") and current and kind == spans[-1][2]:
                spans[-1] = (spans[-1][0], start + len(word), kind)
            elif tag.startswith("B-") and kind is not None:
                spans.append((start, start + len(word), kind))
                current = True
            else:
                current = False
        out.append((text, spans, words))
    return out


def perturbed(gold: list[Place], words: list[tuple[int, int]], rng: random.Random) -> list[Place]:
    found: list[Place] = []
    ends = [w[1] for w in words]
    for start, end, label in gold:
        roll = rng.random()
        if roll < 0.05:
            continue  # missed
        if roll < 0.10:  # the end moved on by a word (the next word taken in)
            later = ends[bisect_right(ends, end)] if bisect_right(ends, end) < len(ends) else end
            found.append((start, later, label))
        elif roll < 0.13:
            found.append((start, end, rng.choice([x for x in LABELS.values() if x != label])))
        else:
            found.append((start, end, label))
    for start, end in rng.sample(words, max(1, len(words) // 50)):  # 2% more of their own
        if not any(s < end and start < e for s, e, _l in found):
            found.append((start, end, rng.choice(list(LABELS.values()))))
    return sorted(set(found))


def build(folder: Path, documents: int, words: int = 0) -> Path:
    path = folder / "agreement.annot.db"
    articles = corpus(documents, words)
    with open_project(path) as repo:
        for n, name in enumerate(NAMES):
            rng = random.Random(n)
            items = []
            for i, (text, gold, words) in enumerate(articles):
                places = gold if name == "ali" else perturbed(gold, words, rng)
                spans = tuple(Span(None, 0, s, e, label, name) for s, e, label in places)
                items.append(
                    AnnotatedDocument(Document(None, f"article {i}", text), spans, (), Status.DONE)
                )
            repo.add_or_attach(items, annotator=name, attach=True)
    return path


def median(runs: int, work: Callable[[], object]) -> tuple[tuple[float, float], object]:
    """(wall, CPU) seconds, medians of ``runs``: the CPU time is this process's alone, what
    the wall time would be on a machine doing nothing else."""
    walls, cpus, value = [], [], None
    for _ in range(runs):
        began, cpu = time.perf_counter(), time.process_time()
        value = work()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    return (statistics.median(walls), statistics.median(cpus)), value


def ms(seconds: tuple[float, float]) -> str:
    return f"{seconds[0] * 1000:8.0f} ms wall {seconds[1] * 1000:8.0f} ms CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=0, help="per document (0: all of ANERcorp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder), args.documents, args.words)
        with open_project(path, create=False, read_only=True) as repo:
            ids = repo.document_ids()

            def read(repo: Repository = repo) -> list[object]:
                return list(repo.iter_annotated(ids=ids, annotators=NAMES))

            read_s, _ = median(args.runs, read)
            lean_s, _ = median(args.runs, lambda: list(repo.work_reads(ids, annotators=NAMES)))
            report = agreement_report(repo)
            kinds = {label.name: label.kind for label in repo.labels().labels}
            core_s, _ = median(args.runs, lambda: agreement(report.sheets, NAMES, kinds))
            whole_s, value = median(args.runs, lambda: agreement_report(repo))
        result = report.agreement
        spans = sum(len(w.places) for s in report.sheets for w in s.work.values())
        print(
            f"{args.documents} documents × {len(NAMES)} annotators, {spans} spans, "
            f"{result.alpha_tokens} tokens; median of {args.runs} runs"
        )
        print(f"  read the spans (baseline)        {ms(read_s)}")
        print(f"  read their places (work_reads)   {ms(lean_s)}")
        print(f"  the figures (core, from sheets)  {ms(core_s)}")
        print(f"  agreement_report (reads+figures) {ms(whole_s)}   (budget 2000 ms)")
        for pair in result.pairs:
            print(
                f"  {' – '.join(pair.annotators):<14} exact F1 {pair.exact.f1:.3f}  "
                f"overlap F1 {pair.overlap.f1:.3f}  kappa {pair.kappa:.3f}"
            )
        print(f"  Krippendorff's alpha {result.alpha:.3f}")
        assert value is not None


if __name__ == "__main__":
    main()
