"""Scraped-page chrome: dropped by line rules, reported, and nothing else touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.boilerplate import (
    DEFAULT_RULES,
    BoilerplateRule,
    rules_from_json,
    rules_to_json,
    strip_boilerplate,
)
from annotator.core.errors import InputError
from annotator.core.tokens import sentences

ARTICLE = (Path(__file__).parent.parent / "fixtures" / "washington-turkey-isis.txt").read_text(
    encoding="utf-8"
)


def test_sample_article_loses_its_chrome_and_nothing_else() -> None:
    cleaned, dropped = strip_boilerplate(ARTICLE)
    assert dropped == [
        {"rule": "photo caption", "line": 5, "text": "أرشيفية"},
        {"rule": "font-size widget", "line": 7, "text": "ت + ت - الحجم الطبيعي"},
        {"rule": "share link", "line": 39, "text": "Email"},
    ]
    chrome = {"أرشيفية", "ت + ت - الحجم الطبيعي", "Email"}
    paragraphs = [p for p in ARTICLE.split("\n\n") if p not in chrome]
    assert cleaned.split("\n\n") == paragraphs
    for start, end in sentences(ARTICLE):
        if ARTICLE[start:end] not in chrome:
            assert ARTICLE[start:end] in cleaned
    assert cleaned.endswith("بعد ذلك.")
    assert "\n\n\n" not in cleaned


@pytest.mark.parametrize(
    "widget",
    [
        "ت + ت - الحجم الطبيعي",
        "ت+ت-الحجم الطبيعي",
        "  ت  +  ت  -  الحجم  الطبيعي \t",
        "\u200fت + ت – الحجم الطبيعي",
        "ت - ت + الحجم الطبيعي",
    ],
)
def test_font_size_widget_spacing_variants(widget: str) -> None:
    cleaned, dropped = strip_boilerplate(f"عنوان\n\n{widget}\n\nنص المقال.")
    assert cleaned == "عنوان\n\nنص المقال."
    assert dropped == [{"rule": "font-size widget", "line": 3, "text": widget}]


@pytest.mark.parametrize("caption", ["أرشيفية", "(أرشيفية)", "صورة أرشيفية", " أرشيفية "])
def test_caption_alone_on_its_line(caption: str) -> None:
    assert strip_boilerplate(f"عنوان\n{caption}\nنص.")[0] == "عنوان\nنص."


def test_caption_word_inside_a_sentence_stays() -> None:
    text = "صورة أرشيفية للرئيس في بغداد.\nأرشيفية الصحيفة مفتوحة"
    assert strip_boilerplate(text) == (text, [])


def test_share_links_only_at_the_end() -> None:
    text = "نص.\nEmail\nنص آخر.\n\nShare\nEMAIL\n\nطباعة\n"
    cleaned, dropped = strip_boilerplate(text)
    assert cleaned == "نص.\nEmail\nنص آخر.\n"
    assert [d["line"] for d in dropped] == [5, 6, 8]
    assert [d["rule"] for d in dropped] == ["share link"] * 3


def test_blank_lines_around_a_dropped_line_collapse() -> None:
    assert strip_boilerplate("أ\n\nأرشيفية\n\nب")[0] == "أ\n\nب"
    assert strip_boilerplate("أ\nأرشيفية\nب")[0] == "أ\nب"
    assert strip_boilerplate("أ\nأرشيفية\n\nب")[0] == "أ\n\nب"
    assert strip_boilerplate("أ\n\n\nأرشيفية\n\nب")[0] == "أ\n\n\nب"  # the longest run stays
    assert strip_boilerplate("أ\n\nأرشيفية\n\nأرشيفية\n\nب")[0] == "أ\n\nب"


def test_at_the_edges_the_blank_lines_go_with_the_line() -> None:
    assert strip_boilerplate("أرشيفية\n\nعنوان\n")[0] == "عنوان\n"
    assert strip_boilerplate("نص.\n\nEmail\n")[0] == "نص.\n"
    assert strip_boilerplate("نص.\n\nEmail")[0] == "نص."
    assert strip_boilerplate("Email\n") == (
        "",
        [{"rule": "share link", "line": 1, "text": "Email"}],
    )


def test_everything_else_is_untouched() -> None:
    text = "\n\nعنوان  \n\n\n\nفقرة\u00a0أولى.\n\n\nفقرة ثانية.\n\n"
    assert strip_boilerplate(text) == (text, [])
    with_chrome = text.replace("أولى.", "أولى.\nأرشيفية")
    assert strip_boilerplate(with_chrome)[0] == text


def test_no_rules_no_change() -> None:
    assert strip_boilerplate(ARTICLE, rules=()) == (ARTICLE, [])
    assert strip_boilerplate("") == ("", [])


def test_custom_rules_from_json() -> None:
    rules = rules_from_json(
        {
            "rules": [
                {"name": "agency", "pattern": r"\(أ ف ب\)"},
                {"name": "x", "pattern": "X", "where": "last"},
            ]
        }
    )
    assert rules == (BoilerplateRule("agency", r"\(أ ف ب\)"), BoilerplateRule("x", "X", "last"))
    cleaned, dropped = strip_boilerplate("(أ ف ب)\nنص\nX", rules)
    assert cleaned == "نص"
    assert [d["rule"] for d in dropped] == ["agency", "x"]


def test_default_rules_round_trip_through_json() -> None:
    assert rules_from_json(rules_to_json(DEFAULT_RULES)) == DEFAULT_RULES


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "a", "pattern": "b"}, "must be a JSON list"),
        (["a"], "rule 1 is not an object"),
        ([{"name": "a", "pattern": "b", "wher": "any"}], "unknown keys ['wher']"),
        ([{"pattern": "b"}], "'name' must be a non-empty string"),
        ([{"name": "a", "pattern": ""}], "'pattern' must be a non-empty string"),
        ([{"name": "a", "pattern": "b", "where": "first"}], "where must be 'any' or 'last'"),
        ([{"name": "a", "pattern": "b", "where": 3}], "'where' must be 'any' or 'last'"),
        ([{"name": "a", "pattern": "b"}, {"name": "c", "pattern": "("}], "rule 2: rule 'c': bad"),
    ],
)
def test_bad_rules_name_the_file_and_rule(data: object, message: str) -> None:
    with pytest.raises(InputError) as info:
        rules_from_json(data, path="rules.json")
    assert message in str(info.value)
    assert str(info.value).startswith("rules.json: ")


_LINES = st.lists(
    st.sampled_from(
        ["", " ", "نص.", "فقرة  ثانية", "أرشيفية", "ت + ت - الحجم الطبيعي", "Email", "Share"]
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(_LINES, st.booleans())
def test_only_matching_lines_and_their_blank_lines_go(
    lines: list[str], final_newline: bool
) -> None:
    text = "\n".join(lines) + ("\n" if final_newline and lines else "")
    cleaned, dropped = strip_boilerplate(text)
    original = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    for record in dropped:
        assert original[record["line"] - 1] == record["text"]
    gone = {record["line"] - 1 for record in dropped}
    content = [line for i, line in enumerate(original) if line.strip() and i not in gone]
    assert [line for line in cleaned.split("\n") if line.strip()] == content
    assert all(line.strip() not in {"أرشيفية", "ت + ت - الحجم الطبيعي"} for line in content)
    if not dropped:
        assert cleaned == text
    # a kept sequence of lines: cleaned's lines are a subsequence of the original lines
    if cleaned:
        kept = cleaned[:-1].split("\n") if cleaned.endswith("\n") else cleaned.split("\n")
        rest = iter(original)
        assert all(any(line == other for other in rest) for line in kept)
    assert strip_boilerplate(cleaned)[0] == cleaned
