"""Do the exported tokens tell the labels? Share of lone proclitic tokens followed by B-, per
token mode (issue 9 §2, docs/adr/0043-export-tokens-never-depend-on-the-labels.md).

Usage: python benchmarks/bench_export_tokens.py [--data ../shared/data]

For each corpus a temporary project is made with the real store and exported to CoNLL with
the real writer in each token mode (whole, segment, span-edges); printed per mode: the tokens
that are a lone proclitic (و ف ب ك ل), how many of them are followed by a B- tag, and the
spans widened to whole tokens; next to it the same share in the corpus's own segmentation.

- NewsFANE Gold 2014, first half (clitics split in gold: ``و`` / ``الرقة``): the proclitic
  tokens are glued back onto their word (والرقة) and each span starts after its proclitic,
  as an annotator makes it; its gold tokens are the consistent segmentation (baseline).
- ANERcorp (proclitics attached, spans include them: والرقة B-LOC), imported as it is.

The data folder is ../shared/data beside the repository (or --data); a corpus not there is
skipped with a message. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.model import AnnotatedDocument, Document, Span  # noqa: E402
from annotator.formats.base import ExportOptions  # noqa: E402
from annotator.formats.token_tags import TOKEN_MODES  # noqa: E402
from annotator.ops import import_paths  # noqa: E402
from annotator.ops.exporting import export_project  # noqa: E402
from annotator.store import open_project  # noqa: E402

PROCLITICS = frozenset("وفبكل")
NEWSFANE = "NewsFANE_Gold_2014_first_half.txt"
ANERCORP = "ANERCorp.txt"
SENTENCES_PER_DOCUMENT = 15
LABEL = "NE"  # NewsFANE's ~50 fine classes as one entity label: the share does not need them


def lone_then_b(pairs: list[tuple[str, str]]) -> tuple[int, int]:
    """(lone proclitic tokens, of them followed by a B- tag) in a (token, tag) sequence."""
    lone = followed = 0
    for (token, _), (_, tag) in pairwise(pairs):
        if token in PROCLITICS:
            lone += 1
            followed += tag.startswith("B-")
    return lone, followed


def read_newsfane(path: Path) -> list[list[tuple[str, str]]]:
    sents: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        fields = line.replace("\u200e", "").split("\t")
        if len(fields) < 2 or not fields[0]:
            if sent:
                sents.append(sent)
            sent = []
            continue
        sent.append((fields[0], fields[-1].strip()))
    if sent:
        sents.append(sent)
    return sents


def glued_document(sents: list[list[tuple[str, str]]], n: int) -> AnnotatedDocument:
    """The sentences as an annotator's document: proclitics glued to their word, each entity
    a span that starts after its proclitic."""
    lines: list[str] = []
    spans: list[Span] = []
    pos = 0
    for sent in sents:
        words: list[str] = []
        open_start = end_prev = -1
        glue = False
        line_pos = pos
        for token, tag in sent:
            if not glue and words:
                line_pos += 1  # the space before this word
            start = line_pos
            if tag.startswith("B-") or (tag == "O" and open_start >= 0):
                if open_start >= 0:
                    spans.append(Span(None, 0, open_start, end_prev, LABEL))
                open_start = start if tag.startswith("B-") else -1
            elif tag.startswith("I-") and open_start < 0:
                open_start = start
            if glue:
                words[-1] += token
            else:
                words.append(token)
            line_pos += len(token)
            end_prev = line_pos
            glue = token in PROCLITICS and tag == "O"
        if open_start >= 0:
            spans.append(Span(None, 0, open_start, end_prev, LABEL))
        line = " ".join(words)
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines)
    return AnnotatedDocument(Document(None, f"NewsFANE {n}", text), tuple(spans))


def exported_pairs(conll_file: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in conll_file.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("-DOCSTART-"):
            fields = line.split(" ")
            pairs.append((fields[0], fields[-1]))
    return pairs


def measure(project: Path, out: Path) -> list[tuple[str, int, int, int, int]]:
    rows = []
    with open_project(project, create=False, read_only=True) as repo:
        for mode in TOKEN_MODES:
            report = export_project(repo, "conll", out / mode, options=ExportOptions(tokens=mode))
            lone, followed = lone_then_b(exported_pairs(out / mode / "entity.conll"))
            spans = sum(report.spans_per_label.values())
            rows.append((mode, lone, followed, len(report.widened), spans))
    return rows


def show(
    name: str, rows: list[tuple[str, int, int, int, int]], base: tuple[int, int] | None
) -> None:
    print(f"\n{name}")
    print(
        f"  {'tokens':<28}{'lone proclitics':>16}{'followed by B-':>16}{'share':>8}{'widened':>16}"
    )
    if base is not None:
        lone, followed = base
        share = followed / max(1, lone)
        gold = "gold segmentation (baseline)"
        print(f"  {gold:<28}{lone:>16}{followed:>16}{share:>8.1%}{'-':>16}")
    for mode, lone, followed, widened, spans in rows:
        share = followed / max(1, lone)
        print(f"  {mode:<28}{lone:>16}{followed:>16}{share:>8.1%}{f'{widened}/{spans}':>16}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        fane = args.data / NEWSFANE
        if fane.exists():
            sents = read_newsfane(fane)
            gold = lone_then_b([pair for sent in sents for pair in sent])
            project = tmp / "newsfane.annot.db"
            with open_project(project) as repo:
                repo.ensure_label(LABEL, next(iter(repo.labels())).kind)
                for n in range(0, len(sents), SENTENCES_PER_DOCUMENT):
                    chunk = sents[n : n + SENTENCES_PER_DOCUMENT]
                    repo.add_document(glued_document(chunk, n // SENTENCES_PER_DOCUMENT + 1))
            show(
                f"NewsFANE Gold 2014, first half ({len(sents)} sentences)",
                measure(project, tmp / "fane"),
                gold,
            )
        else:
            print(f"skipped NewsFANE: {fane} is not there")
        aner = args.data / ANERCORP
        if aner.exists():
            project = tmp / "anercorp.annot.db"
            with open_project(project) as repo:
                import_paths(repo, [aner], fmt="conll")
            show("ANERcorp (imported as it is)", measure(project, tmp / "aner"), None)
        else:
            print(f"skipped ANERcorp: {aner} is not there")


if __name__ == "__main__":
    main()
