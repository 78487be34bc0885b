"""The documents and projects of bench_x11.py: no Qt, no X (tests/benchmarks checks them).

Every article is the sample article (seeds/washington-turkey-isis.txt) repeated. The same text is
built twice: in short paragraphs (the sample's own line breaks) and as one paragraph (every line
break made a space), so both have the same length, the same tokens at the same offsets and the
same spans, and differ only in where Qt's blocks end.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.core.suggestions import Suggestion
from annotator.core.tokens import tokenize
from annotator.store import open_project

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "washington-turkey-isis.txt"
WHO = "bench"
CHARS_PER_SPAN = 30  # as bench_viewer.py's one-paragraph rows: quotes and events among them


@dataclass(frozen=True, slots=True)
class Article:
    name: str  # what a row says: "6,000 tokens, one paragraph"
    text: str
    spans: int  # how many spans the stored document holds
    one_paragraph: bool


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8").strip()


def short_paragraphs(*, tokens: int | None = None, chars: int | None = None) -> str:
    """The sample repeated (blank line between copies) to ``tokens`` tokens or ``chars``
    characters (cut there)."""
    if tokens is None and chars is None:
        raise ValueError("short_paragraphs needs tokens or chars")
    sample = sample_text()
    copies = [sample]
    per_copy = len(tokenize(sample))
    if tokens is not None:
        copies *= -(-tokens // per_copy)
    else:
        assert chars is not None
        copies *= -(-chars // (len(sample) + 2))
    text = "\n\n".join(copies)
    return text[:chars] if chars is not None else text


def one_paragraph(text: str) -> str:
    """The same text as one paragraph: each line break a space (offsets unchanged)."""
    return text.replace("\r", " ").replace("\n", " ")


def random_spans(text: str, count: int, seed: int = 1) -> list[Span]:
    """``count`` spans on words at random (fixed seed): entities of 1-3 words (75%), events of
    1-2 (18%), quotes of 8-40 (7%), so they nest and overlap as real annotations do."""
    rng = random.Random(seed)
    words = [t for t in tokenize(text) if t.is_word]
    if len(words) < 50:
        raise ValueError(f"random_spans: {len(words)} words are too few for spans")
    count = min(count, len(words))
    spans: set[tuple[int, int, str]] = set()
    while len(spans) < count:
        i = rng.randrange(len(words) - 40)
        kind = rng.random()
        if kind < 0.75:
            label, n = rng.choice(("PER", "ORG", "LOC", "MISC")), rng.randint(1, 3)
        elif kind < 0.93:
            label, n = "EVENT", rng.randint(1, 2)
        else:
            label, n = "QUOTE", rng.randint(8, 40)
        spans.add((words[i].start, words[i + n - 1].end, label))
    return [Span(k, 0, s, e, label, WHO) for k, (s, e, label) in enumerate(sorted(spans), 1)]


def articles(token_sizes: list[int], char_sizes: list[int]) -> list[Article]:
    """The sample article, then each size in short paragraphs and as one paragraph."""
    sample = sample_text()
    out = [Article("sample article", sample, len(sample) // CHARS_PER_SPAN, False)]
    sized = [(f"{n:,} tokens", short_paragraphs(tokens=n)) for n in token_sizes]
    sized += [(f"{n:,} characters", short_paragraphs(chars=n)) for n in char_sizes]
    for name, text in sized:
        spans = len(text) // CHARS_PER_SPAN
        out.append(Article(f"{name}, short paragraphs", text, spans, False))
        out.append(Article(f"{name}, one paragraph", one_paragraph(text), spans, True))
    return out


def _annotated(title: str, text: str, spans: int) -> AnnotatedDocument:
    return AnnotatedDocument(Document(None, title, text), tuple(random_spans(text, spans)))


def article_project(path: Path, chosen: list[Article]) -> Path:
    """One project holding every article, in that order, with its spans."""
    with open_project(path, create=True) as repo:
        for article in chosen:
            doc = _annotated(article.name, article.text, article.spans)
            repo.add_document(doc, annotator=WHO)
    return path


def big_article_project(path: Path, chars: int, spans: int) -> Path:
    """The sample article, then one article of ``chars`` characters (short paragraphs) holding
    the project's ``spans`` newest spans (issue 10: a 1M-character article, 20,000 spans)."""
    sample = sample_text()
    with open_project(path, create=True) as repo:
        repo.add_document(AnnotatedDocument(Document(None, "sample article", sample)))
        big = _annotated(f"{chars:,} characters", short_paragraphs(chars=chars), spans)
        repo.add_document(big, annotator=WHO)
    return path


def many_documents_project(path: Path, count: int) -> Path:
    """``count`` short documents titled مقال 0 … (a digit typed in the filter narrows them)."""
    sentence = "قال كارتر إن الخطة تمضي في الرقة والموصل"
    with open_project(path, create=True) as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, f"مقال {i}", f"{sentence} {i}")) for i in range(count)
        )
    return path


def suggestions_project(path: Path, tokens: int, spans: int, suggestions: int) -> Path:
    """An article of ``tokens`` tokens (short paragraphs) with ``spans`` spans and
    ``suggestions`` open suggestions on words no span covers (issue 11), every entity label."""
    text = short_paragraphs(tokens=tokens)
    doc = _annotated(f"{tokens:,} tokens", text, spans)
    entity = {
        i for s in doc.spans if s.label not in ("QUOTE", "EVENT") for i in range(s.start, s.end)
    }
    words = [
        (t.start, t.end)
        for t in tokenize(text)
        if t.is_word and len(t.text) > 3 and not entity.intersection(range(t.start, t.end))
    ]
    random.Random(11).shuffle(words)
    labels = ("PER", "ORG", "LOC", "MISC")
    with open_project(path, create=True) as repo:
        added = repo.add_document(doc, annotator=WHO)
        assert added is not None and added.id is not None
        document_id = added.id
        found = [
            Suggestion(document_id, a, b, labels[i % 4], "memory", 0.5 + (i % 5) / 10)
            for i, (a, b) in enumerate(sorted(words[:suggestions]))
        ]
        repo.add_suggestions(found, replace="memory", documents=[document_id])
    return path
