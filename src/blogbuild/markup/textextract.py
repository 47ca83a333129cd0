"""Plain text of a parsed document, for word counts, descriptions and search."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.token import Token

from blogbuild.markup.headings import inline_plain_text
from blogbuild.markup.htmltext import strip_hidden, strip_tags

_HIDDEN_OPEN_RE = re.compile(r"<(script|style)\b", re.IGNORECASE)
_HIDDEN_CLOSE_RE = re.compile(r"</(script|style)\b", re.IGNORECASE)
_INLINE_MATH = frozenset({"math_inline", "math_inline_double", "math_bracket_inline"})


def _inline_text(children: list[Token] | None) -> str:
    parts: list[str] = []
    hidden = False  # inside an inline <script> or <style>: never shown to readers
    for child in children or ():
        if child.type == "html_inline":
            if _HIDDEN_OPEN_RE.match(child.content):
                hidden = True
            elif _HIDDEN_CLOSE_RE.match(child.content):
                hidden = False
            else:
                parts.append(" ")  # `a<br>b` is two words
        elif hidden:
            continue
        elif child.type in ("text", "code_inline", "text_special"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in _INLINE_MATH:
            # "для $N$ токенов" reads better with the N than without it.
            parts.append(child.content.strip())
        # Images and raw tags are not prose: they would only add noise words.
    return "".join(parts)


def html_block_text(source: str) -> str:
    """Visible text of a raw HTML block (tags, comments, scripts and styles dropped)."""
    text = strip_tags(strip_hidden(source), " ")
    return html.unescape(text)


def tokens_plain_text(tokens: Sequence[Token]) -> str:
    """The prose of `tokens`, one line per block; code blocks and display math are left out."""
    lines: list[str] = []
    for token in tokens:
        if token.type == "inline":
            text = _inline_text(token.children)
        elif token.type == "html_block":
            text = html_block_text(token.content)
        else:
            continue
        text = " ".join(text.split())
        if text:
            lines.append(text)
    return "\n".join(lines)


def first_paragraph(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Start and end (exclusive) of the first top-level paragraph that has text.

    A paragraph that is nothing but bold text is a title written by hand (common in
    machine-written posts), so a later one is preferred when there is one.
    """
    fallback: tuple[int, int] | None = None
    for i, token in enumerate(tokens):
        if token.type != "paragraph_open" or token.level != 0:
            continue
        inline = tokens[i + 1]
        if not inline_plain_text(inline.children).strip():
            continue
        span = (i, i + 3)
        if not _is_bold_title(inline.children or []):
            return span
        fallback = fallback or span
    return fallback


def _is_bold_title(children: list[Token]) -> bool:
    visible = [c for c in children if not (c.type == "text" and not c.content.strip())]
    return (
        len(visible) >= 3
        and visible[0].type == "strong_open"
        and visible[-1].type == "strong_close"
        and sum(c.type == "strong_open" for c in visible) == 1
    )


def more_marker_index(tokens: Sequence[Token]) -> int | None:
    """Index of a top-level `<!--more-->` block, the author's end of the excerpt."""
    for i, token in enumerate(tokens):
        if token.type == "html_block" and token.level == 0 and _is_more(token.content):
            return i
    return None


def _is_more(content: str) -> bool:
    return content.strip().replace(" ", "").lower() == "<!--more-->"
