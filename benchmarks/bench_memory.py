"""Peak memory and time of import, open and export: one ~100 MB article, and many articles.

Usage: python benchmarks/bench_memory.py [--mb 100] [--articles 10000] [--runs 3] [--only T,T]

Every figure is measured in a child process of its own, which reports its peak resident memory
(``VmHWM`` of /proc/self/status: the new process's own high-water mark; ``ru_maxrss`` would
carry the parent's over ``execve``), so runs do not pollute each other; each is the median of R
runs, next to baselines measured in the same run:

- ``python``: the interpreter with our modules imported, nothing read;
- ``bare read``: the same child reads the text the way the task starts (the file's bytes
  decoded, or the document's text selected from the project) and nothing else.

Data, built in a temporary folder: the sample article repeated to ``--mb`` megabytes of UTF-8
(one document; an entity span on every 20th word), and ``--articles`` articles of 20 ANERcorp
sentences (bench_import.py's articles, three entity spans each). Tasks:

- import: ``ops.import_paths`` of the big article's .txt into a new project;
- open: ``Repository.annotated`` of the big article (the store read of the window);
- window: ``create_main_window`` on the big article's project, shown and painted (``grab``),
  next to ``qt bare``: a bare QPlainTextEdit given the same text (Qt's own cost);
- export jsonl / conll: ``ops.export_project`` of each project.

Not a test: nothing here asserts a time or a size. Figures go into docs/benchmarks-memory.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "seeds" / "washington-turkey-isis.txt"
SPAN_EVERY = 20  # words
WHO = "bench"


# --- the children ---------------------------------------------------------------------------


def peak_mb() -> float:
    """This process's peak resident memory (Linux: VmHWM, kB), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmHWM in /proc/self/status: this benchmark needs Linux")


def child(task: str, arg: str, out: str) -> None:
    """Run one task; print [peak MB, seconds] as JSON on stdout."""
    from annotator.ops import export_project, import_paths
    from annotator.store import open_project

    if task.startswith(("window", "qt")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
    start = time.perf_counter()
    if task == "python":
        pass
    elif task == "bare-file":
        Path(arg).read_bytes().decode("utf-8")
    elif task == "import":
        for leftover in Path(out).parent.glob(Path(out).name + "*"):  # a new project each run
            leftover.unlink()
        with open_project(out) as repo:
            report = import_paths(repo, [arg])
            assert report.imported == 1, report
    elif task == "import-jsonl":
        for leftover in Path(out).parent.glob(Path(out).name + "*"):
            leftover.unlink()
        with open_project(out) as repo:
            report = import_paths(repo, [arg])
            assert report.ok and report.imported > 0, report
    elif task == "bare-jsonl":  # the least a JSONL import does: each line read and parsed
        with open(arg, encoding="utf-8") as lines:
            for line in lines:
                json.loads(line)
    elif task == "bare-text":  # what every project task must at least read: the text
        with open_project(arg, create=False) as repo:
            for (text,) in repo.db.conn.execute("SELECT text FROM documents ORDER BY id"):
                del text
    elif task == "open":
        with open_project(arg, create=False) as repo:
            repo.annotated(repo.document_ids()[0])
    elif task.startswith("export-"):
        with open_project(arg, create=False) as repo:
            export_project(repo, task.removeprefix("export-"), out)
    elif task == "window":
        from PySide6.QtCore import QSettings

        from annotator.ui.app import create_main_window
        from annotator.ui.settings import UserSettings

        settings = UserSettings(QSettings(out, QSettings.Format.IniFormat))
        window = create_main_window(arg, settings)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.grab()
    elif task == "qt-bare":
        from PySide6.QtWidgets import QPlainTextEdit

        with open_project(arg, create=False) as repo:
            text = repo.document(repo.document_ids()[0]).text
        edit = QPlainTextEdit()
        edit.resize(1280, 800)
        edit.setPlainText(text)
        edit.show()
        app.processEvents()
        edit.grab()
    else:
        raise SystemExit(f"unknown task {task}")
    print(json.dumps([peak_mb(), time.perf_counter() - start]))


TIMEOUT = 1200.0  # seconds a child may take; beyond, its figure is given as "> TIMEOUT"


def measure(task: str, arg: Path | str, out: Path | str = "") -> tuple[float, float]:
    """(peak resident memory in MB, seconds) of one child running ``task``; (nan, inf) if it
    did not finish within TIMEOUT."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", task, str(arg), str(out)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        output, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return float("nan"), float("inf")
    if proc.returncode != 0:
        raise SystemExit(f"{task} failed ({proc.returncode})")
    peak, seconds = json.loads(output.splitlines()[-1])
    return float(peak), float(seconds)


# --- the data -------------------------------------------------------------------------------


def big_article(folder: Path, megabytes: float) -> Path:
    sample = SAMPLE.read_text(encoding="utf-8").strip()
    repeats = max(1, int(megabytes * 1e6 / len((sample + "\n\n").encode())))
    path = folder / "big-article.txt"
    with path.open("w", encoding="utf-8") as out:
        for n in range(repeats):
            out.write(sample if n == 0 else f"\n\n{sample}")
    return path


def big_project(folder: Path, article: Path) -> tuple[Path, int, int]:
    from annotator.core.model import AnnotatedDocument, Document, Span
    from annotator.core.text import canonical_text
    from annotator.core.tokens import token_offsets
    from annotator.store import open_project

    text = canonical_text(article.read_text(encoding="utf-8"))
    words = [(a, b) for a, b in token_offsets(text) if text[a].isalpha()]
    spans = tuple(
        Span(n + 1, 0, a, b, ("PER", "ORG", "LOC")[n % 3], WHO)
        for n, (a, b) in enumerate(words[::SPAN_EVERY])
    )
    path = folder / "big.annot.db"
    with open_project(path) as repo:
        repo.add_document(AnnotatedDocument(Document(None, "big", text), spans), annotator=WHO)
    return path, len(text), len(spans)


def many_project(folder: Path, count: int) -> tuple[Path, int]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_import import DEFAULT_CORPUS, corpus_sentences, make_articles

    from annotator.core.model import AnnotatedDocument, Document, Span
    from annotator.core.tokens import token_offsets
    from annotator.store import open_project

    _, sentences = corpus_sentences(DEFAULT_CORPUS)
    docs = []
    size = 0
    for title, text in make_articles(sentences, count):
        words = [(a, b) for a, b in token_offsets(text) if text[a].isalpha()]
        spans = tuple(Span(k + 1, 0, a, b, "LOC", WHO) for k, (a, b) in enumerate(words[5:60:20]))
        docs.append(AnnotatedDocument(Document(None, title, text), spans))
        size += len(text.encode())
    path = folder / "many.annot.db"
    with open_project(path) as repo:
        repo.add_documents(docs, annotator=WHO, batch=2000)
    return path, size


def jsonl_file(folder: Path, count: int) -> tuple[Path, int]:
    """``count`` articles (bench_import.py's) as one JSONL file, three LOC spans each."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_import import DEFAULT_CORPUS, corpus_sentences, make_articles

    from annotator.core.tokens import token_offsets

    _, sentences = corpus_sentences(DEFAULT_CORPUS)
    path = folder / f"articles-{count}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for title, text in make_articles(sentences, count):
            words = [(a, b) for a, b in token_offsets(text) if text[a].isalpha()]
            spans = [{"start": a, "end": b, "label": "LOC"} for a, b in words[5:60:20]]
            record = {"title": title, "text": text, "spans": spans}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, path.stat().st_size


# --- the parent -----------------------------------------------------------------------------


def median_of(runs: int, task: str, arg: Path | str, out: Path | str = "") -> tuple[float, float]:
    results = [measure(task, arg, out) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--only", default="", help="comma-separated: import,open,window,export,jsonl"
    )
    parser.add_argument(
        "--jsonl",
        default="10000,100000",
        help="comma-separated document counts of the JSONL files imported (--only jsonl)",
    )
    parser.add_argument("--child", nargs=3, metavar=("TASK", "ARG", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    only = set(filter(None, args.only.split(",")))
    wanted = lambda name: not only or name in only  # noqa: E731
    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    runs = args.runs
    if only == {"jsonl"}:  # no big article needed
        jsonl_rows(folder, args.runs, [int(n) for n in args.jsonl.split(",")])
        return
    article = big_article(folder, args.mb)
    project, chars, spans = big_project(folder, article)
    size = article.stat().st_size / 1e6
    print(
        f"big article: {size:.0f} MB of UTF-8, {chars:,} characters, {spans:,} spans; "
        f"median of {runs} runs; peak resident memory (MB) and time (s) of a child process"
    )
    python, _ = median_of(runs, "python", "")

    def row(name: str, task: str, arg: Path | str, out: Path | str, base: float) -> None:
        rss, seconds = median_of(runs, task, arg, out)
        above = rss - python
        # the ratio only where the bare read is big enough to compare with (one big article)
        ratio = f"{above / (base - python):.1f}" if base - python >= 50 else ""
        shown = f"> {TIMEOUT:.0f}" if seconds == float("inf") else f"{seconds:.1f}"
        print(f"| {name} | {rss:,.0f} | {above:,.0f} | {shown} | {ratio} |", flush=True)

    print(f"  python with our modules imported: {python:,.0f} MB")
    bare_file, _ = median_of(runs, "bare-file", article)
    bare_text, _ = median_of(runs, "bare-text", project)
    print(f"  bare read of the file: {bare_file:,.0f} MB; of the text from the project: "
          f"{bare_text:,.0f} MB")  # fmt: skip
    print("\n| task | peak MB | above python MB | time s | × bare read (above python) |")
    print("|---|---:|---:|---:|---:|", flush=True)
    if wanted("import"):
        row("import the .txt (import_paths)", "import", article, folder / "imp.db", bare_file)
        for leftover in folder.glob("imp.db*"):
            leftover.unlink()
    if wanted("open"):
        row("open: Repository.annotated", "open", project, "", bare_text)
    if wanted("window"):
        row("window: create_main_window + paint", "window", project, folder / "w.ini", bare_text)
        row("qt bare: QPlainTextEdit.setPlainText + paint", "qt-bare", project, "", bare_text)
    if wanted("export"):
        for fmt in ("jsonl", "conll"):
            row(f"export {fmt}", f"export-{fmt}", project, folder / f"out-{fmt}", bare_text)
        many, many_size = many_project(folder, args.articles)
        bare_many, _ = median_of(runs, "bare-text", many)
        name = f"{args.articles:,} articles ({many_size / 1e6:.0f} MB): bare read, one at a time"
        print(f"| {name} | {bare_many:,.0f} | {bare_many - python:,.0f} | | |", flush=True)
        for fmt in ("jsonl", "conll"):
            row(
                f"{args.articles:,} articles: export {fmt}",
                f"export-{fmt}",
                many,
                folder / f"many-{fmt}",
                bare_many,
            )
    if wanted("jsonl"):
        jsonl_rows(folder, runs, [int(n) for n in args.jsonl.split(",")])


def jsonl_rows(folder: Path, runs: int, counts: list[int]) -> None:
    """Import of one JSONL file of each size, next to the bare parse of its lines: the import's
    memory above the bare parse should not grow with the number of documents."""
    python, _ = median_of(runs, "python", "")
    print(f"\nJSONL import, median of {runs} runs; python with our modules: {python:,.0f} MB")
    print("\n| documents | file MB | bare json.loads of the lines: peak MB | time s "
          "| import_paths: peak MB | above python MB | time s |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    for count in counts:
        path, size = jsonl_file(folder, count)
        bare, bare_s = median_of(runs, "bare-jsonl", path)
        rss, seconds = median_of(runs, "import-jsonl", path, folder / "jsonl.annot.db")
        print(f"| {count:,} | {size / 1e6:,.0f} | {bare:,.0f} | {bare_s:.1f} | {rss:,.0f} "
              f"| {rss - python:,.0f} | {seconds:.1f} |", flush=True)  # fmt: skip
        for leftover in folder.glob("jsonl.annot.db*"):
            leftover.unlink()
        path.unlink()


if __name__ == "__main__":
    main()
