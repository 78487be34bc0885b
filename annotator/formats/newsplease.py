"""news-please article JSON: ``{"title", "maintext", "url", "date_publish", ...}``.

The document text is the title, a blank line, then the main text: the headline is part of what
annotators label (it names the people and places of the story), and the title line stays at the
start of the text exactly as it does for a plain-text article. Offsets are into that text. The
boilerplate rules run over the main text only. ``url`` and ``date_publish`` fill the document's
url and published date, ``source_domain`` its source (else the file name); every other non-empty
field (language, authors, description, image_url, date_download...) goes to ``meta``.

A file holds one article object, or a list of them. See docs/adr/0005-import-rules.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Document, LabelSet
from annotator.core.text import canonical_text
from annotator.formats.base import ReaderWithNotes
from annotator.formats.decoding import read_text, title_from_text
from annotator.formats.jsonvalues import Fields, Where, check_depth, load
from annotator.formats.plaintext import BoilerplateOptions

TAKEN = frozenset({"title", "maintext", "text", "url", "date_publish", "source_domain"})


class NewsPleaseReader(BoilerplateOptions, ReaderWithNotes):
    name = "newsplease"
    extensions = (".json",)

    def sniff(self, path: Path, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return start[:1] in (b"{", b"[") and b'"maintext"' in head

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        decoded = read_text(path)
        data = load(decoded.text, Where(str(path)))
        articles = data if isinstance(data, list) else [data]
        if not articles:
            raise InputError("an empty list: no article in this file", path=str(path))
        docs = [self._article(a, i, len(articles), path) for i, a in enumerate(articles)]
        return docs, list(decoded.notes)

    def _article(self, item: Any, i: int, n: int, path: Path) -> AnnotatedDocument:
        where = Where(str(path))
        prefix = f"article {i + 1}: " if n > 1 else ""
        if not isinstance(item, dict):
            raise where.error(prefix + "not a JSON object")
        article = Fields(item, where, prefix)
        body = article.string("maintext") or article.string("text")
        if not body.strip():
            article.fail('no "maintext": not a news-please article, or an article without text')
        fields = {
            key: article.string(key).strip()
            for key in ("title", "url", "date_publish", "source_domain")
        }
        body, meta = self.clean(canonical_text(body).strip("\n"), path)
        title = canonical_text(fields["title"]).replace("\n", " ")
        text = f"{title}\n\n{body}" if title else body
        extra = {k: v for k, v in item.items() if k not in TAKEN and v not in (None, "", [])}
        check_depth(extra, where, prefix + "the article")
        meta.update(extra)
        document = Document(
            id=None,
            title=title or title_from_text(body),
            text=text,
            source=fields["source_domain"] or path.name,
            url=fields["url"],
            published=fields["date_publish"],
            meta=meta,
        )
        return AnnotatedDocument(document)


READER = NewsPleaseReader()
