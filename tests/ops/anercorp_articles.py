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


SEED = Path(__file__).parents[2] / "seeds" / "washington-turkey-isis.txt"


def learning_project(path: Path, annotator: str = "amal") -> dict[str, int]:
    """A project for active learning (ADR 0073): two documents of ANERcorp's first sentences
    with its spans, done by ``annotator``; unfinished, ``familiar`` (the first of them again,
    cut short: sentences the model learned from), ``later`` (sentences of ANERcorp far
    further on) and ``unfamiliar`` (the sample article: another year's news, other names).
    Returns the documents' ids by name ("train 1", "train 2" and the three others)."""
    from annotator.core.edits import SetStatus
    from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Document, Kind, Status
    from annotator.formats import conll
    from annotator.store import open_project

    lines = ANERCORP.read_text("utf-8").splitlines(keepends=True)
    done, _notes = conll.loads("".join(lines[:3000]), DEFAULT_LABELS, title="ANERcorp")
    later = " ".join(line.rpartition(" ")[0] for line in lines[120000:121000] if line.strip())
    familiar = done[0].document.text[:1500]
    with open_project(path) as repo:
        ids: dict[str, int] = {}
        for label in sorted({s.label for doc in done for s in doc.spans}):
            repo.ensure_label(label, Kind.ENTITY)
        for n, doc in enumerate(done, 1):
            added = repo.add_document(doc, annotator=annotator)
            assert added is not None and added.id is not None
            ids[f"train {n}"] = added.id
            repo.apply(SetStatus(added.id, annotator, Status.DONE))
        for name, text in (
            ("familiar", familiar),
            ("later", later),
            ("unfamiliar", SEED.read_text("utf-8")),
        ):
            added = repo.add_document(AnnotatedDocument(Document(None, name, text), ()))
            assert added is not None and added.id is not None
            ids[name] = added.id
    return ids
