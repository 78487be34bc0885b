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

import json
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Document, LabelSet
from annotator.core.text import canonical_text
from annotator.formats.decoding import lone_surrogate_error, read_text, title_from_text
from annotator.formats.plaintext import BoilerplateOptions

TAKEN = frozenset({"title", "maintext", "text", "url", "date_publish", "source_domain"})


class NewsPleaseReader(BoilerplateOptions):
    name = "newsplease"
    extensions = (".json",)

    def sniff(self, path: Path, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return start[:1] in (b"{", b"[") and b'"maintext"' in head

    def read(self, path: Path, labels: LabelSet) -> list[AnnotatedDocument]:
        content = read_text(path).text
        try:
            data = json.loads(content)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"invalid JSON: {exc.msg} at column {exc.colno}", path=str(path), line=exc.lineno
            ) from exc
        broken = lone_surrogate_error(content, data)
        if broken is not None:
            raise InputError(broken[0], path=str(path), line=broken[1])
        articles = data if isinstance(data, list) else [data]
        if not articles:
            raise InputError("an empty list: no article in this file", path=str(path))
        return [self._article(a, i, len(articles), path) for i, a in enumerate(articles)]

    def _article(self, item: Any, i: int, n: int, path: Path) -> AnnotatedDocument:
        where = f"article {i + 1}: " if n > 1 else ""

        def fail(message: str) -> InputError:
            return InputError(where + message, path=str(path))

        if not isinstance(item, dict):
            raise fail("not a JSON object")
        body = item.get("maintext") or item.get("text")
        if not isinstance(body, str) or not body.strip():
            raise fail('no "maintext": not a news-please article, or an article without text')
        fields = {}
        for key in ("title", "url", "date_publish", "source_domain"):
            value = item.get(key)
            if value is not None and not isinstance(value, str):
                raise fail(f'"{key}" must be a string')
            fields[key] = (value or "").strip()
        body, meta = self.clean(canonical_text(body).strip("\n"), path)
        title = canonical_text(fields["title"]).replace("\n", " ")
        text = f"{title}\n\n{body}" if title else body
        meta.update({k: v for k, v in item.items() if k not in TAKEN and v not in (None, "", [])})
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
