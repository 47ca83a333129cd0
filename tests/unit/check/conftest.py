"""Helpers to build posts for rule tests without the loader.

The seed articles are checked through the real loader and build (test_seeds.py); these
helpers give rule tests small posts, and the corpora a quick reader of Jekyll posts.
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from blogbuild.check import Finding, check_post
from blogbuild.content.plaintext import text_to_markdown
from blogbuild.model import Post

_FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*\r?\n", re.DOTALL)
_TOML_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*=", re.MULTILINE)


def make_post(body: str = "", **fields: Any) -> Post:
    """A post with sensible metadata, so only what a test sets can be flagged.

    With `source_format="text"` the body is plain text, converted to Markdown as the loader
    does, so rules see what they see on a real blog.
    """
    values: dict[str, Any] = {
        "source_path": "content/posts/test.md",
        "slug": "test",
        "title": "Тестовая статья",
        "date": datetime(2025, 1, 1, tzinfo=UTC),
        "updated": None,
        "categories": ("ai",),
        "tags": (),
        "draft": False,
        "description": "Описание статьи.",
        "image": None,
        "body": body,
        "body_line": 1,
        "source_format": "markdown",
    }
    values.update(fields)
    values.setdefault("url", f"/posts/{values['slug']}/")
    if values["source_format"] == "text" and "text_body" not in fields:
        values["text_body"] = body
        values["body"] = text_to_markdown(body)
    return Post(**values)


def found(body: str, rule: str, **fields: Any) -> list[tuple[int, int]]:
    """(line, col) of each finding of one rule for a post with this body."""
    return [(f.line, f.col) for f in findings_of(make_post(body, **fields), rule)]


def findings_of(post: Post, rule: str) -> list[Finding]:
    """The findings of one rule for a post."""
    return [f for f in check_post(post) if f.rule == rule]


def load_source(path: Path, root: Path) -> Post:
    """A post from a Markdown file with front matter, or a plain-text file titled by line 1.

    Faster and more forgiving than the loader, for corpora of other people's Jekyll posts.
    """
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    rel = path.relative_to(root).as_posix()
    match = _FRONT_MATTER.match(text)
    toml = _TOML_FRONT_MATTER.match(text) if match is None else None
    if toml is not None:
        return _toml_post(text, toml, path, rel)
    if match is None:
        title, _, body = text.partition("\n")
        return make_post(
            body,
            source_path=rel,
            slug=path.stem,
            title=title.strip(),
            categories=(),
            description=None,
            body_line=2,
            source_format="text",
            date_source="mtime",
        )
    meta = yaml.safe_load(match.group(1)) or {}
    node = yaml.compose(match.group(1))
    meta_lines = {str(k.value): k.start_mark.line + 2 for k, _ in node.value} if node else {}
    categories = meta.get("categories", meta.get("category", ()))
    if isinstance(categories, str):
        categories = tuple(categories.split())
    check = meta.get("check") if isinstance(meta.get("check"), dict) else {}
    description = meta.get("description")
    return make_post(
        text[match.end() :],
        source_path=rel,
        slug=path.stem,
        title=str(meta.get("title", path.stem)),
        categories=tuple(str(c) for c in categories or ()),
        description=None if description is None else str(description),
        image=meta.get("image") if isinstance(meta.get("image"), str) else None,
        body_line=match.group(0).count("\n") + 1,
        date_source="front_matter" if "date" in meta else "file_name",
        check_ignore=tuple(check.get("ignore", ())),
        meta_lines=meta_lines,
    )


def _toml_post(text: str, match: re.Match[str], path: Path, rel: str) -> Post:
    """A Hugo post with TOML front matter (`+++`)."""
    meta = tomllib.loads(match.group(1))
    meta_lines = {
        key.group(1): match.group(1).count("\n", 0, key.start()) + 2
        for key in _TOML_KEY.finditer(match.group(1))
    }
    categories = meta.get("categories", ())
    if isinstance(categories, str):
        categories = (categories,)
    description = meta.get("description")
    return make_post(
        text[match.end() :],
        source_path=rel,
        slug=path.stem,
        title=str(meta.get("title", path.stem)),
        categories=tuple(str(c) for c in categories or ()),
        description=None if description is None else str(description),
        body_line=match.group(0).count("\n") + 1,
        date_source="front_matter" if "date" in meta else "file_name",
        meta_lines=meta_lines,
    )


@pytest.fixture(name="make_post")
def make_post_fixture() -> Any:
    return make_post


@pytest.fixture(name="found")
def found_fixture() -> Any:
    return found


@pytest.fixture(name="findings_of")
def findings_of_fixture() -> Any:
    return findings_of


@pytest.fixture(name="load_source", scope="session")
def load_source_fixture() -> Any:
    return load_source
