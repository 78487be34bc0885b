"""Speed of the real window under Xvfb with real X input: from a key's X event to the end of the
viewer's paint that shows its result, next to a bare Qt widget doing the same in the same run.

Usage: python benchmarks/bench_x11.py [--quick] [--runs R] [--tokens 6000,12000]
       [--chars 132000,261000] [--big-chars N] [--big-spans N] [--documents 1000,10000,100000]
       [--only articles|big|project|suggestions] [--offscreen]
(``make bench-x`` installs Xvfb and xdotool with apt-get first.)

The script starts Xvfb on a display Xvfb picks itself (-displayfd), runs the real window
(create_main_window, a temporary QSettings, 1280x800) on it with QT_QPA_PLATFORM=xcb, and sends
real key presses with one xdotool process (``xdotool -``, XTest): the label key 3 on a selected
word, Ctrl+Z, and a digit typed into the document list's filter.

Start of a timing: the key press's X event. Checked, not assumed:
- QKeyEvent.timestamp() on xcb is the X server's event time, in milliseconds; the script reads
  the same field from the xcb event itself (a native event filter, before Qt makes a QKeyEvent
  of it), so a shortcut (Ctrl+Z, the label keys are QActions) has its stamp too.
- The server stamps with GetTimeInMillis(): CLOCK_MONOTONIC_COARSE only if that clock's
  resolution is 1 ms or finer (it is 4 ms on this machine's kernel), else CLOCK_MONOTONIC, so
  the stamp is a point of this process's time.clock_gettime(CLOCK_MONOTONIC); every press is
  checked (it must arrive after its stamp, within 10 s) or the run stops.
- The stamp is cut to whole milliseconds: alone, too coarse for keys of a few ms (each sample
  would be 0-1 ms long). The true instant is uniform within the millisecond after the stamp,
  so the start is the stamp + 0.5 ms (+ half the coarse tick where the server uses that
  clock): each sample within +-0.5 ms, the medians unbiased. Printed too: the median time from
  the stamp to Qt's GUI thread taking the event (the cut's 0.5 ms and the socket's ~0.2 ms
  when the window is idle); a timing from that taking would leave out a key's wait for the
  GIL or for a busy GUI thread, which the annotator waits for too. Timing xdotool's send from
  the benchmark instead was tried: its own wake-up added 0-5 ms of noise on a shared machine.
End of a timing: the end of the paint of the widget that shows the result: a filter on its
viewport handles the Paint event itself (calls the area's viewportEvent, as Qt's own viewport
filter would) and takes the time after it; the first such paint after which the result is
there (the viewer has the span, or no longer has it; the list was filtered; the bare edit has
the character) ends the timing. A QTimer.singleShot(0) after the Paint event would also count
whatever the event loop does next, so it is not used. The window's flush to the X server after
the paint is not in the figures.

Rows, each the median of R runs beside its baseline in the same run (the same key, in the same
order, on a bare QPlainTextEdit holding the same text with the viewer's size, font and direction:
the character typed and taken back; for the filter a bare QLineEdit):
- the sample article; 6k and 12k tokens (``--tokens``) and 132k and 261k characters
  (``--chars``), each in short paragraphs and as one paragraph (the same text, its line breaks
  made spaces), a span per 30 characters at random words (fixed seed);
- a 1M-character article holding the project's 20,000 newest spans: the window's start to the
  viewer's first paint (no X event: timed from create_main_window, beside a project of the
  sample article alone), then label key and undo in it;
- projects of 1k, 10k and 100k short documents (``--documents``): label key and undo in the
  open document, and a digit typed into the empty document filter (to the end of the list's
  paint of the filtered rows);
- growth: each series' time against its size and the exponent between two sizes
  (log t2/t1 / log n2/n1): 1 is linear, 2 quadratic, 0 flat.
``--offscreen`` runs the same rows on Qt's offscreen platform, keys sent by QTest in an event
loop turn: the key's handling, the loop's turn and the repaint are all inside the timing.
``--quick``: small sizes and 5 runs, to try the script. Not a test: nothing here asserts a time.
Figures go into docs/benchmarks-x11.md.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.x11_documents import (  # noqa: E402
    Article,
    article_project,
    articles,
    big_article_project,
    many_documents_project,
    sample_text,
    suggestions_project,
)
from benchmarks.x11_input import Xvfb, missing_tools  # noqa: E402
from benchmarks.x11_rows import Rows  # noqa: E402

SCREEN = (2700, 1000)  # the window and the baseline side by side: raising one exposes nothing
QUICK = {"runs": 5, "tokens": [1000], "chars": [12000], "big_chars": 60_000, "big_spans": 2_000}
QUICK_DOCUMENTS = [200, 2000]
GROUPS = ("articles", "big", "project", "suggestions")


def sizes(value: str) -> list[int]:
    try:
        numbers = [int(part.replace("_", "")) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {value!r}") from None
    if any(n <= 0 for n in numbers):
        raise argparse.ArgumentTypeError(f"sizes must be positive: {value!r}")
    return numbers


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, 5 runs")
    parser.add_argument("--runs", type=int, help="runs per row (15; quick: 5)")
    parser.add_argument("--tokens", type=sizes, help="article sizes in tokens (6000,12000)")
    parser.add_argument("--chars", type=sizes, help="article sizes in characters (132000,261000)")
    parser.add_argument("--big-chars", type=int, help="the big article (1,000,000 characters)")
    parser.add_argument("--big-spans", type=int, help="its spans (20,000)")
    parser.add_argument("--documents", type=sizes, help="project sizes (1000,10000,100000)")
    parser.add_argument("--only", action="append", choices=GROUPS, help="only these groups")
    parser.add_argument("--offscreen", action="store_true", help="Qt offscreen, QTest keys")
    args = parser.parse_args(argv)
    defaults = {"runs": 15, "tokens": [6000, 12000], "chars": [132_000, 261_000]}
    defaults |= {"big_chars": 1_000_000, "big_spans": 20_000}
    for name, value in (QUICK if args.quick else defaults).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.documents is None:
        args.documents = QUICK_DOCUMENTS if args.quick else [1000, 10_000, 100_000]
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    args.only = args.only or list(GROUPS)
    return args


def exponent(small: tuple[float, float], big: tuple[float, float]) -> float:
    """The k of t ~ n^k between two (n, t) points: 1 linear, 2 quadratic."""
    (n1, t1), (n2, t2) = small, big
    if n1 <= 0 or n2 <= n1 or t1 <= 0 or t2 <= 0:
        return float("nan")
    return math.log(t2 / t1) / math.log(n2 / n1)


def growth_lines(title: str, unit: str, points: list[tuple[int, float, float]]) -> list[str]:
    """``points``: (size, app ms, baseline ms), by size; each line with the exponents from the
    size before."""
    lines = [f"\ngrowth: {title}", f"  {unit:>12} {'ms':>9} {'k':>6} {'baseline':>9} {'k':>6}"]
    for i, (n, app, base) in enumerate(points):
        k_app = k_base = ""
        if i:
            m, before, base_before = points[i - 1]
            k_app = f"{exponent((m, before), (n, app)):6.2f}"
            k_base = f"{exponent((m, base_before), (n, base)):6.2f}"
        lines.append(f"  {n:>12,} {app:9.2f} {k_app:>6} {base:9.2f} {k_base:>6}")
    return lines


def row_line(name: str, app: float, base: float, baseline: str) -> str:
    ratio = app / base if base > 0 else float("nan")
    return f"  {name:<52} {app:9.2f} {base:9.2f} {ratio:6.1f}x  {baseline}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-x11-"))
    xvfb = None
    try:
        if args.offscreen:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        else:
            missing = missing_tools()
            if missing:
                print(
                    f"bench_x11: {' and '.join(missing)} not found: run `make bench-x`, which "
                    "installs Debian's xvfb and xdotool, or use --offscreen",
                    file=sys.stderr,
                )
                return 2
            xvfb = Xvfb(*SCREEN, folder / "xvfb.log")
            os.environ["DISPLAY"] = xvfb.display
            os.environ["QT_QPA_PLATFORM"] = "xcb"
        rows = Rows(folder, args.runs, offscreen=args.offscreen)
        try:
            run(rows, args, folder)
        finally:
            rows.close()
    finally:
        if xvfb is not None:
            xvfb.close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def run(rows: Rows, args: argparse.Namespace, folder: Path) -> None:
    where = "Qt offscreen, QTest keys" if args.offscreen else f"Xvfb, xcb, xdotool ({rows.how})"
    print(f"bench_x11: {where}; median of {args.runs} runs, milliseconds")
    print(f"  {'row':<52} {'window':>9} {'baseline':>9} {'ratio':>7}")
    if "articles" in args.only:
        chosen = articles(args.tokens, args.chars)
        path = article_project(folder / "articles.annot.db", chosen)
        by_size: dict[bool, list[tuple[int, float, float]]] = {False: [], True: []}
        for number, article, figures in rows.articles(path, chosen):
            print(f"\n{article.name}: {len(article.text):,} characters, {article.spans:,} spans")
            for name, (app, base) in figures.items():
                print(row_line(name, app, base, "bare QPlainTextEdit, same text and key"))
            if number:  # the sample article is in no series
                label = figures["label key 3 -> span painted"]
                by_size[article.one_paragraph].append((len(article.text), *label))
        print_growth("label key against the article's length, short paragraphs", by_size[False])
        print_growth("label key against the paragraph's length (one paragraph)", by_size[True])
    if "big" in args.only:
        big = big_article_project(folder / "big.annot.db", args.big_chars, args.big_spans)
        small = Article("sample article", sample_text(), 0, False)
        alone = article_project(folder / "sample-alone.annot.db", [small])
        print(
            f"\n{args.big_chars:,}-character article, the project's {args.big_spans:,} "
            "newest spans (after the sample article)"
        )
        for name, (app, base), baseline in rows.big(big, alone):
            print(row_line(name, app, base, baseline))
    if "project" in args.only:
        points: dict[str, list[tuple[int, float, float]]] = {}
        for count in args.documents:
            path = many_documents_project(folder / f"many-{count}.annot.db", count)
            print(f"\n{count:,} short documents")
            for name, (app, base), baseline in rows.project(path):
                print(row_line(name, app, base, baseline))
                points.setdefault(name, []).append((count, app, base))
        for name, series in points.items():
            print_growth(f"{name} against the number of documents", series)
    if "suggestions" in args.only:
        path = suggestions_project(folder / "suggestions.annot.db", 6_000, 1_000, 1_000)
        print("\n6,000 tokens, 1,000 spans, 1,000 open suggestions")
        for name, (app, base), baseline in rows.suggestions(path):
            print(row_line(name, app, base, baseline))
    rows.print_stamps()


def print_growth(title: str, points: list[tuple[int, float, float]]) -> None:
    if len(points) > 1:
        print("\n".join(growth_lines(title, "size", sorted(points))), flush=True)


if __name__ == "__main__":
    sys.exit(main())
