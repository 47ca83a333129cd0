"""Titles of posts that have none in front matter: the first heading, else the file name."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from blogbuild.content.dates import strip_date_prefix
from blogbuild.content.text import collapse_whitespace

_ATX = re.compile(r"^ {0,3}#{1,6}\s+(.+?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_TAG = re.compile(r"<[^<>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~|`+)(?=\S)(.+?)(?<=\S)\1")
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S*$")
_BRACKETED = re.compile(r"^\[.*\]$")  # `[youtube http://…]`: a WordPress shortcode, no title
_NAME_SEPARATORS = re.compile(r"[-_\s]+")
# A heading or first line longer than this is a paragraph, not a title (and the patterns
# that strip a title's markup read on from each of its brackets and asterisks).
LONGEST_TITLE = 1_000


@dataclass(frozen=True, slots=True)
class FoundTitle:
    """A title taken from a post's body or file name, and the body left without it."""

    title: str
    body: str
    body_line: int
    where: int | None  # the line it came from, for the warning
    source: str  # "heading", "first line" or "file name"


def plain_title(text: str) -> str:
    """A heading's or line's text without its Markdown and HTML: what a reader sees."""
    text = _TEMPLATE.sub(" ", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for _ in range(3):  # nested emphasis: ***a*** and **_a_**
        text = _EMPHASIS.sub(r"\2", text)
    text = html.unescape(text.replace("\\", ""))
    return collapse_whitespace(text)


def usable(title: str) -> bool:
    """Whether a title says something: letters or digits, not a shortcode or a bare URL."""
    return (
        any(ch.isalnum() for ch in title)
        and not _BRACKETED.match(title)
        and not _URL_ONLY.match(title)
    )


def title_from_file_name(stem: str, folder: str) -> str:
    """Jekyll's title of a post without one: its file name's words, capitalised."""
    name = folder if stem.lower() == "index" else stem
    words = _NAME_SEPARATORS.split(strip_date_prefix(name).strip("-_ "))
    return " ".join(word[:1].upper() + word[1:] for word in words if word) or name


def find_title(body: str, body_line: int, is_text: bool, stem: str, folder: str) -> FoundTitle:
    """The first heading (Markdown) or first line (text) as the title, removed from the
    body; when that says nothing a reader could use, or is too long to be a title, the
    file name."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        taken = 1
        heading = None if is_text else _ATX.match(line)
        if heading:
            text = heading.group(1)
        elif not is_text and index + 1 < len(lines) and _SETEXT.match(lines[index + 1]):
            text, taken = line, 2
        elif is_text:
            text = line
        else:
            break
        if len(text) > LONGEST_TITLE:
            break
        title = plain_title(text)
        if not usable(title):
            break
        rest = "\n".join(lines[index + taken :])
        source = "first line" if is_text else "heading"
        return FoundTitle(title, rest, body_line + index + taken, body_line + index, source)
    return FoundTitle(title_from_file_name(stem, folder), body, body_line, None, "file name")
