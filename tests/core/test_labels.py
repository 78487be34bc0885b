"""The label-name rule (annotator/core/labels.py) that every path uses."""

from __future__ import annotations

import pytest

from annotator.core.labels import MAX_NAME_LENGTH, NameProblem, name_error, name_problem


@pytest.mark.parametrize(
    "name",
    ["PER", "PERS", "B-ORG", "شخص", "مكان_عام", "ORG:GOV", "[events]", "!X", "<OVERLAP>", "a&b"],
)
def test_names_that_every_format_can_hold_or_escape(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "problem", "char"),
    [
        ("", NameProblem.EMPTY, None),
        ("X" * (MAX_NAME_LENGTH + 1), NameProblem.TOO_LONG, None),
        ("TWO WORDS", NameProblem.WHITESPACE, " "),
        ("A\tB", NameProblem.WHITESPACE, "\t"),
        ("A\u00a0B", NameProblem.WHITESPACE, "\u00a0"),  # NBSP: CoNLL readers split on it
        ("A\u2028", NameProblem.WHITESPACE, "\u2028"),
        ("A\x00", NameProblem.CONTROL, "\x00"),
        ("A\x1b", NameProblem.CONTROL, "\x1b"),
        ("A\x85", NameProblem.WHITESPACE, "\x85"),
        ("A\x9f", NameProblem.CONTROL, "\x9f"),
        ("QUOTE\u202e", NameProblem.BIDI, "\u202e"),
        ("\u202aX", NameProblem.BIDI, "\u202a"),
        ("X\u2066", NameProblem.BIDI, "\u2066"),
        ("X\u2069", NameProblem.BIDI, "\u2069"),
        ("\u200fشخص", NameProblem.BIDI, "\u200f"),
        ("X\u200e", NameProblem.BIDI, "\u200e"),
        ("شخص\u061c", NameProblem.BIDI, "\u061c"),
        ("PER\u200b", NameProblem.INVISIBLE, "\u200b"),
        ("PER\u200d", NameProblem.INVISIBLE, "\u200d"),
        ("\ufeffPER", NameProblem.INVISIBLE, "\ufeff"),
        ("PER\u00ad", NameProblem.INVISIBLE, "\u00ad"),
        ("X\ufffe", NameProblem.NONCHARACTER, "\ufffe"),
        ("X\uffff", NameProblem.NONCHARACTER, "\uffff"),
        ("X\ufdd0", NameProblem.NONCHARACTER, "\ufdd0"),
        ("X\U0001fffe", NameProblem.NONCHARACTER, "\U0001fffe"),
        ("X\ud800", NameProblem.NONCHARACTER, "\ud800"),
        ("X\ue000", NameProblem.UNASSIGNED, "\ue000"),
        ("X\u0378", NameProblem.UNASSIGNED, "\u0378"),
        ("\u064bشخص", NameProblem.COMBINING_FIRST, "\u064b"),
    ],
)
def test_refused_names(name: str, problem: NameProblem, char: str | None) -> None:
    found = name_problem(name)
    assert found is not None and (found.problem, found.char) == (problem, char)


def test_the_message_names_the_character_and_shows_it_escaped() -> None:
    assert name_error("QUOTE\u202e") == (
        "label 'QUOTE\\u202e': a name cannot hold a bidi control (U+202E RIGHT-TO-LEFT OVERRIDE)"
    )
    assert name_error("X\ufffe") == (
        "label 'X\\ufffe': a name cannot hold a noncharacter or a lone surrogate (U+FFFE)"
    )
    long = name_error("ش" * 5000)
    assert long is not None and len(long) < 200 and "5000 characters" in long
    assert name_error("شخص") is None


def test_tashkeel_inside_a_name_is_fine() -> None:
    assert name_problem("شَخص") is None
