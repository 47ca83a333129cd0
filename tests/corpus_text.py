"""Plain-text copies of real Markdown posts: the article's text as a reader copies it from
its page (headings, paragraphs, list items and code lines; no front matter, no page chrome).

`.txt` rules (scrape-debris, flattened-table) only read text posts, and the corpora hold
Markdown; these copies give them human writing without page chrome to stay quiet on.
The copies are made in a temporary folder by each run and never kept.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_YAML = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
POST_SUFFIXES = (".md", ".markdown")


def split_post(text: str, fallback_title: str) -> tuple[str, str]:
    """(title, Markdown body) of a post with YAML or TOML front matter (or none)."""
    text = text.lstrip("\ufeff")
    meta: object = {}
    for pattern, parse in ((_YAML, _yaml), (_TOML, _toml)):
        match = pattern.match(text)
        if match:
            meta, text = parse(match.group(1)), text[match.end() :]
            break
    title = meta.get("title") if isinstance(meta, dict) else None
    return (str(title).strip() if title else fallback_title), text


def _yaml(text: str) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return {}


def _toml(text: str) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def article_lines(body: str) -> list[str]:
    """The lines a reader copies from the rendered article, blocks apart by blank lines."""
    tokens = _MD.parse(body)
    lines: list[str] = []
    in_list = 0
    row: list[str] | None = None
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
            if not in_list:
                lines.append("")
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(" | ".join(row))
            row = None
        elif token.type == "table_close":
            lines.append("")
        elif token.type == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(text)
            elif text:
                lines.append(text)
                if not in_list:
                    lines.append("")
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.rstrip("\n").split("\n"))
            if not in_list:
                lines.append("")
        elif token.type == "html_block":
            text = " ".join(_TAG.sub(" ", token.content).split())
            if text:
                lines += [text, ""]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def text_copy(text: str, fallback_title: str) -> str:
    """A `.txt` post (title on line 1) holding the article text of a Markdown post."""
    title, body = split_post(text, fallback_title)
    title = " ".join(title.split()) or fallback_title
    return "\n".join([title, "", *article_lines(body)]) + "\n"


def write_text_copies(posts: Iterable[Path], folder: Path) -> list[Path]:
    """`.txt` copies of Markdown posts in `folder`, one per post, named after their source."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in posts:
        source = path.read_text(encoding="utf-8", errors="replace")
        target = folder / f"{path.parent.name[:12]}-{path.stem}.txt"
        target.write_text(text_copy(source, path.stem), encoding="utf-8")
        written.append(target)
    return written
