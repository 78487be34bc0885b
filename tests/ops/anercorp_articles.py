"""Articles made of ANERcorp's sentences (tests/fixtures/ANERCorp.txt): real Arabic news text
for the project-wide search, with the names ANERcorp tags in it."""

from __future__ import annotations

from pathlib import Path

ANERCORP = Path(__file__).parents[1] / "fixtures" / "ANERCorp.txt"


def tagged_tokens(limit: int) -> list[tuple[str, str]]:
    """The first ``limit`` (token, tag) pairs of ANERcorp."""
    out: list[tuple[str, str]] = []
    for line in ANERCORP.read_text("utf-8").split("\n"):
        word, _, tag = line.strip().rpartition(" ")
        if word:
            out.append((word, tag))
            if len(out) == limit:
                break
    return out


def articles(count: int, words: int) -> list[str]:
    """``count`` texts of ``words`` ANERcorp tokens each, one after another."""
    tokens = [w for w, _ in tagged_tokens(count * words)]
    return [" ".join(tokens[i * words : (i + 1) * words]) for i in range(count)]


def names(limit: int) -> list[str]:
    """The distinct names (B- then I- tokens joined) of the first ``limit`` tokens."""
    found: list[str] = []
    current: list[str] = []
    for word, tag in [*tagged_tokens(limit), ("", "O")]:
        if tag.startswith("I-") and current:
            current.append(word)
            continue
        if current and " ".join(current) not in found:
            found.append(" ".join(current))
        current = [word] if tag.startswith("B-") else []
    return found
