"""news-please article JSON: text = title + blank line + main text; fields to the document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS
from annotator.formats import registry
from annotator.formats.newsplease import READER

FIXTURE = Path(__file__).parents[1] / "fixtures" / "import" / "newsplease-article.json"
ARTICLE = json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_article_fields() -> None:
    [doc] = READER.read(FIXTURE, DEFAULT_LABELS)
    d = doc.document
    assert d.title == ARTICLE["title"]
    assert d.text == ARTICLE["title"] + "\n\n" + ARTICLE["maintext"]
    assert d.url == ARTICLE["url"]
    assert d.published == "2016-09-09 00:00:00"
    assert d.source == "www.example.com"
    assert d.meta["language"] == "ar"
    assert d.meta["image_url"] == ARTICLE["image_url"]
    assert "date_modify" not in d.meta  # null fields are left out
    assert "maintext" not in d.meta


def test_a_list_of_articles_and_chrome_in_the_main_text(tmp_path: Path) -> None:
    second = {**ARTICLE, "title": "خبر ثان", "maintext": "انسحاب من منبج\nEmail"}
    path = tmp_path / "two.json"
    path.write_text(json.dumps([ARTICLE, second], ensure_ascii=False), encoding="utf-8")
    docs = READER.read(path, DEFAULT_LABELS)
    assert [d.document.title for d in docs] == [ARTICLE["title"], "خبر ثان"]
    assert docs[1].document.text.startswith("خبر ثان\n\nانسحاب من منبج")
    assert "Email" not in docs[1].document.text
    assert docs[1].document.meta["boilerplate_dropped"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{\n  "title": "خبر",\n  "maintext": "نص"\n  "url": ""\n}', "line 4: invalid JSON"),
        ('{"title": "خبر", "url": "http://x"}', 'no "maintext"'),
        ('{"title": 5, "maintext": "نص"}', '"title" must be a string'),
        ("[]", "no article"),
        ('[{"maintext": "نص"}, 7]', "article 2: not a JSON object"),
    ],
)
def test_bad_articles_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        READER.read(path, DEFAULT_LABELS)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)


def test_detected_by_content(tmp_path: Path) -> None:
    assert registry.detect(FIXTURE).name == "newsplease"
    other = tmp_path / "other.json"
    other.write_text('{"a": 1}', encoding="utf-8")
    assert not READER.sniff(other, other.read_bytes())
