"""A site that names no language takes its posts' script."""

from __future__ import annotations

import os
from pathlib import Path

from blogbuild.content.language import language_of_posts


def _posts(tmp_path: Path, texts: list[str]) -> str:
    folder = tmp_path / "posts"
    folder.mkdir(parents=True)
    for n, text in enumerate(texts):
        (folder / f"{n:03d}.md").write_text(text, encoding="utf-8")
    return str(folder)


def test_cyrillic_prose_is_russian_and_latin_prose_english(tmp_path: Path) -> None:
    ru = _posts(tmp_path / "ru", ["---\ntitle: Hello\ntags: [ml, nlp]\n---\nПривет, мир.\n"])
    en = _posts(tmp_path / "en", ["---\ntitle: Привет\n---\nHello, world, again.\n"])
    assert language_of_posts([ru], "en") == "ru"
    assert language_of_posts([en], "ru") == "en"


def test_code_and_urls_do_not_count(tmp_path: Path) -> None:
    body = "Короткий текст.\n\n```python\nimport transformers, attention, tokenizer\n```\n"
    body += "[ссылка](https://example.org/some/very/long/english/path)\n"
    assert language_of_posts([_posts(tmp_path / "a", [body])], "en") == "ru"


def test_no_posts_or_no_letters_keep_the_default(tmp_path: Path) -> None:
    assert language_of_posts([str(tmp_path / "missing")], "ru") == "ru"
    assert language_of_posts([_posts(tmp_path / "b", ["---\n---\n123 456\n"])], "en") == "en"


def test_a_pipe_among_the_posts_is_not_read(tmp_path: Path) -> None:
    folder = _posts(tmp_path / "c", ["English words only here."])
    os.mkfifo(Path(folder) / "pipe.md")
    assert language_of_posts([folder], "ru") == "en"
