"""CoNLL speed on an ANERcorp-sized corpus (150,000 tokens), next to the bare tokenizer.

Usage: python benchmarks/bench_formats.py [ANERCorp.txt] [--runs R]

The corpus is ../shared/data/ANERCorp.txt beside the repository (or the path given; the copy in
tests/fixtures/ is used when neither is there, and the benchmark stops with a message when no
copy exists). Printed, as the median of R runs:

- the bare tokenization pass: ``core.tokens.tokenize`` over the text of every imported
  document (the same characters the formats handle);
- format level, on values: import (``conll.loads`` of the file: 98 documents) and export
  (``conll.dumps`` of those documents, --tokens whole, segment and span-edges), and the other
  formats' export for comparison;
- through a real project on disk: ``ops.import_paths`` of the file (reading, label creation, the
  store's transaction) and ``ops.export_project`` to conll (the store's ``iter_annotated``,
  the writer, the atomic rename and the report).

Goals (issue 3): export to conll <= 2 s, import <= 3 s. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.clitics import CliticAnalyser  # noqa: E402
from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Kind, Label, LabelSet  # noqa: E402
from annotator.core.tokens import tokenize  # noqa: E402
from annotator.formats import (  # noqa: E402
    brat,
    conll,
    conll_multi,
    doccano,
    labelstudio,
)
from annotator.formats.base import ExportOptions, ExportReport  # noqa: E402

CANDIDATES = (
    ROOT.parent / "shared" / "data" / "ANERCorp.txt",
    ROOT / "tests" / "fixtures" / "ANERCorp.txt",
)


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def labels_for(docs: list[AnnotatedDocument]) -> LabelSet:
    seen: dict[str, str] = {}
    for doc in docs:
        seen.update(doc.document.meta.get("labels", {}))
    extra = [
        Label(name, Kind(kind), "#cccccc", None, 10 + i)
        for i, (name, kind) in enumerate(sorted(seen.items()))
        if name not in DEFAULT_LABELS
    ]
    return LabelSet((*DEFAULT_LABELS.labels, *extra))


def row(name: str, seconds: float, base: float, goal: str = "") -> None:
    print(f"  {name:<44} {seconds:7.3f} s  {seconds / base:6.1f} x tokenize  {goal}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = [args.corpus] if args.corpus else list(CANDIDATES)
    corpus = next((p for p in paths if p.is_file()), None)
    if corpus is None:
        print(f"skipped: no ANERCorp.txt (looked at {', '.join(str(p) for p in paths)})")
        return 0
    raw = corpus.read_text(encoding="utf-8")
    runs = args.runs

    docs, _ = conll.loads(raw, DEFAULT_LABELS, path=str(corpus), title="ANERCorp")
    labels = labels_for(docs)
    texts = [d.document.text for d in docs]
    tokens = sum(len(tokenize(t)) for t in texts)
    print(
        f"corpus: {corpus.name}, {raw.count(chr(10)) + 1:,} lines, {len(docs)} documents, "
        f"{sum(map(len, texts)):,} characters, {tokens:,} tokens; median of {runs} runs"
    )

    base = median_time(lambda: [tokenize(t) for t in texts], runs)
    print(f"  {'bare tokenization (core.tokens.tokenize)':<44} {base:7.3f} s")
    print("format level (values in, values out):")
    row(
        "conll import (conll.loads)",
        median_time(lambda: conll.loads(raw, DEFAULT_LABELS, title="ANERCorp"), runs),
        base,
        "goal <= 3 s",
    )
    analyser = CliticAnalyser.from_texts(
        [d.document.text for d in docs], [s.text_in(d.document.text) for d in docs for s in d.spans]
    )
    for mode in ("whole", "segment", "span-edges"):
        options = ExportOptions(tokens=mode, clitics=analyser if mode == "segment" else None)
        seconds = median_time(lambda o=options: conll.dumps(docs, labels, o), runs)  # type: ignore[misc]
        row(f"conll export, --tokens {mode} (conll.dumps)", seconds, base, "goal <= 2 s")
    row("conll-multi export", median_time(lambda: conll_multi.dumps(docs, labels), runs), base)
    row("doccano export", median_time(lambda: doccano.dumps(docs, labels), runs), base)
    row("labelstudio export", median_time(lambda: labelstudio.dumps(docs, labels), runs), base)
    row(
        "brat export (.ann text)",
        median_time(lambda: [brat.dumps_ann(d, ExportReport(), "d") for d in docs], runs),
        base,
    )
    from annotator.formats import spacy_docbin

    if not spacy_docbin.AVAILABLE:  # the module imports without spaCy; its dumps would not
        print("  spacy export (DocBin): skipped, spaCy is not installed (the spacy extra)")
    else:
        row(
            "spacy export (DocBin)",
            median_time(lambda: spacy_docbin.dumps(docs, labels), runs),
            base,
        )
    store_level(corpus, runs, base)
    return 0


def store_level(corpus: Path, runs: int, base: float) -> None:
    try:
        from annotator.ops import export_project, import_paths
        from annotator.store import open_project
    except ImportError as exc:
        print(f"through a project: skipped ({exc})")
        return
    print("through a project file on disk (ops.import_paths, ops.export_project):")
    imports, exports = [], []
    for _ in range(runs):
        with (
            tempfile.TemporaryDirectory() as tmp,
            open_project(Path(tmp) / "bench.annot.db") as repo,
        ):
            start = time.perf_counter()
            report = import_paths(repo, [corpus], fmt="conll")
            imports.append(time.perf_counter() - start)
            if report.errors:
                print(f"  import failed: {report.errors[0]}")
                return
            start = time.perf_counter()
            export_project(repo, "conll", Path(tmp) / "out")
            exports.append(time.perf_counter() - start)
    row("conll import into a project", statistics.median(imports), base, "goal <= 3 s")
    row("conll export of the project", statistics.median(exports), base, "goal <= 2 s")


if __name__ == "__main__":
    raise SystemExit(main())
