"""Export of a big project of short news documents: time and peak memory at 10,000 and 100,000.

Usage: python benchmarks/bench_export.py [--documents 10000,100000] [--formats jsonl,conll]
       [--jobs auto,1] [--runs 3] [--data DIR] [--cli]

The documents are ANERcorp's (shared data, or the test fixture's copy): each of five sentences
drawn with a fixed seed (the first is the title line), tokens joined by spaces, with the
corpus's own entity spans (PERS as PER; LOC, ORG, MISC): about 900 characters and 7 spans a
document. Every figure is measured in a child process of its own, which reports its own peak
resident memory (``VmHWM``, as bench_memory.py does), the median of R runs, next to baselines
measured in the same run:

- ``python``: the interpreter with our modules imported, nothing read;
- ``bare``: the least an export does: every document and its spans read from the project, one
  document at a time (two cursors in id order, nothing kept), each written as a JSON line, and
  the file padded to the number of bytes the export wrote (so the writing costs the same).

Tasks: ``ops.export_project`` of each project in each format, with the default number of
processes (``auto``: worker processes from a few thousand documents on, docs/adr/0052) and with
``--jobs`` 1 (all in one process, as before; ``--jobs auto,1,2`` to choose), the biggest worker's
peak memory beside the parent's (``--cli``: also the command ``annotator export --format
jsonl``, start-up included). The growth from the smallest to the
biggest project is printed: time and memory above python at N documents against the smallest,
so a cost that is not linear in the documents shows (linear time: the ratio of the counts;
flat memory: 1.0). ``--data DIR`` keeps the projects there and uses them again next time.

Not a test: nothing here asserts a time or a size. Figures go into docs/benchmarks-export.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_import import DEFAULT_CORPUS  # noqa: E402
from bench_memory import peak_mb  # noqa: E402

SENTENCES = 5  # per document, the first one the title line
LABELS = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
WHO = "bench"
TIMEOUT = 1800.0  # seconds a child may take


# --- the children ---------------------------------------------------------------------------


def child(task: str, arg: str, out: str, target: str) -> None:
    """Run one task; print [peak MB, seconds, bytes written] as JSON on stdout."""
    from annotator.ops import export_project
    from annotator.store import open_project

    start = time.perf_counter()
    written = 0
    if task == "python":
        pass
    elif task == "bare":
        written = bare_export(Path(arg), Path(out), int(target))
    elif task.startswith("export-"):
        fmt, _, jobs = task.removeprefix("export-").partition("@")
        with open_project(arg, create=False, read_only=True) as repo:
            export_project(repo, fmt, out, jobs=int(jobs) if jobs else None)
        written = folder_bytes(Path(out))
    elif task.startswith("cli-"):
        from annotator.cli.main import cli

        argv = ["export", arg, "--format", task.removeprefix("cli-"), "--out", out]
        cli.main(argv, standalone_mode=False)
        written = folder_bytes(Path(out))
    else:
        raise SystemExit(f"unknown task {task}")
    seconds = time.perf_counter() - start
    print(json.dumps([peak_mb(), seconds, written, workers_peak_mb()]))


def workers_peak_mb() -> float:
    """The peak resident memory of the biggest worker process the task waited for (0: none)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def bare_export(project: Path, out: Path, target: int) -> int:
    """Every document and its spans, one document at a time, as a JSON line each; then padding
    to ``target`` bytes. Returns the bytes written."""
    import sqlite3

    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    docs = conn.execute("SELECT id, title, text FROM documents ORDER BY id")
    spans = conn.execute(
        'SELECT document_id, id, start, "end", label, annotator FROM spans ORDER BY document_id, id'
    )
    pending = spans.fetchone()
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    with (out / "bare.jsonl").open("w", encoding="utf-8") as file:
        for doc_id, title, text in docs:
            own = []
            while pending is not None and pending[0] == doc_id:
                own.append(pending[1:])
                pending = spans.fetchone()
            line = json.dumps({"title": title, "text": text, "spans": own}, ensure_ascii=False)
            written += file.write(line + "\n")
        pad = b"\n" * (1 << 20)
    with (out / "bare.jsonl").open("ab") as raw:
        written = raw.tell()
        while written < target:
            written += raw.write(pad[: min(len(pad), target - written)])
    conn.close()
    return written


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(task: str, arg: Path | str, out: Path | str = "", target: int = 0) -> list[float]:
    """[peak MB, seconds, bytes, the biggest worker's peak MB] of one child running ``task``."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", task, str(arg), str(out), str(target)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        output, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise SystemExit(f"{task} took more than {TIMEOUT:.0f} s") from None
    if proc.returncode != 0:
        raise SystemExit(f"{task} failed ({proc.returncode})")
    return [float(x) for x in json.loads(output.splitlines()[-1])]


def median_of(runs: int, task: str, arg: Path | str, out: Path | str = "", target: int = 0):
    results = [measure(task, arg, out, target) for _ in range(runs)]
    return tuple(statistics.median(r[i] for r in results) for i in range(4))


# --- the data -------------------------------------------------------------------------------


def tagged_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """ANERcorp's sentences as (token, tag) lists (a sentence ends at ``.``, ``!``, ``?``,
    ``؟`` or ``·``); direction marks removed."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        token, _, tag = line.strip().rpartition(" ")
        token = token.strip().strip("\u200f\u200e")
        if not token or not (tag == "O" or tag[:2] in ("B-", "I-")):
            continue
        current.append((token, tag))
        if token in (".", "!", "?", "؟", "·"):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def news_documents(count: int, corpus: Path) -> Iterator[tuple[str, str, list[tuple]]]:
    """``count`` distinct (title, text, spans) documents; spans as (start, end, label)."""
    sentences = tagged_sentences(corpus)
    rng = random.Random(2024)
    seen: set[int] = set()
    made = 0
    while made < count:
        picked = rng.sample(sentences, SENTENCES)
        parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        pos = 0
        for n, sentence in enumerate(picked):
            if n:
                parts.append("\n\n" if n == 1 else " ")
                pos += len(parts[-1])
            open_span: list = []
            for k, (token, tag) in enumerate(sentence):
                if k:
                    parts.append(" ")
                    pos += 1
                if open_span and not (tag.startswith("I-") and tag[2:] == open_span[2]):
                    spans.append(tuple(open_span))
                    open_span = []
                if tag != "O" and not open_span:
                    open_span = [pos, pos, tag[2:]]
                parts.append(token)
                pos += len(token)
                if open_span:
                    open_span[1] = pos
            if open_span:
                spans.append(tuple(open_span))
        text = "".join(parts)
        if hash(text) in seen:
            continue
        seen.add(hash(text))
        made += 1
        title = text.split("\n", 1)[0][:80]
        yield title, text, [(a, b, LABELS[label]) for a, b, label in spans if label in LABELS]


def news_project(path: Path, count: int, corpus: Path) -> tuple[int, int, int]:
    """Build (or reuse) the project at ``path``: (documents, spans, MB of text)."""
    from annotator.core.model import AnnotatedDocument, Document, Span
    from annotator.store import open_project

    if not path.exists():
        tmp = path.with_name(path.name + ".part")
        for leftover in tmp.parent.glob(tmp.name + "*"):
            leftover.unlink()
        with open_project(tmp) as repo:
            repo.add_documents(
                (
                    AnnotatedDocument(
                        Document(None, title, text),
                        tuple(Span(k, 0, a, b, label, WHO) for k, (a, b, label) in enumerate(s, 1)),
                    )
                    for title, text, s in news_documents(count, corpus)
                ),
                annotator=WHO,
                batch=2000,
            )
            repo.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tmp.rename(path)
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    docs, chars = conn.execute("SELECT count(*), sum(length) FROM documents").fetchone()
    spans = conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    conn.close()
    return int(docs), int(spans), int(chars)


# --- the parent -----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", default="10000,100000", help="comma-separated counts")
    parser.add_argument("--formats", default="jsonl,conll", help="comma-separated formats")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, help="keep the projects in this folder")
    parser.add_argument("--cli", action="store_true", help="also `annotator export` (jsonl)")
    parser.add_argument(
        "--jobs", default="auto,1", help="comma-separated: auto (the default of export) or N"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if not args.corpus.is_file():
        print(f"skipped: ANERcorp not found at {args.corpus}; pass it with --corpus")
        return
    data = args.data or Path(tempfile.mkdtemp(prefix="bench-export-"))
    data.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-export-out-"))
    counts = [int(n) for n in args.documents.split(",")]
    formats = [f for f in args.formats.split(",") if f]
    jobs = [j for j in args.jobs.split(",") if j]
    tasks = [
        (
            f"{f} ({'jobs: ' + j if j != 'auto' else 'default jobs'})",
            f"export-{f}" + (f"@{j}" if j != "auto" else ""),
        )
        for f in formats
        for j in jobs
    ]
    if args.cli:
        tasks.append(("`annotator export` jsonl", "cli-jsonl"))
    runs = args.runs
    python, _, _, _ = median_of(runs, "python", "")
    print(f"median of {runs} runs; python with our modules imported: {python:,.0f} MB")
    print("\n| task | documents | spans | text MB | output MB | bare: peak MB | s "
          "| export: peak MB | above python | a worker: peak MB | s | ms per document "
          "| × bare s |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    figures: dict[tuple[str, int], tuple[float, float, float]] = {}
    for count in counts:
        project = data / f"news-{count}.annot.db"
        docs, spans, chars = news_project(project, count, args.corpus)
        for name, task in tasks:
            out = work / f"{task}-{count}"
            peak, seconds, written, worker = median_of(runs, task, project, out)
            bare_peak, bare_s, _, _ = median_of(runs, "bare", project, work / "bare", int(written))
            figures[name, count] = (peak - python, seconds, bare_s)
            print(f"| {name} | {docs:,} | {spans:,} | {chars / 1e6:,.0f} | {written / 1e6:,.0f} "
                  f"| {bare_peak:,.0f} | {bare_s:.1f} | {peak:,.0f} | {peak - python:,.0f} "
                  f"| {worker:,.0f} | {seconds:.1f} | {1000 * seconds / docs:.2f} "
                  f"| {seconds / bare_s:.1f} |",
                  flush=True)  # fmt: skip
    if len(counts) > 1:
        small, big = counts[0], counts[-1]
        print(f"\ngrowth from {small:,} to {big:,} documents ({big / small:.0f} times as many):")
        for name, _ in tasks:
            above0, s0, b0 = figures[name, small]
            above1, s1, b1 = figures[name, big]
            print(f"- {name}: time × {s1 / s0:.1f} (bare × {b1 / b0:.1f}); memory above python "
                  f"{above0:,.0f} -> {above1:,.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
