"""Import speed: a 10,000-article project built from ANERcorp's text, against bare sqlite-utils.

Usage: python benchmarks/bench_import.py [ANERCorp.txt] [--articles N] [--runs R]

Articles are made of ANERcorp sentences (20 per article, drawn with a fixed seed, in paragraphs
of three), so they are distinct and of a realistic size. Printed, as the median of R runs in a
temporary folder:

- store (runs interleaved with the bare insert, ratio per run, then the median):
  ``Repository.add_documents`` of the 10,000 documents (validation, sha256, one
  transaction per ``ops.importing.BATCH``) next to a bare sqlite-utils ``insert_all`` of the same
  rows (title, text, sha256 computed beforehand; also with the unique index on sha256 the store
  needs to skip duplicates), and their ratio (goal >= 0.5);
- the same through ``ops.import_paths`` on one JSONL file and on a folder of .txt files (reading,
  decoding, boilerplate rules, titles);
- the tokenizer's speed over the whole corpus text (MB of UTF-8 per second);
- ``annotator stats`` on the 10,000-article project, in process and as a command.

Not a test: nothing here asserts a time.
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from annotator.core.model import AnnotatedDocument, Document  # noqa: E402
from annotator.core.text import text_sha256  # noqa: E402
from annotator.core.tokens import tokenize  # noqa: E402
from annotator.formats import registry  # noqa: E402
from annotator.ops import import_paths, project_stats  # noqa: E402
from annotator.ops.importing import BATCH  # noqa: E402
from annotator.store import open_project  # noqa: E402

SHARED_CORPUS = ROOT.parent / "shared" / "data" / "ANERCorp.txt"
# the shared data folder beside the project, else the test fixture's copy of the same corpus
DEFAULT_CORPUS = (
    SHARED_CORPUS if SHARED_CORPUS.is_file() else ROOT / "tests" / "fixtures" / "ANERCorp.txt"
)
SENTENCES_PER_ARTICLE = 20
CLOSERS = frozenset(".!?؟")


def corpus_sentences(path: Path) -> tuple[str, list[str]]:
    """The corpus text (tokens joined by spaces, a line per sentence) and its sentences."""
    sentences: list[str] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        token = line.rsplit(" ", 1)[0].strip().strip("\u200f\u200e")
        if not token:
            continue
        current.append(token)
        if token in CLOSERS or token == "·":
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return "\n".join(sentences), sentences


def make_articles(sentences: list[str], n: int) -> list[tuple[str, str]]:
    """``n`` distinct (title, text) articles of SENTENCES_PER_ARTICLE sentences each."""
    rng = random.Random(2016)
    articles = []
    seen: set[str] = set()
    while len(articles) < n:
        picked = rng.sample(sentences, SENTENCES_PER_ARTICLE)
        title = picked[0][:80]
        body = "\n\n".join(" ".join(picked[i : i + 3]) for i in range(1, len(picked), 3))
        text = f"{title}\n\n{body}"
        if text not in seen:
            seen.add(text)
            articles.append((title, text))
    return articles


def median_time(
    runs: int, setup: Callable[[Path], object], work: Callable[[object], None]
) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            state = setup(Path(tmp))
            start = time.perf_counter()
            work(state)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: ANERcorp not found at {args.corpus}; pass its path as an argument")
        return 0
    corpus_text, sentences = corpus_sentences(args.corpus)
    articles = make_articles(sentences, args.articles)
    n = len(articles)
    docs = [AnnotatedDocument(Document(None, title, text)) for title, text in articles]
    rows = [{"title": t, "text": x, "sha256": text_sha256(x)} for t, x in articles]
    size_mb = sum(len(x.encode()) for _, x in articles) / 1e6
    print(f"{n} articles, {size_mb:.1f} MB of text, median of {args.runs} runs\n")

    def bare_setup(tmp: Path) -> Database:
        db = Database(tmp / "bare.db")
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def bare(db: object) -> None:
        assert isinstance(db, Database)
        db["documents"].insert_all(rows, batch_size=500)

    def store_setup(tmp: Path) -> object:
        return open_project(tmp / "p.annot.db")

    def bare_index_setup(tmp: Path) -> Database:
        db = bare_setup(tmp)
        table = db["documents"]
        table.create({"id": int, "title": str, "text": str, "sha256": str}, pk="id")  # type: ignore[union-attr]
        table.create_index(["sha256"], unique=True)  # type: ignore[union-attr]
        return db

    def store(repo: object) -> None:
        repo.add_documents(docs, batch=BATCH)  # type: ignore[attr-defined]
        repo.close()  # type: ignore[attr-defined]

    def jsonl_setup(tmp: Path) -> object:
        path = tmp / "articles.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for title, text in articles:
                out.write(json.dumps({"title": title, "text": text}, ensure_ascii=False) + "\n")
        return open_project(tmp / "p.annot.db"), path

    def folder_setup(tmp: Path) -> object:
        folder = tmp / "articles"
        folder.mkdir()
        for i, (_, text) in enumerate(articles):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        return open_project(tmp / "p.annot.db"), folder

    def via_ops(state: object) -> None:
        repo, path = state  # type: ignore[misc]
        report = import_paths(repo, [path])
        assert report.imported == n, report.errors[:3]
        repo.close()

    start = time.perf_counter()
    registry.reader_names()  # first use imports every format module: once
    t_registry = time.perf_counter() - start

    variants: dict[str, tuple[Callable[[Path], object], Callable[[object], None]]] = {
        "bare sqlite-utils insert_all": (bare_setup, bare),
        "bare insert_all, unique index on sha256 (as the store has)": (bare_index_setup, bare),
        f"store add_documents, {BATCH:,} per transaction (as import_paths)": (store_setup, store),
        "import_paths, one JSONL file": (jsonl_setup, via_ops),
        "import_paths, folder of .txt files": (folder_setup, via_ops),
    }
    # Runs interleave the variants, and each ratio is taken within one run: a machine that is
    # busier during one run slows the bare insert and ours alike.
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.runs):
        for name, (setup, work) in variants.items():
            times[name].append(median_time(1, setup, work))
    bare_times = times["bare sqlite-utils insert_all"]

    t_tok = statistics.median(_timed(lambda: tokenize(corpus_text)) for _ in range(args.runs))
    corpus_mb = len(corpus_text.encode()) / 1e6

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "p.annot.db"
        with open_project(project) as repo:
            repo.add_documents(docs)
        t_stats = statistics.median(
            _timed(lambda: _stats_in_process(project)) for _ in range(args.runs)
        )
        command = [sys.executable, "-m", "annotator", "stats", str(project)]
        t_cli = statistics.median(
            _timed(lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT))
            for _ in range(args.runs)
        )

    print("| what | time | rate | vs bare insert_all (median of per-run ratios) |")
    print("|---|---|---|---|")
    for name, ts in times.items():
        t = statistics.median(ts)
        ratio = statistics.median(b / x for b, x in zip(bare_times, ts, strict=True))
        print(f"| {name} | {t:.2f} s | {n / t:,.0f} articles/s | {ratio:.2f} |")
    tok_rate = corpus_mb / t_tok
    print(f"| tokenize ANERcorp ({corpus_mb:.1f} MB) | {t_tok:.2f} s | {tok_rate:.1f} MB/s | |")
    print(f"| first use of the format registry (imports every format) | {t_registry:.2f} s | | |")
    print(f"| stats on {n} articles, in process | {t_stats * 1000:.0f} ms | | |")
    print(f"| `annotator stats` command (with start-up) | {t_cli * 1000:.0f} ms | | |")
    return 0


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _stats_in_process(project: Path) -> None:
    with open_project(project, create=False, read_only=True) as repo:
        project_stats(repo)


if __name__ == "__main__":
    sys.exit(main())
