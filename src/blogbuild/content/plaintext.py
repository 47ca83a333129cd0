"""Plain-text posts (text scraped from web pages) turned into Markdown, line for line.

Line N of the Markdown always comes from line N of the text, so the line numbers that
later checks report still point into the `.txt` file.

Each non-blank line becomes a block of its own. CommonMark ends a paragraph only at a
blank line or where another kind of block starts, so two adjacent text lines cannot be
two paragraphs without inserting a line. Adjacent text lines therefore become items of
a bulleted list: in scraped pages such runs are flattened tables, tag clouds and footer
links far more often than prose. Lines separated by blank lines stay paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

HEADING_MAX_CHARS = 90

_BULLET_RE = re.compile(r"^[•◦▪●\-–*]\s+(?P<content>\S.*)$")
_ORDERED_RE = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<content>\S.*)$")
# Characters that mean something anywhere in a line of Markdown (or to our math plugin).
# `]` is left alone: without `[` it starts nothing, and `\[…\]` would read as display math.
_INLINE_SPECIAL_RE = re.compile(r"([\\`*_\[<>$|~#])")
_ENTITY_RE = re.compile(r"&(?=#?\w+;)")
_ATTRIBUTE_LIST_RE = re.compile(r"\{(?=:)")
# At the start of a block: list markers, thematic breaks, setext underlines.
_LEADING_MARKER_RE = re.compile(r"^([-+=])")
_LEADING_NUMBER_RE = re.compile(r"^(\d+)([.)])")
_TITLE_END_PUNCTUATION = ".,;:…"
_SENTENCE_END = '.!?…:;)"»'


class Kind(Enum):
    BLANK = "blank"
    TEXT = "text"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    ORDERED = "ordered"


@dataclass(slots=True)
class _Line:
    kind: Kind
    content: str  # without list marker and surrounding whitespace
    number: int = 0  # for ordered items


def text_to_markdown(text: str) -> str:
    """Markdown for a plain-text post, with exactly one output line per input line."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_classify(line) for line in raw]
    _find_headings(lines)
    _resolve_blocks(lines)
    return "\n".join(_emit(line) for line in lines)


def _classify(line: str) -> _Line:
    stripped = line.strip()
    if not stripped:
        return _Line(Kind.BLANK, "")
    if match := _BULLET_RE.match(stripped):
        return _Line(Kind.BULLET, match["content"])
    if match := _ORDERED_RE.match(stripped):
        return _Line(Kind.ORDERED, match["content"], int(match["number"]))
    return _Line(Kind.TEXT, stripped)


def _is_title_like(content: str) -> bool:
    return (
        len(content) <= HEADING_MAX_CHARS
        and content[0].isalnum()  # not a quote, a dash before an author's name, …
        and any(ch.isalpha() for ch in content)
        and content[-1] not in _TITLE_END_PUNCTUATION
    )


def _is_prose(content: str) -> bool:
    # A long line, or one that ends like a sentence: not a label such as a site name.
    return len(content) > HEADING_MAX_CHARS or content[-1] in _SENTENCE_END


def _find_headings(lines: list[_Line]) -> None:
    """A short title-like line followed by a longer paragraph is a heading."""
    following: _Line | None = None  # the next non-blank line, scanning upwards
    for line in reversed(lines):
        if line.kind is Kind.BLANK:
            continue
        if (
            line.kind is Kind.TEXT
            and following is not None
            and following.kind is Kind.TEXT
            and len(following.content) > len(line.content)
            and _is_prose(following.content)
            and _is_title_like(line.content)
        ):
            line.kind = Kind.HEADING
        following = line


def _resolve_blocks(lines: list[_Line]) -> None:
    """Decide, for each text line, whether it can be a paragraph without a blank line."""
    for i, line in enumerate(lines):
        before = lines[i - 1].kind if i > 0 else Kind.BLANK
        after = lines[i + 1].kind if i + 1 < len(lines) else Kind.BLANK
        if line.kind is Kind.ORDERED and line.number != 1:
            # Only a list starting at 1 may interrupt a paragraph; otherwise the line would
            # be glued to the previous one, so it becomes a bullet that keeps its number.
            if before not in (Kind.BLANK, Kind.HEADING, Kind.ORDERED):
                line.kind = Kind.BULLET
                line.content = f"{line.number}. {line.content}"
        elif line.kind is Kind.TEXT:
            alone_before = before in (Kind.BLANK, Kind.HEADING)
            alone_after = after in (Kind.BLANK, Kind.HEADING, Kind.BULLET, Kind.ORDERED)
            line.kind = Kind.PARAGRAPH if alone_before and alone_after else Kind.BULLET


def _emit(line: _Line) -> str:
    if line.kind is Kind.BLANK:
        return ""
    if line.kind is Kind.HEADING:
        return "## " + _escape_inline(line.content)
    body = _escape_block_start(_escape_inline(line.content))
    if line.kind is Kind.BULLET:
        return "- " + body
    if line.kind is Kind.ORDERED:
        return f"{line.number}. {body}"
    return body


def escape_markdown(text: str) -> str:
    """`text` escaped so that Markdown shows it as written, as a block of its own."""
    return _escape_block_start(_escape_inline(text.strip()))


def _escape_inline(text: str) -> str:
    text = _INLINE_SPECIAL_RE.sub(r"\\\1", text)
    text = _ENTITY_RE.sub(r"\\&", text)
    # `{: …}` would be taken for a kramdown attribute list and removed.
    return _ATTRIBUTE_LIST_RE.sub(r"\\{", text)


def _escape_block_start(text: str) -> str:
    text = _LEADING_MARKER_RE.sub(r"\\\1", text)
    return _LEADING_NUMBER_RE.sub(r"\1\\\2", text)
