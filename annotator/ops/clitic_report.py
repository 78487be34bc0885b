"""The clitic report of a project: which words the spans split, on what evidence, and where the
annotators decided otherwise than the analyser (docs/adr/0045).

Every span whose start is at a word (a token with letters or digits) is looked at; the word is
the whole token its start falls in. A span *splits* its word when it starts inside the token
right after a proclitic (``proclitic_splits``: لتركيا, the span تركيا); it *keeps it whole*
when it starts at the token's start and the token can begin with a proclitic (والرقة).

The analyser's decision on a word comes from the project's evidence (the word counts of every
document, the texts of every span) without the spans of that word itself (those starting at,
or after a proclitic inside, a token with the same folded letters): otherwise every span would
agree with itself. A span is *corrected* when the annotator did otherwise than that decision:
kept whole a word the analyser splits (made with the exact key, or moved), or split a word the
analyser keeps whole, or left out another proclitic than the analyser's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from annotator.core.clitics import CliticAnalyser, SpanEvidence, proclitic_splits, span_key
from annotator.core.search import fold
from annotator.core.tokens import tokenize
from annotator.store import Repository

EXAMPLES = 5  # span places kept per row


@dataclass(frozen=True, slots=True)
class Place:
    document_id: int
    span_id: int
    label: str
    annotator: str


@dataclass(slots=True)
class WordRow:
    """The spans of one word, done one way (split after ``proclitic``, or whole: "")."""

    word: str  # the token as written at its first span
    proclitic: str  # what the spans left out ("" : kept whole)
    analyser: str  # the proclitic the analyser leaves out ("": it keeps the word whole)
    reason: str  # the analyser's evidence for its split (CliticSplit.reason), "" if whole
    spans: int = 0
    places: list[Place] = field(default_factory=list)

    @property
    def corrected(self) -> bool:
        return fold(self.proclitic) != fold(self.analyser)

    @property
    def stem(self) -> str:
        return self.word[len(self.proclitic or self.analyser) :]

    def as_json(self) -> dict[str, Any]:
        return {
            "word": self.word,
            "spans_leave_out": self.proclitic,
            "analyser_leaves_out": self.analyser,
            "stem": self.stem,
            "evidence": self.reason,
            "spans": self.spans,
            "examples": [
                {"document": p.document_id, "span": p.span_id, "label": p.label,
                 "annotator": p.annotator}
                for p in self.places
            ],
        }  # fmt: skip


@dataclass(slots=True)
class CliticReport:
    spans: int = 0  # every span of the project
    considered: int = 0  # spans at a word that can begin with a proclitic
    rows: list[WordRow] = field(default_factory=list)

    @property
    def split(self) -> list[WordRow]:
        """Words the spans split (a proclitic left out), agreed or not."""
        return [r for r in self.rows if r.proclitic]

    @property
    def corrected(self) -> list[WordRow]:
        return [r for r in self.rows if r.corrected]

    @property
    def kept(self) -> int:
        """Spans keeping a possible proclitic, as the analyser does."""
        return sum(r.spans for r in self.rows if not r.proclitic and not r.corrected)

    def as_json(self) -> dict[str, Any]:
        return {
            "spans": self.spans,
            "considered": self.considered,
            "split_spans": sum(r.spans for r in self.split),
            "kept_whole_spans": sum(r.spans for r in self.rows if not r.proclitic),
            "corrected_spans": sum(r.spans for r in self.corrected),
            "split": [r.as_json() for r in self.split],
            "corrected": [r.as_json() for r in self.corrected],
        }


def _word_at(text: str, pos: int) -> tuple[int, str] | None:
    """``(start, text)`` of the word token holding code point ``pos``."""
    left = pos
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = pos
    while right < len(text) and not text[right].isspace():
        right += 1
    for token in tokenize(text[left:right]):
        if token.is_word and token.start <= pos - left < token.end:
            return left + token.start, token.text
    return None


def clitic_report(repo: Repository) -> CliticReport:
    """The report of the whole project (every annotator's spans)."""
    report = CliticReport()
    # (folded word) -> [(how the span did it: proclitic or "", word as written, place, key)]
    found: dict[str, list[tuple[str, str, Place, str]]] = defaultdict(list)
    every = SpanEvidence()
    for doc_id in repo.document_ids():
        spans = repo.spans(doc_id)
        if not spans:
            continue
        text = repo.document(doc_id).text
        for span in spans:
            report.spans += 1
            key = span_key(text[span.start : span.end])
            every.add_keys([key])
            word = _word_at(text, span.start)
            if word is None:
                continue
            start, token = word
            splits = proclitic_splits(token)
            if not splits:
                continue
            done = text[start : span.start]
            if done and (done, token[len(done) :]) not in splits:
                continue  # starts inside a word, not after a proclitic
            report.considered += 1
            place = Place(doc_id, span.id, span.label, span.annotator)
            found[fold(token)].append((done, token, place, key))
    analyser = CliticAnalyser.live(repo.token_counts(), every)
    rows: dict[tuple[str, str], WordRow] = {}
    for word_key, items in found.items():
        for *_, key in items:
            every.remove_key(key)
        verdict = analyser.analyse(items[0][1])
        every.add_keys(key for *_, key in items)
        for done, token, place, _ in items:
            row = rows.get((word_key, fold(done)))
            if row is None:
                row = rows[(word_key, fold(done))] = WordRow(
                    token,
                    done,
                    verdict.proclitic if verdict else "",
                    verdict.reason if verdict else "",
                )
            row.spans += 1
            if len(row.places) < EXAMPLES:
                row.places.append(place)
    report.rows = sorted(rows.values(), key=lambda r: (-r.spans, r.word))
    return report


def report_text(report: CliticReport, project: str) -> str:
    """The report in plain English for the command line."""
    split, corrected = report.split, report.corrected
    lines = [
        f"Clitic report of {project}: {report.spans} spans, {report.considered} of them at a "
        "word that can begin with a proclitic (و ف ب ك ل س)",
        f"Split (the proclitic left out of the span): {sum(r.spans for r in split)} spans, "
        f"{len(split)} words",
    ]
    for r in split:
        how = f"evidence: {r.reason}" if not r.corrected else "the analyser keeps it whole"
        if r.corrected and r.analyser:
            how = f"the analyser leaves out {r.analyser}"
        lines.append(f"  {r.word}  {r.proclitic} + {r.stem}  {r.spans} span(s), {how}")
    lines.append(
        f"Corrected by the annotators: {sum(r.spans for r in corrected)} spans, "
        f"{len(corrected)} words"
    )
    for r in corrected:
        if not r.proclitic:
            what = f"kept whole; the analyser leaves out {r.analyser} ({r.reason})"
        elif not r.analyser:
            what = f"{r.proclitic} left out; the analyser keeps the word whole"
        else:
            what = f"{r.proclitic} left out; the analyser leaves out {r.analyser} ({r.reason})"
        where = ", ".join(f"doc {p.document_id} span {p.span_id}" for p in r.places)
        lines.append(f"  {r.word}  {what}; {r.spans} span(s): {where}")
    return "\n".join(lines) + "\n"
