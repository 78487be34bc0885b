"""bench_x11.py without X: its arguments, its clock arithmetic, its documents and projects, and
the message when Xvfb or xdotool is missing."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import pytest

from annotator.core.tokens import tokenize
from annotator.store import open_project
from benchmarks import bench_x11
from benchmarks.x11_documents import (
    article_project,
    articles,
    big_article_project,
    many_documents_project,
    one_paragraph,
    random_spans,
    short_paragraphs,
)
from benchmarks.x11_input import stamp_offset_ms, x_stamp_ms


def test_quick_takes_small_sizes_and_explicit_sizes_win() -> None:
    quick = bench_x11.parse_args(["--quick", "--tokens", "500,700"])
    assert quick.runs == 5
    assert quick.tokens == [500, 700]
    assert quick.big_chars < 1_000_000
    assert max(quick.documents) < 100_000
    full = bench_x11.parse_args([])
    assert full.tokens == [6000, 12000]
    assert full.chars == [132_000, 261_000]
    assert (full.big_chars, full.big_spans) == (1_000_000, 20_000)
    assert full.documents == [1000, 10_000, 100_000]
    assert full.only == ["articles", "big", "project", "suggestions"]
    assert bench_x11.parse_args(["--only", "big", "--chars="]).only == ["big"]


def test_bad_sizes_are_refused_by_name() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="not a list of sizes: '6k'"):
        bench_x11.sizes("6k")
    with pytest.raises(argparse.ArgumentTypeError, match="positive"):
        bench_x11.sizes("100,0")
    with pytest.raises(SystemExit):
        bench_x11.parse_args(["--runs", "0"])


def test_an_x_stamp_is_placed_on_the_monotonic_clock_across_its_wrap() -> None:
    assert x_stamp_ms(5000.7, 4999) == 4999
    wrap = 2**32
    assert x_stamp_ms(wrap + 3.2, wrap - 2) == wrap - 2  # stamped just before the wrap
    assert x_stamp_ms(3 * wrap + 10.0, 4) == 3 * wrap + 4


def test_the_stamp_offset_is_half_a_millisecond_unless_the_server_uses_the_coarse_clock() -> None:
    assert stamp_offset_ms(0.004) == 0.5  # a 4 ms coarse clock: the server takes CLOCK_MONOTONIC
    assert stamp_offset_ms(0.001) == pytest.approx(1.0)


def test_growth_shows_a_quadratic_cost_as_two() -> None:
    assert bench_x11.exponent((1000, 3.0), (2000, 12.0)) == pytest.approx(2.0)
    assert bench_x11.exponent((1000, 5.0), (4000, 5.0)) == pytest.approx(0.0)
    assert math.isnan(bench_x11.exponent((1000, 0.0), (2000, 1.0)))
    lines = bench_x11.growth_lines("t", "size", [(100, 1.0, 1.0), (200, 4.0, 2.0)])
    assert lines[-1].split()[-4:] == ["4.00", "2.00", "2.00", "1.00"]


def test_one_paragraph_is_the_same_text_at_the_same_offsets() -> None:
    short = short_paragraphs(tokens=1000)
    flat = one_paragraph(short)
    assert len(tokenize(short)) >= 1000
    assert "\n" in short and "\n" not in flat
    assert len(flat) == len(short)
    words = [(t.start, t.end, t.text) for t in tokenize(short) if t.is_word]
    assert words == [(t.start, t.end, t.text) for t in tokenize(flat) if t.is_word]
    assert len(short_paragraphs(chars=5000)) == 5000


def test_spans_lie_on_words_and_every_size_comes_in_both_layouts() -> None:
    text = short_paragraphs(tokens=600)
    spans = random_spans(text, 100)
    starts = {t.start for t in tokenize(text) if t.is_word}
    ends = {t.end for t in tokenize(text) if t.is_word}
    assert len(spans) == 100
    assert all(s.start in starts and s.end in ends for s in spans)
    chosen = articles([600], [3000])
    assert [a.name for a in chosen] == [
        "sample article",
        "600 tokens, short paragraphs",
        "600 tokens, one paragraph",
        "3,000 characters, short paragraphs",
        "3,000 characters, one paragraph",
    ]
    assert chosen[1].text.replace("\n", " ") == chosen[2].text


def test_the_projects_hold_what_the_rows_open(tmp_path: Path) -> None:
    chosen = articles([600], [])
    with open_project(article_project(tmp_path / "a.annot.db", chosen)) as repo:
        docs = [repo.annotated(s.id) for s in repo.summaries(annotator="", limit=10)]
    assert [d.document.text for d in docs] == [a.text for a in chosen]
    assert [len(d.spans) for d in docs] == [a.spans for a in chosen]
    with open_project(big_article_project(tmp_path / "b.annot.db", 20_000, 300)) as repo:
        sample, big = repo.summaries(annotator="", limit=10)
        assert len(repo.annotated(big.id).document.text) == 20_000
        assert len(repo.annotated(big.id).spans) == 300
        assert not repo.annotated(sample.id).spans
    with open_project(many_documents_project(tmp_path / "c.annot.db", 120)) as repo:
        assert repo.count_summaries(annotator="", search="7") == 21  # 7, 17, 27 … 70-79 …


def test_without_xvfb_or_xdotool_it_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert bench_x11.main(["--quick"]) == 2
    error = capsys.readouterr().err
    assert "Xvfb and xdotool not found" in error
    assert "make bench-x" in error
